import type { StaffAccount } from '@veterans/shared'
import { staffAdminApi, useRequest } from '../../api'

/** More pages than this of accounts is not a bureau of this size: stop rather than loop. */
const MAX_PAGES = 10

async function loadAllAccounts(): Promise<StaffAccount[]> {
  const accounts: StaffAccount[] = []
  let cursor: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await staffAdminApi.listStaff({ limit: 100, cursor })
    accounts.push(...answer.items)
    if (!answer.nextCursor) break
    cursor = answer.nextCursor
  }
  return accounts
}

/** Every staff account (a bureau has tens, not thousands), and a way to put a changed one in place. */
export function useAccounts(enabled: boolean) {
  const request = useRequest(loadAllAccounts, 'staff-accounts', enabled)
  const replace = (changed: StaffAccount) => {
    const items = request.data ?? []
    request.setData(
      items.some((a) => a.id === changed.id)
        ? items.map((a) => (a.id === changed.id ? changed : a))
        : [...items, changed]
    )
  }
  return { ...request, replace }
}
