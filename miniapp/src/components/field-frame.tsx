import { Text, View } from '@tarojs/components'
import { useId, type ReactNode } from 'react'

export interface FieldIds {
  id: string
  /** For the control's aria-describedby (browser): its hint and error. */
  describedBy: string | undefined
}

/** Ids that tie a control to its label, hint and error. */
export function useFieldIds(hint?: string, error?: string): FieldIds & { hintId: string; errorId: string } {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined
  return { id, hintId, errorId, describedBy }
}

/**
 * A form field's frame: label, hint, the control, and the error (announced at once in the browser). The control
 * itself carries the ids (browser) or its label as aria-label (WeChat).
 */
export function FieldFrame(props: {
  label: string
  hint?: string
  error?: string
  ids: ReturnType<typeof useFieldIds>
  children: ReactNode
}) {
  const { label, hint, error, ids, children } = props
  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className='field'>
        <label className='field__label' htmlFor={ids.id}>
          {label}
        </label>
        {hint && (
          <span className='field__hint' id={ids.hintId}>
            {hint}
          </span>
        )}
        {children}
        {error && (
          <span className='field__error' id={ids.errorId} role='alert'>
            {error}
          </span>
        )}
      </View>
    )
  }
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      {hint && <Text className='field__hint'>{hint}</Text>}
      {children}
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  )
}
