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
import { useWideScreen } from '../staff-messaging/use-wide-screen'
import './staff-booking.css'
import '../booking/booking.css'

/**
 * 今日预约与签到: a center's bookings of a day by time; check in by QR code or typed code, complete, no-show. At a
 * desk the check-in and the day sit in a column beside the bookings as a table.
 */
export function DayBoard({ me }: { me: Me }) {
  const staffCenter = useStaffCenter(me)
  const { centerId } = staffCenter
  const today = beijingToday()
  const now = useNow()
  const wide = useWideScreen()
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

  const onAct = (booking: Booking) => (kind: 'check-in' | 'complete' | 'no-show') => {
    setActingOn(booking.id)
    setDone(null)
    void act.run(kind, booking)
  }
  const side = (
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
    </>
  )
  const list = (
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
      {wide && items.length > 0 ? (
        <table className='board-table'>
          <caption className='week-table__caption'>按时间排列</caption>
          <thead>
            <tr>
              <th scope='col'>时间</th>
              <th scope='col'>预约人</th>
              <th scope='col'>服务</th>
              <th scope='col'>状态</th>
              <th scope='col'>备注</th>
              <th scope='col'>操作</th>
            </tr>
          </thead>
          <tbody>
            {groups.flatMap((group) =>
              group.items.map((booking) => (
                <tr key={booking.id}>
                  <td>{timeRange(group.startsAt, group.endsAt)}</td>
                  <td>{booking.veteranNameMasked}</td>
                  <td>{booking.serviceName}</td>
                  <td>
                    <StatusTag status={booking.status} words={BOOKING_STATUS_WORDS[booking.status]} />
                  </td>
                  <td>{booking.note || '—'}</td>
                  <td>
                    <BoardActions
                      booking={booking}
                      now={now}
                      busy={act.pending && actingOn === booking.id}
                      onAct={onAct(booking)}
                    />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      ) : (
        groups.map((group) => (
          <View key={group.startsAt}>
            <Paragraph strong>{timeRange(group.startsAt, group.endsAt)}</Paragraph>
            {group.items.map((booking) => (
              <BoardRow
                key={booking.id}
                booking={booking}
                now={now}
                busy={act.pending && actingOn === booking.id}
                onAct={onAct(booking)}
              />
            ))}
          </View>
        ))
      )}
    </Card>
  )

  if (wide) {
    return (
      <View className='schedule-desk'>
        <View>{side}</View>
        <View>{list}</View>
      </View>
    )
  }
  return (
    <>
      {side}
      {list}
    </>
  )
}

interface BoardActionProps {
  booking: Booking
  now: Date
  busy: boolean
  onAct: (kind: 'check-in' | 'complete' | 'no-show') => void
}

function BoardRow(props: BoardActionProps) {
  const { booking } = props
  return (
    <View className='list__item'>
      <Line tone='title'>
        {booking.veteranNameMasked} · {booking.serviceName}
        <StatusTag status={booking.status} words={BOOKING_STATUS_WORDS[booking.status]} />
      </Line>
      {booking.note && <Line tone='muted'>备注：{booking.note}</Line>}
      <BoardActions {...props} />
    </View>
  )
}

/** 签到, 办结, 标记未到 as the booking's state and the time allow (disabled ones say when they open). */
function BoardActions({ booking, now, busy, onAct }: BoardActionProps) {
  const rules = attendanceWindow(booking, now)
  const who = `${booking.veteranNameMasked} ${beijingTimeOf(booking.startsAt)}`
  return (
    <>
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
    </>
  )
}
