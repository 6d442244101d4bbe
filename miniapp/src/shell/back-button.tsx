import { goBack } from './navigation'

/**
 * 返回 for pages that are not tabs, in the browser. WeChat draws its own back arrow in the title bar; Taro's H5
 * build has none, and a phone's back gesture is not obvious to everyone. Without a previous page (after a reload)
 * it leads one step up in the app, not to 首页.
 */
export function BackButton() {
  if (process.env.TARO_ENV !== 'h5') return null
  return (
    <button type='button' className='back-button' onClick={goBack}>
      <span aria-hidden='true'>‹ </span>返回
    </button>
  )
}
