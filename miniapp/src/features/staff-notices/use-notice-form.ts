import type { AudiencePreview, Me } from '@veterans/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { policiesApi, staffNoticesApi, toApiError, useRequest, type ApiError } from '../../api'
import {
  EMPTY_NOTICE_FORM,
  errorAt,
  formFromNotice,
  serverFieldErrors,
  toNoticeInput,
  type FormErrors,
  type NoticeForm
} from './notice-form-state'
import { useNoticeScope } from './use-notice-scope'

/** How long after the last keystroke or click the draft is saved (and the recipient count worked out again). */
export const AUTOSAVE_MS = 1_200

/** The form's fields, for the summary of what to fix (in form order). */
const FIELD_NAMES: Record<string, string> = {
  title: '标题',
  body: '正文',
  policyId: '相关政策',
  'audience.roles': '发给谁',
  'audience.districts': '区县',
  'audience.veteranCategories': '人员类别',
  'audience.eligibleForPolicyId': '符合条件的政策'
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed'

/**
 * Composing a notice, or editing a draft (`id`). The draft is saved as the staff member works (a moment after each
 * change, once title, body and audience are filled in), because the recipient count needs a saved draft; saves run
 * one after another, so the first one creates the draft and the later ones change it. Field errors, the phone's and
 * the server's, show by the fields they concern.
 */
export function useNoticeForm(options: { id?: string; me: Me }) {
  const { id, me } = options
  const place = useNoticeScope(me)
  const { scope } = place
  const source = useRequest(() => staffNoticesApi.get(id ?? ''), `notice-form-${id ?? 'new'}`, !!id)
  const eligibilityId = source.data?.audience.eligibleForPolicyId
  const eligibility = useRequest(
    () => policiesApi.get(eligibilityId ?? ''),
    `notice-eligibility-${eligibilityId ?? ''}`,
    !!eligibilityId
  )

  const [form, setForm] = useState<NoticeForm>(EMPTY_NOTICE_FORM)
  const [savedId, setSavedId] = useState(id)
  const [saveState, setSaveState] = useState<SaveState>('idle')
  const [savedAt, setSavedAt] = useState<Date | null>(null)
  const [checked, setChecked] = useState(false)
  const [serverErrors, setServerErrors] = useState<FormErrors>({})
  const [formError, setFormError] = useState<string>()
  const [preview, setPreview] = useState<AudiencePreview>()
  const [previewError, setPreviewError] = useState<ApiError | null>(null)
  const [changes, setChanges] = useState(0)

  const formRef = useRef(form)
  formRef.current = form
  const scopeRef = useRef(scope)
  scopeRef.current = scope
  const saved = useRef<{ id?: string; signature?: string }>({ id })
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const previewTicket = useRef(0)

  const loadedTitle = eligibility.data?.title
  useEffect(() => {
    if (source.data) setForm(formFromNotice(source.data, loadedTitle))
  }, [source.data, loadedTitle])

  const refreshPreview = useCallback(async (noticeId: string) => {
    const ticket = ++previewTicket.current
    try {
      const result = await staffNoticesApi.audiencePreview(noticeId)
      if (ticket !== previewTicket.current) return
      setPreview(result)
      setPreviewError(null)
    } catch (e) {
      if (ticket === previewTicket.current) setPreviewError(toApiError(e))
    }
  }, [])

  // An existing draft: its count at once.
  useEffect(() => {
    if (id) void refreshPreview(id)
  }, [id, refreshPreview])

  /** Saves what is on screen if it changed since the last save; resolves to the draft's id, or undefined. */
  const save = useCallback(
    (explicit: boolean): Promise<string | undefined> => {
      const run = async (): Promise<string | undefined> => {
        const currentScope = scopeRef.current
        if (!currentScope) return undefined
        if (explicit) setChecked(true)
        const { input } = toNoticeInput(formRef.current, currentScope)
        if (!input) return undefined
        const signature = JSON.stringify(input)
        if (saved.current.id && saved.current.signature === signature) return saved.current.id
        setSaveState('saving')
        try {
          let noticeId = saved.current.id
          if (noticeId) await staffNoticesApi.update(noticeId, input)
          else {
            noticeId = (await staffNoticesApi.create(input)).id
            setSavedId(noticeId)
          }
          saved.current = { id: noticeId, signature }
          setServerErrors({})
          setFormError(undefined)
          setSaveState('saved')
          setSavedAt(new Date())
          void refreshPreview(noticeId)
          return noticeId
        } catch (e) {
          const error = toApiError(e)
          setServerErrors(serverFieldErrors(error.fields))
          setFormError(error.code === 'VALIDATION_FAILED' && error.fields.length > 0 ? undefined : error.message)
          setSaveState('failed')
          return undefined
        }
      }
      const next = queue.current.then(run, run)
      queue.current = next.catch(() => undefined)
      return next
    },
    [refreshPreview]
  )

  // Autosave a moment after the last change (not on load).
  useEffect(() => {
    if (changes === 0) return
    const timer = setTimeout(() => void save(false), AUTOSAVE_MS)
    return () => clearTimeout(timer)
  }, [changes, save])

  const set = <K extends keyof NoticeForm>(name: K, value: NoticeForm[K]) => {
    setForm((f) => ({ ...f, [name]: value }))
    setChanges((n) => n + 1)
  }

  const localErrors: FormErrors = checked && scope ? toNoticeInput(form, scope).errors : {}
  const errors: FormErrors = { ...serverErrors, ...localErrors }
  const problems = Object.entries(errors).map(([path, message]) => {
    const field = Object.keys(FIELD_NAMES).find((name) => path === name || path.startsWith(`${name}.`))
    return field ? `${FIELD_NAMES[field]}：${message}` : (message ?? '')
  })
  const ready = scope !== undefined && (!id || source.data !== undefined)
  const complete = scope !== undefined && toNoticeInput(form, scope).input !== undefined

  return {
    form,
    set,
    place,
    source,
    ready,
    complete,
    savedId,
    save,
    saveState,
    savedAt,
    preview,
    previewError,
    errorFor: (name: string) => errorAt(errors, name),
    problems,
    formError
  }
}

export type NoticeFormState = ReturnType<typeof useNoticeForm>
