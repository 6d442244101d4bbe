import type { Me, StaffRef, StaffThread } from '@veterans/shared'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton, Notice, Paragraph, SelectField } from '../../components'
import { staffMessagingApi, useRequest } from '../../api'
import './staff-messaging.css'

/** How a colleague is listed: who is in charge now, and which one is me. */
export function assigneeLabel(person: StaffRef, thread: Pick<StaffThread, 'assignee'>, me: Pick<Me, 'id'>): string {
  const marks = [person.id === me.id ? '我' : '', person.id === thread.assignee?.id ? '当前负责人' : '']
    .filter(Boolean)
    .join('，')
  return marks ? `${person.displayName}（${marks}）` : person.displayName
}

/**
 * 分配给同事: a list of the staff who can take the thread (its center's, and me) and a button. Choosing alone does
 * nothing, so moving through the list with the keyboard never reassigns by accident. The new assignee shows in the
 * summary and the queue through `assign` (useStaffThread), as with 分配给我.
 */
export function AssignColleague({
  me,
  thread,
  assign
}: {
  me: Me
  thread: StaffThread
  assign: { run: (staffId?: string) => Promise<StaffThread | undefined>; pending: boolean }
}) {
  const people = useRequest(() => staffMessagingApi.assignees(thread.id), `assignees-${thread.id}`)
  const [chosen, setChosen] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const [done, setDone] = useState<string | null>(null)

  if (people.error) {
    return (
      <Notice tone='error' action={{ label: '重试', onClick: () => void people.reload() }}>
        没能读取可分配的同事：{people.error.message}
      </Notice>
    )
  }
  if (!people.data) return <Paragraph muted>正在读取可分配的同事…</Paragraph>
  const items = people.data.items
  if (!items.some((person) => person.id !== me.id)) return null // nobody but me: 分配给我 is all there is

  const submit = async () => {
    setDone(null)
    const person = items.find((p) => p.id === chosen)
    if (!person) return setProblem('请先选择一位同事')
    if (person.id === thread.assignee?.id) return setProblem(`这条咨询已由${person.displayName}负责`)
    setProblem(undefined)
    const assigned = await assign.run(person.id)
    if (assigned) {
      setChosen('')
      setDone(`已分配给${assigned.assignee?.displayName ?? person.displayName}。`)
    }
  }

  return (
    <View className='assign-colleague'>
      <View className='assign-colleague__field'>
        <SelectField
          label='分配给同事'
          options={items.map((person) => ({ value: person.id, label: assigneeLabel(person, thread, me) }))}
          value={chosen}
          onChange={(value) => {
            setChosen(value)
            setProblem(undefined)
            setDone(null)
          }}
          error={problem}
        />
      </View>
      <ActionButton
        variant='secondary'
        inline
        label='分配给所选同事'
        busy={assign.pending}
        busyText='正在分配…'
        onClick={() => void submit()}
      >
        分配
      </ActionButton>
      {done && <Notice tone='success'>{done}</Notice>}
    </View>
  )
}
