import Taro from '@tarojs/taro'
import { taroStore } from '../lib/key-value-store'
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
    const value = taroStore.get(SESSION_KEY)
    return isStoredSession(value) ? value : null
  },
  save(session) {
    // Storage full or unavailable: the session still works until the app closes.
    if (session) taroStore.set(SESSION_KEY, session)
    else taroStore.remove(SESSION_KEY)
  }
}
