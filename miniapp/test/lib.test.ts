import { describe, expect, it } from 'vitest'
import { fontScaleFrom, MAX_FONT_SCALE, suggestsElderMode } from '../src/lib/font-scale'
import { formatDate, formatDateTime, greetingFor, groupCode } from '../src/lib/format'
import { checkDevName, checkIdNumber, checkInviteCode, checkMobile, normalizeInviteCode } from '../src/lib/validation'

describe('ID number check before submitting', () => {
  it('accepts a valid number, with a lower-case x or spaces as people type them', () => {
    expect(checkIdNumber('419903198506150516')).toBeUndefined()
    expect(checkIdNumber(' 4199 0319 8506 1505 16 ')).toBeUndefined()
    expect(checkIdNumber('11010519491231002x')).toBeUndefined()
  })

  it('says what is wrong: length, characters, or the check digit', () => {
    expect(checkIdNumber('')).toBe('请填写身份证号码')
    expect(checkIdNumber('41990319850615051')).toMatch(/18 位.*17 位/)
    expect(checkIdNumber('41990319850615051Y')).toMatch(/字母 X/)
    expect(checkIdNumber('419903198506150517')).toMatch(/校验不通过/)
  })
})

describe('other fields', () => {
  it('checks mainland mobile numbers', () => {
    expect(checkMobile('138 0013 8000')).toBeUndefined()
    expect(checkMobile('12345678901')).toMatch(/11 位/)
    expect(checkMobile('')).toBe('请填写手机号码')
  })

  it('normalises and checks invite codes', () => {
    expect(normalizeInviteCode(' abcd efgh ')).toBe('ABCDEFGH')
    expect(checkInviteCode('abcd efgh')).toBeUndefined()
    expect(checkInviteCode('ABC')).toMatch(/8 位/)
  })

  it('follows the server rule for dev-WeChat names', () => {
    expect(checkDevName('lao_wang-1')).toBeUndefined()
    expect(checkDevName('老王')).toMatch(/英文字母/)
    expect(checkDevName('a'.repeat(65))).toMatch(/64/)
  })
})

describe('WeChat font-size setting', () => {
  it('never shrinks below our sizes and caps very large settings', () => {
    expect(fontScaleFrom({})).toBe(1)
    expect(fontScaleFrom({ fontSizeSetting: 14, platform: 'android' })).toBe(1)
    expect(fontScaleFrom({ fontSizeSetting: 17, platform: 'ios' })).toBe(1)
    expect(fontScaleFrom({ fontSizeSetting: 20, platform: 'android' })).toBe(1.25)
    expect(fontScaleFrom({ fontSizeSetting: 40, platform: 'ios' })).toBe(MAX_FONT_SCALE)
  })

  it("prefers WeChat's own scale factor when it gives one", () => {
    expect(fontScaleFrom({ fontSizeScaleFactor: 1.4, fontSizeSetting: 17, platform: 'ios' })).toBe(1.4)
  })

  it('suggests 长辈版 only for clearly enlarged settings', () => {
    expect(suggestsElderMode(1.1)).toBe(false)
    expect(suggestsElderMode(1.25)).toBe(true)
  })
})

describe('formatting', () => {
  it('shows times in Beijing time', () => {
    expect(formatDateTime('2026-12-01T01:30:00.000Z')).toBe('2026年12月1日 09:30')
    expect(formatDate('2026-12-31T16:30:00.000Z')).toBe('2027年1月1日')
    expect(greetingFor(new Date('2026-12-01T00:00:00.000Z'))).toBe('早上好')
  })

  it('groups an invite code in fours for reading aloud', () => {
    expect(groupCode('ABCDEFGH')).toBe('ABCD EFGH')
  })
})
