import { meApi, useAction } from '../../api'
import { api } from '../../api'

/** PIPL: see everything held about me, and close my account. */
export function useMyData() {
  const exportData = useAction(() => meApi.exportData())
  const closeAccount = useAction(async () => {
    await meApi.closeAccount()
    // The server has revoked every token; forget them here too.
    api.endSession('closed')
    return true
  })
  return { exportData, closeAccount }
}
