import Taro from '@tarojs/taro'
import { PAGES } from '../features/navigation'

/**
 * 返回 for pages that are not tabs, in the browser. WeChat draws its own back arrow in the title bar; Taro's H5
 * build has none, and a phone's back gesture is not obvious to everyone.
 */
export function BackButton() {
  if (process.env.TARO_ENV !== 'h5') return null
  const goBack = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.switchTab({ url: PAGES.home })
  }
  return (
    <button type='button' className='back-button' onClick={goBack}>
      <span aria-hidden='true'>‹ </span>返回
    </button>
  )
}
