import { View } from '@tarojs/components'
import { ActionButton, Card, Notice, Paragraph } from '../../components'
import { goBack, replacePage } from '../../shell/navigation'
import { FilePicker } from './file-picker'
import { fileRefusalText } from './import-progress'
import { ImportReport } from './import-report'
import { MappingTable, PreviewRows } from './mapping-table'
import { importUrl } from './paths'
import { useImportJob } from './use-import-job'
import { useImportWizard, type ImportWizardState } from './use-import-wizard'
import './staff-registry.css'

const STEPS = ['选择文件', '核对列', '试运行', '正式导入'] as const

function Steps({ at }: { at: number }) {
  return (
    <ol className='registry-steps' aria-label='导入步骤'>
      {STEPS.map((step, index) => (
        <li
          key={step}
          className={index === at ? 'registry-steps__step registry-steps__step--now' : 'registry-steps__step'}
          aria-current={index === at ? 'step' : undefined}
        >
          {index + 1}. {step}
        </li>
      ))}
    </ol>
  )
}

function DryRunPart({ wizard }: { wizard: ImportWizardState }) {
  const job = wizard.dryRun.job
  const ready = job?.status === 'done'
  const start = async () => {
    const jobId = await wizard.startImport()
    // The job goes into the page's address: a reload (or coming back later) shows this same import.
    if (jobId) replacePage(importUrl(jobId), 'page')
  }
  return (
    <>
      {wizard.problems.length > 0 && (
        <Notice tone='error'>
          {wizard.problems.map((problem) => (
            <View key={problem}>{problem}</View>
          ))}
        </Notice>
      )}
      {wizard.dryRunError && <Notice tone='error'>没能试运行：{fileRefusalText(wizard.dryRunError)}</Notice>}
      {wizard.dryRun.error && !job && <Notice tone='error'>没能读取试运行结果：{wizard.dryRun.error.message}</Notice>}
      {job && <ImportReport job={job} />}
      <View className='registry-actions'>
        <ActionButton
          variant={ready ? 'secondary' : 'primary'}
          size={ready ? 'normal' : 'key'}
          busy={wizard.dryRunStarting || job?.status === 'running'}
          busyText='正在试运行…'
          onClick={() => void wizard.startDryRun()}
        >
          {job ? '再试运行一次' : '试运行（不写入）'}
        </ActionButton>
        {ready && (
          <ActionButton size='key' busy={wizard.importStarting} busyText='正在开始…' onClick={() => void start()}>
            {job.errorCount > 0 ? `正式导入（跳过 ${job.errorCount} 行有误的）` : '正式导入'}
          </ActionButton>
        )}
      </View>
      {!job && (
        <Paragraph muted small>
          试运行会检查每一行（身份证号校验位、区县、文件内重复、日期先后），不写入任何数据。
        </Paragraph>
      )}
      {wizard.importError && <Notice tone='error'>没能开始导入：{fileRefusalText(wizard.importError)}</Notice>}
    </>
  )
}

function Wizard() {
  const wizard = useImportWizard()
  const at = !wizard.preview ? 0 : !wizard.dryRun.job ? 1 : 2
  return (
    <View className='registry-import'>
      <Steps at={at} />
      <Card title='1. 选择文件'>
        <FilePicker onChosen={wizard.choose} disabled={wizard.previewing} />
        {wizard.file && (
          <Paragraph small>
            已选择：{wizard.file.name}（{Math.max(1, Math.round(wizard.file.size / 1024))} KB）
          </Paragraph>
        )}
        {wizard.wrongType && <Notice tone='error'>只能导入 CSV 或 XLSX 文件，请另存为这两种格式后再选择。</Notice>}
        {wizard.previewing && <Paragraph muted>正在读取文件…</Paragraph>}
        {wizard.previewError && <Notice tone='error'>{fileRefusalText(wizard.previewError)}</Notice>}
      </Card>
      {wizard.preview && (
        <>
          <PreviewRows preview={wizard.preview} />
          <MappingTable preview={wizard.preview} mapping={wizard.mapping} onChange={wizard.setColumn} />
          <DryRunPart wizard={wizard} />
        </>
      )}
    </View>
  )
}

/** A started import, from the page's address: its progress every second, then its report. */
function JobView({ jobId }: { jobId: string }) {
  const { job, error } = useImportJob(jobId)
  return (
    <View className='registry-import'>
      <Steps at={3} />
      {!job && !error && <Paragraph muted>正在读取导入进度…</Paragraph>}
      {error && !job && (
        <Notice tone='error'>
          {error.code === 'NOT_FOUND' ? '没有这次导入的记录（只有发起导入的人和管理员能看到）。' : error.message}
        </Notice>
      )}
      {error && job && <Paragraph muted>网络不稳，进度暂时没有更新，正在重试…</Paragraph>}
      {job && <ImportReport job={job} />}
      {(!job || job.status !== 'running') && (
        <View className='registry-actions'>
          <ActionButton onClick={goBack}>返回名单</ActionButton>
          <ActionButton variant='secondary' onClick={() => replacePage(importUrl())}>
            导入另一个文件
          </ActionButton>
        </View>
      )}
    </View>
  )
}

/**
 * 导入: a CSV or XLSX from the bureau's spreadsheets → the first rows and the column mapping → 试运行 (writes
 * nothing, reports each refused row) → 正式导入, whose progress page keeps the job in its address.
 */
export function ImportWizard({ jobId }: { jobId?: string }) {
  return jobId ? <JobView key={jobId} jobId={jobId} /> : <Wizard />
}
