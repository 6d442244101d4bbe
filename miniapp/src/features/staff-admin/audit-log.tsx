import type { AuditEntry, Me } from '@veterans/shared'
import { beijingToday } from '@veterans/shared/rules'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { staffAdminApi, useAction, useRequest } from '../../api'
import { ActionButton, Card, DateField, Notice, Paragraph, SelectField } from '../../components'
import { formatDateTime } from '../../lib/format'
import { useWideScreen } from '../staff-messaging/use-wide-screen'
import { useDistrictNames } from '../reference/use-district-names'
import { EnterSubmits } from '../staff-notices/enter-submits'
import {
  actionText,
  AUDIT_ACTIONS,
  auditDatesProblem,
  auditQueryOf,
  detailText,
  auditTimeText,
  entityText,
  type AuditFilterForm,
  type DetailNames
} from './audit-actions'
import { useAccounts } from './use-accounts'
import './staff-admin.css'

/** 所有人 / 所有操作: a value of its own (the select shows 请选择 for an empty one). */
const ALL = 'all'
const withoutAll = (form: AuditFilterForm): AuditFilterForm => ({
  ...form,
  actorId: form.actorId === ALL ? '' : form.actorId,
  action: form.action === ALL ? '' : form.action
})
const EMPTY: AuditFilterForm = { actorId: ALL, action: ALL, from: '', to: '' }

/**
 * 操作记录 (admins): the audit log, newest first, filtered by who, what and when; 更多 pages on; the same filter
 * downloads as CSV. At a desk the filters sit beside a table.
 */
export function AuditLog({ me }: { me: Me }) {
  const admin = me.role === 'admin'
  const wide = useWideScreen()
  const accounts = useAccounts(admin)
  // The line says 区 itself: an unknown code is shown as it is.
  const districtName = useDistrictNames(admin, (code) => code)
  const [form, setForm] = useState(EMPTY)
  const [applied, setApplied] = useState(EMPTY)
  const [more, setMore] = useState<{ items: AuditEntry[]; nextCursor: string | null } | null>(null)
  const problem = auditDatesProblem(form)
  const query = auditQueryOf(withoutAll(applied))
  const first = useRequest(
    () => staffAdminApi.audit({ ...query, limit: 50 }),
    `audit-${JSON.stringify(applied)}`,
    admin
  )
  const loadMore = useAction(async (cursor: string) => {
    const page = await staffAdminApi.audit({ ...query, limit: 50, cursor })
    setMore({ items: [...(more?.items ?? []), ...page.items], nextCursor: page.nextCursor })
    return page
  })
  const download = useAction(() => staffAdminApi.downloadAuditCsv(query, `操作记录_${beijingToday()}.csv`))
  const search = () => {
    if (problem) return
    setMore(null)
    setApplied(form)
  }

  if (!admin) {
    return (
      <Card>
        <Paragraph>操作记录只对管理员开放。</Paragraph>
      </Card>
    )
  }
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])]
  const nextCursor = more ? more.nextCursor : (first.data?.nextCursor ?? null)
  const people = [
    { value: ALL, label: '所有人' },
    ...(accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` }))
  ]
  // A detail's district codes and staff ids in the names the admin knows them by.
  const staffNames = new Map((accounts.data ?? []).map((a) => [a.id, a.displayName]))
  const names: DetailNames = { district: districtName, staff: (userId) => staffNames.get(userId) }
  const actions = [
    { value: ALL, label: '所有操作' },
    ...Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }))
  ]

  return (
    <View className='audit'>
      <View className='audit__filters'>
        <Card title='筛选'>
          <EnterSubmits onSubmit={search}>
            <SelectField
              label='操作人'
              options={people}
              value={form.actorId}
              onChange={(actorId) => setForm({ ...form, actorId })}
            />
            <SelectField
              label='操作'
              options={actions}
              value={form.action}
              onChange={(action) => setForm({ ...form, action })}
            />
            <DateField label='开始日期' value={form.from} onChange={(from) => setForm({ ...form, from })} />
            <DateField
              label='结束日期'
              value={form.to}
              onChange={(to) => setForm({ ...form, to })}
              error={problem ?? undefined}
            />
          </EnterSubmits>
          <View className='btn-row'>
            <ActionButton onClick={search} disabled={Boolean(problem)}>
              查询
            </ActionButton>
            <ActionButton
              variant='secondary'
              onClick={() => {
                setForm(EMPTY)
                setMore(null)
                setApplied(EMPTY)
              }}
            >
              清除筛选
            </ActionButton>
          </View>
        </Card>
        <Card title='导出'>
          {process.env.TARO_ENV === 'h5' ? (
            <>
              <ActionButton
                variant='secondary'
                busy={download.pending}
                busyText='正在下载…'
                onClick={() => void download.run()}
              >
                下载这些记录（CSV）
              </ActionButton>
              {download.error && <Notice tone='error'>没能下载：{download.error.message}</Notice>}
            </>
          ) : (
            <Paragraph muted small>
              导出请在电脑上打开工作台。
            </Paragraph>
          )}
        </Card>
      </View>
      <Card plain title={`操作记录${first.data ? `（${items.length}${nextCursor ? '+' : ''} 条）` : ''}`}>
        {first.loading && !first.data && <Paragraph muted>正在读取…</Paragraph>}
        {first.error && <Notice tone='error'>没能读取操作记录：{first.error.message}</Notice>}
        {first.data && items.length === 0 && <Paragraph muted>没有符合条件的记录。</Paragraph>}
        {items.length > 0 && <AuditEntries items={items} wide={wide} names={names} />}
        {nextCursor && (
          <View className='audit__more'>
            <ActionButton
              variant='secondary'
              busy={loadMore.pending}
              busyText='正在读取…'
              onClick={() => void loadMore.run(nextCursor)}
            >
              更多记录
            </ActionButton>
          </View>
        )}
        {loadMore.error && <Notice tone='error'>{loadMore.error.message}</Notice>}
      </Card>
    </View>
  )
}

const who = (entry: AuditEntry) => entry.actorName ?? (entry.actorId ? '（已删除的账号）' : '系统')
const what = (entry: AuditEntry) => entityText(entry.entity, entry.entityId)

function AuditEntries({ items, wide, names }: { items: AuditEntry[]; wide: boolean; names: DetailNames }) {
  if (process.env.TARO_ENV === 'h5' && wide) {
    return (
      <table className='admin-table'>
        <caption className='admin-sr-only'>操作记录，最新的在前</caption>
        <thead>
          <tr>
            <th scope='col'>时间</th>
            <th scope='col'>操作人</th>
            <th scope='col'>操作</th>
            <th scope='col'>对象</th>
            <th scope='col'>详情</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <tr key={entry.id}>
              <td className='admin-table__nowrap'>{auditTimeText(entry.at)}</td>
              <td className='admin-table__who'>{who(entry)}</td>
              <td className='admin-table__phrase'>{actionText(entry.action)}</td>
              <td className='admin-table__nowrap'>{what(entry)}</td>
              <td className='admin-table__detail'>{detailText(entry.detail, entry.action, names) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )
  }
  return (
    <View>
      {items.map((entry) => {
        const detail = detailText(entry.detail, entry.action, names)
        return (
          <View className='card' key={entry.id}>
            <Paragraph strong>
              {actionText(entry.action)} · {who(entry)}
            </Paragraph>
            <Paragraph small muted>
              {formatDateTime(entry.at)} · {what(entry)}
            </Paragraph>
            {detail && <Paragraph small>{detail}</Paragraph>}
          </View>
        )
      })}
    </View>
  )
}
