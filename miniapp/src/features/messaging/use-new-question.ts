import type { CreateThreadBody, Thread, Topic } from '@veterans/shared'
import { useCallback, useRef, useState } from 'react'
import { messagingApi, newIdempotencyKey, useAction } from '../../api'
import { checkQuestion, type QuestionDraft, type QuestionErrors } from './question-form'
import type { usePhotoPicker } from './use-photo-picker'

/**
 * Sending a new question. Every try of the same question carries the same Idempotency-Key, so an answer lost on
 * a weak network never opens two threads; a changed question is a new request.
 */
export function useNewQuestion(policyId: string | undefined, picker: ReturnType<typeof usePhotoPicker>) {
  const attempt = useRef<{ signature: string; key: string } | null>(null)
  const [errors, setErrors] = useState<QuestionErrors>({})

  const submit = useAction(async (draft: QuestionDraft): Promise<Thread | null> => {
    const found = checkQuestion(draft, picker)
    setErrors(found)
    if (Object.keys(found).length > 0) return null
    const body: CreateThreadBody = {
      category: draft.category as Topic,
      subject: draft.subject.trim(),
      body: draft.body.trim(),
      ...(draft.centerId ? { centerId: draft.centerId } : {}),
      ...(policyId ? { policyId } : {}),
      ...(picker.uploads.length > 0 ? { attachmentIds: picker.uploads.map((u) => u.id) } : {})
    }
    const signature = JSON.stringify(body)
    if (attempt.current?.signature !== signature) attempt.current = { signature, key: newIdempotencyKey() }
    return messagingApi.startThread(body, attempt.current.key)
  })

  /** A field the person changed no longer shows its old error. */
  const clearError = useCallback(
    (field: keyof QuestionErrors) =>
      setErrors((current) => {
        if (!current[field]) return current
        const rest = { ...current }
        delete rest[field]
        return rest
      }),
    []
  )

  return { submit, errors, clearError }
}
