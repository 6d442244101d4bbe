import { ActionButton, Notice } from '../../components'
import { openPage, PAGES } from '../../shell/navigation'
import { CallButton } from './call-button'
import { bookingDetailUrl } from './pages'
import type { Refusal } from './refusals'

/** A refusal with its reason and the buttons for what to do next (see refusals.ts). */
export function RefusalNotice(props: {
  refusal: Refusal
  onOtherSlot?: () => void
  onWaitlist?: () => void
  waitlistBusy?: boolean
}) {
  const { refusal, onOtherSlot, onWaitlist, waitlistBusy } = props
  const offers = (step: Refusal['steps'][number]) => refusal.steps.includes(step)
  return (
    <>
      <Notice tone='error'>{refusal.message}</Notice>
      {offers('waitlist') && onWaitlist && (
        <ActionButton busy={waitlistBusy} busyText='正在登记…' onClick={onWaitlist}>
          登记候补
        </ActionButton>
      )}
      {offers('existing-booking') && refusal.bookingId && (
        <ActionButton variant='secondary' onClick={() => openPage(bookingDetailUrl(refusal.bookingId!))}>
          查看已有的预约
        </ActionButton>
      )}
      {offers('other-slot') && onOtherSlot && (
        <ActionButton variant='secondary' onClick={onOtherSlot}>
          换一个时段
        </ActionButton>
      )}
      {offers('phone') && refusal.phone && <CallButton phone={refusal.phone} />}
      {offers('bind-identity') && (
        <ActionButton variant='secondary' onClick={() => openPage(PAGES.identity)}>
          去认证身份
        </ActionButton>
      )}
    </>
  )
}
