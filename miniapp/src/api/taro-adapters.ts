import Taro from '@tarojs/taro'
import type { SessionStore, StoredSession } from './client'
import { NetworkError, type Transport } from './transport'

/** Taro.request as the client's transport: the same code runs on WeChat (wx.request) and in the browser (fetch). */
export const taroTransport: Transport = async (request) => {
  try {
    const response = await Taro.request({
      url: request.url,
      method: request.method,
      header: request.headers,
      data: request.body as TaroGeneral.IAnyObject | undefined,
      timeout: request.timeoutMs,
      dataType: 'json'
    })
    return { status: response.statusCode, body: response.data ?? null }
  } catch (error) {
    const detail = String((error as { errMsg?: string; message?: string })?.errMsg ?? (error as Error)?.message ?? '')
    throw new NetworkError(/timeout|abort/i.test(detail) ? 'timeout' : 'offline', detail)
  }
}

const SESSION_KEY = 'veterans.session'

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Partial<StoredSession>
  return typeof v.accessToken === 'string' && typeof v.refreshToken === 'string' && typeof v.user?.id === 'string'
}

/** Keeps the session in Taro storage (WeChat storage; localStorage in the browser). */
export const taroSessionStore: SessionStore = {
  load() {
    try {
      const value: unknown = Taro.getStorageSync(SESSION_KEY)
      return isStoredSession(value) ? value : null
    } catch {
      return null
    }
  },
  save(session) {
    try {
      if (session) Taro.setStorageSync(SESSION_KEY, session)
      else Taro.removeStorageSync(SESSION_KEY)
    } catch {
      // Storage full or unavailable: the session still works until the app closes.
    }
  }
}
