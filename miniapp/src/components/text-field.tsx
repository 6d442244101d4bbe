import { Input, Text, View } from '@tarojs/components'
import { useId } from 'react'
import { INPUT_KINDS, type TextFieldKind } from './input-kinds'

export type { TextFieldKind }

export interface TextFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  kind?: TextFieldKind
  hint?: string
  error?: string
  maxLength?: number
  placeholder?: string
}

/**
 * A labelled text field with its hint and error. In the browser: <label for> + <input> with aria-describedby and
 * aria-invalid. On WeChat: the Input carries the label (and the error) as aria-label, and the ID-card keyboard is
 * used for ID numbers.
 */
export function TextField({
  label,
  value,
  onChange,
  kind = 'text',
  hint,
  error,
  maxLength = 140,
  placeholder
}: TextFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const inputClass = error ? 'field__input field__input--invalid' : 'field__input'

  if (process.env.TARO_ENV === 'h5') {
    const { type, inputMode, autoComplete, autoCapitalize } = INPUT_KINDS[kind].h5
    const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined
    return (
      <View className='field'>
        <label className='field__label' htmlFor={id}>
          {label}
        </label>
        {hint && (
          <span className='field__hint' id={hintId}>
            {hint}
          </span>
        )}
        <input
          id={id}
          className={inputClass}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          autoCapitalize={autoCapitalize}
          spellCheck={false}
          value={value}
          maxLength={maxLength}
          placeholder={placeholder}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
        {error && (
          <span className='field__error' id={errorId} role='alert'>
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
      <Input
        className={inputClass}
        type={INPUT_KINDS[kind].weapp}
        password={kind === 'password'}
        value={value}
        maxlength={maxLength}
        placeholder={placeholder}
        ariaLabel={error ? `${label}，${error}` : label}
        onInput={(event) => onChange(event.detail.value)}
      />
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  )
}
