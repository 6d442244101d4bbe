import type { Me, StaffAccount } from '@veterans/shared'
import { ROLES } from '@veterans/shared/topics'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { staffAdminApi, useAction } from '../../api'
import { ActionButton, Card, NavRow, Notice, Paragraph } from '../../components'
import { STAFF_ADMIN_PAGES } from '../../shell/navigation-pages'
import { useCatalog } from '../booking/use-catalog'
import { useWideScreen } from '../staff-messaging/use-wide-screen'
import { accountState } from './account-rules'
import { EditAccountDialog, ResetPasswordDialog } from './account-dialogs'
import { NewAccountForm } from './new-account-form'
import { useAccounts } from './use-accounts'
import './staff-admin.css'

type Open = { kind: 'reset' | 'edit'; account: StaffAccount } | null

/**
 * 人员与审计 (admins): every staff account — a table at a desk, cards on a phone — with 停用/启用, 重置密码 and
 * 修改; 新建账号 beside the list at a desk; the way to 操作记录.
 */
export function StaffAccounts({ me }: { me: Me }) {
  const admin = me.role === 'admin'
  const accounts = useAccounts(admin)
  const catalog = useCatalog(admin)
  const wide = useWideScreen()
  const [open, setOpen] = useState<Open>(null)
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  const centers = (catalog.data?.centers ?? []).map((c) => ({ value: c.id, label: c.name }))
  const toggle = useAction(async (account: StaffAccount) => {
    const changed = await staffAdminApi.updateStaff(account.id, { disabled: !account.disabled })
    accounts.replace(changed)
    setOutcome({
      tone: 'success',
      text: changed.disabled
        ? `已停用 ${changed.displayName}（${changed.username}），已登录的地方都已退出。`
        : `已启用 ${changed.displayName}（${changed.username}）。`
    })
    return changed
  })
  const onToggle = async (account: StaffAccount) => {
    setOutcome(null)
    await toggle.run(account)
  }

  if (!admin) {
    return (
      <Card>
        <Paragraph>人员与审计只对管理员开放。需要新建账号或重置密码，请联系市局管理员。</Paragraph>
      </Card>
    )
  }
  const items = [...(accounts.data ?? [])].sort(
    (a, b) => Number(a.disabled ?? false) - Number(b.disabled ?? false) || a.username.localeCompare(b.username)
  )
  const refusal = toggle.error
  const list = (
    <View className='admin__list'>
      <Card flush>
        <NavRow title='操作记录' detail='谁在什么时候做了什么' url={STAFF_ADMIN_PAGES.audit} />
      </Card>
      {refusal && (
        <Notice tone='error'>
          {refusal.code === 'LAST_ADMIN'
            ? `不能停用：${refusal.message}。请先把另一个账号设为管理员。`
            : refusal.message}
        </Notice>
      )}
      {outcome && <Notice tone={outcome.tone}>{outcome.text}</Notice>}
      <Card plain title={`工作人员账号${accounts.data ? `（${items.length} 个）` : ''}`}>
        {accounts.loading && !accounts.data && <Paragraph muted>正在读取…</Paragraph>}
        {accounts.error && (
          <>
            <Notice tone='error'>没能读取账号：{accounts.error.message}</Notice>
            <ActionButton variant='secondary' onClick={() => void accounts.reload()}>
              重试
            </ActionButton>
          </>
        )}
        {accounts.data && (
          <AccountList
            items={items}
            me={me}
            wide={wide}
            onToggle={(a) => void onToggle(a)}
            onOpen={(kind, account) => setOpen({ kind, account })}
          />
        )}
      </Card>
    </View>
  )
  return (
    <View className='admin admin--split'>
      {list}
      <View className='admin__side'>
        <NewAccountForm centers={centers} onCreated={accounts.replace} />
      </View>
      {open?.kind === 'reset' && <ResetPasswordDialog account={open.account} onClose={() => setOpen(null)} />}
      {open?.kind === 'edit' && (
        <EditAccountDialog
          account={open.account}
          centers={centers}
          onSaved={accounts.replace}
          onClose={() => setOpen(null)}
        />
      )}
    </View>
  )
}

interface ListProps {
  items: StaffAccount[]
  me: Me
  wide: boolean
  onToggle: (account: StaffAccount) => void
  onOpen: (kind: 'reset' | 'edit', account: StaffAccount) => void
}

function Actions({ account, me, onToggle, onOpen }: ListProps & { account: StaffAccount }) {
  const who = `${account.displayName}（${account.username}）`
  const self = account.id === me.id
  return (
    <View className='admin__actions'>
      <ActionButton variant='secondary' inline label={`修改：${who}`} onClick={() => onOpen('edit', account)}>
        修改
      </ActionButton>
      <ActionButton variant='secondary' inline label={`重置密码：${who}`} onClick={() => onOpen('reset', account)}>
        重置密码
      </ActionButton>
      {!self && (
        <ActionButton
          variant={account.disabled ? 'secondary' : 'danger'}
          inline
          label={`${account.disabled ? '启用' : '停用'}：${who}`}
          onClick={() => onToggle(account)}
        >
          {account.disabled ? '启用' : '停用'}
        </ActionButton>
      )}
    </View>
  )
}

function StatePill({ account }: { account: StaffAccount }) {
  const state = accountState(account)
  const tone = account.disabled ? 'off' : account.mustChangePassword ? 'pending' : 'on'
  return <span className={`account-state account-state--${tone}`}>{state}</span>
}

function AccountList(props: ListProps) {
  const { items, me, wide } = props
  if (process.env.TARO_ENV === 'h5' && wide) {
    return (
      <table className='admin-table'>
        <caption className='admin-sr-only'>工作人员账号</caption>
        <thead>
          <tr>
            <th scope='col'>用户名</th>
            <th scope='col'>姓名</th>
            <th scope='col'>角色</th>
            <th scope='col'>服务中心</th>
            <th scope='col'>状态</th>
            <th scope='col'>操作</th>
          </tr>
        </thead>
        <tbody>
          {items.map((account) => (
            <tr key={account.id} className={account.disabled ? 'admin-table__row--off' : undefined}>
              <td>
                {account.username}
                {account.id === me.id && '（我）'}
              </td>
              <td>{account.displayName}</td>
              <td>{ROLES[account.role]}</td>
              <td>{account.centerName ?? '—'}</td>
              <td>
                <StatePill account={account} />
              </td>
              <td>
                <Actions {...props} account={account} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )
  }
  return (
    <View>
      {items.map((account) => (
        <View className='card' key={account.id}>
          <Paragraph strong>
            {account.displayName}（{account.username}
            {account.id === me.id ? '，我' : ''}）
          </Paragraph>
          <Paragraph small>
            {ROLES[account.role]} · {account.centerName ?? '未指定服务中心'} · {accountState(account)}
          </Paragraph>
          <Actions {...props} account={account} />
        </View>
      ))}
    </View>
  )
}
