import { MESSAGE_KIND_CODES, MESSAGE_KINDS, type MessageKind } from '@veterans/shared'

// What a person is told, and how, when they have not said otherwise: everything reaches the inbox; by WeChat only
// what concerns their visits (a reminder is what people want on their phone). Booking and security messages
// always reach the inbox.

export const INBOX_LOCKED: ReadonlySet<MessageKind> = new Set<MessageKind>(['booking', 'security'])

export const DEFAULT_WECHAT: Record<MessageKind, boolean> = {
  booking: true,
  security: false,
  reply: false,
  notice: false
}

export interface KindPreference {
  kind: MessageKind
  inbox: boolean
  wechat: boolean
}

/** The effective preference of each kind: the stored row, else the default; locked kinds always reach the inbox. */
export function effectivePreferences(stored: { kind: MessageKind; inbox: boolean; wechat: boolean }[]) {
  const byKind = new Map(stored.map((row) => [row.kind, row]))
  return MESSAGE_KIND_CODES.map((kind): KindPreference => {
    const row = byKind.get(kind)
    return {
      kind,
      inbox: INBOX_LOCKED.has(kind) ? true : (row?.inbox ?? true),
      wechat: row?.wechat ?? DEFAULT_WECHAT[kind]
    }
  })
}

export const kindLabel = (kind: MessageKind) => MESSAGE_KINDS[kind]
