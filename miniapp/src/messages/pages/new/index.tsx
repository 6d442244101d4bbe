import { useState } from 'react'
import { NewQuestionView } from '../../../features/messaging/new-question-view'
import { pageParam } from '../../../shell/navigation'
import { SignedInPage } from '../../../shell/session/signed-in-page'

export default function NewQuestionPage() {
  // Read as the page opens: after a detour through sign-in the current page is no longer this one's router.
  const [about] = useState(() => ({ policyId: pageParam('policyId'), query: pageParam('q') }))
  return (
    <SignedInPage title='写信咨询' purpose='写信咨询工作人员' back>
      {() => <NewQuestionView policyId={about.policyId} query={about.query} />}
    </SignedInPage>
  )
}
