import { describe, expect, it } from 'vitest'
import { linkCardWords } from '../src/features/family/link-words'

describe('the family page’s invite-code card', () => {
  it('tells a veteran the code above is for his family, and when he would use this card himself', () => {
    const words = linkCardWords(true)
    expect(words.steps).toContain('上面的邀请码是给您的家人用的，您自己不用填')
    expect(words.steps).toContain('帮另一位退役军人（比如您的父亲）')
    expect(words.title).not.toBe('输入家人的邀请码')
  })

  it('tells a family member who does what: the veteran makes the code, the family member enters it', () => {
    const words = linkCardWords(false)
    expect(words.steps).toMatch(/第一步：请您家里的退役军人.*生成邀请码.*告诉您/)
    expect(words.steps).toMatch(/第二步：您把邀请码填在下面/)
  })

  it('never says the old unclear sentence', () => {
    for (const reader of [true, false]) expect(linkCardWords(reader).steps).not.toContain('请退役军人家人在他的')
  })
})
