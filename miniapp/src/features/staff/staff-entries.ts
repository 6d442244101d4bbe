import type { Role } from '@veterans/shared/topics'

/**
 * The staff workspace's features. None is built in this version of the shell: each says so plainly instead of
 * opening an empty screen. A capability replaces `status` with its page when it lands.
 */
export interface StaffEntry {
  title: string
  description: string
  status: string
  roles?: Role[]
  /** The feature's page once it is built: the workspace links to it (and shows no status). */
  url?: string
}

export const STAFF_ENTRIES: StaffEntry[] = [
  {
    title: '今日预约与签到',
    description: '查看本中心的预约，为来访的退役军人签到、办结',
    status: '',
    url: '/staff/pages/day-board/index'
  },
  {
    title: '号源排班',
    description: '按服务和日期开放预约时段、调整名额',
    status: '',
    url: '/staff/pages/schedule/index'
  },
  { title: '政策发布', description: '起草、审核和发布政策文件', status: '', url: '/staff/pages/policies/index' },
  {
    title: '通知推送',
    description: '向符合条件的退役军人和家属发送通知',
    status: '',
    url: '/staff/pages/notices/index'
  },
  { title: '留言咨询', description: '回复退役军人和家属的书面咨询', status: '', url: '/staff/pages/inbox/index' },
  {
    title: '退役军人信息',
    description: '查询、登记和导入本辖区退役军人信息',
    status: '',
    url: '/staff/pages/veterans/index'
  },
  {
    title: '数据统计',
    description: '预约量、响应时间、满意度等',
    status: '',
    url: '/staff/pages/dashboard/index'
  },
  {
    title: '人员与审计',
    description: '管理工作人员账号，查看操作记录',
    status: '',
    roles: ['admin'],
    url: '/staff/pages/staff-accounts/index'
  },
  { title: '修改密码', description: '修改自己的登录密码', status: '', url: '/staff/pages/password/index' }
]
