import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton, Card, ConfirmInline, Notice, Paragraph } from '../../components'
import { ExportView } from '../../features/my-data/export-view'
import { saveExportFile, type ExportFile } from '../../features/my-data/save-export'
import { useMyData, type PreparedExport } from '../../features/my-data/use-my-data'
import { PAGES } from '../../shell/navigation'
import { SignedInPage } from '../../shell/session/signed-in-page'
import { isStaff } from '../../shell/session/use-require-session'

const IN_BROWSER = process.env.TARO_ENV === 'h5'

export default function MyDataPage() {
  const { exportData, closeAccount } = useMyData()
  const [exported, setExported] = useState<PreparedExport | null>(null)
  const [note, setNote] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)

  const save = async (file: ExportFile) => {
    try {
      await saveExportFile(file)
      setNote({
        tone: 'success',
        text: IN_BROWSER
          ? `已下载“${file.name}”，在浏览器的“下载”里可以找到。`
          : `已发送“${file.name}”，在聊天里点开就能查看和保存。`
      })
    } catch {
      setNote({
        tone: 'error',
        text: IN_BROWSER
          ? '没能下载，请换一个浏览器再试。'
          : '没有发送文件。请再点一次，在弹出的窗口里选择“文件传输助手”或家人。'
      })
    }
  }

  return (
    <SignedInPage title='我的数据' purpose='查看平台保存的您的数据' back>
      {(me) => (
        <>
          <Card title='查看平台保存的我的数据'>
            <Paragraph>
              按照《个人信息保护法》，您可以查看本平台保存的关于您的全部信息，包括完整的身份证号和手机号。
            </Paragraph>
            {exportData.error && <Notice tone='error'>{exportData.error.message}</Notice>}
            <ActionButton
              size='key'
              busy={exportData.pending}
              busyText='正在导出…'
              onClick={() =>
                void exportData.run().then((prepared) => {
                  if (!prepared) return
                  setExported(prepared)
                  setNote(null)
                })
              }
            >
              {exported ? '重新导出' : '导出我的数据'}
            </ActionButton>
            {exported && (
              <>
                <Paragraph>
                  可以把数据保存成文件留底：阅读版是中文的文本文件，数据版是供电脑程序读取的 JSON 文件。
                </Paragraph>
                <ActionButton variant='secondary' onClick={() => void save(exported.files.text)}>
                  {IN_BROWSER ? '下载阅读版（文本文件）' : '保存阅读版（文本文件）'}
                </ActionButton>
                <ActionButton variant='secondary' onClick={() => void save(exported.files.json)}>
                  {IN_BROWSER ? '下载数据版（JSON 文件）' : '保存数据版（JSON 文件）'}
                </ActionButton>
              </>
            )}
            {note && <Notice tone={note.tone}>{note.text}</Notice>}
          </Card>
          {exported && <ExportView readable={exported.readable} />}
          {!isStaff(me) && (
            <Card title='注销账号'>
              <Paragraph>
                注销后，您的账号、手机号、家人关联和登录记录会被删除，无法恢复。退役军人事务局的登记档案不受影响。
              </Paragraph>
              {closeAccount.error && <Notice tone='error'>{closeAccount.error.message}</Notice>}
              <ConfirmInline
                trigger='注销账号'
                question='真的要注销账号吗？注销后需要重新认证身份、重新关联家人。'
                confirm='确认注销'
                busy={closeAccount.pending}
                onConfirm={() =>
                  void closeAccount.run().then((done) => done && void Taro.switchTab({ url: PAGES.home }))
                }
              />
            </Card>
          )}
        </>
      )}
    </SignedInPage>
  )
}
