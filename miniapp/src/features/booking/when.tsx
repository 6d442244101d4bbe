import { beijingDateOf, beijingToday } from '@veterans/shared/rules'
import { dayText, timeRange } from './dates'
import { Nowrap } from './line'

/** 12月1日（周二） 09:00–09:30, with the time range kept on one line. */
export function When({ startsAt, endsAt }: { startsAt: string; endsAt: string }) {
  return (
    <>
      {dayText(beijingDateOf(startsAt), beijingToday())} <Nowrap>{timeRange(startsAt, endsAt)}</Nowrap>
    </>
  )
}
