import type { Upload } from '@veterans/shared'
import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { messagingApi } from '../../api'
import { Paragraph } from '../../components'

/**
 * A photo of a message. It is fetched with the Authorization header (photos are personal data, never served to a
 * bare link) into a local file, shown small, and opened full screen on a tap.
 */
export function AttachmentPhoto({ upload, label }: { upload: Upload; label: string }) {
  const [file, setFile] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let current = true
    messagingApi.photoFile(upload.url).then(
      (path) => current && setFile(path),
      () => current && setFailed(true)
    )
    return () => {
      current = false
    }
  }, [upload.url])
  if (failed) return <Paragraph muted small>{`${label}没能打开`}</Paragraph>
  if (!file) return <Paragraph muted small>{`${label}正在读取…`}</Paragraph>
  const open = () => void Taro.previewImage({ urls: [file], current: file })
  if (process.env.TARO_ENV === 'h5') {
    return (
      <button type='button' className='entry-photo' aria-label={`全屏查看${label}`} onClick={open}>
        <img className='entry-photo__image' src={file} alt={label} />
      </button>
    )
  }
  return (
    <View className='entry-photo' ariaRole='button' ariaLabel={`全屏查看${label}`} onClick={open}>
      <Image className='entry-photo__image' src={file} mode='aspectFill' ariaLabel={label} />
    </View>
  )
}
