import type { ImportField, ImportPreview } from '@veterans/shared'
import { useState } from 'react'
import { staffRegistryApi, useAction, type ChosenFile } from '../../api'
import { keepDownloadedFile } from './download'
import { initialMapping, mappingBody, mappingProblems, type ColumnMapping } from './import-mapping'
import { isImportableName } from './import-progress'
import { useImportJob } from './use-import-job'

/**
 * The import's steps before the real import: choose a file → its first rows and the suggested column mapping (to
 * change) → 试运行, which writes nothing and reports what the import would do, row by row. The real import is
 * started from here; its progress has a page address of its own (import-wizard.tsx).
 */
export function useImportWizard() {
  const [file, setFile] = useState<ChosenFile | null>(null)
  const [wrongType, setWrongType] = useState(false)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [mapping, setMapping] = useState<ColumnMapping>({})
  const [dryRunId, setDryRunId] = useState<string>()
  const [showProblems, setShowProblems] = useState(false)
  const dryRun = useImportJob(dryRunId)

  const previewAction = useAction(async (chosen: ChosenFile) => {
    const answer = await staffRegistryApi.importPreview(chosen)
    setPreview(answer)
    setMapping(initialMapping(answer))
    return answer
  })

  const choose = (chosen: ChosenFile) => {
    setFile(chosen)
    setPreview(null)
    setDryRunId(undefined)
    setShowProblems(false)
    setWrongType(!isImportableName(chosen.name))
    if (isImportableName(chosen.name)) void previewAction.run(chosen)
  }

  const problems = preview ? mappingProblems(mapping) : []

  const dryRunAction = useAction(async () => {
    if (!file) return undefined
    const { jobId } = await staffRegistryApi.startImport(file, { dryRun: true, mapping: mappingBody(mapping) })
    setDryRunId(jobId)
    return jobId
  })

  const importAction = useAction(async () => {
    if (!file) return undefined
    const { jobId } = await staffRegistryApi.startImport(file, { dryRun: false, mapping: mappingBody(mapping) })
    return jobId
  })

  const startDryRun = async () => {
    setShowProblems(true)
    if (problems.length > 0) return
    await dryRunAction.run()
  }

  const setColumn = (header: string, field: ImportField | '') => {
    setMapping((m) => ({ ...m, [header]: field }))
    // A changed mapping makes the earlier dry run's report stale: the person runs it again.
    setDryRunId(undefined)
  }

  return {
    file,
    wrongType,
    choose,
    preview,
    previewing: previewAction.pending,
    previewError: previewAction.error,
    mapping,
    setColumn,
    problems: showProblems ? problems : [],
    startDryRun,
    dryRunStarting: dryRunAction.pending,
    dryRunError: dryRunAction.error,
    dryRun,
    startImport: importAction.run,
    importStarting: importAction.pending,
    importError: importAction.error
  }
}

export type ImportWizardState = ReturnType<typeof useImportWizard>

/** 下载错误行: all refused rows of a job as CSV (the report lists the first 100). */
export function useErrorsDownload(jobId: string | undefined) {
  const [done, setDone] = useState('')
  const action = useAction(async () => {
    if (!jobId) return
    const path = await staffRegistryApi.importErrorsFile(jobId)
    setDone(await keepDownloadedFile(path, `导入错误行-${jobId.slice(0, 8)}.csv`))
  })
  return { run: action.run, pending: action.pending, error: action.error, done }
}
