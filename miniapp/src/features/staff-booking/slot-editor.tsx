import type { StaffSlot, UpdateSlotBody } from '@veterans/shared'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { staffBookingApi, useAction, type ApiError } from '../../api'
import { ActionButton, Notice, TextField } from '../../components'
import { timeRange } from '../booking/dates'
import { Line } from '../booking/line'
import { checkCapacity } from './time-ranges'

type Editing = 'none' | 'capacity' | 'close'

function explain(error: ApiError, slot: StaffSlot): string {
  if (error.code === 'CAPACITY_BELOW_BOOKED') {
    return `已有 ${slot.booked} 人预约，名额不能少于 ${slot.booked} 个。要减少名额，请先联系已预约的人改约或取消。`
  }
  return error.fieldMessage('reason') ?? error.fieldMessage('capacity') ?? error.message
}

/** One slot of the schedule: places taken, change the capacity, pause it with a reason, or open it again. */
export function SlotEditor({
  slot,
  now,
  onChanged
}: {
  slot: StaffSlot
  now: Date
  onChanged: (slot: StaffSlot) => void
}) {
  const [editing, setEditing] = useState<Editing>('none')
  const [capacity, setCapacity] = useState(String(slot.capacity))
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const update = useAction((body: UpdateSlotBody) => staffBookingApi.updateSlot(slot.id, body))
  const time = timeRange(slot.startsAt, slot.endsAt)
  const ended = Date.parse(slot.endsAt) <= now.getTime()
  const started = Date.parse(slot.startsAt) <= now.getTime()

  const save = async (body: UpdateSlotBody) => {
    const updated = await update.run(body)
    if (updated) {
      onChanged(updated)
      setEditing('none')
      setReason('')
    }
  }
  const saveCapacity = () => {
    const checked = checkCapacity(capacity)
    setProblem(checked.error)
    if (checked.capacity !== undefined) void save({ capacity: checked.capacity })
  }
  const close = () => {
    const text = reason.trim()
    setProblem(text ? undefined : '请填写暂停的原因，系统会告诉已预约的人')
    if (text) void save({ status: 'closed', reason: text })
  }
  const cancelEditing = () => {
    setEditing('none')
    setProblem(undefined)
    update.clearError()
  }

  return (
    <View className='list__item'>
      <Line tone='title'>
        {time} {slot.serviceName}
      </Line>
      <Line>
        已约 {slot.booked} 人 / 共 {slot.capacity} 个名额{slot.waiting > 0 ? `，${slot.waiting} 人候补` : ''}
      </Line>
      {slot.status === 'closed' && <Line tone='warn'>已暂停{slot.closedReason ? `：${slot.closedReason}` : ''}</Line>}
      {ended && <Line tone='muted'>已结束</Line>}
      {update.error && <Notice tone='error'>{explain(update.error, slot)}</Notice>}

      {!ended && slot.status === 'open' && editing === 'none' && (
        <View className='btn-row'>
          <ActionButton
            variant='secondary'
            label={`调整名额：${time} ${slot.serviceName}`}
            onClick={() => setEditing('capacity')}
          >
            调整名额
          </ActionButton>
          {!started && (
            <ActionButton
              variant='danger'
              label={`暂停这个时段：${time} ${slot.serviceName}`}
              onClick={() => setEditing('close')}
            >
              暂停这个时段
            </ActionButton>
          )}
        </View>
      )}
      {editing === 'capacity' && (
        <>
          <TextField
            label='名额'
            hint={`至少 ${Math.max(1, slot.booked)} 个（已有 ${slot.booked} 人预约）`}
            value={capacity}
            onChange={setCapacity}
            maxLength={3}
            error={problem}
          />
          <View className='btn-row'>
            <ActionButton busy={update.pending} onClick={saveCapacity}>
              保存名额
            </ActionButton>
            <ActionButton variant='secondary' onClick={cancelEditing}>
              不改了
            </ActionButton>
          </View>
        </>
      )}
      {editing === 'close' && (
        <>
          <Notice tone='error'>
            暂停后，这个时段不能再预约
            {slot.booked > 0 ? `；已预约的 ${slot.booked} 人的预约会被取消，系统会逐一通知他们` : ''}
            {slot.waiting > 0 ? `；${slot.waiting} 位候补的人也会收到通知` : ''}。
          </Notice>
          <TextField
            label='暂停原因（会告诉预约的人）'
            hint='例如：工作人员外出培训'
            value={reason}
            onChange={setReason}
            maxLength={200}
            error={problem}
          />
          <View className='btn-row'>
            <ActionButton variant='danger-solid' busy={update.pending} onClick={close}>
              确定暂停
            </ActionButton>
            <ActionButton variant='secondary' onClick={cancelEditing}>
              不暂停
            </ActionButton>
          </View>
        </>
      )}
      {!started && slot.status === 'closed' && (
        <ActionButton
          variant='secondary'
          label={`重新开放：${time} ${slot.serviceName}`}
          busy={update.pending}
          onClick={() => void save({ status: 'open' })}
        >
          重新开放
        </ActionButton>
      )}
    </View>
  )
}
