// The WebSocket protocol's own frames (capabilities send their own: message.created, thread.updated …).

/** Close codes the server uses; the 4xxx ones are this application's (RFC 6455 leaves 4000–4999 to it). */
export const CLOSE = {
  /** No valid auth frame in time, a bad or expired token, or a session that has ended: sign in again. */
  UNAUTHENTICATED: { code: 4401, reason: 'unauthenticated' },
  /** The account opened more sockets than allowed: the oldest gives way to the newest. */
  REPLACED: { code: 4408, reason: 'too many connections' },
  /** The server is shutting down: reconnect a little later. */
  GOING_AWAY: { code: 1001, reason: 'server shutting down' }
} as const

/** What a client may send. Anything else is ignored once signed in. */
export type ClientFrame = { type: 'auth'; token: string } | { type: 'ping' }

/** A client frame, or null for anything unreadable or unknown. */
export function parseClientFrame(data: string): ClientFrame | null {
  let value: unknown
  try {
    value = JSON.parse(data)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const frame = value as Record<string, unknown>
  if (frame.type === 'auth' && typeof frame.token === 'string' && frame.token.length > 0) {
    return { type: 'auth', token: frame.token }
  }
  if (frame.type === 'ping') return { type: 'ping' }
  return null
}

export const READY_FRAME = JSON.stringify({ type: 'ready' })
export const PONG_FRAME = JSON.stringify({ type: 'pong' })
