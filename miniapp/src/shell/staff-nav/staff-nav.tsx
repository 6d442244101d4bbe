import type { Me } from '@veterans/shared'
import Taro from '@tarojs/taro'
import { PAGES, replacePage } from '../navigation'
import { STAFF_ADMIN_PAGES } from '../navigation-pages'
import { useSession } from '../session/session-context'
import { currentNavItem, signedInAs, staffNavFor } from './staff-nav-items'

// Browser only (the desk layout); the WeChat build drops this require with the branch.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a per-platform import, as in theme/index.ts
if (process.env.TARO_ENV === 'h5') require('./staff-nav.css')

/**
 * The staff workspace's side navigation at a desk (≥ 1024 px; hidden by CSS below that, where the phone layout and
 * 返回 stay as they were). Real links in tab order, the current entry marked with aria-current. An account that must
 * choose a new password sees only 修改密码 and 退出登录: there is nowhere else to go until it has.
 */
export function StaffNav({ me, url }: { me: Me; url: string }) {
  const { signOut } = useSession()
  if (process.env.TARO_ENV !== 'h5') return null
  const items = me.mustChangePassword ? [] : staffNavFor(me.role)
  const current = currentNavItem(items, url)
  const onPassword = url.startsWith(STAFF_ADMIN_PAGES.password)
  const go = (event: React.MouseEvent<HTMLAnchorElement>, target: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return // a new tab or window: the browser's way
    event.preventDefault()
    replacePage(target)
  }
  return (
    <nav className='staff-nav' aria-label='工作台导航'>
      <p className='staff-nav__title'>M市退役军人服务</p>
      <p className='staff-nav__who'>
        {signedInAs(me)}
        <br />
        {me.center?.name ?? '市退役军人事务局'}
      </p>
      <ul className='staff-nav__list'>
        {items.map((item) => (
          <li key={item.url}>
            <a
              className='staff-nav__link'
              href={item.url}
              aria-current={item === current ? 'page' : undefined}
              onClick={(event) => go(event, item.url)}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
      <div className='staff-nav__foot'>
        <a
          className='staff-nav__link staff-nav__link--small'
          href={STAFF_ADMIN_PAGES.password}
          aria-current={onPassword ? 'page' : undefined}
          onClick={(event) => go(event, STAFF_ADMIN_PAGES.password)}
        >
          修改密码
        </a>
        <button
          type='button'
          className='staff-nav__link staff-nav__link--small staff-nav__sign-out'
          onClick={() => void signOut().then(() => Taro.switchTab({ url: PAGES.home }))}
        >
          退出登录
        </button>
      </div>
    </nav>
  )
}
