import Taro from '@tarojs/taro'

/**
 * WeChat: writes the export to a file in the mini-program's user folder and opens WeChat's "send file" sheet, so the
 * person can keep it in a chat (文件传输助手) or forward it. The browser offers copying instead.
 */
export async function saveExportInWechat(json: string): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/my-data-${Date.now()}.json`
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: json,
      encoding: 'utf8',
      success: () => resolve(),
      fail: reject
    })
  )
  await Taro.shareFileMessage({ filePath, fileName: '我的数据.json' })
}
