import type { Topic } from '@veterans/shared'
import { MAX_BODY, MAX_SUBJECT } from './limits'

// The new-question form's rules, free of Taro so they can be unit-tested.

export interface QuestionDraft {
  category: Topic | ''
  centerId: string
  subject: string
  body: string
}

export type QuestionErrors = Partial<Record<'category' | 'subject' | 'body' | 'photos', string>>

/** What is missing or too long, in words that say what to do. */
export function checkQuestion(draft: QuestionDraft, photos: { uploading: boolean; failed: boolean }): QuestionErrors {
  const errors: QuestionErrors = {}
  if (!draft.category) errors.category = '请选择问题的类别'
  const subject = draft.subject.trim()
  if (!subject) errors.subject = '请写一个标题，比如“优待证怎么办理”'
  else if (subject.length > MAX_SUBJECT) errors.subject = `标题请不要超过 ${MAX_SUBJECT} 个字`
  const body = draft.body.trim()
  if (!body) errors.body = '请写下您想问的事情'
  else if (body.length > MAX_BODY) errors.body = `内容请不要超过 ${MAX_BODY} 个字`
  if (photos.uploading) errors.photos = '照片还在上传，请稍等一下再提交'
  else if (photos.failed) errors.photos = '有照片没有传上去：请点“重试”，或把它删除'
  return errors
}
