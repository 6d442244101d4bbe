import { Checkbox, CheckboxGroup, Label, Radio, RadioGroup, Text, View, type CommonEvent } from '@tarojs/components'
import { useFieldIds } from './field-frame'

interface Common<T> {
  label: string
  hint?: string
  options: ReadonlyArray<{ value: T; label: string }>
  error?: string
}

/** One option (radios), or with `multiple` any number of them (checkboxes). */
export type ChoiceGroupProps<T extends string | number> = Common<T> &
  (
    | { multiple?: false; value: T | ''; onChange: (value: T) => void }
    | { multiple: true; value: readonly T[]; onChange: (value: T[]) => void }
  )

/**
 * Options shown all at once as large tappable choices, with the group's hint and error (a fieldset of radios or
 * checkboxes in the browser).
 */
export function ChoiceGroup<T extends string | number>(props: ChoiceGroupProps<T>) {
  const { label, hint, options, error } = props
  const ids = useFieldIds(hint, error)
  const isOn = (option: T) => (props.multiple ? props.value.includes(option) : props.value === option)
  const choiceClass = (option: T) => (isOn(option) ? 'choice choice--on' : 'choice')
  /** Takes the values now chosen (as strings, the way the controls report them). */
  const choose = (chosen: readonly string[]) => {
    const picked = options.filter((o) => chosen.includes(String(o.value))).map((o) => o.value)
    if (props.multiple) props.onChange(picked)
    else if (picked[0] !== undefined) props.onChange(picked[0])
  }
  const toggle = (option: T, on: boolean) => {
    if (!props.multiple) return choose([String(option)])
    const chosen = on ? [...props.value, option] : props.value.filter((v) => v !== option)
    props.onChange(chosen)
  }

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
          {options.map((option) => (
            <label key={String(option.value)} className={choiceClass(option.value)}>
              <input
                className='choice__input'
                type={props.multiple ? 'checkbox' : 'radio'}
                name={props.multiple ? undefined : ids.id}
                value={String(option.value)}
                checked={isOn(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              {option.label}
            </label>
          ))}
        </View>
        {error && (
          <span className='field__error' id={ids.errorId} role='alert'>
            {error}
          </span>
        )}
      </fieldset>
    )
  }
  const items = options.map((option) => (
    <Label key={String(option.value)} className={choiceClass(option.value)}>
      {props.multiple ? (
        <Checkbox value={String(option.value)} checked={isOn(option.value)} color='#a4161a' ariaLabel={option.label} />
      ) : (
        <Radio value={String(option.value)} checked={isOn(option.value)} color='#a4161a' ariaLabel={option.label} />
      )}
      <Text>{option.label}</Text>
    </Label>
  ))
  return (
    <View className='choices'>
      <Text className='field__label'>{label}</Text>
      {hint && <Text className='field__hint'>{hint}</Text>}
      {props.multiple ? (
        <CheckboxGroup className='choices__list' onChange={(event) => choose(event.detail.value)}>
          {items}
        </CheckboxGroup>
      ) : (
        <RadioGroup
          className='choices__list'
          onChange={(event: CommonEvent<{ value: string }>) => choose([event.detail.value])}
        >
          {items}
        </RadioGroup>
      )}
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  )
}
