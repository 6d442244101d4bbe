import { describe, expect, it } from 'vitest'
import { fitField, loadTemplates, templateData, truncateChars, wechatTime } from '../src/modules/push/templates'
import { afterQuietHours } from '../src/modules/push/quiet-hours'

// WeChat's field rules, applied before sending (a value that breaks them makes WeChat refuse the whole message).

describe('template fields', () => {
  it('cuts at characters, never inside a surrogate pair', () => {
    const text = '𠮷'.repeat(30) // outside the BMP: two UTF-16 units each
    const cut = truncateChars(text, 20)
    expect(Array.from(cut)).toHaveLength(20)
    expect(cut.endsWith('…')).toBe(true)
    // No lone high surrogate (half a character) is left at the cut.
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false)
    expect(truncateChars('短文本', 20)).toBe('短文本')
  })

  it('keeps each type within its limit', () => {
    expect(Array.from(fitField('thing1', '东湖区退役军人服务中心就业创业指导与政策咨询服务窗口')).length).toBe(20)
    expect(fitField('phrase4', '预约成功！123')).toBe('预约成功')
    expect(Array.from(fitField('phrase4', '候补已经成功转为预约')).length).toBe(5)
    expect(Array.from(fitField('name2', '东湖区退役军人服务中心办公室')).length).toBe(10)
    expect(fitField('character_string3', 'A'.repeat(40))).toHaveLength(32)
    expect(fitField('phone_number5', '0571-8888 6666 转 123456789')).toBe('0571-888866661234')
    expect(fitField('thing1', '  ')).toBe('-')
  })

  it('writes times as WeChat wants them, in Beijing time', () => {
    expect(wechatTime('2026-12-01T01:30:00.000Z')).toBe('2026年12月01日 09:30')
    expect(fitField('time2', '2026-12-31T16:05:00.000Z')).toBe('2027年01月01日 00:05')
  })

  it('fills every key of the configured templates', () => {
    const templates = loadTemplates()
    const data = templateData(templates.booking, { title: '就业指导', time: '2026-12-01T01:30:00.000Z' })
    expect(Object.keys(data).sort()).toEqual(['phrase4', 'thing1', 'thing3', 'thing5', 'time2'])
    expect(data.time2).toEqual({ value: '2026年12月01日 09:30' })
  })
})

describe('quiet hours', () => {
  it.each([
    ['2026-12-01T12:59:00.000Z', '2026-12-01T12:59:00.000Z'], // 20:59: not quiet
    ['2026-12-01T13:00:00.000Z', '2026-12-02T00:00:00.000Z'], // 21:00 → 08:00 next day
    ['2026-12-01T18:00:00.000Z', '2026-12-02T00:00:00.000Z'], // 02:00 → 08:00 the same day
    ['2026-12-02T00:00:00.000Z', '2026-12-02T00:00:00.000Z'] // 08:00: not quiet
  ])('%s waits until %s', (at, until) => {
    expect(afterQuietHours(at)).toBe(until)
  })
})
