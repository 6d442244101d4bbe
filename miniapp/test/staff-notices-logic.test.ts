import type { StaffNotice } from '@veterans/shared'
import { describe, expect, it } from 'vitest'
import type { KeyValueStore } from '../src/lib/key-value-store'
import { isSubmitEnter } from '../src/features/staff-notices/keyboard'
import {
  EMPTY_NOTICE_FORM,
  formFromNotice,
  isCityWide,
  serverFieldErrors,
  toNoticeInput,
  type NoticeForm
} from '../src/features/staff-notices/notice-form-state'
import {
  audienceSummary,
  formatCount,
  readLine,
  readRate,
  recipientCountLine
} from '../src/features/staff-notices/notice-words'
import { reachPollMs, SENDING_POLL_MS, SENT_POLL_MS } from '../src/features/staff-notices/reach-polling'
import { forgetSendKey, sendKeyFor } from '../src/features/staff-notices/send-keys'

const NAMES: Record<string, string> = { '110101': '东城区', '110102': '西城区' }
const names = { districtName: (code: string) => NAMES[code] }

describe('the audience in words', () => {
  it('says where, which veterans and whether families too', () => {
    expect(audienceSummary({ cityWide: true, audience: { roles: ['veteran', 'family'] } })).toBe('全市退役军人及其家属')
    expect(
      audienceSummary(
        {
          cityWide: false,
          audience: { roles: ['veteran'], districts: ['110101', '110102'], veteranCategories: ['soldier'] }
        },
        names
      )
    ).toBe('东城区、西城区退役士兵')
    expect(audienceSummary({ cityWide: false, audience: { roles: ['family'], districts: ['110101'] } }, names)).toBe(
      '东城区退役军人的家属'
    )
  })

  it('names the policy whose eligibility picks the veterans', () => {
    const audience = { roles: ['veteran' as const, 'family' as const], eligibleForPolicyId: 'p1' }
    expect(audienceSummary({ cityWide: true, audience }, { policyTitle: '优待证办理办法' })).toBe(
      '全市符合《优待证办理办法》条件的退役军人及其家属'
    )
    expect(audienceSummary({ cityWide: true, audience })).toBe('全市符合所选政策条件的退役军人及其家属')
  })

  it('falls back to the code of an unknown district, and to where only when the audience is not given', () => {
    expect(audienceSummary({ cityWide: false, audience: { roles: ['veteran'], districts: ['999'] } }, names)).toBe(
      '999退役军人'
    )
    expect(audienceSummary({ cityWide: true })).toBe('全市')
    expect(audienceSummary({ cityWide: false })).toBe('指定区县')
  })
})

describe('read rate and counts', () => {
  it('never says 0% once someone read it, nor 100% while someone has not', () => {
    expect(readRate(0, 0)).toBe('—')
    expect(readRate(0, 50)).toBe('0%')
    expect(readRate(1, 100_000)).toBe('不到 1%')
    expect(readRate(1, 3)).toBe('33%')
    expect(readRate(2, 3)).toBe('67%')
    expect(readRate(99_999, 100_000)).toBe('99%')
    expect(readRate(50, 50)).toBe('100%')
    expect(readLine(30, 250)).toBe('已读 30 人（12%）')
    expect(readLine(0, 0)).toBe('还没有收件人')
  })

  it('writes large counts with separators and the veterans/families split', () => {
    expect(formatCount(100000)).toBe('100,000')
    expect(recipientCountLine({ count: 1234, veterans: 1000, families: 234 })).toBe(
      '共 1,234 人（退役军人 1,000 人，家属 234 人）'
    )
    expect(recipientCountLine({ count: 12, veterans: 12, families: 0 })).toBe('共 12 人，都是退役军人')
    expect(recipientCountLine({ count: 0, veterans: 0, families: 0 })).toBe('按现在的条件，没有人会收到这条通知。')
  })
})

const filled: NoticeForm = { ...EMPTY_NOTICE_FORM, title: '  优待证换发通知 ', body: '请于 **12 月底**前换发。' }
const cityLevel = { fixed: false } as const
const districtStaff = { fixed: true, districtCode: '110101' } as const

describe('the composer form → NoticeInput', () => {
  it('builds a city-wide notice to veterans and families by default', () => {
    const { input, errors } = toNoticeInput(filled, cityLevel)
    expect(errors).toEqual({})
    expect(input).toEqual({
      title: '优待证换发通知',
      body: '请于 **12 月底**前换发。',
      policyId: null,
      audience: { roles: ['veteran', 'family'] }
    })
    expect(isCityWide(input!, cityLevel)).toBe(true)
  })

  it('sends the chosen districts and categories, and the linked policy', () => {
    const form: NoticeForm = {
      ...filled,
      toFamilies: false,
      everyDistrict: false,
      districts: ['110102', '110101'],
      categories: ['soldier', 'officer_transferred'],
      policy: { id: 'p9', title: '优待证' }
    }
    const { input } = toNoticeInput(form, cityLevel)
    expect(input).toEqual({
      title: '优待证换发通知',
      body: filled.body,
      policyId: 'p9',
      audience: {
        roles: ['veteran'],
        districts: ['110101', '110102'],
        veteranCategories: ['soldier', 'officer_transferred']
      }
    })
    expect(isCityWide(input!, cityLevel)).toBe(false)
  })

  it('leaves districts out for district staff (the server fills in their own) and it is not city-wide', () => {
    const { input } = toNoticeInput({ ...filled, everyDistrict: false, districts: ['110102'] }, districtStaff)
    expect(input?.audience).toEqual({ roles: ['veteran', 'family'] })
    expect(isCityWide(input!, districtStaff)).toBe(false)
  })

  it('uses the eligibility policy instead of categories when chosen', () => {
    const form: NoticeForm = {
      ...filled,
      categories: ['soldier'],
      veteransBy: 'policy',
      eligibilityPolicy: { id: 'p3', title: '伤残抚恤' }
    }
    expect(toNoticeInput(form, cityLevel).input?.audience).toEqual({
      roles: ['veteran', 'family'],
      eligibleForPolicyId: 'p3'
    })
  })

  it('names every problem at its field, by the server’s paths', () => {
    const form: NoticeForm = {
      ...EMPTY_NOTICE_FORM,
      title: 'x'.repeat(61),
      toVeterans: false,
      toFamilies: false,
      everyDistrict: false,
      veteransBy: 'policy'
    }
    const { input, errors } = toNoticeInput(form, cityLevel)
    expect(input).toBeUndefined()
    expect(Object.keys(errors).sort()).toEqual(
      ['audience.districts', 'audience.eligibleForPolicyId', 'audience.roles', 'body', 'title'].sort()
    )
    expect(errors.title).toContain('61')
    // District staff are never asked to pick districts.
    expect(toNoticeInput({ ...filled, everyDistrict: false }, districtStaff).errors).toEqual({})
  })

  it('maps the server’s field paths onto the form’s names', () => {
    expect(
      serverFieldErrors([
        { path: 'body.title', message: 'a' },
        { path: 'body.audience.districts.0', message: 'b' },
        { path: 'body.audience.roles', message: 'c' },
        { path: 'body', message: 'd' }
      ])
    ).toEqual({ title: 'a', 'audience.districts': 'b', 'audience.roles': 'c', form: 'd' })
  })

  it('round-trips a saved draft', () => {
    const notice = {
      id: 'n1',
      title: '通知',
      body: '正文',
      policyId: 'p1',
      policyTitle: '优待证',
      audience: { roles: ['family'], districts: ['110101'], eligibleForPolicyId: 'p2' },
      cityWide: false,
      status: 'draft'
    } as unknown as StaffNotice
    const form = formFromNotice(notice, '抚恤')
    expect(form).toMatchObject({
      toVeterans: false,
      toFamilies: true,
      everyDistrict: false,
      districts: ['110101'],
      veteransBy: 'policy',
      eligibilityPolicy: { id: 'p2', title: '抚恤' },
      policy: { id: 'p1', title: '优待证' }
    })
    expect(toNoticeInput(form, cityLevel).input).toEqual({
      title: '通知',
      body: '正文',
      policyId: 'p1',
      audience: notice.audience
    })
  })
})

function memoryStore(): KeyValueStore {
  const data = new Map<string, unknown>()
  return {
    get: (key) => data.get(key),
    set: (key, value) => (data.set(key, JSON.parse(JSON.stringify(value))), true),
    remove: (key) => void data.delete(key)
  }
}

describe('the send key', () => {
  it('is the same for every retry of one notice, new after a refusal, and dropped after a day', () => {
    const store = memoryStore()
    let n = 0
    const newKey = () => `k${++n}`
    const first = sendKeyFor(store, 'n1', newKey, 1_000)
    expect(sendKeyFor(store, 'n1', newKey, 2_000)).toBe(first)
    expect(sendKeyFor(store, 'n2', newKey, 2_000)).not.toBe(first)
    forgetSendKey(store, 'n1')
    const second = sendKeyFor(store, 'n1', newKey, 3_000)
    expect(second).not.toBe(first)
    expect(sendKeyFor(store, 'n1', newKey, 3_000 + 25 * 3600 * 1000)).not.toBe(second)
  })
})

describe('refreshing the reach', () => {
  const now = Date.parse('2026-12-05T08:00:00Z')
  it('refreshes fast while sending, slowly for a week after, and not before sending', () => {
    expect(reachPollMs({ status: 'sending', sentAt: null }, now)).toBe(SENDING_POLL_MS)
    expect(reachPollMs({ status: 'sent', sentAt: '2026-12-04T08:00:00Z' }, now)).toBe(SENT_POLL_MS)
    expect(reachPollMs({ status: 'sent', sentAt: '2026-11-01T08:00:00Z' }, now)).toBeNull()
    expect(reachPollMs({ status: 'draft', sentAt: null }, now)).toBeNull()
    expect(reachPollMs({ status: 'approved', sentAt: null }, now)).toBeNull()
  })
})

describe('Enter in the composer', () => {
  it('submits from a one-line field, not while composing Chinese, not in the body or on a checkbox', () => {
    expect(isSubmitEnter({ key: 'Enter', isComposing: false, tagName: 'INPUT', type: 'text' })).toBe(true)
    expect(isSubmitEnter({ key: 'Enter', isComposing: false, tagName: 'INPUT', type: 'password' })).toBe(true)
    expect(isSubmitEnter({ key: 'Enter', isComposing: true, tagName: 'INPUT', type: 'text' })).toBe(false)
    expect(isSubmitEnter({ key: 'Enter', isComposing: false, tagName: 'TEXTAREA' })).toBe(false)
    expect(isSubmitEnter({ key: 'Enter', isComposing: false, tagName: 'INPUT', type: 'checkbox' })).toBe(false)
    expect(isSubmitEnter({ key: 'a', isComposing: false, tagName: 'INPUT', type: 'text' })).toBe(false)
  })
})
