import { Button, Input, Text, View } from '@tarojs/components'
import { useId } from 'react'

const HINT = '姓名中的字，或身份证号最后 4 位'

/** The registry's search field and its 搜索 button (Enter, or the keyboard's 搜索 key, searches too). */
export function RegistrySearch(props: { value: string; onChange: (value: string) => void; onSubmit: () => void }) {
  const { value, onChange, onSubmit } = props
  const id = useId()
  if (process.env.TARO_ENV === 'h5') {
    return (
      <form
        className='field registry-search'
        role='search'
        aria-label='查找退役军人'
        onSubmit={(event) => {
          event.preventDefault()
          onSubmit()
        }}
      >
        <label className='field__label' htmlFor={id}>
          查找
        </label>
        <span className='field__hint' id={`${id}-hint`}>
          {HINT}
        </span>
        <div className='registry-search__row'>
          <input
            id={id}
            className='field__input'
            type='search'
            enterKeyHint='search'
            autoComplete='off'
            maxLength={32}
            value={value}
            aria-describedby={`${id}-hint`}
            onChange={(event) => onChange(event.target.value)}
          />
          <button type='submit' className='btn btn--primary btn--inline'>
            搜索
          </button>
        </div>
      </form>
    )
  }
  return (
    <View className='field registry-search'>
      <Text className='field__label'>查找</Text>
      <Text className='field__hint'>{HINT}</Text>
      <View className='registry-search__row'>
        <Input
          className='field__input'
          value={value}
          maxlength={32}
          confirmType='search'
          ariaLabel={`查找，${HINT}`}
          onInput={(event) => onChange(event.detail.value)}
          onConfirm={onSubmit}
        />
        <Button className='btn btn--primary btn--inline' onClick={onSubmit}>
          搜索
        </Button>
      </View>
    </View>
  )
}
