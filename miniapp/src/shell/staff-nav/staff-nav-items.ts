import type { Me } from '@veterans/shared'
import { ROLES, type Role } from '@veterans/shared/topics'
import {
  PAGES,
  pathOf,
  POLICY_PAGES,
  STAFF_ADMIN_PAGES,
  STAFF_BOOKING_PAGES,
  STAFF_MESSAGING_PAGES,
  STAFF_NOTICE_PAGES,
  STAFF_REGISTRY_PAGES
} from '../navigation-pages'

// The side navigation of the staff workspace at a desk. Free of Taro so the "which entry is current" rule is tested.
// Each label is the title of the page it opens (and of its 工作台 entry): one name for one place.

export interface StaffNavItem {
  label: string
  url: string
  /** Other pages that belong to this entry (a thread belongs to 留言咨询): the entry is marked current there too. */
  also?: readonly string[]
  roles?: readonly Role[]
}

export const STAFF_NAV_ITEMS: readonly StaffNavItem[] = [
  { label: '工作台', url: PAGES.staffHome },
  { label: '号源排班', url: STAFF_BOOKING_PAGES.schedule, also: [STAFF_BOOKING_PAGES.scheduleBatch] },
  { label: '今日预约与签到', url: STAFF_BOOKING_PAGES.dayBoard },
  { label: '留言咨询', url: STAFF_MESSAGING_PAGES.inbox, also: [STAFF_MESSAGING_PAGES.thread] },
  { label: '通知推送', url: STAFF_NOTICE_PAGES.list, also: [STAFF_NOTICE_PAGES.notice, STAFF_NOTICE_PAGES.edit] },
  { label: '政策发布', url: POLICY_PAGES.staffList, also: [POLICY_PAGES.staffPolicy, POLICY_PAGES.staffEdit] },
  {
    label: '退役军人信息',
    url: STAFF_REGISTRY_PAGES.list,
    also: [STAFF_REGISTRY_PAGES.veteran, STAFF_REGISTRY_PAGES.edit, STAFF_REGISTRY_PAGES.import]
  },
  { label: '数据统计', url: STAFF_ADMIN_PAGES.dashboard },
  { label: '人员与审计', url: STAFF_ADMIN_PAGES.accounts, also: [STAFF_ADMIN_PAGES.audit], roles: ['admin'] }
]

/**
 * Who is signed in, as the navigation names them: the role in brackets only when it adds something, so an admin
 * named 市局管理员 is not shown as 市局管理员（管理员）, and staff (most accounts) carry no bracket at all.
 */
export function signedInAs(me: Pick<Me, 'displayName' | 'role'>): string {
  const role = ROLES[me.role]
  return me.role !== 'admin' || me.displayName.includes(role) ? me.displayName : `${me.displayName}（${role}）`
}

/** The entries a role sees, in order. */
export function staffNavFor(role: Role): StaffNavItem[] {
  return STAFF_NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role))
}

/** The entry the page at `url` belongs to (null: a page outside the navigation, such as 修改密码). */
export function currentNavItem(items: readonly StaffNavItem[], url: string): StaffNavItem | null {
  const path = pathOf(url)
  return items.find((item) => item.url === path || item.also?.includes(path)) ?? null
}

/** Staff pages that show the side navigation at a desk: all of the `staff` subpackage except the sign-in. */
export function isStaffWorkspacePage(url: string): boolean {
  const path = pathOf(url)
  return path.startsWith('/staff/pages/') && path !== PAGES.staffLogin
}

/**
 * Where an account that must choose a new password is sent: 修改密码, from any other staff page (the server refuses
 * their staff calls until then anyway). Null when it may stay.
 */
export function passwordGateTarget(mustChangePassword: boolean | undefined, url: string): string | null {
  if (!mustChangePassword || !isStaffWorkspacePage(url)) return null
  return pathOf(url) === STAFF_ADMIN_PAGES.password ? null : STAFF_ADMIN_PAGES.password
}
