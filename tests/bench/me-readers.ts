import { Agent, request } from 'node:http'
import { performance } from 'node:perf_hooks'

/**
 * Signed-in `GET /me` at `connections` keep-alive connections, each request after the last, while `running()`:
 * how long other requests wait while the server does something big (a notice's fan-out, an import).
 */
export function meReaders(port: number, accessToken: string, connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections })
  const getMe = () =>
    new Promise<number>((resolve, reject) => {
      const t0 = performance.now()
      const req = request(
        { host: '127.0.0.1', port, path: '/api/v1/me', agent, headers: { authorization: `Bearer ${accessToken}` } },
        (res) => {
          res.resume()
          res.on('end', () =>
            res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`GET /me ${res.statusCode}`))
          )
        }
      )
      req.on('error', reject)
      req.end()
    })
  const load = (running: () => boolean) => {
    const latencies: number[] = []
    const done = Promise.all(
      Array.from({ length: connections }, async () => {
        while (running()) latencies.push(await getMe())
      })
    )
    return { latencies, done }
  }
  return { load, close: () => agent.destroy() }
}
