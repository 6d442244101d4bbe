import Taro from '@tarojs/taro'
import type { Me, TokenPair } from '@veterans/shared'
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { api, authApi, meApi, type SignOutReason } from '../../api'
import { taroStore } from '../../lib/key-value-store'
import { pageThemeClass } from '../../theme'
import { readWechatFontScale } from '../elder-mode/wechat-font-scale'
import { forgetPersonalData } from './personal-data'

export type SessionStatus = 'starting' | 'signedIn' | 'signedOut'

export interface SessionContextValue {
  status: SessionStatus
  me: Me | null
  /** Why the last session ended, to explain it on the next sign-in prompt. */
  endedReason: SignOutReason | null
  elderMode: boolean
  /** From the WeChat font-size setting; 1 in the browser. */
  fontScale: number
  signInWithWechatCode: (code: string) => Promise<void>
  signInStaff: (username: string, password: string) => Promise<void>
  signOut: () => Promise<void>
  /** Replaces the profile everywhere (after PATCH /me, binding, linking …). */
  setMe: (me: Me) => void
  reloadMe: () => Promise<void>
  setGuestElderMode: (on: boolean) => void
}

const SessionContext = createContext<SessionContextValue | null>(null)

const GUEST_ELDER_KEY = 'veterans.guest-elder-mode'

const readGuestElderMode = () => taroStore.get(GUEST_ELDER_KEY) === true

/**
 * Who is signed in, for every page. The API client owns the tokens; this provider mirrors its session events into
 * React state, refreshes the profile at launch, and on WeChat signs in silently with wx.login. `personalDataKeys`
 * are the storage keys under which features keep the person's data on the phone, forgotten at sign-out.
 */
export function SessionProvider({
  children,
  personalDataKeys
}: {
  children: ReactNode
  personalDataKeys: readonly string[]
}) {
  const stored = api.session
  const [me, setMeState] = useState<Me | null>(stored?.user ?? null)
  const [status, setStatus] = useState<SessionStatus>(
    stored ? 'signedIn' : process.env.TARO_ENV === 'h5' ? 'signedOut' : 'starting'
  )
  const [endedReason, setEndedReason] = useState<SignOutReason | null>(null)
  const [guestElderMode, setGuestElderModeState] = useState(readGuestElderMode)
  const [fontScale, setFontScale] = useState(readWechatFontScale)

  // The WeChat font size can be changed while the mini-program is in the background: read it again on return.
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') return
    const update = () => setFontScale(readWechatFontScale())
    Taro.onAppShow(update)
    return () => Taro.offAppShow(update)
  }, [])

  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'signedOut') {
          forgetPersonalData(event.reason, personalDataKeys)
          setMeState(null)
          setStatus('signedOut')
          setEndedReason(event.reason)
        } else {
          setMeState(event.session.user)
          setStatus('signedIn')
          if (event.type === 'signedIn') setEndedReason(null)
        }
      }),
    [personalDataKeys]
  )

  const startSession = useCallback(
    async (pair: TokenPair) => {
      // 长辈版 chosen before signing in goes with the person into their account (shown at once, then saved).
      const carryElderMode = guestElderMode && !pair.user.elderMode
      api.startSession(carryElderMode ? { ...pair, user: { ...pair.user, elderMode: true } } : pair)
      if (!carryElderMode) return
      try {
        api.updateUser(await meApi.update({ elderMode: true }))
      } catch {
        api.updateUser(pair.user) // not saved: show what the account really has; the switch still works
      }
    },
    [guestElderMode]
  )

  const signInWithWechatCode = useCallback(
    async (code: string) => startSession(await authApi.wechat(code)),
    [startSession]
  )
  const signInStaff = useCallback(
    async (username: string, password: string) => startSession(await authApi.staff({ username, password })),
    [startSession]
  )

  const reloadMe = useCallback(async () => {
    if (!api.session) return
    try {
      api.updateUser(await meApi.get())
    } catch {
      // Offline or signed out meanwhile: the cached profile stays, or the signedOut event has already been handled.
    }
  }, [])

  // At launch: refresh the cached profile; on WeChat without a session, sign in silently. Once only, though the
  // sign-in callback changes with the guest's 长辈版 choice.
  const launched = useRef(false)
  useEffect(() => {
    if (launched.current) return
    launched.current = true
    if (api.session) {
      void reloadMe()
      return
    }
    if (process.env.TARO_ENV === 'h5' || process.env.TARO_APP_DEV_SIGNIN === '1') {
      setStatus('signedOut')
      return
    }
    Taro.login()
      .then(({ code }) => signInWithWechatCode(code))
      .catch(() => setStatus('signedOut'))
  }, [reloadMe, signInWithWechatCode])

  const elderMode = me ? me.elderMode : guestElderMode

  // In the browser the tab bar lives outside the pages: mark <html> too, so it grows with 长辈版.
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('theme-elder', elderMode)
  }, [elderMode])

  const value = useMemo<SessionContextValue>(
    () => ({
      status,
      me,
      endedReason,
      elderMode,
      fontScale,
      signInWithWechatCode,
      signInStaff,
      signOut: () => api.signOut(),
      setMe: (next) => api.updateUser(next),
      reloadMe,
      setGuestElderMode: (on) => {
        setGuestElderModeState(on)
        taroStore.set(GUEST_ELDER_KEY, on) // if storage is unavailable, kept for this visit only
      }
    }),
    [status, me, endedReason, elderMode, fontScale, signInWithWechatCode, signInStaff, reloadMe]
  )

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession must be used inside <SessionProvider>')
  return value
}

/** Class and style for a page root: tokens, 长辈版, and (on WeChat) the person's font-size setting. */
export function useTheme(): { className: string; style: string | undefined } {
  const { elderMode, fontScale } = useSession()
  return {
    className: pageThemeClass(elderMode),
    style: fontScale !== 1 ? `--font-scale: ${fontScale};` : undefined
  }
}
