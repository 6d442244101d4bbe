import type { PropsWithChildren } from 'react'
import { blockJavascriptLinks } from './features/browser/block-javascript-links'
import { handleUnknownPages } from './features/navigation'
import { SessionProvider } from './features/session/session-context'
import './theme'

if (process.env.TARO_ENV === 'h5') blockJavascriptLinks()
handleUnknownPages()

/** The app shell: every page renders inside the session provider (who is signed in, 长辈版). */
export default function App({ children }: PropsWithChildren) {
  return <SessionProvider>{children}</SessionProvider>
}
