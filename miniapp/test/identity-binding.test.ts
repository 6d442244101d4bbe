import { ERRORS } from '@veterans/shared'
import { describe, expect, it } from 'vitest'
import { INPUT_KINDS } from '../src/components/input-kinds'
import { bindRefusalText } from '../src/features/identity/refusal-text'

const shown = (code: keyof typeof ERRORS) => bindRefusalText({ code, message: ERRORS[code].message })
const times = (text: string, word: string) => text.split(word).length - 1

describe('what the identity page says when binding is refused', () => {
  it('says each thing once, and names one place to go: the 退役军人服务中心', () => {
    for (const code of ['REGISTRY_NO_MATCH', 'VETERAN_ALREADY_BOUND', 'ID_NUMBER_INVALID'] as const) {
      const text = shown(code)
      expect(times(text, '核对')).toBeLessThanOrEqual(1)
      expect(text).not.toContain('服务站')
      expect(text).not.toMatch(/。。/)
    }
    expect(shown('REGISTRY_NO_MATCH')).toContain('退役军人服务中心登记')
    expect(shown('VETERAN_ALREADY_BOUND')).toContain('带上身份证到退役军人服务中心')
    expect(times(shown('VETERAN_ALREADY_BOUND'), '解除')).toBe(1)
  })

  it('adds how long to wait after too many tries, as one sentence after the server’s', () => {
    expect(shown('TOO_MANY_ATTEMPTS')).toBe(
      '尝试次数过多，请稍后再试。为保护您的信息，1 小时内最多尝试 5 次。着急的话，可以拨打服务热线求助。'
    )
  })
})

describe('the ID number field', () => {
  it('opens WeChat’s ID-card keyboard, and in the browser a text keyboard with capitals for the final X', () => {
    expect(INPUT_KINDS.idcard.weapp).toBe('idcard')
    expect(INPUT_KINDS.idcard.h5).toMatchObject({ type: 'text', inputMode: 'text', autoCapitalize: 'characters' })
  })
})
