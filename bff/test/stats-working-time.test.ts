import { describe, expect, it } from 'vitest'
import { workingTimeBetween } from '../src/modules/messaging/sla'
import { workingTimeMeter } from '../src/modules/stats/working-time'

// The dashboard's fast meter must agree with the inbox's own count of working time, holidays and make-up days
// included (2026–2027 have both in config/holidays.json).
describe('workingTimeMeter', () => {
  it('agrees with messaging/sla.ts on many waits across holidays and weekends', () => {
    const meter = workingTimeMeter('2026-01-01')
    let seed = 7
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
    const start = Date.parse('2026-01-01T00:00:00+08:00')
    for (let i = 0; i < 2000; i++) {
      const from = new Date(start + random() * 700 * 86_400_000).toISOString()
      const to = new Date(Date.parse(from) + random() * 20 * 86_400_000).toISOString()
      expect(meter(from, to)).toBe(workingTimeBetween(from, to))
    }
  })

  it('counts nothing for a reply before the question', () => {
    const meter = workingTimeMeter('2026-03-02')
    expect(meter('2026-03-02T03:00:00.000Z', '2026-03-02T02:00:00.000Z')).toBe(0)
  })
})
