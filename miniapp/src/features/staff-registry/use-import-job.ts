import type { ImportJob } from '@veterans/shared'
import { useEffect, useState } from 'react'
import { staffRegistryApi } from '../../api'
import { toApiError, type ApiError } from '../../api/errors'
import { usePageVisible } from '../staff-notices/use-page-visible'
import { IMPORT_POLL_MS, isFinished } from './import-progress'

/**
 * Where an import job stands, asked every second while it runs and the page is in view; once it is done or failed
 * the asking stops. A failed ask is tried again on the next tick (a weak network does not end the progress view).
 */
export function useImportJob(jobId: string | undefined) {
  const [job, setJob] = useState<ImportJob | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const visible = usePageVisible()
  const finished = job !== null && job.id === jobId && isFinished(job)

  useEffect(() => {
    if (!jobId || !visible || finished) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const ask = async () => {
      try {
        const next = await staffRegistryApi.importJob(jobId)
        if (stopped) return
        setJob(next)
        setError(null)
        if (isFinished(next)) return
      } catch (e) {
        if (stopped) return
        const failure = toApiError(e)
        setError(failure)
        if (failure.code === 'NOT_FOUND' || failure.status === 403) return
      }
      timer = setTimeout(() => void ask(), IMPORT_POLL_MS)
    }
    void ask()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [jobId, visible, finished])

  return { job: job && job.id === jobId ? job : null, error }
}
