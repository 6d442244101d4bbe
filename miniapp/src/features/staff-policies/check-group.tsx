import { Checkbox, CheckboxGroup, Label, Text, View } from '@tarojs/components'
import { useFieldIds } from './field-frame'

/** Pick any number of options (checkboxes in a fieldset in the browser), with the group's hint and error. */
export function CheckGroup<T extends string | number>(props: {
  label: string
  hint?: string
  options: ReadonlyArray<{ value: T; label: string }>
  value: readonly T[]
  onChange: (value: T[]) => void
  error?: string
}) {
  const { label, hint, options, value, onChange, error } = props
  const ids = useFieldIds(hint, error)
  const toggle = (option: T, on: boolean) => onChange(on ? [...value, option] : value.filter((v) => v !== option))
  if (process.env.TARO_ENV === 'h5') {
    return (
      <fieldset className='choices' aria-describedby={ids.describedBy}>
        <legend className='field__label'>{label}</legend>
        {hint && (
          <span className='field__hint' id={ids.hintId}>
            {hint}
          </span>
        )}
        <View className='choices__list'>
          {options.map((option) => {
            const on = value.includes(option.value)
            return (
              <label key={String(option.value)} className={on ? 'choice choice--on' : 'choice'}>
                <input className='choice__input' type='checkbox' checked={on} onChange={(event) => toggle(option.value, event.target.checked)} />
                {option.label}
              </label>
            )
          })}
        </View>
        {error && (
          <span className='field__error' id={ids.errorId} role='alert'>
            {error}
          </span>
        )}
      </fieldset>
    )
  }
  return (
    <View className='choices'>
      <Text className='field__label'>{label}</Text>
      {hint && <Text className='field__hint'>{hint}</Text>}
      <CheckboxGroup
        className='choices__list'
        onChange={(event) => {
          const chosen = new Set(event.detail.value as string[])
          onChange(options.filter((o) => chosen.has(String(o.value))).map((o) => o.value))
        }}
      >
        {options.map((option) => (
          <Label key={String(option.value)} className={value.includes(option.value) ? 'choice choice--on' : 'choice'}>
            <Checkbox value={String(option.value)} checked={value.includes(option.value)} color='#a4161a' ariaLabel={option.label} />
            <Text>{option.label}</Text>
          </Label>
        ))}
      </CheckboxGroup>
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  )
}
