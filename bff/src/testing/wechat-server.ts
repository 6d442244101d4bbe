import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A subscription message as WeChat received it. */
export interface ReceivedMessage {
  touser: string
  template_id: string
  page?: string
  data: Record<string, { value: string }>
  miniprogram_state?: string
  lang?: string
}

/** Longest value per field type, in characters, as WeChat checks them (47003 otherwise). */
const FIELD_LIMITS: Record<string, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
  phone_number: 17
}
const TIME_VALUE = /^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/

function dataIsValid(data: ReceivedMessage['data'] | undefined) {
  if (!data || typeof data !== 'object') return false
  return Object.entries(data).every(([key, field]) => {
    const type = /^([a-z_]+)\d+$/.exec(key)?.[1]
    const value = field?.value
    if (!type || typeof value !== 'string' || value.length === 0) return false
    if (type === 'time' || type === 'date') return TIME_VALUE.test(value)
    const limit = FIELD_LIMITS[type]
    return limit === undefined || Array.from(value).length <= limit
  })
}

/**
 * A local HTTP server speaking WeChat's wire format, for tests of the real WeChat client: jscode2session,
 * cgi-bin/token and message/subscribe/send. Like WeChat, it answers HTTP 200 with a text/plain JSON body, and
 * reports failures through `errcode`.
 *
 * jscode2session: js_code decides the answer: `ok-<x>` signs in as openid `o-<x>`; `err<N>` answers errcode N
 * (40029 invalid code, 40163 code been used, 45011 rate limited, -1 system busy); `slow` never answers; `garbage`
 * is not JSON.
 *
 * subscribe/send: a token it did not issue, or one `expireTokens()` ended, answers 40001; data breaking WeChat's
 * field rules answers 47003. The recipient decides failures: an openid containing `refuse` answers 43101 (the
 * person refused), `baddata` 47003, `badopenid` 40003, `busy` -1 every time, `slow` never answers; `failNext(openid,
 * errcode, times)` programs the next answers for one recipient. Accepted messages are kept in `received`.
 */
export async function startWechatServer(appId: string, secret: string) {
  const calls: URL[] = []
  const received: ReceivedMessage[] = []
  const counts = { token: 0, send: 0 }
  const validTokens = new Set<string>()
  const programmed = new Map<string, { errcode: number; times: number }>()
  let tokenSerial = 0
  let tokenExpiresIn = 7200

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    calls.push(url)
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end(typeof body === 'string' ? body : JSON.stringify(body))
    }
    if (url.pathname === '/cgi-bin/token') {
      counts.token += 1
      const q = url.searchParams
      if (q.get('grant_type') !== 'client_credential') return send({ errcode: 40002, errmsg: 'invalid grant_type' })
      if (q.get('appid') !== appId) return send({ errcode: 40013, errmsg: 'invalid appid' })
      if (q.get('secret') !== secret) return send({ errcode: 40125, errmsg: 'invalid appsecret' })
      const token = `token-${++tokenSerial}`
      validTokens.add(token)
      return send({ access_token: token, expires_in: tokenExpiresIn })
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      counts.send += 1
      let raw = ''
      req.setEncoding('utf8')
      req.on('data', (chunk: string) => (raw += chunk))
      req.on('end', () => {
        const token = url.searchParams.get('access_token') ?? ''
        if (!validTokens.has(token))
          return send({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid' })
        let message: ReceivedMessage
        try {
          message = JSON.parse(raw) as ReceivedMessage
        } catch {
          return send({ errcode: 47001, errmsg: 'data format error' })
        }
        const touser = String(message.touser ?? '')
        const next = programmed.get(touser)
        if (next && next.times > 0) {
          next.times -= 1
          return send({ errcode: next.errcode, errmsg: 'programmed by the test' })
        }
        if (touser.includes('slow')) return // never answers: the client's timeout must fire
        if (touser.includes('refuse')) return send({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
        if (touser.includes('badopenid')) return send({ errcode: 40003, errmsg: 'invalid openid' })
        if (touser.includes('busy')) return send({ errcode: -1, errmsg: 'system error' })
        if (touser.includes('baddata') || !dataIsValid(message.data) || !message.template_id)
          return send({ errcode: 47003, errmsg: 'argument invalid! data.thing1.value invalid' })
        received.push(message)
        return send({ errcode: 0, errmsg: 'ok', msgid: received.length })
      })
      return
    }
    if (url.pathname !== '/sns/jscode2session') {
      res.writeHead(404).end()
      return
    }
    const q = url.searchParams
    if (q.get('appid') !== appId) return send({ errcode: 40013, errmsg: 'invalid appid' })
    if (q.get('secret') !== secret) return send({ errcode: 40125, errmsg: 'invalid appsecret' })
    if (q.get('grant_type') !== 'authorization_code') return send({ errcode: 40002, errmsg: 'invalid grant_type' })
    const code = q.get('js_code') ?? ''
    if (code.startsWith('ok-'))
      return send({ openid: `o-${code.slice(3)}`, session_key: 'c2Vzc2lvbi1rZXk=', unionid: `u-${code.slice(3)}` })
    if (code === 'slow') return // never answers: the client's timeout must fire
    if (code === 'garbage') return send('<html>bad gateway</html>')
    const errcode = /^err(-?\d+)$/.exec(code)
    if (errcode) return send({ errcode: Number(errcode[1]), errmsg: 'error from test server' })
    return send({ errcode: 40029, errmsg: 'invalid code' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    received,
    counts,
    /** Every token issued so far stops working (the next send with one answers 40001). */
    expireTokens: () => validTokens.clear(),
    /** What expires_in new tokens carry. */
    setTokenExpiresIn: (seconds: number) => {
      tokenExpiresIn = seconds
    },
    /** The next `times` sends to `openid` answer `errcode`. */
    failNext: (openid: string, errcode: number, times = 1) => {
      programmed.set(openid, { errcode, times })
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
