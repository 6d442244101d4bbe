import Taro from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import type { Upload } from '@veterans/shared'
import { useEffect, useRef, useState } from 'react'
import { messagingApi } from '../../api'
import { a11y, ActionButton, Paragraph, Term } from '../../components'
import { MAX_PHOTOS } from './limits'
import type { usePhotoPicker } from './use-photo-picker'
import './messaging.css'

const isH5 = process.env.TARO_ENV === 'h5'

/** A thumbnail that opens the photo full screen (Taro.previewImage: WeChat's viewer, or Taro's in the browser). */
function PhotoButton({ src, label, onOpen }: { src: string; label: string; onOpen: () => void }) {
  if (isH5) {
    return (
      <button type='button' className='photo__open' aria-label={label} onClick={onOpen}>
        <img className='photo__img' src={src} alt='' />
      </button>
    )
  }
  return (
    <Button className='photo__open' ariaLabel={label} onClick={onOpen}>
      <Image className='photo__img' src={src} mode='aspectFill' />
    </Button>
  )
}

function Note({ children }: { children: string }) {
  return isH5 ? <span className='photo__note'>{children}</span> : <Text className='photo__note'>{children}</Text>
}

function preview(urls: string[], current: string) {
  void Taro.previewImage({ urls, current }).catch(() => {})
}

/** The photos chosen for a message being written: thumbnails with 删除 (and 重试 when an upload failed), and 添加照片. */
export function PickedPhotos({ picker, what = '问题' }: { picker: ReturnType<typeof usePhotoPicker>; what?: string }) {
  const { photos, room, choose, remove, retry } = picker
  const local = photos.map((p) => p.localPath)
  return (
    <View className='field'>
      <Paragraph strong>照片（选填，最多 {MAX_PHOTOS} 张）</Paragraph>
      <Paragraph muted small>
        拍下证件、通知单等，能帮工作人员看清您的{what}。
      </Paragraph>
      {photos.length > 0 && (
        <View className='photos' {...a11y('list')}>
          {photos.map((photo, index) => (
            <View className='photo' key={photo.localPath} {...a11y('listitem')}>
              <PhotoButton
                src={photo.localPath}
                label={`查看第 ${index + 1} 张照片`}
                onOpen={() => preview(local, photo.localPath)}
              />
              {photo.state === 'uploading' && <Note>正在上传…</Note>}
              {photo.state === 'failed' && <Note>{`上传失败：${photo.error ?? ''}`}</Note>}
              {photo.state === 'failed' && (
                <ActionButton
                  variant='secondary'
                  label={`重新上传第 ${index + 1} 张照片`}
                  onClick={() => void retry(photo.localPath)}
                >
                  重试
                </ActionButton>
              )}
              <ActionButton
                variant='secondary'
                label={`删除第 ${index + 1} 张照片`}
                onClick={() => remove(photo.localPath)}
              >
                删除
              </ActionButton>
            </View>
          ))}
        </View>
      )}
      {room > 0 && (
        <ActionButton variant='secondary' onClick={() => void choose()}>
          {photos.length === 0 ? (
            '添加照片'
          ) : (
            // One Text (the button lays out its children as flex items), the count in brackets kept whole.
            <Text>
              再添加照片<Term>（还能加 {room} 张）</Term>
            </Text>
          )}
        </ActionButton>
      )}
    </View>
  )
}

/**
 * The photos of a message. They are served only with the person's token, so each is fetched first
 * (Taro.downloadFile with the Authorization header) and shown from the phone's copy.
 */
export function MessagePhotos({ attachments, owner }: { attachments: readonly Upload[]; owner: string }) {
  // The phone's copy of each photo, by id; null: it could not be fetched.
  const [files, setFiles] = useState<Record<string, string | null>>({})
  // The attachments of a message never change: fetch when their ids do (a new array each render is no change).
  const key = attachments.map((a) => a.id).join(',')
  const current = useRef(attachments)
  current.current = attachments
  useEffect(() => {
    let active = true
    for (const attachment of current.current) {
      const keep = (path: string | null) => {
        if (active) setFiles((held) => ({ ...held, [attachment.id]: path }))
      }
      messagingApi.photoFile(attachment.url).then(keep, () => keep(null))
    }
    return () => {
      active = false
    }
  }, [key])
  if (attachments.length === 0) return null
  const ready = attachments.map((a) => files[a.id]).filter((f): f is string => typeof f === 'string')
  return (
    <View className='photos' {...a11y('list', `${owner}的照片`)}>
      {attachments.map((attachment, index) => {
        const file = files[attachment.id]
        const label = `${owner}的第 ${index + 1} 张照片，点按放大`
        return (
          <View className='photo' key={attachment.id} {...a11y('listitem')}>
            {typeof file === 'string' ? (
              <PhotoButton src={file} label={label} onOpen={() => preview(ready, file)} />
            ) : (
              <Note>{file === null ? '照片暂时打不开' : '正在读取照片…'}</Note>
            )}
          </View>
        )
      })}
    </View>
  )
}
