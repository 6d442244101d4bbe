import type { BatchSlotsResult, Service } from '@veterans/shared'
import { addDays, beijingToday, daysBetween } from '@veterans/shared/rules'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { staffBookingApi, useAction } from '../../api'
import { ActionButton, Card, ChoiceGroup, DateField, Notice, Paragraph, TextField, SelectField } from '../../components'
import { dayText } from '../booking/dates'
import { fieldsOrMessage } from './messages'
import { checkCapacity, checkTimeRanges } from './time-ranges'

const MAX_DAYS = 92
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'].map((label, i) => ({ value: i + 1, label }))

interface Problems {
  serviceId?: string
  range?: string
  weekdays?: string
  times?: string
  capacity?: string
}

/** Opens many slots at once: chosen weekdays × time ranges over a date range; public holidays are skipped. */
export function BatchForm({ centerId, services }: { centerId: string; services: Service[] }) {
  const today = beijingToday()
  const [serviceId, setServiceId] = useState('')
  const [from, setFrom] = useState(addDays(today, 1))
  const [to, setTo] = useState(addDays(today, 28))
  const [weekdays, setWeekdays] = useState<number[]>([1, 2, 3, 4, 5])
  const [times, setTimes] = useState('09:00-09:30 10:00-10:30 15:00-15:30')
  const [capacity, setCapacity] = useState('5')
  const [problems, setProblems] = useState<Problems>({})
  const [result, setResult] = useState<BatchSlotsResult | null>(null)
  const create = useAction((body: Parameters<typeof staffBookingApi.createSlots>[0]) =>
    staffBookingApi.createSlots(body)
  )

  const submit = async () => {
    setResult(null)
    const parsedTimes = checkTimeRanges(times)
    const parsedCapacity = checkCapacity(capacity)
    const next: Problems = {
      serviceId: serviceId ? undefined : '请选择服务项目',
      range: rangeProblem(from, to, today),
      weekdays: weekdays.length > 0 ? undefined : '请至少选一天',
      times: parsedTimes.error,
      capacity: parsedCapacity.error
    }
    setProblems(next)
    if (Object.values(next).some(Boolean) || parsedCapacity.capacity === undefined) return
    const done = await create.run({
      centerId,
      serviceId,
      from,
      to,
      weekdays,
      times: parsedTimes.times,
      capacity: parsedCapacity.capacity
    })
    if (done) setResult(done)
  }

  // The server's refusals of the date range (wholly past by its clock, too many slots) name body.to: said at that field.
  const serverTo = create.error?.fieldMessage('to')
  const otherError =
    create.error && (!serverTo || create.error.fields.length > 1) ? fieldsOrMessage(create.error) : null

  return (
    <>
      <Card title='开放哪些时段'>
        <SelectField
          label='服务项目'
          options={services.map((s) => ({ value: s.id, label: s.name }))}
          value={serviceId}
          onChange={setServiceId}
          error={problems.serviceId}
        />
        <View className='field-pair'>
          <DateField label='从哪天' value={from} onChange={setFrom} />
          <DateField label='到哪天' value={to} onChange={setTo} error={problems.range ?? serverTo} />
        </View>
        <ChoiceGroup
          multiple
          label='每周哪几天'
          options={WEEKDAYS}
          value={weekdays}
          onChange={(days) => setWeekdays([...days].sort())}
          error={problems.weekdays}
        />
        <TextField
          label='每天的时间段'
          hint='写成 09:00-09:30，几段之间用空格或逗号隔开'
          value={times}
          onChange={setTimes}
          maxLength={400}
          error={problems.times}
        />
        <TextField
          label='每个时段的名额（人）'
          value={capacity}
          onChange={setCapacity}
          maxLength={3}
          error={problems.capacity}
        />
        <Paragraph muted small>
          法定节假日会自动跳过；调休上班的周末，只要选了周一到周五中的任何一天，也会开放。已有的时段不会重复开放。
        </Paragraph>
        {otherError && <Notice tone='error'>{otherError}</Notice>}
        <ActionButton size='key' busy={create.pending} busyText='正在开放…' onClick={() => void submit()}>
          批量开放
        </ActionButton>
      </Card>
      {result && <BatchResult result={result} today={today} />}
    </>
  )
}

function rangeProblem(from: string, to: string, today: string): string | undefined {
  if (!from || !to) return '请选择开始和结束日期'
  if (to < from) return '结束日期不能早于开始日期'
  if (to < today) return '这段日期已经全部过去了，请把结束日期选在今天或以后'
  if (daysBetween(from, to) + 1 > MAX_DAYS) return `一次最多安排 ${MAX_DAYS} 天`
  return undefined
}

function BatchResult({ result, today }: { result: BatchSlotsResult; today: string }) {
  return (
    <Card title='开放结果'>
      <Notice tone='success'>已开放 {result.created} 个时段。</Notice>
      {result.skippedExisting > 0 && <Paragraph>有 {result.skippedExisting} 个时段原来就有，没有重复开放。</Paragraph>}
      {result.skippedHolidays.length > 0 ? (
        <Paragraph>
          跳过了 {result.skippedHolidays.length} 天法定节假日：
          {result.skippedHolidays.map((d) => dayText(d, today)).join('、')}。
        </Paragraph>
      ) : (
        <Paragraph muted>这段日期里没有要跳过的法定节假日。</Paragraph>
      )}
      {result.makeupWorkdays.length > 0 && (
        <Paragraph>调休上班日也开放了：{result.makeupWorkdays.map((d) => dayText(d, today)).join('、')}。</Paragraph>
      )}
    </Card>
  )
}
