import type { Booking, Service } from '@veterans/shared'
import { TOPICS } from '@veterans/shared/topics'
import { ChoiceRow } from './choice-row'
import { heldText } from './held-bookings'
import { Line } from './line'

/**
 * One service of the 预约 list in two short lines: its name, then how long it takes and its topic — or, when the
 * person already holds a booking of it, when that is (the row then opens that booking). What to bring is on the
 * next step.
 */
export function ServiceRow({
  service,
  centerCount,
  held,
  today,
  onChoose,
  onOpenHeld
}: {
  service: Service
  centerCount: number
  held?: Booking
  today: string
  onChoose: () => void
  onOpenHeld: (booking: Booking) => void
}) {
  if (held) {
    const when = heldText(held, today)
    return (
      <ChoiceRow
        label={`${service.name}，${when}，查看预约`}
        title={service.name}
        details={<Line tone='good'>{when}</Line>}
        onChoose={() => onOpenHeld(held)}
      />
    )
  }
  const about =
    centerCount === 0 ? '暂时没有服务中心办理' : `约 ${service.durationMinutes} 分钟 · ${TOPICS[service.category]}`
  return (
    <ChoiceRow
      label={`选这项服务：${service.name}，${about}`}
      title={service.name}
      details={<Line tone='muted'>{about}</Line>}
      disabled={centerCount === 0}
      onChoose={onChoose}
    />
  )
}
