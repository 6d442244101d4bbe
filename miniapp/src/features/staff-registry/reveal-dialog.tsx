import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton, Notice, Paragraph, TextField } from '../../components'
import { ChipGroup } from '../policies/chip-group'
import { Dialog } from '../staff-messaging/dialog'
import { EnterSubmits } from '../staff-notices/enter-submits'
import { checkRevealReason } from './countdown'
import { REVEAL_REASONS } from './labels'
import type { RevealState } from './use-reveal'

/**
 * Asks why the full ID number and phone are needed before showing them: a quick choice or the person's own words;
 * the reason is written to the audit log with the name of who asked. Esc or 关闭 leaves without revealing.
 */
export function RevealDialog({ open, onClose, reveal }: { open: boolean; onClose: () => void; reveal: RevealState }) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string>()
  const quick = (REVEAL_REASONS as readonly string[]).includes(reason) ? reason : ''

  const close = () => {
    setError(undefined)
    reveal.clearError()
    onClose()
  }
  const submit = async () => {
    const problem = checkRevealReason(reason)
    setError(problem)
    if (problem) return
    const pii = await reveal.reveal(reason)
    if (pii) {
      setReason('')
      onClose()
    }
  }

  return (
    <Dialog title='查看完整证件号和手机号' open={open} onClose={close}>
      <Paragraph>查看会记入操作记录（谁、何时、为什么）。显示 30 秒后自动隐藏。</Paragraph>
      <EnterSubmits onSubmit={() => void submit()}>
        <ChipGroup
          label='常用原因'
          options={[...REVEAL_REASONS.map((r) => ({ value: r, label: r }))]}
          value={quick}
          onChange={(value) => (setReason(value), setError(undefined))}
        />
        <TextField
          label='查看原因（必填）'
          hint='点选上面的常用原因，或自己填写'
          value={reason}
          maxLength={200}
          error={error}
          onChange={(value) => (setReason(value), setError(undefined))}
        />
      </EnterSubmits>
      {reveal.error && <Notice tone='error'>没能查看：{reveal.error.message}</Notice>}
      <View className='registry-dialog__actions'>
        <ActionButton size='key' busy={reveal.pending} busyText='正在读取…' onClick={() => void submit()}>
          查看
        </ActionButton>
        <ActionButton variant='secondary' onClick={close}>
          取消
        </ActionButton>
      </View>
    </Dialog>
  )
}
