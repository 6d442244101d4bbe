import { afterEach, describe, expect, it, vi } from 'vitest'
import { shanghaiDate } from '../src/lib/time'
import { dateRange } from '../src/modules/booking/service'

// Today in Asia/Shanghai is worked out once a day and default date ranges are remembered: both must turn over at
// Shanghai midnight (16:00 UTC), and follow the clock if it is set back.
afterEach(() => {
  vi.useRealTimers()
})

describe('today in Asia/Shanghai', () => {
  it('turns over at Shanghai midnight, for the default booking range too', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-03-01T15:59:59.900Z'))
    expect(shanghaiDate()).toBe('2026-03-01')
    expect(dateRange(undefined, undefined)).toMatchObject({
      first: '2026-03-01',
      last: '2026-03-14',
      fromIso: '2026-02-28T16:00:00.000Z'
    })
    vi.setSystemTime(new Date('2026-03-01T16:00:00.000Z'))
    expect(shanghaiDate()).toBe('2026-03-02')
    expect(dateRange(undefined, undefined)).toMatchObject({ first: '2026-03-02', last: '2026-03-15' })
  })

  it('follows the clock when it is set back', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-03-05T01:00:00.000Z'))
    expect(shanghaiDate()).toBe('2026-03-05')
    vi.setSystemTime(new Date('2026-02-28T16:00:00.000Z'))
    expect(shanghaiDate()).toBe('2026-03-01')
  })

  it('still converts a given instant', () => {
    expect(shanghaiDate('2026-12-31T16:30:00.000Z')).toBe('2027-01-01')
  })
})
