import type { UpdateMeBody } from '@veterans/shared'
import { useState } from 'react'
import { meApi, useAction } from '../../api'
import { checkDisplayName, checkMobile } from '../../lib/validation'
import { useSession } from '../../shell/session/session-context'

export interface ProfileErrors {
  displayName?: string
  phone?: string
}

/** Editing the display name and the phone number (the phone is stored encrypted and shown masked). */
export function useProfileForm() {
  const { me, setMe } = useSession()
  const [errors, setErrors] = useState<ProfileErrors>({})
  const [saved, setSaved] = useState(false)
  const action = useAction(async (body: UpdateMeBody) => {
    const updated = await meApi.update(body)
    setMe(updated)
    return updated
  })

  const save = async (displayName: string, phone: string) => {
    setSaved(false)
    const body: UpdateMeBody = {}
    const next: ProfileErrors = {}
    if (displayName.trim() !== me?.displayName) {
      next.displayName = checkDisplayName(displayName)
      body.displayName = displayName.trim()
    }
    // An empty phone field means "leave it as it is" (the current number is only shown masked).
    if (phone.trim()) {
      next.phone = checkMobile(phone)
      body.phone = phone.replace(/\s+/g, '')
    }
    setErrors(next)
    if (next.displayName || next.phone) return false
    if (Object.keys(body).length === 0) {
      setSaved(true)
      return true
    }
    const result = await action.run(body)
    setSaved(result !== undefined)
    return result !== undefined
  }

  const serverError = action.error
  const shown: ProfileErrors = {
    displayName: errors.displayName ?? serverError?.fieldMessage('displayName'),
    phone: errors.phone ?? serverError?.fieldMessage('phone')
  }
  return { save, pending: action.pending, errors: shown, formError: serverError?.message, saved }
}
