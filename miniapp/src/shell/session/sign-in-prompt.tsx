import { ActionButton, Card, Notice, Paragraph } from '../../components'
import { goToSignIn } from '../navigation'
import { ENDED_MESSAGES } from './ended-messages'
import { useSession } from './session-context'

/** Shown where a page needs a signed-in person and nobody is. */
export function SignInPrompt({ purpose }: { purpose: string }) {
  const { endedReason, status } = useSession()
  if (status === 'starting') return <Paragraph muted>正在登录，请稍候…</Paragraph>
  return (
    <Card>
      {endedReason && ENDED_MESSAGES[endedReason] && <Notice>{ENDED_MESSAGES[endedReason]}</Notice>}
      <Paragraph>登录后可以{purpose}。</Paragraph>
      <ActionButton size='key' onClick={() => goToSignIn()}>
        登录
      </ActionButton>
    </Card>
  )
}
