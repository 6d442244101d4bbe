import Taro from '@tarojs/taro'
import type { MyDataExport } from '@veterans/shared'
import { useState } from 'react'
import { ActionButton, Card, ConfirmInline, Notice, Paragraph } from '../../components'
import { ExportView } from '../../features/my-data/export-view'
import { saveExportInWechat } from '../../features/my-data/save-export'
import { useMyData } from '../../features/my-data/use-my-data'
import { copyText } from '../../lib/copy-text'
import { PAGES } from '../../shell/navigation'
import { SignedInPage } from '../../shell/session/signed-in-page'
import { isStaff } from '../../shell/session/use-require-session'

export default function MyDataPage() {
  const { exportData, closeAccount } = useMyData()
  const [exported, setExported] = useState<MyDataExport | null>(null)
  const [note, setNote] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)

  const save = async (data: MyDataExport) => {
    const json = JSON.stringify(data, null, 2)
    try {
      if (process.env.TARO_ENV === 'h5') {
        await copyText(json)
        setNote({ tone: 'success', text: '已复制全部数据，可以粘贴保存。' })
      } else {
        await saveExportInWechat(json)
        setNote({ tone: 'success', text: '已生成文件，可以发送到“文件传输助手”保存。' })
      }
    } catch {
      setNote({ tone: 'error', text: '没能保存，请长按下面的文字选择复制。' })
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
              onClick={() => void exportData.run().then((data) => data && setExported(data))}
            >
              {exported ? '重新导出' : '导出我的数据'}
            </ActionButton>
            {exported && (
              <ActionButton variant='secondary' onClick={() => void save(exported)}>
                {process.env.TARO_ENV === 'h5' ? '复制全部数据' : '保存为文件'}
              </ActionButton>
            )}
            {note && <Notice tone={note.tone}>{note.text}</Notice>}
          </Card>
          {exported && <ExportView data={exported} />}
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
