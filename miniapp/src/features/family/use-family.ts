import type { FamilyInvite, Relation } from '@veterans/shared'
import { useState } from 'react'
import { meApi, useAction, useRequest } from '../../api'
import { checkInviteCode, normalizeInviteCode } from '../../lib/validation'
import { useSession } from '../../shell/session/session-context'

/** A veteran's side: invite codes to hand to family, and the family members linked so far. */
export function useFamilyMembers(enabled: boolean) {
  const members = useRequest(() => meApi.listFamily(), 'family', enabled)
  const [invite, setInvite] = useState<FamilyInvite | null>(null)
  const create = useAction(async () => {
    const created = await meApi.createFamilyInvite()
    setInvite(created)
    return created
  })
  const remove = useAction(async (linkId: string) => {
    await meApi.removeFamilyLink(linkId)
    await members.reload()
    return true
  })
  return { members, invite, createInvite: create, removeMember: remove }
}

/** Anyone's side: link to a veteran with their code, and unlink. The profile's familyOf list is refreshed after. */
export function useFamilyLinks() {
  const { reloadMe } = useSession()
  const [codeError, setCodeError] = useState<string | undefined>()
  const [relationError, setRelationError] = useState<string | undefined>()
  const link = useAction(async (code: string, relation: Relation) => {
    const created = await meApi.linkFamily({ code: normalizeInviteCode(code), relation })
    await reloadMe()
    return created
  })
  const unlink = useAction(async (linkId: string) => {
    await meApi.removeFamilyLink(linkId)
    await reloadMe()
    return true
  })

  const submitLink = async (code: string, relation: Relation | '') => {
    const codeProblem = checkInviteCode(code)
    const relationProblem = relation ? undefined : '请选择您和这位退役军人的关系'
    setCodeError(codeProblem)
    setRelationError(relationProblem)
    if (codeProblem || !relation) return false
    return (await link.run(code, relation)) !== undefined
  }

  const linkError = link.error
  return {
    submitLink,
    linking: link.pending,
    codeError:
      codeError ?? (linkError?.code === 'INVITE_INVALID' ? linkError.message : linkError?.fieldMessage('code')),
    relationError,
    linkError: linkError && linkError.code !== 'INVITE_INVALID' ? linkError.message : undefined,
    unlink
  }
}
