import { Input, Text, View } from '@tarojs/components'
import { useId, useRef } from 'react'
import { ActionButton } from '../../components'
import './policies.css'

const HINT = '输入关键词，比如：优待证、抚恤、就业、文号；几个词用空格隔开'

/**
 * The policy search field: large, with a clear button inside, and a key-sized 搜索 button (the keyboard's 搜索 key
 * works too). A search form (role=search) with a labelled field in the browser.
 */
export function SearchBox(props: {
  value: string
  onChange: (value: string) => void
  onSubmit: (value: string) => void
  onClear: () => void
  busy?: boolean
}) {
  const { value, onChange, onSubmit, onClear, busy } = props
  const id = useId()
  const input = useRef<HTMLInputElement>(null)

  if (process.env.TARO_ENV === 'h5') {
    return (
      <form
        className='field'
        role='search'
        aria-label='政策搜索'
        onSubmit={(event) => {
          event.preventDefault()
          input.current?.blur() // closes the phone keyboard so the results can be seen
          onSubmit(value)
        }}
      >
        <label className='field__label' htmlFor={id}>
          搜索政策
        </label>
        <span className='field__hint' id={`${id}-hint`}>
          {HINT}
        </span>
        <div className='search-box__row'>
          <input
            ref={input}
            id={id}
            className='field__input search-box__input'
            type='search'
            enterKeyHint='search'
            autoComplete='off'
            maxLength={100}
            value={value}
            aria-describedby={`${id}-hint`}
            onChange={(event) => onChange(event.target.value)}
          />
          {value && (
            <button
              type='button'
              className='search-box__clear'
              aria-label='清除搜索词'
              onClick={() => {
                onClear()
                input.current?.focus()
              }}
            >
              ×
            </button>
          )}
        </div>
        <button type='submit' className='btn btn--primary btn--key' aria-busy={busy ? 'true' : undefined}>
          搜索
        </button>
      </form>
    )
  }

  return (
    <View className='field'>
      <Text className='field__label'>搜索政策</Text>
      <Text className='field__hint'>{HINT}</Text>
      <View className='search-box__row'>
        <Input
          className='field__input search-box__input'
          type='text'
          confirmType='search'
          maxlength={100}
          value={value}
          ariaLabel='搜索政策'
          onInput={(event) => onChange(event.detail.value)}
          onConfirm={(event) => onSubmit(event.detail.value)}
        />
        {value && (
          <View className='search-box__clear' ariaRole='button' ariaLabel='清除搜索词' onClick={onClear}>
            ×
          </View>
        )}
      </View>
      <ActionButton size='key' onClick={() => onSubmit(value)}>
        搜索
      </ActionButton>
    </View>
  )
}
