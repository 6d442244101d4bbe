import Taro from '@tarojs/taro'

/**
 * Keeps a file the server made (fetched with Taro.downloadFile). The browser: a download under its own name (the
 * blob: URL behind an <a download>). WeChat: the "send file" sheet, so it can be kept in a chat (文件传输助手) and
 * opened on a computer. Returns what to tell the person.
 */
export async function keepDownloadedFile(tempPath: string, fileName: string): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a')
    link.href = tempPath
    link.download = fileName
    link.rel = 'noopener'
    link.style.display = 'none'
    document.body.appendChild(link)
    link.click()
    link.remove()
    // Some browsers read the Blob only after the click has returned: let it go a little later.
    setTimeout(() => URL.revokeObjectURL(tempPath), 30_000)
    return `已下载 ${fileName}，在浏览器的下载文件夹中。`
  }
  try {
    await Taro.shareFileMessage({ filePath: tempPath, fileName })
    return `已发送 ${fileName}，可以在电脑上打开。`
  } catch {
    return '手机上没能保存文件。请在电脑浏览器中打开工作台，在这一页下载。'
  }
}
