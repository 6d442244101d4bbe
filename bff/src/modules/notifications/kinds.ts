import type { MessageKind } from '@veterans/shared'

/**
 * The message kind (preferences, WeChat template) of a notification's event code: booking.* → booking,
 * security.* → security, a staff reply → reply. Staff-side events (a resident wrote, a thread was assigned) have
 * none: they always reach the staff member's inbox and never come by WeChat.
 */
export function messageKindOf(kind: string): MessageKind | null {
  if (kind.startsWith('booking.')) return 'booking'
  if (kind.startsWith('security.')) return 'security'
  if (kind === 'thread.reply') return 'reply'
  return null
}
