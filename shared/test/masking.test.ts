import { describe, expect, it } from 'vitest'
import { isValidMobile, maskIdNumber, maskName, maskPhone } from '../src/rules/masking'

describe('masking', () => {
  it('masks ID numbers as the contract shows', () => {
    expect(maskIdNumber('110105194912310123')).toBe('110105********0123')
  })
  it('masks phones as the contract shows', () => {
    expect(maskPhone('13800138000')).toBe('138****8000')
  })
  it.each([
    ['张国', '张*'],
    ['张建国', '张*国'],
    ['欧阳建国', '欧**国'],
    ['李', '李'],
    ['𠮷建国', '𠮷*国']
  ])('masks the name %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked)
  })
  it('recognises mainland mobile numbers', () => {
    expect(isValidMobile('13800138000')).toBe(true)
    expect(isValidMobile('12800138000')).toBe(false)
    expect(isValidMobile('1380013800')).toBe(false)
  })
})
