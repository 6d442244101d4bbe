import type { AudiencePreview } from '@veterans/shared'
import { Card, Notice, Paragraph } from '../../components'
import { formatDateTime } from '../../lib/format'
import { recipientCountLine } from './notice-words'
import type { SaveState } from './use-notice-form'

const SAVE_WORDS: Record<SaveState, string> = {
  idle: '',
  saving: '正在保存草稿…',
  saved: '草稿已自动保存',
  failed: '草稿没能保存，请看上面的提示'
}

/**
 * How many people would receive the notice now, with its veterans/families split (worked out by the server from the
 * last saved draft), and whether the draft is saved. Announced politely as it changes.
 */
export function RecipientCount(props: {
  preview?: AudiencePreview
  error?: { message: string } | null
  saveState: SaveState
  savedAt: Date | null
  complete: boolean
  hasDraft: boolean
}) {
  const { preview, error, saveState, savedAt, complete, hasDraft } = props
  return (
    <Card title='收件人数'>
      {!hasDraft && !complete ? (
        <Paragraph muted>填好标题、正文和发给谁以后，草稿会自动保存，这里会算出有多少人收到。</Paragraph>
      ) : preview ? (
        <Notice tone={preview.count === 0 ? 'error' : 'info'}>{recipientCountLine(preview)}</Notice>
      ) : error ? (
        <Notice tone='error'>没能算出收件人数：{error.message}</Notice>
      ) : (
        <Paragraph muted>正在计算…</Paragraph>
      )}
      {saveState !== 'idle' && (
        <Paragraph muted small>
          {saveState === 'saved' && savedAt
            ? `${SAVE_WORDS.saved}（${formatDateTime(savedAt.toISOString())}）`
            : SAVE_WORDS[saveState]}
        </Paragraph>
      )}
    </Card>
  )
}
