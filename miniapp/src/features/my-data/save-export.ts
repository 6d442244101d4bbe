import Taro from '@tarojs/taro'
import { downloadInBrowser, fileContent, type ExportFile } from './export-file'

export type { ExportFile }

/**
 * WeChat: writes the file into the mini-program's user folder, then opens WeChat's "send file" sheet, so the person
 * can keep it in a chat (文件传输助手) or forward it. (Taro.openDocument would show it in place, but it opens only
 * office documents and PDF, not text or JSON.)
 */
export async function saveInWechat(file: ExportFile): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.name}`
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: fileContent(file),
      encoding: 'utf8',
      success: () => resolve(),
      fail: reject
    })
  )
  await Taro.shareFileMessage({ filePath, fileName: file.name })
}

/** Saves one file the platform's way. */
export async function saveExportFile(file: ExportFile): Promise<void> {
  if (process.env.TARO_ENV === 'h5') downloadInBrowser(file)
  else await saveInWechat(file)
}
