import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { ActionButton, Term } from '../../components'

/**
 * Dials a center: a tel: link in the browser (the phone offers to call), WeChat's call sheet in the mini-program.
 * The number is in the text, so people can also read it out or dial it by hand.
 */
export function CallButton({ phone, what = '服务中心', inline }: { phone: string; what?: string; inline?: boolean }) {
  // The number stays on one line (长辈版's larger letters would break it at its hyphen); one Text, so that the
  // button's flex layout keeps the words and the number in one line of text.
  const text = (
    <Text>
      拨打{what}电话 <Term>{phone}</Term>
    </Text>
  )
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a
        className={inline ? 'btn btn--secondary btn--inline' : 'btn btn--secondary'}
        href={`tel:${phone.replace(/[^\d+]/g, '')}`}
      >
        {text}
      </a>
    )
  }
  return (
    <ActionButton
      variant='secondary'
      inline={inline}
      onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => {})}
    >
      {text}
    </ActionButton>
  )
}
