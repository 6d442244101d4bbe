import { openPage } from '../../shell/navigation'
import { BOOKING_PAGES, urlWith } from '../../shell/navigation-pages'

/**
 * "Book a related service" on a policy: straight into the booking flow at that service — the booking pages' step
 * "choose a center" takes `serviceId` (WeChat's switchTab could not carry it to the 预约 tab). Who the booking is
 * for (self, or a linked veteran) is chosen there as on the tab.
 */
export function openBookingFor(serviceId: string): void {
  openPage(urlWith(BOOKING_PAGES.centers, { serviceId }))
}
