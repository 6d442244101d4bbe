import type { FamilyInvite } from '@veterans/shared'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ActionState } from '../../api'
import { ActionButton, Card, Notice, Paragraph } from '../../components'
import { copyText } from '../../lib/copy-text'
import { formatDateTime, groupCode } from '../../lib/format'

/** A veteran creates an invite code and hands it to a family member (read aloud, copied, or shared in WeChat). */
export function InviteCard({ invite, create }: { invite: FamilyInvite | null; create: ActionState<[], FamilyInvite> }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  const copy = async (code: string) => {
    try {
      await copyText(code)
      setCopied('yes')
    } catch {
      setCopied('failed')
    }
  }
  const canShareInBrowser =
    process.env.TARO_ENV === 'h5' && typeof navigator !== 'undefined' && typeof navigator.share === 'function'

  return (
    <Card title='邀请家人'>
      <Paragraph>
        生成一个邀请码交给家人。家人在“我的 → 家人关联”里输入这个邀请码，就能帮您预约服务、查看通知。
      </Paragraph>
      {invite && (
        <>
          <Paragraph muted>邀请码（只能用一次）：</Paragraph>
          <View className='code-box invite-code'>
            <Text userSelect>{groupCode(invite.code)}</Text>
          </View>
          <Paragraph>请在 {formatDateTime(invite.expiresAt)} 之前使用，过期后需要重新生成。</Paragraph>
          {copied === 'yes' && <Notice tone='success'>邀请码已复制，可以粘贴到微信发给家人。</Notice>}
          {copied === 'failed' && <Notice tone='error'>没能复制，请把上面的邀请码念给家人，或长按选中后复制。</Notice>}
          <ActionButton variant='secondary' onClick={() => void copy(invite.code)}>
            复制邀请码
          </ActionButton>
          {process.env.TARO_ENV !== 'h5' && (
            <ActionButton variant='secondary' openType='share'>
              发给微信里的家人
            </ActionButton>
          )}
          {canShareInBrowser && (
            <ActionButton
              variant='secondary'
              onClick={() =>
                void navigator
                  .share({ title: '家人关联邀请码', text: `我的家人关联邀请码：${invite.code}` })
                  .catch(() => {})
              }
            >
              分享给家人
            </ActionButton>
          )}
        </>
      )}
      {create.error && <Notice tone='error'>{create.error.message}</Notice>}
      <ActionButton
        size={invite ? 'normal' : 'key'}
        variant={invite ? 'plain' : 'primary'}
        busy={create.pending}
        busyText='正在生成…'
        onClick={() => {
          setCopied(null)
          void create.run()
        }}
      >
        {invite ? '重新生成邀请码' : '生成邀请码'}
      </ActionButton>
    </Card>
  )
}
