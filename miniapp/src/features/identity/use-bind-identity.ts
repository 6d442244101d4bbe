import { normalizeIdNumber } from '@veterans/shared/rules'
import { useState } from 'react'
import { meApi, useAction } from '../../api'
import { checkIdNumber, checkName } from '../../lib/validation'
import { useSession } from '../../shell/session/session-context'
import { bindRefusalText } from './refusal-text'

export interface BindIdentityErrors {
  name?: string
  idNumber?: string
  /** A refusal that is about the whole form (no match, already bound, too many tries). */
  form?: string
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
    // A field's own refusal shows at the field only; a refusal of the whole form below it.
    if (!shown.name && !shown.idNumber) shown.form = bindRefusalText(serverError)
  }
  return { submit, pending: action.pending, errors: shown }
}
