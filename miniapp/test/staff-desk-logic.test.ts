import type { Stats, StaffSlot } from '@veterans/shared'
import { describe, expect, it } from 'vitest'
import {
  accountState,
  fieldErrorsFrom,
  newAccountProblems,
  passwordChangeProblems,
  temporaryPassword
} from '../src/features/staff-admin/account-rules'
import { actionText, auditDatesProblem, auditQueryOf, detailText } from '../src/features/staff-admin/audit-actions'
import {
  bookingsByDay,
  figureTiles,
  ratingDistribution,
  veteransByCategory
} from '../src/features/staff-dashboard/figures'
import { daysIn, periodDates, periodProblem, periodText } from '../src/features/staff-dashboard/periods'
import { slotCellText, weekGrid, weekStart } from '../src/features/staff-booking/week-grid'
import {
  currentNavItem,
  isStaffWorkspacePage,
  passwordGateTarget,
  signedInAs,
  staffNavFor
} from '../src/shell/staff-nav/staff-nav-items'

describe('the side navigation of the staff workspace', () => {
  it('shows 人员与审计 to admins only', () => {
    expect(staffNavFor('staff').map((i) => i.label)).not.toContain('人员与审计')
    expect(staffNavFor('admin').map((i) => i.label)).toEqual([
      '工作台',
      '号源排班',
      '今日预约与签到',
      '留言咨询',
      '通知推送',
      '政策发布',
      '退役军人信息',
      '数据统计',
      '人员与审计'
    ])
  })

  it('marks the entry a page belongs to, query and all', () => {
    const items = staffNavFor('admin')
    expect(currentNavItem(items, '/staff/pages/thread/index?id=t1')?.label).toBe('留言咨询')
    expect(currentNavItem(items, '/staff/pages/audit/index')?.label).toBe('人员与审计')
    expect(currentNavItem(items, '/staff/pages/veteran/index?id=v1')?.label).toBe('退役军人信息')
    expect(currentNavItem(items, '/staff/pages/password/index')).toBeNull()
  })

  it('names who is signed in, with the role only where the name does not already say it', () => {
    expect(signedInAs({ displayName: '张敏', role: 'admin' })).toBe('张敏（管理员）')
    expect(signedInAs({ displayName: '市局管理员', role: 'admin' })).toBe('市局管理员')
    expect(signedInAs({ displayName: '东湖区退役军人服务中心工作人员', role: 'staff' })).toBe(
      '东湖区退役军人服务中心工作人员'
    )
  })

  it('is for staff pages, not the staff sign-in or resident pages', () => {
    expect(isStaffWorkspacePage('/staff/pages/home/index')).toBe(true)
    expect(isStaffWorkspacePage('/staff/pages/login/index')).toBe(false)
    expect(isStaffWorkspacePage('/pages/home/index')).toBe(false)
  })

  it('sends an account that must change its password to 修改密码, and lets it stay there', () => {
    expect(passwordGateTarget(true, '/staff/pages/dashboard/index')).toBe('/staff/pages/password/index')
    expect(passwordGateTarget(true, '/staff/pages/password/index')).toBeNull()
    expect(passwordGateTarget(false, '/staff/pages/dashboard/index')).toBeNull()
    expect(passwordGateTarget(undefined, '/staff/pages/home/index')).toBeNull()
  })
})

describe('the dashboard period', () => {
  const today = '2026-12-05'
  it('gives 近7天, 近30天 and 本月 with today included', () => {
    const none = { from: '', to: '' }
    expect(periodDates('week', today, none)).toEqual({ from: '2026-11-29', to: today })
    expect(daysIn(periodDates('month30', today, none))).toBe(30)
    expect(periodDates('thisMonth', today, none)).toEqual({ from: '2026-12-01', to: today })
    expect(periodDates('custom', today, { from: '2026-01-01', to: '2026-02-01' })).toEqual({
      from: '2026-01-01',
      to: '2026-02-01'
    })
  })

  it('refuses a custom period that is reversed, incomplete or longer than 366 days', () => {
    expect(periodProblem({ from: '2026-12-05', to: '2026-12-01' })).toMatch('不能晚于')
    expect(periodProblem({ from: '', to: '2026-12-01' })).toMatch('请选择')
    expect(periodProblem({ from: '2025-01-01', to: '2026-12-01' })).toMatch('366')
    expect(periodProblem({ from: '2025-12-05', to: '2026-12-05' })).toBeNull()
  })

  it('says the period in words', () => {
    expect(periodText({ from: '2026-12-01', to: '2026-12-05' })).toBe('2026年12月1日至12月5日')
    expect(periodText({ from: '2025-12-30', to: '2026-01-02' })).toBe('2025年12月30日至2026年1月2日')
  })
})

const stats: Stats = {
  period: { from: '2026-12-01', to: '2026-12-03', centerId: null, centerName: '全市' },
  bookings: {
    total: 9,
    byService: [
      { serviceId: 's1', name: '就业创业指导', count: 6 },
      { serviceId: 's2', name: '优待证办理', count: 3 }
    ],
    byDay: [
      { date: '2026-12-01', count: 2 },
      { date: '2026-12-02', count: 7 },
      { date: '2026-12-03', count: 0 }
    ],
    noShowRate: 0.125,
    avgRating: 4.5,
    ratingDistribution: [
      { score: 5, count: 1 },
      { score: 4, count: 1 }
    ]
  },
  messages: { threads: 4, firstResponseMinutesP50: 32.4, firstResponseMinutesP90: null, slaBreaches: 1 },
  notices: { sent: 2, readRate: null },
  veterans: {
    total: 10,
    byDistrict: [{ code: '420102', name: '东湖区', count: 10 }],
    byCategory: [
      { category: 'soldier', count: 8 },
      { category: 'cadre_retired', count: 2 }
    ]
  }
}

describe('the dashboard figures and chart summaries', () => {
  it('writes the tiles in words, with — where there is nothing yet', () => {
    const tiles = Object.fromEntries(figureTiles(stats).map((t) => [t.label, t]))
    expect(tiles['预约总数']!.value).toBe('9')
    expect(tiles['爽约率']!.value).toBe('12.5%')
    expect(tiles['平均评分']!.value).toBe('4.5 分')
    expect(tiles['首次回复用时']!.value).toBe('中位 32 分钟')
    expect(tiles['首次回复用时']!.hint).toMatch('—')
    expect(tiles['通知阅读率']!.value).toBe('—')
  })

  it('says 不足 1 分钟 for replies within a minute of working time, not 0 分钟', () => {
    const quick = {
      ...stats,
      messages: { ...stats.messages, firstResponseMinutesP50: 0, firstResponseMinutesP90: 0.4 }
    }
    const tile = figureTiles(quick).find((t) => t.label === '首次回复用时')!
    expect(tile.value).toBe('中位 不足 1 分钟')
    expect(tile.hint).toMatch(/^90% 不足 1 分钟（/)
    const slow = { ...stats, messages: { ...stats.messages, firstResponseMinutesP90: 95.2 } }
    expect(figureTiles(slow).find((t) => t.label === '首次回复用时')!.hint).toMatch(/^90% 在 95 分钟内（/)
  })

  it('summarises each chart with its figures', () => {
    expect(bookingsByDay(stats).summary).toBe(
      '每日预约量：3 天共 9 个预约，最多的一天是12月2日，7 个；第一天 2 个，最后一天 0 个。'
    )
    const ratings = ratingDistribution(stats)
    expect(ratings.rows.map((r) => r.count)).toEqual([1, 1, 0, 0, 0])
    expect(ratings.summary).toMatch('共 2 个评分，平均 4.5 分')
    expect(veteransByCategory(stats).summary).toBe('退役军人类别，共 10 人：退役士兵 8 人，军休干部 2 人。')
  })
})

describe('staff accounts', () => {
  const form = {
    username: 'zhang.san',
    password: 'long-enough-1',
    displayName: '张三',
    role: 'staff' as const,
    centerId: 'c1'
  }
  it('checks a new account as the server would', () => {
    expect(newAccountProblems(form)).toEqual({})
    expect(newAccountProblems({ ...form, username: '张三', password: 'short', centerId: '' })).toEqual({
      username: expect.stringMatching('英文字母') as string,
      password: '密码至少 10 位',
      centerId: '工作人员要选所在服务中心'
    })
    expect(newAccountProblems({ ...form, role: 'admin', centerId: '' })).toEqual({})
  })

  it('puts the server field errors on the fields', () => {
    expect(fieldErrorsFrom({ fields: [{ path: '/username', message: 'x' }, { path: '/other' }] })).toEqual({
      username: '请检查这一项'
    })
  })

  it('says the state, and makes readable temporary passwords', () => {
    expect(accountState({ disabled: true, mustChangePassword: true })).toBe('已停用')
    expect(accountState({ mustChangePassword: true })).toBe('待改密码')
    expect(accountState({})).toBe('正常')
    const password = temporaryPassword()
    expect(password).toHaveLength(12)
    expect(password).not.toMatch(/[0O1lI]/)
  })

  it('checks a password change', () => {
    expect(passwordChangeProblems({ current: 'a', next: 'new-password-1', repeat: 'new-password-1' })).toEqual({})
    expect(passwordChangeProblems({ current: '', next: 'short', repeat: '' })).toEqual({
      current: expect.any(String) as string,
      next: '新密码至少 10 位'
    })
    expect(
      passwordChangeProblems({ current: 'same-password', next: 'same-password', repeat: 'same-password' }).next
    ).toBe('新密码不能和现在的密码一样')
    expect(passwordChangeProblems({ current: 'a', next: 'new-password-1', repeat: 'new-password-2' }).repeat).toBe(
      '两次填写的新密码不一样'
    )
  })
})

describe('the audit log filters', () => {
  it('turns Beijing dates into the instants of the start and end of those days', () => {
    expect(auditQueryOf({ actorId: '', action: 'policy.create', from: '2026-12-01', to: '2026-12-01' })).toEqual({
      actorId: undefined,
      action: 'policy.create',
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-01T15:59:59.999Z'
    })
    expect(auditDatesProblem({ actorId: '', action: '', from: '2026-12-02', to: '2026-12-01' })).toMatch('不能晚于')
    expect(actionText('notice.send')).toBe('发送通知')
    expect(actionText('something.new')).toBe('something.new')
  })

  it("says the codes in an entry's detail in the words the pages use, by what the entry is about", () => {
    expect(detailText({ status: 'resolved', from: 'pending' }, 'messaging.status')).toBe('改为：已解决；原来：已回复')
    expect(detailText({ centerId: 'c1', from: 'booked' }, 'booking.check_in')).toBe('原来：已预约')
    expect(detailText({ status: 'closed', reason: '停电' }, 'booking.slot.update')).toBe('改为：暂停；理由：停电')
    expect(detailText({ username: 'li', role: 'admin' }, 'admin.create_staff')).toBe('用户名：li；角色：管理员')
    expect(detailText({ fields: ['phone', 'notes'] }, 'registry.update')).toBe('修改的项：手机号、备注')
    expect(detailText({ districtCode: '420102', category: 'soldier' }, 'registry.create')).toBe(
      '区：420102；类别：退役士兵'
    )
    expect(detailText({ from: 'someday' }, 'messaging.status')).toBe('原来：someday')
  })
})

describe('the week of a center', () => {
  const slot = (id: string, startsAt: string, endsAt: string, more: Partial<StaffSlot> = {}): StaffSlot => ({
    id,
    centerId: 'c1',
    serviceId: 's1',
    serviceName: '就业创业指导',
    centerName: '东湖区退役军人服务中心',
    startsAt,
    endsAt,
    capacity: 5,
    booked: 2,
    remaining: 3,
    status: 'open',
    closedReason: null,
    bookable: true,
    waiting: 0,
    cancellableUntil: startsAt,
    ...more
  })

  it('starts on Monday and puts slots by Beijing day and time', () => {
    expect(weekStart('2026-12-05')).toBe('2026-11-30') // a Saturday
    expect(weekStart('2026-11-30')).toBe('2026-11-30')
    const grid = weekGrid(
      [
        slot('a', '2026-12-01T01:00:00.000Z', '2026-12-01T01:30:00.000Z'),
        slot('b', '2026-12-02T01:00:00.000Z', '2026-12-02T01:30:00.000Z', { booked: 5 }),
        slot('c', '2026-12-02T06:00:00.000Z', '2026-12-02T06:30:00.000Z', { status: 'closed' }),
        slot('d', '2026-12-09T01:00:00.000Z', '2026-12-09T01:30:00.000Z')
      ],
      '2026-11-30'
    )
    expect(grid.days).toHaveLength(7)
    expect(grid.times).toEqual(['09:00–09:30', '14:00–14:30'])
    expect(grid.cells.get('2026-12-01|09:00–09:30')!.map(slotCellText)).toEqual(['就业创业指导 2/5'])
    expect(grid.cells.get('2026-12-02|09:00–09:30')!.map(slotCellText)).toEqual(['就业创业指导 5/5（约满）'])
    expect(grid.cells.get('2026-12-02|14:00–14:30')!.map(slotCellText)).toEqual(['就业创业指导 2/5（已关闭）'])
  })
})
