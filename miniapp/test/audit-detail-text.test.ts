import { describe, expect, it } from 'vitest'
import { auditTimeText, detailText, type DetailNames } from '../src/features/staff-admin/audit-actions'

// Lookups as the audit page builds them: from GET /districts and the staff accounts list.
const DISTRICTS: Readonly<Record<string, string>> = { '420102': '江岸区', '420106': '武昌区' }
const STAFF: Readonly<Record<string, string>> = {
  '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b': '王芳',
  '0190a1b2-c3d4-7e5f-8a9b-112233445566': '李明'
}
const names: DetailNames = { district: (code) => DISTRICTS[code], staff: (id) => STAFF[id] }

describe("the audit log's district codes", () => {
  it("shows a district's name for its code", () => {
    expect(detailText({ districtCode: '420102', category: 'soldier' }, 'registry.create', names)).toBe(
      '区：江岸区；类别：退役士兵'
    )
  })

  it('keeps a code no district has, and every code when there are no names', () => {
    expect(detailText({ districtCode: '999999' }, 'registry.create', names)).toBe('区：999999')
    expect(detailText({ districtCode: '420102' }, 'registry.create')).toBe('区：420102')
    expect(detailText({ districtCode: '420102' }, 'registry.create', { staff: names.staff })).toBe('区：420102')
  })
})

describe("the audit log's assignments of a consultation", () => {
  const assign = {
    assigneeId: '0190a1b2-c3d4-7e5f-8a9b-112233445566',
    from: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'
  }

  it('names the new and the previous assignee', () => {
    expect(detailText(assign, 'messaging.assign', names)).toBe('分配给：李明；原来：王芳')
  })

  it('shows the end of an id no staff account has, like the entry column does', () => {
    const gone = { assigneeId: '0190a1b2-c3d4-7e5f-8a9b-112233445566', from: '0190ffff-0000-7000-8000-00000abc1234' }
    expect(detailText(gone, 'messaging.assign', names)).toBe('分配给：李明；原来：…bc1234')
    expect(detailText(assign, 'messaging.assign')).toBe('分配给：…445566；原来：…3f4a5b')
  })

  it('leaves out the previous assignee of a thread no one had', () => {
    expect(
      detailText({ assigneeId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', from: null }, 'messaging.assign', names)
    ).toBe('分配给：王芳')
  })

  it("still reads another entry's `from` as the state before, not as a person", () => {
    const statusNames: DetailNames = { ...names, staff: () => '不该出现' }
    expect(detailText({ status: 'resolved', from: 'pending' }, 'messaging.status', statusNames)).toBe(
      '改为：已解决；原来：已回复'
    )
    expect(detailText({ centerId: 'c1', from: 'booked' }, 'booking.check_in', statusNames)).toBe('原来：已预约')
  })
})

describe('auditTimeText', () => {
  it('leaves out the year of this year (Beijing) and keeps it for another year', () => {
    const now = '2026-12-05T10:00:00.000Z'
    expect(auditTimeText('2026-12-05T01:04:00.000Z', now)).toBe('12月5日 09:04')
    expect(auditTimeText('2026-01-01T15:30:00.000Z', now)).toBe('1月1日 23:30')
    expect(auditTimeText('2025-12-31T15:59:00.000Z', '2026-01-01T00:00:00.000Z')).toBe('2025年12月31日 23:59')
  })
})
