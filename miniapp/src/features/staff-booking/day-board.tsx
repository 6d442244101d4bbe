import type { Booking, Me } from '@veterans/shared'
import { beijingTimeOf, beijingToday } from '@veterans/shared/rules'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { staffBookingApi, useAction, useRequest } from '../../api'
import { ActionButton, Card, Notice, Paragraph, TextField } from '../../components'
import { groupByTime } from '../booking/calendar'
import { dayText, timeRange } from '../booking/dates'
import { Line } from '../booking/line'
import { BOOKING_STATUS_WORDS } from '../booking/status'
import { StatusTag } from '../booking/status-tag'
import { attendanceWindow, findByCheckInCode, normalizeCheckInCode } from './attendance'
import { CenterChoice } from './center-choice'
import { DateStepper } from './date-stepper'
import { useNow } from './use-now'
import { useStaffCenter } from './use-staff-center'
import '../booking/booking.css'

/** 今日预约与签到: a center's bookings of a day by time; check in by QR code or typed code, complete, no-show. */
export function DayBoard({ me }: { me: Me }) {
  const staffCenter = useStaffCenter(me)
  const { centerId } = staffCenter
  const today = beijingToday()
  const now = useNow()
  const [date, setDate] = useState(today)
  const [code, setCode] = useState('')
  const [codeProblem, setCodeProblem] = useState<string | undefined>()
  const [done, setDone] = useState<string | null>(null)
  const [actingOn, setActingOn] = useState<string | null>(null)
  const board = useRequest(
    () => staffBookingApi.bookings({ centerId, date }),
    `board-${centerId}-${date}`,
    Boolean(centerId)
  )

  const replace = (updated: Booking) => {
    if (board.data)
      board.setData({ ...board.data, items: board.data.items.map((b) => (b.id === updated.id ? updated : b)) })
  }
  const act = useAction(async (kind: 'check-in' | 'complete' | 'no-show', booking: Booking, checkInCode?: string) => {
    const updated =
      kind === 'check-in'
        ? await staffBookingApi.checkIn(booking.id, checkInCode ? { checkInCode } : {})
        : kind === 'complete'
          ? await staffBookingApi.complete(booking.id)
          : await staffBookingApi.noShow(booking.id)
    replace(updated)
    const what = `${updated.veteranNameMasked}，${updated.serviceName} ${timeRange(updated.startsAt, updated.endsAt)}`
    setDone(kind === 'check-in' ? `已签到：${what}` : kind === 'complete' ? `已办结：${what}` : `已标记未到：${what}`)
    return updated
  })

  const checkInByCode = async (raw: string) => {
    setDone(null)
    act.clearError()
    const normalized = normalizeCheckInCode(raw)
    if (!normalized) {
      setCodeProblem('请填写预约人出示的签到码')
      return
    }
    const found = findByCheckInCode(board.data?.items ?? [], normalized)
    if (found.problem) {
      setCodeProblem(found.problem)
      return
    }
    setCodeProblem(undefined)
    setActingOn(found.booking!.id)
    if (await act.run('check-in', found.booking!, normalized)) setCode('')
  }

  const scan = async () => {
    try {
      const result = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      setCode(result.result)
      await checkInByCode(result.result)
    } catch {
      setCodeProblem('没有扫到签到码。可以再扫一次，或请预约人念出签到码后输入。')
    }
  }

  const items = board.data?.items ?? []
  const groups = groupByTime(items)
  const count = (status: Booking['status']) => items.filter((b) => b.status === status).length

  return (
    <>
      <CenterChoice staffCenter={staffCenter} />
      <Card title='签到'>
        {process.env.TARO_ENV !== 'h5' && (
          <ActionButton size='key' onClick={() => void scan()}>
            扫描签到二维码
          </ActionButton>
        )}
        <TextField
          label='签到码'
          hint='预约人“预约详情”页上的 6 位字母和数字'
          kind='code'
          value={code}
          onChange={setCode}
          maxLength={12}
          error={codeProblem}
        />
        <ActionButton
          size={process.env.TARO_ENV === 'h5' ? 'key' : 'normal'}
          busy={act.pending}
          busyText='正在签到…'
          onClick={() => void checkInByCode(code)}
        >
          按签到码签到
        </ActionButton>
        {done && <Notice tone='success'>{done}</Notice>}
        {act.error && <Notice tone='error'>{act.error.message}</Notice>}
      </Card>
      <Card title='查看哪一天'>
        <DateStepper date={date} onChange={setDate} />
      </Card>
      <Card title={`${dayText(date, today)}的预约`}>
        {board.loading && !board.data && <Paragraph muted>正在读取…</Paragraph>}
        {board.error && <Notice tone='error'>{board.error.message}</Notice>}
        {board.data && items.length === 0 && <Paragraph muted>这一天没有预约。</Paragraph>}
        {items.length > 0 && <Paragraph muted>没有签到码时，核对身份证后点“签到”。</Paragraph>}
        {items.length > 0 && (
          <Paragraph>
            共 {items.length} 个：待签到 {count('booked')}，已签到 {count('checked_in')}，已办结 {count('completed')}
            ，未到 {count('no_show')}，已取消 {count('cancelled')}。
          </Paragraph>
        )}
        {groups.map((group) => (
          <View key={group.startsAt}>
            <Paragraph strong>{timeRange(group.startsAt, group.endsAt)}</Paragraph>
            {group.items.map((booking) => (
              <BoardRow
                key={booking.id}
                booking={booking}
                now={now}
                busy={act.pending && actingOn === booking.id}
                onAct={(kind) => {
                  setActingOn(booking.id)
                  setDone(null)
                  void act.run(kind, booking)
                }}
              />
            ))}
          </View>
        ))}
      </Card>
    </>
  )
}

function BoardRow({
  booking,
  now,
  busy,
  onAct
}: {
  booking: Booking
  now: Date
  busy: boolean
  onAct: (kind: 'check-in' | 'complete' | 'no-show') => void
}) {
  const rules = attendanceWindow(booking, now)
  const who = `${booking.veteranNameMasked} ${beijingTimeOf(booking.startsAt)}`
  return (
    <View className='list__item'>
      <Line tone='title'>
        {booking.veteranNameMasked} · {booking.serviceName}
        <StatusTag status={booking.status} words={BOOKING_STATUS_WORDS[booking.status]} />
      </Line>
      {booking.note && <Line tone='muted'>备注：{booking.note}</Line>}
      {booking.status === 'booked' && (
        <>
          {!rules.canCheckIn && <Line tone='muted'>{rules.checkInHint}</Line>}
          <ActionButton
            variant='secondary'
            label={`签到：${who}`}
            disabled={!rules.canCheckIn}
            busy={busy}
            onClick={() => onAct('check-in')}
          >
            签到
          </ActionButton>
        </>
      )}
      {(booking.status === 'booked' || booking.status === 'checked_in') && (
        <ActionButton
          variant='secondary'
          label={`办结：${who}`}
          disabled={!rules.canComplete}
          busy={busy}
          onClick={() => onAct('complete')}
        >
          办结
        </ActionButton>
      )}
      {booking.status === 'booked' && (
        <>
          {!rules.canMarkNoShow && <Line tone='muted'>{rules.noShowHint}</Line>}
          <ActionButton
            variant='danger'
            label={`标记未到：${who}`}
            disabled={!rules.canMarkNoShow}
            busy={busy}
            onClick={() => onAct('no-show')}
          >
            标记未到
          </ActionButton>
        </>
      )}
    </View>
  )
}
