import { useShareAppMessage } from '@tarojs/taro'
import { InviteCard } from '../../features/family/invite-card'
import { LinkCard } from '../../features/family/link-card'
import { LinkedVeteransCard } from '../../features/family/linked-veterans-card'
import { MembersCard } from '../../features/family/members-card'
import { useFamilyLinks, useFamilyMembers } from '../../features/family/use-family'
import { PAGES, pageParam } from '../../shell/navigation'
import { useSession } from '../../shell/session/session-context'
import { SignedInPage } from '../../shell/session/signed-in-page'

export default function FamilyPage() {
  const { me } = useSession()
  const isVeteran = Boolean(me?.veteran)
  const family = useFamilyMembers(isVeteran)
  const links = useFamilyLinks()

  // WeChat share of an invite: the family member lands here with the code filled in.
  useShareAppMessage(() => ({
    title: '邀请您关联家人账号',
    path: family.invite ? `${PAGES.family}?code=${family.invite.code}` : PAGES.home
  }))

  return (
    <SignedInPage title='家人关联' purpose='邀请家人或关联家人' back>
      {(person) => (
        <>
          {isVeteran && <InviteCard invite={family.invite} create={family.createInvite} />}
          {isVeteran && <MembersCard family={family} />}
          <LinkedVeteransCard familyOf={person.familyOf} links={links} />
          <LinkCard links={links} initialCode={pageParam('code')} readerIsVeteran={isVeteran} />
        </>
      )}
    </SignedInPage>
  )
}
