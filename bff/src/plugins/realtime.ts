import fp from 'fastify-plugin'
import websocket from '@fastify/websocket'
import type { RawData, WebSocket } from 'ws'
import type { PubSub } from '../lib/pubsub/pubsub'
import type { Principal } from '../lib/principal'
import { findSessionPrincipal } from '../modules/auth/repo'
import type { Audience } from '../realtime/audience'
import { decodeBusEvent, encodeBusEvent, REALTIME_CHANNEL, type BusEvent } from '../realtime/bus'
import { Connections, type Connection } from '../realtime/connections'
import { CLOSE, parseClientFrame, PONG_FRAME, READY_FRAME } from '../realtime/frames'

/** A server frame: a `type` and what the capability puts with it. */
export type RealtimeFrame = { type: string; [key: string]: unknown }

/** Logins that have ended: these sessions, and every session of these people. */
export interface EndedSessions {
  sessionIds?: string[]
  userIds?: string[]
}

export interface Realtime {
  /** Sends a frame to the sockets of its audience, on every instance; nobody else receives it. After the commit. */
  publish(audience: Audience, frame: RealtimeFrame): void
  /**
   * Sends several frames, each to its audience, as one event between instances (what one change tells each side),
   * in this order. After the commit.
   */
  publishAll(deliveries: readonly { audience: Audience; frame: RealtimeFrame }[]): void
  /** Closes the sockets of logins that have ended (sign-out, a reused refresh token, a closed account). */
  endSessions(ended: EndedSessions): void
  /** Signed-in sockets on this instance. */
  connectionCount(): number
}

declare module 'fastify' {
  interface FastifyInstance {
    realtime: Realtime
  }
}

export interface RealtimeOptions {
  /** How instances hear each other's events (app.ts chooses it). The plugin owns it and closes it on shutdown. */
  pubsub: PubSub
}

/** Incoming frames are small (auth, ping): anything larger closes the socket (1009). */
const MAX_INCOMING_FRAME_BYTES = 4096
/** As many sockets per person as WeChat allows a mini-program; a sixth replaces the oldest. */
const MAX_SOCKETS_PER_USER = 5
/** A client this far behind on reading is gone or too slow to serve: drop it, it catches up on reconnect. */
const MAX_BUFFERED_BYTES = 1024 * 1024
const SHUTDOWN_GRACE_MS = 1000

/**
 * WebSocket `GET /api/v1/ws` and the fan-out of server frames. The client authenticates with its first frame
 * `{ type: 'auth', token }` (tokens stay out of URLs and logs) within the configured deadline, checked like an
 * HTTP request's token (signature, then the session); the server answers `{ type: 'ready' }`. Every heartbeat
 * pings each socket, terminates those that did not answer the last one, and re-checks each socket's session, so a
 * socket never outlives its login by more than one heartbeat, even when the revocation event was missed.
 */
export default fp<RealtimeOptions>(
  async (app, { pubsub }) => {
    const { authTimeoutMs, heartbeatMs } = app.config.realtime
    const connections = new Connections()
    /** Every accepted socket until it is closed, signed in or not: shutdown says goodbye to each. */
    const sockets = new Set<WebSocket>()

    const send = (socket: WebSocket, text: string) => {
      if (socket.readyState !== socket.OPEN) return
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return socket.terminate()
      socket.send(text)
    }
    const close = (socket: WebSocket, how: { code: number; reason: string }) => {
      if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING)
        socket.close(how.code, how.reason)
    }
    /** Closes a signed-in socket, which receives nothing more from this moment. */
    const drop = (connection: Connection, how: { code: number; reason: string }) => {
      connections.remove(connection)
      close(connection.socket, how)
    }

    const onEvent = (event: BusEvent) => {
      if (event.kind === 'frames') {
        for (const { audience, frame } of event.deliveries) {
          for (const c of connections.reaching(audience)) send(c.socket, frame)
        }
      } else {
        for (const c of connections.ofSessions(event.sessionIds, event.userIds)) drop(c, CLOSE.UNAUTHENTICATED)
      }
    }
    const unsubscribe = await pubsub.subscribe(REALTIME_CHANNEL, (payload) => {
      const event = decodeBusEvent(payload)
      if (event) onEvent(event)
      else app.log.warn('unreadable realtime event ignored')
    })
    const broadcast = (event: BusEvent) => {
      pubsub
        .publish(REALTIME_CHANNEL, encodeBusEvent(event))
        .catch((err) => app.log.error({ err }, 'realtime publish failed'))
    }

    const publishAll: Realtime['publishAll'] = (deliveries) => {
      if (deliveries.length === 0) return
      const serialized = deliveries.map(({ audience, frame }) => ({ audience, frame: JSON.stringify(frame) }))
      broadcast({ kind: 'frames', deliveries: serialized })
    }
    app.decorate('realtime', {
      publish: (audience, frame) => publishAll([{ audience, frame }]),
      publishAll,
      endSessions: ({ sessionIds = [], userIds = [] }) => {
        if (sessionIds.length > 0 || userIds.length > 0) broadcast({ kind: 'sessions-ended', sessionIds, userIds })
      },
      connectionCount: () => connections.size
    } satisfies Realtime)

    const authenticate = async (token: string): Promise<Principal | null> => {
      const claims = app.accessTokens.verify(token)
      return claims ? findSessionPrincipal(app.db, claims.sid, claims.sub) : null
    }

    const accept = (socket: WebSocket) => {
      let connection: Connection | null = null
      let authenticating = false
      sockets.add(socket)
      const deadline = setTimeout(() => close(socket, CLOSE.UNAUTHENTICATED), authTimeoutMs)

      const signIn = async (token: string) => {
        const principal = await authenticate(token)
        if (socket.readyState !== socket.OPEN) return
        if (!principal) return close(socket, CLOSE.UNAUTHENTICATED)
        clearTimeout(deadline)
        connection = { socket, principal, alive: true }
        for (const oldest of connections.add(connection, MAX_SOCKETS_PER_USER)) drop(oldest, CLOSE.REPLACED)
        send(socket, READY_FRAME)
      }

      socket.on('message', (data: RawData, isBinary: boolean) => {
        const frame = isBinary ? null : parseClientFrame(textOf(data))
        if (connection) {
          connection.alive = true
          if (frame?.type === 'ping') send(socket, PONG_FRAME)
          return // anything else from a signed-in client is ignored
        }
        if (authenticating) return
        if (frame?.type !== 'auth') return close(socket, CLOSE.UNAUTHENTICATED)
        authenticating = true
        signIn(frame.token).catch((err) => {
          app.log.error({ err }, 'websocket sign-in failed')
          close(socket, CLOSE.UNAUTHENTICATED)
        })
      })
      socket.on('pong', () => {
        if (connection) connection.alive = true
      })
      socket.on('close', () => {
        clearTimeout(deadline)
        sockets.delete(socket)
        if (connection) connections.remove(connection)
      })
    }

    const heartbeat = async () => {
      for (const c of connections.all()) {
        if (!c.alive) {
          connections.remove(c)
          c.socket.terminate()
          continue
        }
        c.alive = false
        if (c.socket.readyState === c.socket.OPEN) c.socket.ping()
        const principal = await findSessionPrincipal(app.db, c.principal.sessionId, c.principal.userId)
        if (!principal) drop(c, CLOSE.UNAUTHENTICATED)
        else connections.refresh(c, principal)
      }
    }
    const timer = setInterval(
      () => heartbeat().catch((err) => app.log.error({ err }, 'websocket heartbeat failed')),
      heartbeatMs
    )
    timer.unref()

    // @fastify/websocket in a context of its own: its hooks then serve this route only, not every HTTP request.
    await app.register(async (ws) => {
      await ws.register(websocket, { options: { maxPayload: MAX_INCOMING_FRAME_BYTES } })
      ws.get('/api/v1/ws', { websocket: true, config: { access: 'public' } }, (socket) => accept(socket))
    })

    app.addHook('preClose', async () => {
      clearInterval(timer)
      unsubscribe()
      await closeAll([...sockets])
      await pubsub.close()
    })
  },
  { name: 'realtime', dependencies: ['db', 'auth'] }
)

/** Says goodbye to every socket; those that do not finish the closing handshake within a second are cut. */
async function closeAll(sockets: WebSocket[]) {
  const closed = sockets.map(
    (socket) =>
      new Promise<void>((resolve) => {
        if (socket.readyState === socket.CLOSED) return resolve()
        socket.once('close', () => resolve())
        socket.close(CLOSE.GOING_AWAY.code, CLOSE.GOING_AWAY.reason)
      })
  )
  let grace: NodeJS.Timeout | undefined
  const timedOut = new Promise<void>((resolve) => (grace = setTimeout(resolve, SHUTDOWN_GRACE_MS)))
  await Promise.race([Promise.all(closed), timedOut])
  clearTimeout(grace)
  for (const socket of sockets) if (socket.readyState !== socket.CLOSED) socket.terminate()
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8')
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.from(data).toString('utf8')
}
