import { describe, expect, it } from 'vitest'
import { idNumberCheckChar, isValidIdNumber, normalizeIdNumber, parseIdNumber } from '../src/rules/id-number'

describe('GB 11643 ID numbers', () => {
  it('accepts the standard example and reads birth date and sex from it', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({ areaCode: '110105', birthDate: '1949-12-31', sex: 'female' })
  })

  it('computes the check character of known numbers', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X')
    expect(idNumberCheckChar('44052418800101001')).toBe('4')
  })

  it('reads an odd sequence digit as male', () => {
    expect(parseIdNumber(withCheck('44052419800101001'))?.sex).toBe('male')
  })

  it('accepts a lower-case x and spaces people type', () => {
    expect(normalizeIdNumber(' 110105 19491231002x ')).toBe('11010519491231002X')
    expect(isValidIdNumber('11010519491231002x')).toBe(true)
  })

  it.each([
    ['a wrong check digit', '110105194912310021'],
    ['17 digits', '11010519491231002'],
    ['letters inside', '1101051949123100AX'],
    ['a birth date that does not exist', withCheck('11010519490230002')],
    ['a birth date in the future', withCheck('11010520991231002')],
    ['a birth year before 1900', withCheck('11010518991231002')],
    ['the 15-digit old format', '110105491231002']
  ])('rejects %s', (_label, id) => {
    expect(isValidIdNumber(id)).toBe(false)
  })
})

function withCheck(first17: string): string {
  return first17 + idNumberCheckChar(first17)
}
