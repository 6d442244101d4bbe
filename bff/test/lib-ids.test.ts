import { expect, test } from 'vitest'
import { newId } from '../src/lib/ids'

// Lists page newest first by id: ids must sort in the order they were made, also within one millisecond.
test('ids made one after the other sort in that order and never repeat, many to a millisecond', () => {
  const ids = Array.from({ length: 50_000 }, () => newId())
  expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true)
  expect(new Set(ids).size).toBe(ids.length)
  expect(new Set(ids.map((id) => id.slice(0, 10))).size).toBeLessThan(ids.length)
})

test('ids made for a given time sort by that time; the same millisecond still gives new, unguessable ids', () => {
  const at = Date.parse('2026-03-01T08:00:00Z')
  const [a, b, c] = [newId(at), newId(at), newId(at)]
  expect(a < b && b < c).toBe(true)
  expect(newId(at - 1) < a).toBe(true)
  // The step from one to the next is random, not +1: knowing one id does not give the next.
  const value = (id: string) =>
    [...id.slice(10)].reduce((n, ch) => n * 32n + BigInt('0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(ch)), 0n)
  expect(value(b) - value(a)).not.toBe(1n)
  expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
})
