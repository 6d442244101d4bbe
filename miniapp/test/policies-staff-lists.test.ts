import type { Me } from '@veterans/shared'
import { describe, expect, it } from 'vitest'
import { mayDelete } from '../src/features/staff-policies/labels'
import { staffListQuery } from '../src/features/staff-policies/list-query'

describe('政策发布 tabs', () => {
  it('asks 已发布 for what is still on the books and 已废止 for the repealed, never both in one', () => {
    expect(staffListQuery('published', '')).toMatchObject({ workflow: 'published', validity: 'not_repealed' })
    expect(staffListQuery('repealed', '条例')).toMatchObject({ workflow: 'published', validity: 'repealed', q: '条例' })
    expect(staffListQuery('draft', '')).toEqual({ workflow: 'draft', limit: 20, q: undefined })
    expect(staffListQuery('pending', '')).not.toHaveProperty('validity')
  })
})

describe('deleting a draft', () => {
  const author = { id: 'u-author', role: 'staff' } as Pick<Me, 'id' | 'role'>
  const colleague = { id: 'u-other', role: 'staff' } as Pick<Me, 'id' | 'role'>
  const admin = { id: 'u-admin', role: 'admin' } as Pick<Me, 'id' | 'role'>

  it('is offered to its author and to admins, on drafts only', () => {
    const draft = { workflow: 'draft', authorId: author.id } as const
    expect(mayDelete(draft, author)).toBe(true)
    expect(mayDelete(draft, admin)).toBe(true)
    expect(mayDelete(draft, colleague)).toBe(false)
    expect(mayDelete({ ...draft, workflow: 'pending' }, author)).toBe(false)
    expect(mayDelete({ ...draft, workflow: 'published' }, admin)).toBe(false)
  })
})
