import { AppError } from '../../lib/app-error'
import type { Config } from '../../config'

export interface WechatSession {
  openid: string
  unionid?: string
}

interface CodeToSessionAnswer {
  openid?: string
  unionid?: string
  errcode?: number
  errmsg?: string
}

/** jscode2session error codes: an invalid or used code is the user's to fix; the rest means "try later". */
const CODE_INVALID = new Set([40029, 40163])

/**
 * Exchanges a wx.login code for the user's openid at `${apiBase}/sns/jscode2session`.
 * WeChat answers 200 with `errcode` on failure, sometimes with a text/plain content type.
 */
export function createWechatClient(wechat: Extract<Config['wechat'], { mode: 'real' }>) {
  return {
    async codeToSession(code: string): Promise<WechatSession> {
      const url = new URL(`${wechat.apiBase}/sns/jscode2session`)
      url.searchParams.set('appid', wechat.appId)
      url.searchParams.set('secret', wechat.secret)
      url.searchParams.set('js_code', code)
      url.searchParams.set('grant_type', 'authorization_code')
      let payload: CodeToSessionAnswer
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(wechat.timeoutMs) })
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        payload = JSON.parse(await response.text()) as CodeToSessionAnswer
      } catch (cause) {
        throw new AppError('WECHAT_UNAVAILABLE', {}, undefined, { cause })
      }
      if (payload.errcode && CODE_INVALID.has(payload.errcode)) throw new AppError('WECHAT_CODE_INVALID')
      if (payload.errcode || !payload.openid) {
        throw new AppError('WECHAT_UNAVAILABLE', {}, undefined, {
          cause: new Error(`errcode ${payload.errcode}: ${payload.errmsg}`)
        })
      }
      return { openid: payload.openid, ...(payload.unionid ? { unionid: payload.unionid } : {}) }
    }
  }
}

export type WechatClient = ReturnType<typeof createWechatClient>

const DEV_CODE = /^dev:([A-Za-z0-9_-]{1,64})$/

/** Dev-WeChat mode: `dev:<name>` signs in as openid `dev-<name>`; anything else is an invalid code. */
export function createDevWechatClient(): WechatClient {
  return {
    async codeToSession(code: string) {
      const match = DEV_CODE.exec(code)
      if (!match) throw new AppError('WECHAT_CODE_INVALID')
      return { openid: `dev-${match[1]}` }
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    wechat: WechatClient
  }
}
