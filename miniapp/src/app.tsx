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
