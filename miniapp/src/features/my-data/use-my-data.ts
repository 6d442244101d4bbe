import { meApi, referenceApi, useAction } from '../../api'
import { api } from '../../api'
import { prepareExport } from './export-file'

export type { PreparedExport } from './export-file'

/** District names for the registry record; without them the code is shown, which is still true. */
async function districtNames(): Promise<Record<string, string>> {
  try {
    const { items } = await referenceApi.districts()
    return Object.fromEntries(items.map((d) => [d.code, d.name]))
  } catch {
    return {}
  }
}

/** PIPL: see everything held about me, keep it as files, and close my account. */
export function useMyData() {
  const exportData = useAction(async () => {
    const [data, districts] = await Promise.all([meApi.exportData(), districtNames()])
    return prepareExport(data, districts)
  })
  const closeAccount = useAction(async () => {
    await meApi.closeAccount()
    // The server has revoked every token; forget them here too.
    api.endSession('closed')
    return true
  })
  return { exportData, closeAccount }
}
