import type { Config } from '../../config'

// The WeChat server API the subscription channel needs: an access token (cached, refreshed before it expires and
// at once when WeChat says it is no longer valid) and subscribe/send. WeChat answers HTTP 200 with an `errcode`.

export interface SubscribeMessage {
  touser: string
  template_id: string
  page: string
  data: Record<string, { value: string }>
  miniprogram_state: 'formal' | 'trial' | 'developer'
  lang: 'zh_CN'
}

/** errcode 0: sent; anything else as WeChat said it; 'network' when no answer came (timeout, refused, not JSON). */
export type SendResult = { errcode: number; errmsg: string } | { errcode: 'network'; errmsg: string }

/** Refresh this long before WeChat's expiry, so a token is never used in its last minutes. */
const REFRESH_EARLY_MS = 5 * 60_000
/** The token is no longer valid (40001 invalid credential, 42001 expired): get a new one and try once more. */
const TOKEN_INVALID = new Set([40001, 42001])

export function createWechatPushClient(
  wechat: Extract<Config['wechat'], { mode: 'real' }>,
  clock: () => number = Date.now
) {
  let cached: { token: string; refreshAt: number } | null = null
  let inFlight: Promise<string> | null = null
  const calls = { tokenRequests: 0 }

  async function fetchJson(url: URL, init?: RequestInit): Promise<Record<string, unknown>> {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(wechat.timeoutMs) })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    return JSON.parse(await response.text()) as Record<string, unknown>
  }

  async function requestToken(): Promise<string> {
    calls.tokenRequests += 1
    const url = new URL(`${wechat.apiBase}/cgi-bin/token`)
    url.searchParams.set('grant_type', 'client_credential')
    url.searchParams.set('appid', wechat.appId)
    url.searchParams.set('secret', wechat.secret)
    const answer = await fetchJson(url)
    if (typeof answer.access_token !== 'string') throw new Error(`token errcode ${String(answer.errcode)}`)
    const expiresInMs = Number(answer.expires_in ?? 7200) * 1000
    cached = { token: answer.access_token, refreshAt: clock() + Math.max(expiresInMs - REFRESH_EARLY_MS, 0) }
    return answer.access_token
  }

  /** One token request at a time, however many sends wait for it. */
  function accessToken(): Promise<string> {
    if (cached && clock() < cached.refreshAt) return Promise.resolve(cached.token)
    inFlight ??= requestToken().finally(() => {
      inFlight = null
    })
    return inFlight
  }

  async function sendOnce(message: SubscribeMessage): Promise<{ errcode: number; errmsg: string }> {
    const token = await accessToken()
    const url = new URL(`${wechat.apiBase}/cgi-bin/message/subscribe/send`)
    url.searchParams.set('access_token', token)
    const answer = await fetchJson(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message)
    })
    const errcode = Number(answer.errcode ?? 0)
    if (TOKEN_INVALID.has(errcode) && cached?.token === token) cached = null
    return { errcode, errmsg: typeof answer.errmsg === 'string' ? answer.errmsg : '' }
  }

  return {
    calls,
    async send(message: SubscribeMessage): Promise<SendResult> {
      try {
        const first = await sendOnce(message)
        return TOKEN_INVALID.has(first.errcode) ? await sendOnce(message) : first
      } catch (error) {
        return { errcode: 'network', errmsg: error instanceof Error ? error.message : 'unknown' }
      }
    }
  }
}

export type WechatPushClient = ReturnType<typeof createWechatPushClient>
