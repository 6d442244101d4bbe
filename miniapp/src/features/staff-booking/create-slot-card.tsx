import type { Service, StaffSlot } from '@veterans/shared'
import { beijingDateOf, beijingInstant, beijingToday } from '@veterans/shared/rules'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { staffBookingApi, useAction } from '../../api'
import { ActionButton, Card, DateField, Notice, TextField, TimeField, SelectField } from '../../components'
import { dayText, timeRange } from '../booking/dates'
import { fieldsOrMessage } from './messages'
import { checkCapacity } from './time-ranges'

interface Problems {
  serviceId?: string
  date?: string
  startTime?: string
  endTime?: string
  capacity?: string
}

/** Opens one slot: a service, a day, a start and end time, and how many people. */
export function CreateSlotCard(props: {
  centerId: string
  services: Service[]
  date: string
  onCreated: (slot: StaffSlot) => void
}) {
  const [serviceId, setServiceId] = useState('')
  const [date, setDate] = useState(props.date)
  const [startTime, setStartTime] = useState('09:00')
  const [endTime, setEndTime] = useState('09:30')
  const [capacity, setCapacity] = useState('5')
  const [problems, setProblems] = useState<Problems>({})
  const [created, setCreated] = useState<StaffSlot | null>(null)
  const create = useAction((body: Parameters<typeof staffBookingApi.createSlot>[0]) => staffBookingApi.createSlot(body))

  const submit = async () => {
    setCreated(null)
    const checked = checkCapacity(capacity)
    const next: Problems = {
      serviceId: serviceId ? undefined : '请选择服务项目',
      date: date ? undefined : '请选择日期',
      startTime: startTime ? undefined : '请选择开始时间',
      endTime: !endTime ? '请选择结束时间' : endTime <= startTime ? '结束时间要晚于开始时间' : undefined,
      capacity: checked.error
    }
    setProblems(next)
    if (Object.values(next).some(Boolean) || checked.capacity === undefined) return
    const slot = await create.run({
      centerId: props.centerId,
      serviceId,
      startsAt: beijingInstant(date, startTime),
      endsAt: beijingInstant(date, endTime),
      capacity: checked.capacity
    })
    if (slot) {
      setCreated(slot)
      props.onCreated(slot)
    }
  }

  const error = create.error
  const today = beijingToday()
  return (
    <Card title='开放一个时段'>
      <SelectField
        label='服务项目'
        options={props.services.map((s) => ({ value: s.id, label: s.name }))}
        value={serviceId}
        onChange={setServiceId}
        error={problems.serviceId}
      />
      <DateField label='日期' value={date} onChange={setDate} error={problems.date} />
      <View className='field-pair'>
        <TimeField label='开始时间' value={startTime} onChange={setStartTime} error={problems.startTime} />
        <TimeField label='结束时间' value={endTime} onChange={setEndTime} error={problems.endTime} />
      </View>
      <TextField label='名额（人）' value={capacity} onChange={setCapacity} maxLength={3} error={problems.capacity} />
      {error && <Notice tone='error'>{fieldsOrMessage(error)}</Notice>}
      {created && (
        <Notice tone='success'>
          已开放：{dayText(beijingDateOf(created.startsAt), today)} {timeRange(created.startsAt, created.endsAt)}“
          {created.serviceName}”，{created.capacity} 个名额。
        </Notice>
      )}
      <ActionButton size='key' busy={create.pending} busyText='正在开放…' onClick={() => void submit()}>
        开放这个时段
      </ActionButton>
    </Card>
  )
}
