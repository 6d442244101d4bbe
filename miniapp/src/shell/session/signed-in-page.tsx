import type { Me } from '@veterans/shared'
import type { ReactNode } from 'react'
import { Page } from '../page'
import { SignInPrompt } from './sign-in-prompt'
import { useRequireSession } from './use-require-session'

/**
 * A page that needs a signed-in person: sends them to sign in (and back), and until then shows a prompt that says
 * what signing in is for. The page's content gets the person.
 */
export function SignedInPage(props: {
  title: string
  /** "登录后可以…" — what the page is for. */
  purpose: string
  back?: boolean
  /** Shown under the prompt while nobody is signed in. */
  signedOut?: ReactNode
  children: (me: Me) => ReactNode
}) {
  const { me } = useRequireSession()
  return (
    <Page title={props.title} back={props.back}>
      {me ? (
        props.children(me)
      ) : (
        <>
          <SignInPrompt purpose={props.purpose} />
          {props.signedOut}
        </>
      )}
    </Page>
  )
}
