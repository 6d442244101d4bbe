/** What a text field holds; it decides the keyboard each platform opens. */
export type TextFieldKind = 'text' | 'idcard' | 'phone' | 'password' | 'code' | 'username'

export interface InputKind {
  /** WeChat's Input type: `idcard` opens its ID-card keyboard (digits and X), `number` the number pad. */
  weapp: 'text' | 'idcard' | 'number'
  h5: {
    type: string
    inputMode?: 'text' | 'numeric' | 'tel'
    autoComplete: string
    /** `characters`: phone keyboards offer capitals, so a final X comes out as X. */
    autoCapitalize: 'off' | 'characters'
  }
}

/**
 * The keyboard for each kind. An ID number in the browser keeps the text keyboard (a number pad cannot type the
 * final X) with capitals on.
 */
export const INPUT_KINDS: Record<TextFieldKind, InputKind> = {
  text: { weapp: 'text', h5: { type: 'text', autoComplete: 'off', autoCapitalize: 'off' } },
  idcard: {
    weapp: 'idcard',
    h5: { type: 'text', inputMode: 'text', autoComplete: 'off', autoCapitalize: 'characters' }
  },
  phone: { weapp: 'number', h5: { type: 'tel', inputMode: 'tel', autoComplete: 'tel', autoCapitalize: 'off' } },
  password: { weapp: 'text', h5: { type: 'password', autoComplete: 'current-password', autoCapitalize: 'off' } },
  code: { weapp: 'text', h5: { type: 'text', autoComplete: 'one-time-code', autoCapitalize: 'off' } },
  username: { weapp: 'text', h5: { type: 'text', autoComplete: 'username', autoCapitalize: 'off' } }
}
