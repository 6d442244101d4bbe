import type { Message, Thread, Upload } from '@veterans/shared'

// The pure rules of a conversation on the phone: merging what arrives (first page, live frames, catch-up pages,
// the answer to a post) so that nothing is shown twice and the order is the server's seq; and the person's own
// messages on their way.

/**
 * Messages in seq order, each once. The same message may arrive by a live frame, by a catch-up page and as the
 * answer to the post that created it; a seq already held keeps its first copy.
 */
export function mergeMessages(held: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return held as Message[]
  const bySeq = new Map<number, Message>()
  const ids = new Set<string>()
  for (const message of [...held, ...incoming]) {
    if (bySeq.has(message.seq) || ids.has(message.id)) continue
    bySeq.set(message.seq, message)
    ids.add(message.id)
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq)
}

/** The highest seq held (0 for none): where catching up starts. */
export function lastSeqOf(messages: readonly Message[]): number {
  return messages.reduce((max, m) => Math.max(max, m.seq), 0)
}

/** Whether catching up is needed: the server says it has messages beyond what is shown. */
export function hasGap(messages: readonly Message[], thread: Pick<Thread, 'lastSeq'> | undefined): boolean {
  return thread !== undefined && thread.lastSeq > lastSeqOf(messages)
}

/**
 * Pages of a catch-up, read one after another from `afterSeq` until the server says there is no more: every page
 * starts where the previous ended, so nothing is skipped even when new messages arrive meanwhile.
 */
export async function readAfter(
  afterSeq: number,
  page: (afterSeq: number) => Promise<{ items: Message[]; nextCursor: string | null }>,
  maxPages = 20
): Promise<Message[]> {
  let collected: Message[] = []
  let from = afterSeq
  for (let i = 0; i < maxPages; i++) {
    const { items, nextCursor } = await page(from)
    collected = mergeMessages(collected, items)
    if (!nextCursor || items.length === 0) break
    from = lastSeqOf(collected)
  }
  return collected
}

/** One of the person's own messages before the server has it (or when sending failed). */
export interface OutgoingMessage {
  /** Local id, also the Idempotency-Key: every retry of this message carries it, so it is stored once. */
  key: string
  body: string
  attachments: Upload[]
  state: 'sending' | 'failed'
  error?: string
  /** The last seq shown when it was written: its own copy from the server comes after it. */
  afterSeq: number
  /** The server's id once the post answered. */
  sentId?: string
}

/**
 * The outgoing messages still to show: those whose message the conversation does not hold yet. A live frame or a
 * catch-up can bring the person's own message before the post's answer does — or instead of it, when the message
 * reached the server but the answer was lost (then it was sent after all, and 重新发送 must not be offered). It is
 * matched by its text and photos among the messages after the one last shown when it was written.
 */
export function outgoingToShow(outgoing: readonly OutgoingMessage[], messages: readonly Message[]): OutgoingMessage[] {
  const claimed = new Set<string>()
  const own = messages.filter((m) => m.authorRole === 'resident')
  return outgoing.filter((o) => {
    if (o.sentId && messages.some((m) => m.id === o.sentId)) return false
    const twin = own.find(
      (m) => !claimed.has(m.id) && m.body === o.body && sameIds(m.attachments, o.attachments) && m.seq > o.afterSeq
    )
    if (!twin) return true
    claimed.add(twin.id)
    return false
  })
}

function sameIds(a: readonly Upload[], b: readonly Upload[]): boolean {
  return a.length === b.length && a.every((upload, i) => upload.id === b[i]?.id)
}
