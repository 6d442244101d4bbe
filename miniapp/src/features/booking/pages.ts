import { BOOKING_PAGES, urlWith } from '../../shell/navigation-pages'

export const bookingDetailUrl = (bookingId: string) => urlWith(BOOKING_PAGES.detail, { id: bookingId })
