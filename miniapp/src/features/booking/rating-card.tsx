import type { BookingRating } from '@veterans/shared'
import { useState } from 'react'
import type { ActionState } from '../../api'
import { ActionButton, Card, ChoiceGroup, Notice, Paragraph, TextField } from '../../components'
import { RATING_WORDS } from './status'

const OPTIONS = [5, 4, 3, 2, 1].map((score) => ({ value: String(score), label: RATING_WORDS[score]! }))

/** 好差评: rate a completed visit once, five grades in words, with an optional comment. */
export function RatingCard({ rate }: { rate: ActionState<[number, string], BookingRating> }) {
  const [score, setScore] = useState('')
  const [comment, setComment] = useState('')
  const [missing, setMissing] = useState(false)
  const submit = () => {
    setMissing(!score)
    if (score) void rate.run(Number(score), comment)
  }
  return (
    <Card title='评价这次服务'>
      <Paragraph>您的评价会交给服务中心，用来改进服务。</Paragraph>
      <ChoiceGroup
        label='您对这次服务满意吗？'
        options={OPTIONS}
        value={score}
        onChange={setScore}
        error={missing ? '请选一个满意程度' : undefined}
      />
      <TextField label='想说的话（选填）' value={comment} onChange={setComment} maxLength={500} />
      {rate.error && <Notice tone='error'>{rate.error.message}</Notice>}
      <ActionButton size='key' busy={rate.pending} busyText='正在提交…' onClick={submit}>
        提交评价
      </ActionButton>
    </Card>
  )
}

export function RatingShown({ rating }: { rating: BookingRating }) {
  return (
    <Card title='您的评价'>
      <Paragraph strong>{RATING_WORDS[rating.score]}</Paragraph>
      {rating.comment && <Paragraph>{rating.comment}</Paragraph>}
      <Paragraph muted small>
        谢谢您的评价。
      </Paragraph>
    </Card>
  )
}
