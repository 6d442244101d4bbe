import { useState } from 'react'
import { toApiError, useRequest, type RequestState } from '../../api'
import { loadCached, saveCached } from './offline-cache'
import { taroStore } from '../../lib/key-value-store'

/**
 * useRequest that keeps the last good answer on the phone: when there is no network the screen shows that copy
 * and `savedAt` says from when ("更新于 …"). Other failures are shown as usual.
 */
export function useCachedRequest<T>(
  load: () => Promise<T>,
  key: string,
  cache: { storageKey: string; userId: string | undefined }
): RequestState<T> & { savedAt: string | null } {
  const [savedAt, setSavedAt] = useState<string | null>(null)
  const { storageKey, userId } = cache
  const request = useRequest(
    async () => {
      try {
        const data = await load()
        if (userId) saveCached(taroStore, storageKey, userId, data)
        setSavedAt(null)
        return data
      } catch (error) {
        const problem = toApiError(error)
        const cached = problem.isNetwork && userId ? loadCached<T>(taroStore, storageKey, userId) : null
        if (!cached) throw problem
        setSavedAt(cached.savedAt)
        return cached.data
      }
    },
    key,
    Boolean(userId)
  )
  return { ...request, savedAt }
}
