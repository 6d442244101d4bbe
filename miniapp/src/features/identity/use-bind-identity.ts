import { normalizeIdNumber } from '@veterans/shared/rules'
import { useState } from 'react'
import { meApi, useAction } from '../../api'
import { checkIdNumber, checkName } from '../../lib/validation'
import { useSession } from '../../shell/session/session-context'

export interface BindIdentityErrors {
  name?: string
  idNumber?: string
  /** A refusal that is about the whole form (no match, already bound, too many tries). */
  form?: string
}

/** What to do next after each refusal of POST /me/veteran, added to the server's message. */
const NEXT_STEP: Record<string, string> = {
  REGISTRY_NO_MATCH:
    '请对照身份证核对姓名和号码；如果确认无误，可能您的信息还没有登记，请带上退役证件到所在区退役军人服务中心登记。',
  VETERAN_ALREADY_BOUND: '如果不是您本人绑定的，请带上身份证到服务中心处理，工作人员会帮您解除。',
  TOO_MANY_ATTEMPTS: '为保护您的信息，1 小时内最多尝试 5 次。请 1 小时后再试，或拨打服务热线求助。',
  ID_NUMBER_INVALID: '请对照身份证逐位核对，最后一位如果是 X 请输入字母 X。'
}

/**
 * Binding the account to the person's registry record. The ID number is checked here first (GB 11643 checksum,
 * from the shared rules) so a typo is caught before it counts as a failed attempt on the server.
 */
export function useBindIdentity() {
  const { setMe } = useSession()
  const [errors, setErrors] = useState<BindIdentityErrors>({})
  const action = useAction(async (name: string, idNumber: string) => {
    const me = await meApi.bindVeteran({ name: name.trim(), idNumber: normalizeIdNumber(idNumber) })
    setMe(me)
    return me
  })

  const submit = async (name: string, idNumber: string) => {
    const local = { name: checkName(name), idNumber: checkIdNumber(idNumber) }
    if (local.name || local.idNumber) {
      setErrors(local)
      return false
    }
    setErrors({})
    const me = await action.run(name, idNumber)
    return me !== undefined
  }

  const serverError = action.error
  const shown: BindIdentityErrors = { ...errors }
  if (serverError) {
    if (serverError.code === 'ID_NUMBER_INVALID') shown.idNumber = serverError.message
    else if (serverError.code === 'VALIDATION_FAILED') {
      shown.name = serverError.fieldMessage('name')
      shown.idNumber = serverError.fieldMessage('idNumber')
    }
    const next = NEXT_STEP[serverError.code]
    shown.form = next ? `${serverError.message}。${next}`.replace('。。', '。') : serverError.message
  }
  return { submit, pending: action.pending, errors: shown }
}
