import { Label, Radio, RadioGroup, Text, View } from '@tarojs/components'
import { useId } from 'react'

export interface ChoiceGroupProps<T extends string> {
  label: string
  options: ReadonlyArray<{ value: T; label: string }>
  value: T | ''
  onChange: (value: T) => void
  error?: string
}

/** Pick one of a few options, shown all at once as large tappable choices (fieldset + radios in the browser). */
export function ChoiceGroup<T extends string>({ label, options, value, onChange, error }: ChoiceGroupProps<T>) {
  const name = useId()
  if (process.env.TARO_ENV === 'h5') {
    return (
      <fieldset className='choices' aria-describedby={error ? `${name}-error` : undefined}>
        <legend className='field__label'>{label}</legend>
        <View className='choices__list'>
          {options.map((option) => (
            <label key={option.value} className={option.value === value ? 'choice choice--on' : 'choice'}>
              <input
                className='choice__input'
                type='radio'
                name={name}
                value={option.value}
                checked={option.value === value}
                onChange={() => onChange(option.value)}
              />
              {option.label}
            </label>
          ))}
        </View>
        {error && (
          <span className='field__error' id={`${name}-error`} role='alert'>
            {error}
          </span>
        )}
      </fieldset>
    )
  }
  return (
    <View className='choices'>
      <Text className='field__label'>{label}</Text>
      <RadioGroup className='choices__list' onChange={(event) => onChange(event.detail.value as T)}>
        {options.map((option) => (
          <Label key={option.value} className={option.value === value ? 'choice choice--on' : 'choice'}>
            <Radio value={option.value} checked={option.value === value} color='#a4161a' ariaLabel={option.label} />
            <Text>{option.label}</Text>
          </Label>
        ))}
      </RadioGroup>
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  )
}
