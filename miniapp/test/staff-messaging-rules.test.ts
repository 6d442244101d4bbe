import type { StaffMessage, StaffThread } from '@veterans/shared'
import { describe, expect, it } from 'vitest'
import {
  compareQueue,
  enterSends,
  foldEntries,
  foldThread,
  hasGapBefore,
  insertIntoDraft,
  matchesFilter,
  policyLinkText,
  waitedFor,
  type QueueFilter
} from '../src/features/staff-messaging/queue-rules'

const ME = 'staff-me'

function thread(id: string, more: Partial<StaffThread> = {}): StaffThread {
  return {
    id,
    subject: `问题 ${id}`,
    category: 'pension',
    status: 'open',
    centerId: 'c-donghu',
    centerName: '东湖区退役军人服务中心',
    policyId: null,
    policyTitle: null,
    residentNameMasked: '王*国',
    residentRole: 'veteran',
    veteranNameMasked: '王*国',
    assignee: null,
    waitingSince: '2026-03-02T01:00:00.000Z',
    slaDueAt: '2026-03-03T01:00:00.000Z',
    slaState: 'ok',
    firstResponseAt: null,
    slaBreaches: 0,
    rating: null,
    createdAt: '2026-03-02T01:00:00.000Z',
    lastMessageAt: '2026-03-02T01:00:00.000Z',
    lastSeq: 1,
    lastPosition: 1,
    ...more
  }
}

function entry(position: number, more: Partial<StaffMessage> = {}): StaffMessage {
  return {
    id: `m${position}`,
    position,
    seq: position,
    internal: false,
    authorRole: 'resident',
    authorName: '王*国',
    body: `第 ${position} 条`,
    attachments: [],
    createdAt: '2026-03-02T01:00:00.000Z',
    ...more
  }
}

const ALL_OPEN: QueueFilter = { status: 'open', assignee: 'any', centerId: 'c-donghu' }

describe('staff inbox queue', () => {
  it('shows a thread only in the views it belongs to (status, center, assignee)', () => {
    expect(matchesFilter(thread('a'), ALL_OPEN, ME)).toBe(true)
    expect(matchesFilter(thread('a', { status: 'pending' }), ALL_OPEN, ME)).toBe(false)
    expect(matchesFilter(thread('a', { centerId: 'c-xijiang' }), ALL_OPEN, ME)).toBe(false)
    expect(matchesFilter(thread('a', { centerId: 'c-xijiang' }), { ...ALL_OPEN, centerId: '' }, ME)).toBe(true)
    const mine = thread('a', { assignee: { id: ME, displayName: '我' } })
    const theirs = thread('b', { assignee: { id: 'other', displayName: '同事' } })
    expect(matchesFilter(mine, { ...ALL_OPEN, assignee: 'me' }, ME)).toBe(true)
    expect(matchesFilter(theirs, { ...ALL_OPEN, assignee: 'me' }, ME)).toBe(false)
    expect(matchesFilter(thread('c'), { ...ALL_OPEN, assignee: 'unassigned' }, ME)).toBe(true)
    expect(matchesFilter(theirs, { ...ALL_OPEN, assignee: 'unassigned' }, ME)).toBe(false)
  })

  it('orders the longest-waiting first, then those nobody waits on by latest activity', () => {
    const items = [
      thread('late', { waitingSince: '2026-03-02T05:00:00.000Z' }),
      thread('idle-old', { waitingSince: null, lastMessageAt: '2026-03-01T00:00:00.000Z' }),
      thread('early', { waitingSince: '2026-03-01T05:00:00.000Z' }),
      thread('idle-new', { waitingSince: null, lastMessageAt: '2026-03-02T09:00:00.000Z' })
    ]
    expect([...items].sort(compareQueue).map((t) => t.id)).toEqual(['early', 'late', 'idle-new', 'idle-old'])
  })

  it('folds a live change in: a new thread takes its place, a changed one moves or leaves the view', () => {
    const items = [
      thread('a', { waitingSince: '2026-03-01T00:00:00.000Z' }),
      thread('b', { waitingSince: '2026-03-02T00:00:00.000Z' })
    ]
    const added = foldThread(items, thread('new', { waitingSince: '2026-03-01T12:00:00.000Z' }), ALL_OPEN, ME)
    expect(added.map((t) => t.id)).toEqual(['a', 'new', 'b'])
    const answered = foldThread(added, thread('a', { status: 'pending', waitingSince: null }), ALL_OPEN, ME)
    expect(answered.map((t) => t.id)).toEqual(['new', 'b'])
    const assigned = foldThread(
      answered,
      thread('b', { waitingSince: '2026-03-02T00:00:00.000Z', assignee: { id: ME, displayName: '我' } }),
      ALL_OPEN,
      ME
    )
    expect(assigned.find((t) => t.id === 'b')?.assignee?.id).toBe(ME)
    expect(assigned).toHaveLength(2)
  })
})

describe('staff inbox conversation', () => {
  it('shows each entry once, in position order, whether it came live or by catching up', () => {
    const held = [entry(1), entry(2)]
    const merged = foldEntries(held, [entry(3), entry(2), entry(4, { internal: true, seq: null })])
    expect(merged.map((e) => e.position)).toEqual([1, 2, 3, 4])
    expect(foldEntries(merged, [entry(3)])).toHaveLength(4)
  })

  it('notices a gap (a frame lost while offline), so the view catches up', () => {
    expect(hasGapBefore([entry(1), entry(2)], entry(3))).toBe(false)
    expect(hasGapBefore([entry(1), entry(2)], entry(5))).toBe(true)
    expect(hasGapBefore([], entry(1))).toBe(false)
  })

  it('says how long someone waits', () => {
    const since = '2026-03-02T01:00:00.000Z'
    const at = (minutes: number) => new Date(Date.parse(since) + minutes * 60_000)
    expect(waitedFor(since, at(12))).toBe('12 分钟')
    expect(waitedFor(since, at(3 * 60 + 5))).toBe('3 小时')
    expect(waitedFor(since, at(48 * 60))).toBe('2 天')
    expect(waitedFor(since, at(26 * 60))).toBe('1 天 2 小时')
    expect(waitedFor(since, at(-5))).toBe('0 分钟')
  })
})

describe('staff inbox reply box', () => {
  it('puts canned replies and policy links on their own line', () => {
    expect(insertIntoDraft('', '您好！')).toBe('您好！')
    expect(insertIntoDraft('王师傅您好', '请带身份证。')).toBe('王师傅您好\n请带身份证。')
    expect(insertIntoDraft('第一行\n', '第二行')).toBe('第一行\n第二行')
  })

  it('writes a policy link as its title, number and where to read it', () => {
    expect(
      policyLinkText({ title: '伤残抚恤管理办法', docNumber: '民政部令第50号' }, '/policy/pages/detail/index?id=p1')
    ).toBe('《伤残抚恤管理办法》（民政部令第50号），可在小程序“政策”中查看：/policy/pages/detail/index?id=p1')
    expect(policyLinkText({ title: '通知', docNumber: '' }, '/x')).toBe('《通知》，可在小程序“政策”中查看：/x')
  })

  it('sends on Enter, not on Shift+Enter or while an input method is composing', () => {
    expect(enterSends({ key: 'Enter', shiftKey: false })).toBe(true)
    expect(enterSends({ key: 'Enter', shiftKey: true })).toBe(false)
    expect(enterSends({ key: 'Enter', shiftKey: false, isComposing: true })).toBe(false)
    expect(enterSends({ key: 'a', shiftKey: false })).toBe(false)
  })
})
