/** The booking pages outside the tab bar: the `booking` subpackage (loaded when first opened on WeChat). */
export const BOOKING_PAGES = {
  centers: '/booking/pages/centers/index',
  slots: '/booking/pages/slots/index',
  confirm: '/booking/pages/confirm/index',
  mine: '/booking/pages/mine/index',
  detail: '/booking/pages/detail/index'
} as const

/** Staff pages of booking, in the `staff` subpackage. */
export const STAFF_BOOKING_PAGES = {
  schedule: '/staff/pages/schedule/index',
  scheduleBatch: '/staff/pages/schedule-batch/index',
  dayBoard: '/staff/pages/day-board/index'
} as const

/** A page URL with its query (empty values left out). */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
  return parts.length > 0 ? `${path}?${parts.join('&')}` : path
}

export const bookingDetailUrl = (bookingId: string) => withQuery(BOOKING_PAGES.detail, { id: bookingId })
