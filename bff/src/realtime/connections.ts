import type { WebSocket } from 'ws'
import type { Principal } from '../lib/principal'
import { isStaffAudience, type Audience } from './audience'

/** A signed-in socket of this instance. */
export interface Connection {
  socket: WebSocket
  /** Who is signed in, refreshed from the session at each heartbeat (a role or center change applies). */
  principal: Principal
  /** Answered the last heartbeat (or sent anything since). */
  alive: boolean
}

function isStaff(principal: Principal): boolean {
  return principal.role === 'staff' || principal.role === 'admin'
}

/**
 * The signed-in sockets of this instance, found by person and, for staff, by the centers they serve. A frame for
 * a few people is a lookup per person; staff (few) are checked one by one against the frame's center.
 */
export class Connections {
  private readonly byUser = new Map<string, Connection[]>()
  private readonly staff = new Set<Connection>()

  /** Adds a connection; answers the person's oldest ones beyond `maxPerUser`, which the caller closes. */
  add(connection: Connection, maxPerUser: number): Connection[] {
    const { userId } = connection.principal
    const own = this.byUser.get(userId) ?? []
    own.push(connection)
    this.byUser.set(userId, own)
    if (isStaff(connection.principal)) this.staff.add(connection)
    return own.length > maxPerUser ? own.slice(0, own.length - maxPerUser) : []
  }

  remove(connection: Connection) {
    const { userId } = connection.principal
    const own = this.byUser.get(userId)?.filter((c) => c !== connection) ?? []
    if (own.length > 0) this.byUser.set(userId, own)
    else this.byUser.delete(userId)
    this.staff.delete(connection)
  }

  /** The session now names this principal (same person and session; role or center may have changed). */
  refresh(connection: Connection, principal: Principal) {
    if (!this.byUser.get(connection.principal.userId)?.includes(connection)) return // closed meanwhile
    connection.principal = principal
    if (isStaff(principal)) this.staff.add(connection)
    else this.staff.delete(connection)
  }

  /** Every connection the audience reaches, each once. */
  reaching(audience: Audience): Set<Connection> {
    const found = new Set<Connection>()
    for (const userId of audience.userIds ?? []) for (const c of this.byUser.get(userId) ?? []) found.add(c)
    if (audience.staffOfCenterId !== undefined) {
      for (const c of this.staff) if (isStaffAudience(c.principal, audience)) found.add(c)
    }
    return found
  }

  /** The connections of these sessions and of every session of these people. */
  ofSessions(sessionIds: readonly string[], userIds: readonly string[]): Connection[] {
    const sessions = new Set(sessionIds)
    const users = new Set(userIds)
    return this.all().filter((c) => sessions.has(c.principal.sessionId) || users.has(c.principal.userId))
  }

  all(): Connection[] {
    return [...this.byUser.values()].flat()
  }

  get size(): number {
    let count = 0
    for (const own of this.byUser.values()) count += own.length
    return count
  }
}
