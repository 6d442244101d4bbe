import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local HTTP server speaking WeChat's jscode2session wire format, for tests of the real WeChat client.
 * Like WeChat, it answers HTTP 200 with a text/plain JSON body, and reports failures through `errcode`.
 * js_code decides the answer: `ok-<x>` signs in as openid `o-<x>`; `err<N>` answers errcode N (40029 invalid
 * code, 40163 code been used, 45011 rate limited, -1 system busy); `slow` never answers; `garbage` is not JSON.
 */
export async function startWechatServer(appId: string, secret: string) {
  const calls: URL[] = []
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    calls.push(url)
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end(typeof body === 'string' ? body : JSON.stringify(body))
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
