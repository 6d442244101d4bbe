import Taro from '@tarojs/taro'
import { useId } from 'react'
import { ActionButton } from '../../components'
import type { ChosenFile } from '../../api'
import { IMPORT_EXTENSIONS } from './import-progress'

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * Choosing the spreadsheet. The browser: a labelled file input (keyboard and screen readers know it); the file is
 * read from a blob: URL by the upload. WeChat: a file from a chat (Taro.chooseMessageFile), the usual way to get a
 * spreadsheet onto a phone.
 */
export function FilePicker({ onChosen, disabled }: { onChosen: (file: ChosenFile) => void; disabled?: boolean }) {
  const id = useId()
  if (process.env.TARO_ENV === 'h5') {
    return (
      <div className='field'>
        <span className='field__hint' id={`${id}-hint`}>
          CSV 或 XLSX（Excel、WPS 表格可另存为这两种格式）；第一行是列名
        </span>
        {/* The browser's own button speaks English ("Choose File"); the input stays for keyboard and screen
            readers, unseen, and its label is the button people see. */}
        <input
          id={id}
          className='registry-file'
          type='file'
          accept={ACCEPT}
          disabled={disabled}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            const file = event.target.files?.[0]
            if (file) onChosen({ path: URL.createObjectURL(file), name: file.name, size: file.size })
            event.target.value = '' // choosing the same file again (after fixing it) is a new choice
          }}
        />
        <label className='btn btn--secondary registry-file__button' htmlFor={id}>
          选择要导入的文件
        </label>
      </div>
    )
  }
  const choose = async () => {
    try {
      const result = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...IMPORT_EXTENSIONS] })
      const file = result.tempFiles[0]
      if (file) onChosen({ path: file.path, name: file.name, size: file.size })
    } catch {
      // The person closed the chooser.
    }
  }
  return (
    <ActionButton size='key' disabled={disabled} onClick={() => void choose()}>
      从聊天记录中选择文件（CSV 或 XLSX）
    </ActionButton>
  )
}
