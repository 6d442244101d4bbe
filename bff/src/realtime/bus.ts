import type { Audience } from './audience'

/** The one pub/sub channel of realtime: every instance hears every event and serves its own sockets. */
export const REALTIME_CHANNEL = 'realtime'

/** A frame (its JSON text) for an audience. */
export interface Delivery {
  audience: Audience
  frame: string
}

/** What travels between instances: frames for their audiences (all a change tells), or logins that have ended. */
export type BusEvent =
  { kind: 'frames'; deliveries: Delivery[] } | { kind: 'sessions-ended'; sessionIds: string[]; userIds: string[] }

// Frames travel as their JSON text, one per line after a header line naming each one's audience, so that each is
// serialized once by the publisher and sent to each socket as it is. JSON.stringify escapes newlines, so neither
// the header nor a frame contains one.

export function encodeBusEvent(event: BusEvent): string {
  if (event.kind === 'frames') {
    const header = JSON.stringify({ kind: 'frames', audiences: event.deliveries.map((d) => d.audience) })
    return [header, ...event.deliveries.map((d) => d.frame)].join('\n')
  }
  return JSON.stringify(event)
}

/** The event a payload carries, or null when it is not one. */
export function decodeBusEvent(payload: string): BusEvent | null {
  const lines = payload.split('\n')
  const header = parseObject(lines[0]!)
  if (!header) return null
  if (header.kind === 'frames') {
    const audiences = Array.isArray(header.audiences) ? header.audiences.map(parseAudience) : []
    const frames = lines.slice(1)
    if (audiences.length === 0 || audiences.length !== frames.length || audiences.includes(null)) return null
    return { kind: 'frames', deliveries: frames.map((frame, i) => ({ audience: audiences[i]!, frame })) }
  }
  if (header.kind === 'sessions-ended') {
    return { kind: 'sessions-ended', sessionIds: strings(header.sessionIds), userIds: strings(header.userIds) }
  }
  return null
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function parseAudience(value: unknown): Audience | null {
  if (typeof value !== 'object' || value === null) return null
  const { userIds, staffOfCenterId } = value as Record<string, unknown>
  return {
    userIds: strings(userIds),
    ...(typeof staffOfCenterId === 'string' ? { staffOfCenterId } : {})
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}
