import type { PropsWithChildren } from 'react'
import { OpenPageContext } from './components'
import { ATTEMPTS_STORAGE_KEY } from './features/booking/attempt-keys'
import { MY_BOOKINGS_STORAGE_KEY } from './features/booking/my-bookings-data'
import { RECENT_SEARCHES_KEY } from './features/policies/recent-list'
import { blockJavascriptLinks } from './shell/block-javascript-links'
import { handleUnknownPages, openPage } from './shell/navigation'
import { SessionProvider } from './shell/session/session-context'
import './theme'

if (process.env.TARO_ENV === 'h5') blockJavascriptLinks()
handleUnknownPages()

/**
 * Browser: the code of the pages a visit usually starts on (three tabs, and sign-in, where 预约 sends a signed-out
 * visitor) comes with the app instead of one round trip after it has started (Lighthouse's largest contentful paint
 * waited for it). Naming them for webpack is enough: the router's import then finds the code there. Never called.
 */
export const LANDING_PAGES_IN_START_UP_BUNDLE =
  process.env.TARO_ENV === 'h5'
    ? [
        () => import(/* webpackMode: "eager" */ './pages/home/index'),
        () => import(/* webpackMode: "eager" */ './pages/booking/index'),
        () => import(/* webpackMode: "eager" */ './pages/policies/index'),
        () => import(/* webpackMode: "eager" */ './pages/login/index')
      ]
    : []

/** What the phone keeps about the person, forgotten when they sign out: offline bookings, retry keys, searches. */
const PERSONAL_DATA_KEYS = [MY_BOOKINGS_STORAGE_KEY, ATTEMPTS_STORAGE_KEY, RECENT_SEARCHES_KEY]

/**
 * The app shell: every page renders inside the session provider (who is signed in, 长辈版) and gets the shell's
 * way of opening pages, which shared components (NavRow, links in policy texts) use without importing the shell.
 */
export default function App({ children }: PropsWithChildren) {
  return (
    <SessionProvider personalDataKeys={PERSONAL_DATA_KEYS}>
      <OpenPageContext.Provider value={openPage}>{children}</OpenPageContext.Provider>
    </SessionProvider>
  )
}
