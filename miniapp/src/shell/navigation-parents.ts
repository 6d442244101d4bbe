import {
  BOOKING_PAGES,
  isInAppUrl,
  MESSAGES_PAGES,
  isTabPage,
  PAGES,
  paramsOf,
  pathOf,
  POLICY_PAGES,
  STAFF_ADMIN_PAGES,
  STAFF_BOOKING_PAGES,
  STAFF_MESSAGING_PAGES,
  STAFF_NOTICE_PAGES,
  STAFF_REGISTRY_PAGES,
  urlWith,
  type PageParams
} from './navigation-pages'

/**
 * Where 返回 leads when there is no page to go back to (the browser reloaded the page, or it was opened from a
 * link): the page one step up in the app, as a person would expect from the steps they took.
 */
interface ParentRule {
  path: string
  /** Query parameters the parent gets from this page: a name kept as is, or [name on the parent, name here]. */
  carry?: ReadonlyArray<string | readonly [string, string]>
  /** The rule applies only if the parent gets all of these (carried, or remembered from an earlier visit). */
  needs?: readonly string[]
}

const to = (path: string, more: Omit<ParentRule, 'path'> = {}): ParentRule => ({ path, ...more })

/** Per page, the candidate parents in order; the first one whose needs are met wins. */
export const PARENT_RULES: Readonly<Record<string, readonly ParentRule[]>> = {
  [PAGES.profile]: [to(PAGES.me)],
  [PAGES.identity]: [to(PAGES.me)],
  [PAGES.family]: [to(PAGES.me)],
  [PAGES.myData]: [to(PAGES.me)],
  [PAGES.login]: [to(PAGES.home)],
  [PAGES.notFound]: [to(PAGES.home)],

  // Booking: 预约 tab → 选择服务中心 → 选择时间 → 确认预约; 我的 → 我的预约 → 预约详情 (→ 改约: 选择时间 → 确认改约).
  [BOOKING_PAGES.centers]: [to(PAGES.booking)],
  [BOOKING_PAGES.slots]: [
    to(BOOKING_PAGES.detail, { carry: [['id', 'rescheduleId']], needs: ['id'] }),
    to(BOOKING_PAGES.centers, { carry: ['serviceId', 'veteranId'], needs: ['serviceId'] }),
    to(PAGES.booking)
  ],
  [BOOKING_PAGES.confirm]: [
    to(BOOKING_PAGES.slots, {
      carry: ['serviceId', 'centerId', 'veteranId', 'rescheduleId'],
      needs: ['serviceId', 'centerId']
    }),
    to(BOOKING_PAGES.detail, { carry: [['id', 'rescheduleId']], needs: ['id'] }),
    to(PAGES.booking)
  ],
  [BOOKING_PAGES.mine]: [to(PAGES.me)],
  [BOOKING_PAGES.detail]: [to(BOOKING_PAGES.mine)],

  // Reading policies: the 政策 tab; asking staff about a policy goes back to that policy.
  [POLICY_PAGES.detail]: [to(PAGES.policies)],
  [POLICY_PAGES.ask]: [to(POLICY_PAGES.detail, { carry: [['id', 'policyId']], needs: ['id'] }), to(PAGES.policies)],

  // Written questions: 消息 tab → 写信咨询 / a conversation.
  [MESSAGES_PAGES.newQuestion]: [
    to(POLICY_PAGES.detail, { carry: [['id', 'policyId']], needs: ['id'] }),
    to(PAGES.messages)
  ],
  [MESSAGES_PAGES.conversation]: [to(PAGES.messages)],
  [MESSAGES_PAGES.notice]: [to(PAGES.messages)],
  [MESSAGES_PAGES.settings]: [to(PAGES.me)],

  // The staff workspace (工作台) and the pages it opens.
  [PAGES.staffLogin]: [to(PAGES.me)],
  [PAGES.staffHome]: [to(PAGES.home)],
  [STAFF_BOOKING_PAGES.schedule]: [to(PAGES.staffHome)],
  [STAFF_BOOKING_PAGES.scheduleBatch]: [to(STAFF_BOOKING_PAGES.schedule)],
  [STAFF_BOOKING_PAGES.dayBoard]: [to(PAGES.staffHome)],
  [POLICY_PAGES.staffList]: [to(PAGES.staffHome)],
  [STAFF_MESSAGING_PAGES.inbox]: [to(PAGES.staffHome)],
  [STAFF_MESSAGING_PAGES.thread]: [to(STAFF_MESSAGING_PAGES.inbox)],
  [POLICY_PAGES.staffPolicy]: [to(POLICY_PAGES.staffList)],
  [POLICY_PAGES.staffEdit]: [
    to(POLICY_PAGES.staffPolicy, { carry: ['id'], needs: ['id'] }),
    to(POLICY_PAGES.staffPolicy, { carry: [['id', 'supersedes']], needs: ['id'] }),
    to(POLICY_PAGES.staffList)
  ],
  [STAFF_NOTICE_PAGES.list]: [to(PAGES.staffHome)],
  [STAFF_NOTICE_PAGES.notice]: [to(STAFF_NOTICE_PAGES.list)],
  [STAFF_NOTICE_PAGES.edit]: [
    to(STAFF_NOTICE_PAGES.notice, { carry: ['id'], needs: ['id'] }),
    to(STAFF_NOTICE_PAGES.list)
  ],
  [STAFF_REGISTRY_PAGES.list]: [to(PAGES.staffHome)],
  [STAFF_REGISTRY_PAGES.veteran]: [to(STAFF_REGISTRY_PAGES.list)],
  [STAFF_REGISTRY_PAGES.edit]: [
    to(STAFF_REGISTRY_PAGES.veteran, { carry: ['id'], needs: ['id'] }),
    to(STAFF_REGISTRY_PAGES.list)
  ],
  [STAFF_REGISTRY_PAGES.import]: [to(STAFF_REGISTRY_PAGES.list)],
  [STAFF_ADMIN_PAGES.dashboard]: [to(PAGES.staffHome)],
  [STAFF_ADMIN_PAGES.accounts]: [to(PAGES.staffHome)],
  [STAFF_ADMIN_PAGES.audit]: [to(STAFF_ADMIN_PAGES.accounts)],
  [STAFF_ADMIN_PAGES.password]: [to(PAGES.staffHome)]
}

/** What the pages that can be a parent are called, for "返回…" buttons. */
export const PARENT_NAMES: Readonly<Record<string, string>> = {
  [PAGES.home]: '首页',
  [PAGES.booking]: '预约',
  [PAGES.policies]: '政策',
  [PAGES.messages]: '消息',
  [PAGES.me]: '我的',
  [BOOKING_PAGES.centers]: '选择服务中心',
  [BOOKING_PAGES.slots]: '选择时间',
  [BOOKING_PAGES.mine]: '我的预约',
  [BOOKING_PAGES.detail]: '预约详情',
  [POLICY_PAGES.detail]: '政策详情',
  [PAGES.staffHome]: '工作台',
  [STAFF_BOOKING_PAGES.schedule]: '号源排班',
  [POLICY_PAGES.staffList]: '政策发布',
  [STAFF_MESSAGING_PAGES.inbox]: '留言咨询',
  [POLICY_PAGES.staffPolicy]: '政策审核发布',
  [STAFF_NOTICE_PAGES.list]: '通知推送',
  [STAFF_NOTICE_PAGES.notice]: '通知详情',
  [STAFF_REGISTRY_PAGES.list]: '退役军人信息',
  [STAFF_REGISTRY_PAGES.veteran]: '退役军人详情',
  [STAFF_ADMIN_PAGES.accounts]: '人员与审计'
}

/** Pages that say in their query where they were opened from (sign-in: `back`); that page is their parent. */
const RETURN_PARAMS: Readonly<Record<string, string>> = { [PAGES.login]: 'back' }

function carried(rule: ParentRule, params: PageParams): Record<string, string | undefined> {
  const query: Record<string, string | undefined> = {}
  for (const entry of rule.carry ?? []) {
    const [name, from] = typeof entry === 'string' ? [entry, entry] : entry
    query[name] = params[from] || undefined
  }
  return query
}

const hasAll = (query: PageParams, names: readonly string[] = []) => names.every((name) => !!query[name])

/**
 * The parent of a page as a URL, or null for the tab pages (they have none). `remembered` gives the query a page
 * had when it was last shown in this browser tab: it fills what this page's own query lacks (确认预约 knows only the
 * time slot; 选择时间 also needs the service and center), but only when it agrees with what is carried.
 */
export function parentOf(
  url: string,
  remembered: (path: string) => PageParams | undefined = () => undefined
): string | null {
  const path = pathOf(url)
  if (isTabPage(path)) return null
  const params = paramsOf(url)
  const returnParam = RETURN_PARAMS[path]
  const back = returnParam ? params[returnParam] : undefined
  if (isInAppUrl(back) && pathOf(back) !== path) return back

  for (const rule of PARENT_RULES[path] ?? [to(PAGES.home)]) {
    const query = carried(rule, params)
    if (hasAll(query, rule.needs)) return urlWith(rule.path, query)
    const earlier = remembered(rule.path)
    // What this page carries must match the memory; what the parent needs and this page lacks, memory fills.
    const fills = (name: string, value: string | undefined) => value === undefined && !!rule.needs?.includes(name)
    const agrees =
      earlier &&
      Object.entries(query).every(([name, value]) => fills(name, value) || (earlier[name] || undefined) === value)
    if (earlier && agrees && hasAll(earlier, rule.needs)) return urlWith(rule.path, earlier)
  }
  return PAGES.home
}
