import WebSocket from 'ws'

export interface Closed {
  code: number
  reason: string
}

/** A real WebSocket client signed in with an access token, as the mini-program does (first frame: auth). */
export async function openSignedInSocket(url: string, accessToken: string) {
  const ws = new WebSocket(url)
  const closed = new Promise<Closed>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  )
  const ready = new Promise<void>((resolve, reject) => {
    ws.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { type?: string }).type === 'ready') resolve()
    })
    ws.once('close', (code) => reject(new Error(`closed (${code}) before the ready frame`)))
  })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  ws.send(JSON.stringify({ type: 'auth', token: accessToken }))
  await ready
  return {
    ws,
    /** How the server closed the socket, or a failure when it is still open after `ms`. */
    closedWithin(ms = 3000): Promise<Closed> {
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('still open')), ms)))
      return Promise.race([closed, late]).finally(() => clearTimeout(timer))
    }
  }
}
