import type { Message, Thread, Upload } from '@veterans/shared'
import { describe, expect, it } from 'vitest'
import { checkQuestion } from '../src/features/messaging/question-form'
import { sortThreads, unreadTotal, upsertThread } from '../src/features/messaging/thread-list'
import {
  hasGap,
  lastSeqOf,
  mergeMessages,
  outgoingToShow,
  readAfter,
  type OutgoingMessage
} from '../src/features/messaging/thread-messages'

const message = (seq: number, more: Partial<Message> = {}): Message => ({
  id: `m${seq}`,
  seq,
  authorRole: 'staff',
  authorName: '李娜',
  body: `第 ${seq} 条`,
  attachments: [],
  createdAt: new Date(Date.UTC(2026, 2, 2, 1, seq)).toISOString(),
  ...more
})

const thread = (id: string, more: Partial<Thread> = {}): Thread => ({
  id,
  subject: '优待证怎么办',
  category: 'preferential',
  status: 'open',
  centerId: 'c1',
  centerName: '东湖区退役军人服务中心',
  policyId: null,
  policyTitle: null,
  createdAt: '2026-03-01T01:00:00.000Z',
  lastMessageAt: '2026-03-01T01:00:00.000Z',
  lastSeq: 1,
  unreadCount: 0,
  rating: null,
  ...more
})

const photo: Upload = { id: 'p1', contentType: 'image/jpeg', size: 1000, url: '/api/v1/uploads/p1' }

describe('merging messages: each once, in seq order', () => {
  it('keeps seq order whatever order frames, catch-up pages and post answers arrive in', () => {
    const held = [message(1), message(2)]
    const merged = mergeMessages(held, [message(5), message(3), message(4)])
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5])
  })

  it('shows a message once when a live frame, a catch-up page and the post answer all bring it', () => {
    let shown = mergeMessages([message(1)], [message(2)]) // live frame
    shown = mergeMessages(shown, [message(2), message(3)]) // catch-up afterSeq=1
    shown = mergeMessages(shown, [message(3)]) // the post's own answer
    expect(shown.map((m) => m.id)).toEqual(['m1', 'm2', 'm3'])
  })

  it('keeps the first copy of a seq and ignores an id already held under another seq', () => {
    const shown = mergeMessages(
      [message(1, { body: 'first' })],
      [message(1, { body: 'again' }), message(9, { id: 'm1' })]
    )
    expect(shown).toHaveLength(1)
    expect(shown[0]!.body).toBe('first')
  })

  it('knows where to catch up from, and when the server holds more than is shown', () => {
    expect(lastSeqOf([])).toBe(0)
    expect(lastSeqOf([message(3), message(7), message(5)])).toBe(7)
    expect(hasGap([message(1), message(2)], { lastSeq: 4 })).toBe(true)
    expect(hasGap([message(1), message(2)], { lastSeq: 2 })).toBe(false)
    expect(hasGap([message(1)], undefined)).toBe(false)
  })
})

describe('catching up by seq', () => {
  it('reads page after page from the last seq, so nothing is skipped when messages arrive meanwhile', async () => {
    const server = Array.from({ length: 7 }, (_, i) => message(i + 1))
    const asked: number[] = []
    const page = async (afterSeq: number) => {
      asked.push(afterSeq)
      // A new message lands on the server between the first and the second page.
      if (asked.length === 2) server.push(message(8))
      const items = server.filter((m) => m.seq > afterSeq).slice(0, 3)
      const more = server.some((m) => m.seq > (items.at(-1)?.seq ?? afterSeq))
      return { items, nextCursor: more ? 'more' : null }
    }
    const read = await readAfter(2, page)
    expect(asked).toEqual([2, 5])
    expect(read.map((m) => m.seq)).toEqual([3, 4, 5, 6, 7, 8])
  })

  it('stops on an empty page even if the server says there is more', async () => {
    let calls = 0
    const read = await readAfter(0, async () => {
      calls++
      return { items: [], nextCursor: 'x' }
    })
    expect(read).toEqual([])
    expect(calls).toBe(1)
  })
})

describe('own messages on their way', () => {
  const outgoing = (key: string, more: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
    key,
    body: '谢谢，我明天去办',
    attachments: [],
    state: 'sending',
    afterSeq: 2,
    ...more
  })

  it('hides a sending message as soon as its copy arrives by a live frame, before the post answers', () => {
    const own = message(3, { authorRole: 'resident', authorName: '王建国', body: '谢谢，我明天去办' })
    expect(outgoingToShow([outgoing('k1')], [message(1), message(2)])).toHaveLength(1)
    expect(outgoingToShow([outgoing('k1')], [message(1), message(2), own])).toHaveLength(0)
  })

  it('does not take an older message with the same words, nor one with other photos, for it', () => {
    const older = message(2, { authorRole: 'resident', body: '谢谢，我明天去办' })
    expect(outgoingToShow([outgoing('k1')], [message(1), older])).toHaveLength(1)
    const otherPhotos = message(3, { authorRole: 'resident', body: '谢谢，我明天去办', attachments: [photo] })
    expect(outgoingToShow([outgoing('k1')], [otherPhotos])).toHaveLength(1)
  })

  it('matches two identical messages one to one; a failed one whose copy arrived was sent after all', () => {
    const copy = message(3, { authorRole: 'resident', body: '谢谢，我明天去办' })
    expect(outgoingToShow([outgoing('k1'), outgoing('k2')], [copy]).map((o) => o.key)).toEqual(['k2'])
    expect(outgoingToShow([outgoing('k1', { state: 'failed' })], [message(1)])).toHaveLength(1)
    expect(outgoingToShow([outgoing('k1', { state: 'failed' })], [copy])).toHaveLength(0)
    expect(outgoingToShow([outgoing('k1', { sentId: 'm3' })], [message(3, { id: 'm3' })])).toHaveLength(0)
  })
})

describe('the list of questions', () => {
  it('puts an updated thread first, and an older frame never undoes newer news', () => {
    const a = thread('a', { lastMessageAt: '2026-03-01T02:00:00.000Z' })
    const b = thread('b', { lastMessageAt: '2026-03-01T03:00:00.000Z' })
    const list = sortThreads([a, b])
    expect(list.map((t) => t.id)).toEqual(['b', 'a'])
    const replied = thread('a', {
      lastMessageAt: '2026-03-01T04:00:00.000Z',
      lastSeq: 2,
      unreadCount: 1,
      status: 'pending'
    })
    const after = upsertThread(list, replied)
    expect(after.map((t) => t.id)).toEqual(['a', 'b'])
    expect(unreadTotal(after)).toBe(1)
    expect(upsertThread(after, thread('a', { lastSeq: 1 }))).toBe(after)
  })
})

describe('the new question form', () => {
  const draft = { category: 'preferential' as const, centerId: '', subject: '优待证', body: '怎么办理？' }
  const photos = { uploading: false, failed: false }
  it('says what is missing, too long, or still uploading', () => {
    expect(checkQuestion(draft, photos)).toEqual({})
    expect(checkQuestion({ ...draft, category: '', subject: '  ', body: '' }, photos)).toEqual({
      category: '请选择问题的类别',
      subject: '请写一个标题，比如“优待证怎么办理”',
      body: '请写下您想问的事情'
    })
    expect(checkQuestion({ ...draft, body: '字'.repeat(2001) }, photos).body).toBe('内容请不要超过 2000 个字')
    expect(checkQuestion(draft, { uploading: true, failed: false }).photos).toMatch(/还在上传/)
    expect(checkQuestion(draft, { uploading: false, failed: true }).photos).toMatch(/重试/)
  })
})
