import type { ImportJob } from '@veterans/shared'
import { Text, View } from '@tarojs/components'
import { ActionButton, Card, KeyValues, Notice, Paragraph } from '../../components'
import { jobHeadline, progressPercent, progressText } from './import-progress'
import { ProgressBar } from './progress-bar'
import { useErrorsDownload } from './use-import-wizard'

function ErrorRows({ job }: { job: ImportJob }) {
  const download = useErrorsDownload(job.id)
  if (job.errorCount === 0) return null
  const more = job.errorCount > job.errors.length
  return (
    <View className='registry-report__errors'>
      <Paragraph>
        {job.dryRun ? '这些行正式导入时会被跳过，' : '这些行没有导入，'}
        请在原表格中改正后{job.dryRun ? '重新选择文件' : '再导入这些行'}：
      </Paragraph>
      {process.env.TARO_ENV === 'h5' ? (
        <table className='registry-table'>
          <caption className='visually-hidden'>有误的行</caption>
          <thead>
            <tr>
              <th scope='col'>行号</th>
              <th scope='col'>问题</th>
            </tr>
          </thead>
          <tbody>
            {job.errors.map((error) => (
              <tr key={`${error.row}-${error.message}`}>
                <td className='registry-table__num'>第 {error.row} 行</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        job.errors.map((error) => (
          <Text key={`${error.row}-${error.message}`} className='registry-card__line'>
            第 {error.row} 行：{error.message}
          </Text>
        ))
      )}
      {more && (
        <Paragraph muted small>
          这里列出前 {job.errors.length} 行，共 {job.errorCount} 行有误；下载可得到全部。
        </Paragraph>
      )}
      <ActionButton
        variant='secondary'
        busy={download.pending}
        busyText='正在下载…'
        onClick={() => void download.run()}
      >
        下载有误的行（CSV）
      </ActionButton>
      {download.error && <Notice tone='error'>没能下载：{download.error.message}</Notice>}
      {download.done && <Notice tone='success'>{download.done}</Notice>}
    </View>
  )
}

/** An import job: its progress while it runs, then the counts, why it failed (if it did) and the refused rows. */
export function ImportReport({ job }: { job: ImportJob }) {
  const running = job.status === 'running'
  return (
    <Card title={jobHeadline(job)}>
      <View className='registry-report'>
        <ProgressBar
          percent={progressPercent(job)}
          text={progressText(job)}
          label={job.dryRun ? '试运行进度' : '导入进度'}
        />
        {running && (
          <Paragraph muted small>
            可以离开这一页，导入会继续；回到这一页（或刷新）会显示最新进度。
          </Paragraph>
        )}
        {!running && (
          <>
            <View className='registry-kv'>
              <KeyValues
                rows={[
                  ['文件', job.fileName],
                  [job.dryRun ? '将新增' : '新增', `${job.created} 条`],
                  [job.dryRun ? '将更新' : '更新', `${job.updated} 条`],
                  ['无变化', `${job.unchanged} 条`],
                  ['有误', `${job.errorCount} 行`]
                ]}
              />
            </View>
          </>
        )}
        {job.status === 'failed' && <Notice tone='error'>{job.failure ?? '导入中断了，请重新导入这个文件。'}</Notice>}
        <ErrorRows job={job} />
      </View>
    </Card>
  )
}
