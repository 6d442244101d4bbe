import type { Audience } from './audience'

/** The one pub/sub channel of realtime: every instance hears every event and serves its own sockets. */
export const REALTIME_CHANNEL = 'realtime'

/** What travels between instances: a frame for an audience, or logins that have ended. */
export type BusEvent =
  | { kind: 'frame'; audience: Audience; frame: string }
  | { kind: 'sessions-ended'; sessionIds: string[]; userIds: string[] }

// A frame travels as its JSON text after a header line, so that it is serialized once by the publisher and sent to
// each socket as it is. JSON.stringify escapes newlines, so the header never contains one.

export function encodeBusEvent(event: BusEvent): string {
  if (event.kind === 'frame') return `${JSON.stringify({ kind: 'frame', audience: event.audience })}\n${event.frame}`
  return JSON.stringify(event)
}

/** The event a payload carries, or null when it is not one. */
export function decodeBusEvent(payload: string): BusEvent | null {
  const newline = payload.indexOf('\n')
  const header = parseObject(newline === -1 ? payload : payload.slice(0, newline))
  if (!header) return null
  if (header.kind === 'frame' && newline !== -1) {
    const audience = parseAudience(header.audience)
    return audience ? { kind: 'frame', audience, frame: payload.slice(newline + 1) } : null
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
