import { RELATIONS, ROLES, TOPICS, VETERAN_CATEGORIES } from '@veterans/shared/topics'
import { BOOKING_STATUS_WORDS } from '../booking/status'
import { STATUS_LABELS as THREAD_STATUS_WORDS } from '../messaging/thread-list'

// The Chinese words of the readable data export: section titles, field labels and coded values. Sections come from
// other capabilities (GET /me/export `records`), so their names and fields are listed here once; a section or field
// added later without words here still reads as Chinese (see export-document.ts).

/** Titles of the sections other capabilities add, by their name under `records`. */
export const SECTION_TITLES: Record<string, string> = {
  bookings: '预约',
  waitlist: '候补',
  notifications: '通知',
  threads: '咨询',
  threadMessages: '咨询中的留言',
  notices: '政策通知',
  noticeRecipients: '收到的政策通知',
  inbox: '消息',
  messagePreferences: '消息设置',
  preferences: '消息设置',
  wechatSubscriptions: '微信订阅消息',
  subscriptions: '微信订阅消息',
  pushDeliveries: '微信消息发送记录',
  uploads: '上传的图片',
  ratings: '评价'
}

/** Title of a section with no words of its own yet: never its English name. */
export const UNKNOWN_SECTION_TITLE = '其他记录'

/**
 * Field labels, shared by all sections. A field missing here is left out of the readable document (it stays in the
 * JSON file): its name alone would be English.
 */
export const FIELD_LABELS: Record<string, string> = {
  // what and where
  serviceName: '服务',
  subject: '主题',
  title: '标题',
  category: '类别',
  centerName: '服务中心',
  centerAddress: '地址',
  centerPhone: '服务中心电话',
  policyTitle: '相关政策',
  senderName: '发送单位',
  label: '名称',
  // when
  startsAt: '时间',
  createdAt: '时间',
  sentAt: '发送时间',
  readAt: '阅读时间',
  lastMessageAt: '最近留言时间',
  cancellableUntil: '可在线取消至',
  updatedAt: '最后更新',
  // who
  veteranNameMasked: '退役军人',
  authorName: '署名',
  authorRole: '留言人',
  // state
  status: '状态',
  endedReason: '结束原因',
  position: '候补排位',
  read: '已读',
  cancelledBy: '取消人',
  cancelReason: '取消原因',
  rating: '评价',
  // content
  summary: '摘要',
  body: '内容',
  note: '备注',
  checkInCode: '签到码',
  attachments: '附件',
  inbox: '消息列表里提醒',
  wechat: '微信订阅消息提醒',
  remaining: '剩余次数'
}

/** Some sections say "when" more precisely than 时间. */
export const SECTION_FIELD_LABELS: Record<string, Record<string, string>> = {
  bookings: { startsAt: '预约时段', createdAt: '提交时间' },
  waitlist: { startsAt: '候补时段', createdAt: '登记时间' },
  threads: { createdAt: '提问时间', status: '答复情况' },
  notifications: { createdAt: '收到时间' },
  notices: { createdAt: '收到时间' }
}

/** Coded values in words, by section and field. */
export const SECTION_VALUE_WORDS: Record<string, Record<string, Record<string, string>>> = {
  bookings: {
    status: BOOKING_STATUS_WORDS,
    cancelledBy: { person: '本人或家人', staff: '工作人员' }
  },
  waitlist: {
    status: { waiting: '候补中', promoted: '已转为预约', cancelled: '已结束', skipped: '未能转为预约' },
    endedReason: {
      booked: '已预约同一服务的其他时段',
      left: '本人退出候补',
      slot_closed: '服务中心关闭了这个时段',
      account_closed: '账号已注销',
      time_conflict: '与您的其他预约时间冲突'
    }
  },
  threads: { status: THREAD_STATUS_WORDS },
  threadMessages: { authorRole: { resident: '您或您的家人', staff: '工作人员' } }
}

/** Coded values that mean the same in every section. */
export const VALUE_WORDS: Record<string, Record<string, string>> = {
  category: { ...TOPICS, ...VETERAN_CATEGORIES },
  relation: RELATIONS,
  role: ROLES
}
