import { beijingClock, beijingTimeOf } from '@veterans/shared/rules'
import type { NotificationInput } from '../notifications/service'

/** What a notification about a booking needs to say where and when. */
export interface BookingContext {
  bookingId: string
  slotId: string
  serviceName: string
  centerName: string
  centerPhone: string
  startsAt: string
}

/** 2026-12-01T01:30:00.000Z → 12月1日 09:30 (Asia/Shanghai), as people read it. */
export function formatWhen(iso: string): string {
  const { month, day } = beijingClock(iso)
  return `${month}月${day}日 ${beijingTimeOf(iso)}`
}

const what = (c: BookingContext) => `${formatWhen(c.startsAt)} ${c.centerName}「${c.serviceName}」`
const data = (c: BookingContext) => ({ bookingId: c.bookingId, slotId: c.slotId })

/** What a WeChat subscription message about the visit shows (fitted to the template's rules when sent). */
interface Push {
  status: string
  detail: string
  urgent?: boolean
}

function to(
  userIds: string[],
  kind: string,
  title: string,
  body: string,
  extra: Record<string, unknown>,
  c?: BookingContext,
  push?: Push
): NotificationInput[] {
  const wechat =
    c && push
      ? {
          fields: {
            title: c.serviceName,
            time: c.startsAt,
            place: c.centerName,
            status: push.status,
            detail: push.detail
          },
          page: c.bookingId ? `booking/pages/detail/index?id=${c.bookingId}` : 'booking/pages/mine/index',
          urgent: push.urgent ?? false
        }
      : undefined
  return userIds.map((userId) => ({ userId, kind, title, body, data: extra, ...(wechat ? { push: wechat } : {}) }))
}

export const bookingMessages = {
  promoted: (userIds: string[], c: BookingContext) =>
    to(
      userIds,
      'booking.promoted',
      '候补成功，已为您预约',
      `您候补的 ${what(c)} 有了空位，已自动为您预约。请按时到场；如不能前往，请在“我的预约”中取消。`,
      data(c),
      c,
      { status: '候补成功', detail: '已为您预约，请按时到场' }
    ),

  slotClosed: (userIds: string[], c: BookingContext, reason: string) =>
    to(
      userIds,
      'booking.slot_closed',
      '预约已取消',
      `很抱歉，${what(c)} 因“${reason}”暂停服务，您的预约已取消。请在“预约”中另选时段，或致电 ${c.centerPhone} 咨询。`,
      data(c),
      c,
      { status: '已取消', detail: `暂停服务：${reason}。请另选时段` }
    ),

  waitlistClosed: (userIds: string[], c: BookingContext, reason: string, waitlistId: string) =>
    to(
      userIds,
      'booking.waitlist_closed',
      '候补已取消',
      `${what(c)} 因“${reason}”暂停服务，您的候补已取消。请另选时段，或致电 ${c.centerPhone} 咨询。`,
      { slotId: c.slotId, waitlistId }
    ),

  waitlistSkipped: (userIds: string[], c: BookingContext, waitlistId: string) =>
    to(
      userIds,
      'booking.waitlist_skipped',
      '候补未能转为预约',
      `${what(c)} 有了空位，但该退役军人已有同类服务的有效预约（或家属关联已解除），候补未转为预约。`,
      { slotId: c.slotId, waitlistId }
    ),

  waitlistSkippedTimeConflict: (userIds: string[], c: BookingContext, waitlistId: string) =>
    to(
      userIds,
      'booking.waitlist_skipped',
      '候补未能转为预约',
      `${what(c)} 有了空位，但该退役军人在同一时间已有其他预约，时间冲突，候补未转为预约。如仍需要这个时段，请先取消或改约那个预约，再重新预约。`,
      { slotId: c.slotId, waitlistId }
    ),

  bookedForYou: (userIds: string[], c: BookingContext, bookerName: string) =>
    to(
      userIds,
      'booking.booked_for_you',
      '家属为您预约了服务',
      `${bookerName} 为您预约了 ${what(c)}。可在“我的预约”中查看签到码。`,
      data(c),
      c,
      { status: '预约成功', detail: '家属为您预约，请按时到场' }
    ),

  cancelledByOther: (userIds: string[], c: BookingContext, byName: string) =>
    to(userIds, 'booking.cancelled', '预约已取消', `${byName} 取消了 ${what(c)} 的预约。`, data(c), c, {
      status: '已取消',
      detail: `${byName} 取消了预约`
    }),

  /** `newAddress` when the booking moved to another center: the person must go somewhere else. */
  rescheduledByOther: (userIds: string[], c: BookingContext, byName: string, newAddress: string | null = null) =>
    to(
      userIds,
      'booking.rescheduled',
      '预约已改期',
      `${byName} 将预约改到了 ${what(c)}。${newAddress ? `地点也变了，新地址：${newAddress}。` : ''}`,
      data(c),
      c,
      { status: '已改期', detail: newAddress ? '请按新的时间和地点到场' : '请按新的时间到场' }
    ),

  cancelledAccountClosed: (userIds: string[], c: BookingContext) =>
    to(
      userIds,
      'booking.cancelled',
      '预约已取消',
      `代您预约的家属已注销账号，${what(c)} 的预约已取消。如仍需办理，请重新预约。`,
      data(c)
    ),

  /** To whoever booked: the booking is made, with when, where and the check-in code. */
  confirmed: (userIds: string[], c: BookingContext, checkInCode: string, centerAddress: string) =>
    to(
      userIds,
      'booking.confirmed',
      '预约成功',
      `您已预约 ${what(c)}。地址：${centerAddress}。签到码 ${checkInCode}，请按时到场，到场后出示签到码。如不能前往，请提前在“我的预约”中取消。`,
      data(c),
      c,
      { status: '预约成功', detail: `签到码${checkInCode}，请按时到场` }
    ),

  /** To the person who cancelled: it is done, and the place is given up. */
  cancelledByYou: (userIds: string[], c: BookingContext) =>
    to(
      userIds,
      'booking.cancelled',
      '预约已取消',
      `您已取消 ${what(c)} 的预约。如仍需办理，请在“预约”中重新选择时段。`,
      data(c),
      c,
      { status: '已取消', detail: '如仍需办理，请重新预约' }
    ),

  /** To the person who moved it: the new time and place (the address too when the center changed). */
  rescheduledByYou: (userIds: string[], c: BookingContext, newAddress: string | null = null) =>
    to(
      userIds,
      'booking.rescheduled',
      '预约已改期',
      newAddress
        ? `您的预约已改到 ${what(c)}，地址：${newAddress}。签到码不变，请按新的时间和地点到场。`
        : `您的预约已改到 ${what(c)}。签到码不变，请按新的时间到场。`,
      data(c),
      c,
      { status: '已改期', detail: newAddress ? '签到码不变，请按新时间和地点到场' : '签到码不变，请按新时间到场' }
    ),

  /** The day before: when, where, what to bring. Urgent: not held back by quiet hours. */
  reminder: (userIds: string[], c: BookingContext, centerAddress: string) =>
    to(
      userIds,
      'booking.reminder',
      '预约提醒：请按时到场',
      `提醒您：${what(c)}。地址：${centerAddress}。请带好身份证和相关材料，按时到场并出示签到码。如不能前往，请在“我的预约”中取消，把名额留给他人。`,
      data(c),
      c,
      { status: '即将开始', detail: '请带好身份证，按时到场', urgent: true }
    ),

  completed: (userIds: string[], c: BookingContext) =>
    to(
      userIds,
      'booking.completed',
      '服务已完成，欢迎评价',
      `${what(c)} 已办结。欢迎在“我的预约”中为本次服务评价。`,
      data(c)
    )
}
