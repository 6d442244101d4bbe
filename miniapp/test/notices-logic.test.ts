import type { InboxEntry, Preferences } from '@veterans/shared'
import { describe, expect, it } from 'vitest'
import { attentionOf, unreadWords } from '../src/features/home/attention'
import {
  entryLabel,
  entryOfNotice,
  entrySpokenName,
  entryTarget,
  mergeEntries,
  noticeOfFrame
} from '../src/features/notices/inbox-entries'
import {
  kindsToSwitchOn,
  SUBSCRIBE_LIMIT,
  subscriptionResults,
  templatesToRequest
} from '../src/features/notices/wechat-subscriptions'
import { badgeCount, badgeText, inboxShare, isAboutThread } from '../src/shell/unread-count'

const entry = (over: Partial<InboxEntry>): InboxEntry => ({
  kind: 'notification',
  id: 'n1',
  title: '标题',
  summary: '摘要',
  at: '2026-12-01T02:00:00.000Z',
  read: false,
  type: 'booking.promoted',
  data: {},
  ...over
})

describe('an inbox entry says what it is and where a tap leads', () => {
  it('a notice opens the notice page', () => {
    const notice = entry({ kind: 'notice', id: 'N1', type: 'notice', data: { policyId: 'P1' } })
    expect(entryLabel(notice)).toBe('政策通知')
    expect(entryTarget(notice)).toBe('/messages/pages/notice/index?id=N1')
  })

  it('a notification opens what it is about: the conversation, the booking, the policy, 我的预约 for a 候补', () => {
    expect(entryTarget(entry({ type: 'thread.reply', data: { threadId: 'T1' } }))).toBe(
      '/messages/pages/thread/index?id=T1'
    )
    expect(entryTarget(entry({ type: 'booking.promoted', data: { bookingId: 'B1', slotId: 'S1' } }))).toBe(
      '/booking/pages/detail/index?id=B1'
    )
    expect(entryTarget(entry({ type: 'policy.updated', data: { policyId: 'P 1' } }))).toBe(
      '/policy/pages/detail/index?id=P%201'
    )
    expect(entryTarget(entry({ type: 'booking.waitlist_closed', data: { slotId: 'S1', waitlistId: 'W1' } }))).toBe(
      '/booking/pages/mine/index'
    )
  })

  it('a notification about nothing to open has no target (an id that is not a string is ignored)', () => {
    expect(entryTarget(entry({ type: 'security.revoked', data: {} }))).toBeNull()
    expect(entryTarget(entry({ type: 'booking.cancelled', data: { bookingId: 42 } }))).toBeNull()
  })

  it('labels notifications by their event', () => {
    expect(entryLabel(entry({ type: 'booking.reminder' }))).toBe('预约提醒')
    expect(entryLabel(entry({ type: 'booking.promoted' }))).toBe('候补')
    expect(entryLabel(entry({ type: 'booking.waitlist_skipped' }))).toBe('候补')
    expect(entryLabel(entry({ type: 'booking.cancelled' }))).toBe('预约')
    expect(entryLabel(entry({ type: 'thread.reply' }))).toBe('咨询答复')
    expect(entryLabel(entry({ type: 'security.revoked' }))).toBe('账号安全')
    expect(entryLabel(entry({ type: 'something.new' }))).toBe('通知')
  })

  it('tells screen readers that an entry is unread, in words', () => {
    expect(entrySpokenName(entry({ title: '候补成功', read: false }), '今天 10:00')).toBe(
      '未读，候补：候补成功，今天 10:00'
    )
    expect(entrySpokenName(entry({ title: '候补成功', read: true }), '今天 10:00')).toBe('候补：候补成功，今天 10:00')
  })
})

describe('live notices and pages merge into one list', () => {
  it('newest first, each once, the first copy winning', () => {
    const older = entry({ id: 'a', at: '2026-12-01T01:00:00.000Z' })
    const newer = entry({ id: 'b', at: '2026-12-01T03:00:00.000Z' })
    const sameIdNotice = entry({ kind: 'notice', id: 'a', type: 'notice', at: '2026-12-01T02:00:00.000Z' })
    const readCopy = { ...older, read: true }
    const merged = mergeEntries([readCopy], [older, newer, sameIdNotice])
    expect(merged.map((e) => `${e.kind}:${e.id}`)).toEqual(['notification:b', 'notice:a', 'notification:a'])
    expect(merged[2]!.read).toBe(true)
  })

  it('takes a notice from a notice.created frame, and ignores a malformed one', () => {
    const notice = noticeOfFrame({
      type: 'notice.created',
      notice: { id: 'N9', title: '冬季慰问', summary: '请于…', sentAt: '2026-12-05T01:00:00.000Z', read: false }
    })
    expect(notice).toEqual({
      id: 'N9',
      title: '冬季慰问',
      summary: '请于…',
      sentAt: '2026-12-05T01:00:00.000Z',
      read: false
    })
    expect(entryOfNotice(notice!)).toMatchObject({
      kind: 'notice',
      id: 'N9',
      at: '2026-12-05T01:00:00.000Z',
      type: 'notice'
    })
    expect(noticeOfFrame({ type: 'notice.created' })).toBeNull()
    expect(noticeOfFrame({ type: 'notice.created', notice: { id: 'N9', sentAt: 'x' } })).toBeNull()
    expect(noticeOfFrame({ type: 'notice.created', notice: 'N9' })).toBeNull()
  })
})

describe('the 消息 badge', () => {
  it('sums unread inbox entries (less the notices of replies) and unread replies', () => {
    const items = [
      entry({ id: '1', type: 'thread.reply', data: { threadId: 'T1' } }),
      entry({ id: '2', type: 'thread.reply', data: { threadId: 'T1' }, read: true }),
      entry({ id: '3', kind: 'notice', type: 'notice', data: { threadId: 'T9' } }),
      entry({ id: '4' })
    ]
    expect(items.map(isAboutThread)).toEqual([true, false, false, false])
    const inbox = inboxShare(3, items)
    expect(inbox).toBe(2)
    expect(badgeCount({ inbox, threads: 1 })).toBe(3)
  })

  it('never goes below nothing, and writes 99+ above 99', () => {
    expect(inboxShare(0, [entry({ data: { threadId: 'T1' } })])).toBe(0)
    expect(badgeCount({ inbox: -2, threads: 0 })).toBe(0)
    expect(badgeText(0)).toBeNull()
    expect(badgeText(7)).toBe('7')
    expect(badgeText(100)).toBe('99+')
  })
})

describe('WeChat subscription templates', () => {
  const preferences = (over: Partial<Preferences> = {}): Preferences => ({
    wechatEnabled: true,
    items: [
      { kind: 'booking', label: '预约', inbox: true, inboxLocked: true, wechat: true, templateId: 'TB' },
      { kind: 'security', label: '安全', inbox: true, inboxLocked: true, wechat: false, templateId: 'TS' },
      { kind: 'reply', label: '回复', inbox: true, inboxLocked: false, wechat: false, templateId: 'TR' },
      { kind: 'notice', label: '通知', inbox: true, inboxLocked: false, wechat: false, templateId: 'TB' }
    ],
    ...over
  })

  it('asks for each kind’s template in order, each once, at most three', () => {
    expect(templatesToRequest(preferences(), ['reply', 'booking'])).toEqual(['TR', 'TB'])
    // booking and notice share a template: asked once.
    expect(templatesToRequest(preferences(), ['booking', 'notice'])).toEqual(['TB'])
    const many = preferences({
      items: (['booking', 'security', 'reply', 'notice'] as const).map((kind, i) => ({
        kind,
        label: kind,
        inbox: true,
        inboxLocked: false,
        wechat: false,
        templateId: `T${i}`
      }))
    })
    const asked = templatesToRequest(many, ['booking', 'security', 'reply', 'notice'])
    expect(asked).toEqual(['T0', 'T1', 'T2'])
    expect(asked.length).toBeLessThanOrEqual(SUBSCRIBE_LIMIT)
  })

  it('asks for nothing when the channel is off, before preferences are known, or without a template', () => {
    expect(templatesToRequest(preferences({ wechatEnabled: false }), ['booking'])).toEqual([])
    expect(templatesToRequest(undefined, ['booking'])).toEqual([])
    const none = preferences()
    none.items = none.items.map((item) => ({ ...item, templateId: null }))
    expect(templatesToRequest(none, ['booking', 'reply'])).toEqual([])
  })

  it('records WeChat’s answer per template asked, leaving out anything else in it', () => {
    const answer = { errMsg: 'requestSubscribeMessage:ok', TB: 'accept', TR: 'reject', TX: 'accept', TS: 'maybe' }
    expect(subscriptionResults(['TB', 'TR', 'TS'], answer)).toEqual([
      { templateId: 'TB', answer: 'accept' },
      { templateId: 'TR', answer: 'reject' }
    ])
  })

  it('switches on 微信提醒 for kinds whose template was just accepted and that were off', () => {
    expect(
      kindsToSwitchOn(preferences(), [
        { templateId: 'TB', answer: 'accept' },
        { templateId: 'TR', answer: 'reject' }
      ])
    ).toEqual([{ kind: 'notice', wechat: true }])
    expect(kindsToSwitchOn(preferences(), [{ templateId: 'TR', answer: 'accept' }])).toEqual([
      { kind: 'reply', wechat: true }
    ])
  })
})

describe('首页: what needs the person', () => {
  it('unread notices by title (three at most), 候补 promotions, and the count in words', () => {
    const items = [
      ...['1', '2', '3', '4'].map((id) => entry({ kind: 'notice', id, type: 'notice' })),
      entry({ kind: 'notice', id: '5', type: 'notice', read: true }),
      entry({ id: 'p1', type: 'booking.promoted' }),
      entry({ id: 'p2', type: 'booking.promoted', read: true }),
      entry({ id: 'c1', type: 'booking.cancelled' })
    ]
    const attention = attentionOf(items)
    expect(attention.notices.map((e) => e.id)).toEqual(['1', '2', '3'])
    expect(attention.promotions.map((e) => e.id)).toEqual(['p1'])
    expect(attentionOf([])).toEqual({ notices: [], promotions: [] })
    expect(unreadWords(3)).toBe('3 条未读消息')
    expect(unreadWords(0)).toBeNull()
  })
})
