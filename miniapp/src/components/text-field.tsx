import { Input, Text, View } from '@tarojs/components'
import { useId } from 'react'

export type TextFieldKind = 'text' | 'idcard' | 'phone' | 'password' | 'code' | 'username'

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

const H5_INPUT: Record<TextFieldKind, { type: string; inputMode?: 'text' | 'numeric' | 'tel'; autoComplete: string }> =
  {
    text: { type: 'text', autoComplete: 'off' },
    idcard: { type: 'text', autoComplete: 'off' },
    phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
    password: { type: 'password', autoComplete: 'current-password' },
    code: { type: 'text', autoComplete: 'one-time-code' },
    username: { type: 'text', autoComplete: 'username' }
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
    const { type, inputMode, autoComplete } = H5_INPUT[kind]
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
          autoCapitalize='off'
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

  const weappType = kind === 'idcard' ? 'idcard' : kind === 'phone' ? 'number' : 'text'
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      {hint && <Text className='field__hint'>{hint}</Text>}
      <Input
        className={inputClass}
        type={weappType}
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
