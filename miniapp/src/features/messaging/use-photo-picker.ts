import Taro from '@tarojs/taro'
import type { Upload } from '@veterans/shared'
import { useCallback, useRef, useState } from 'react'
import { messagingApi, toApiError } from '../../api'
import { MAX_PHOTOS } from './limits'

export interface PickedPhoto {
  /** The phone's copy (a temp file on WeChat, a blob: URL in the browser), shown as the thumbnail. */
  localPath: string
  state: 'uploading' | 'done' | 'failed'
  upload?: Upload
  error?: string
}

/**
 * Photos for a message: chosen with Taro.chooseImage (compressed by the phone first: smaller, faster on a weak
 * network), each uploaded at once; at most four. Failed ones can be tried again or removed.
 */
export function usePhotoPicker() {
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  const current = useRef(photos)
  current.current = photos

  const update = (localPath: string, change: Partial<PickedPhoto>) =>
    setPhotos((list) => list.map((p) => (p.localPath === localPath ? { ...p, ...change } : p)))

  const upload = useCallback(async (localPath: string) => {
    update(localPath, { state: 'uploading', error: undefined })
    try {
      const result = await messagingApi.uploadPhoto(localPath)
      update(localPath, { state: 'done', upload: result })
    } catch (error) {
      update(localPath, { state: 'failed', error: toApiError(error).message })
    }
  }, [])

  const room = MAX_PHOTOS - photos.length

  const choose = useCallback(async () => {
    const count = MAX_PHOTOS - current.current.length
    if (count <= 0) return
    let paths: string[]
    try {
      const result = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      paths = result.tempFilePaths.slice(0, count)
    } catch {
      return // the person closed the chooser
    }
    const fresh = paths.filter((path) => !current.current.some((p) => p.localPath === path))
    setPhotos((list) => [...list, ...fresh.map((localPath) => ({ localPath, state: 'uploading' as const }))])
    await Promise.all(fresh.map((path) => upload(path)))
  }, [upload])

  const remove = useCallback(
    (localPath: string) => setPhotos((list) => list.filter((p) => p.localPath !== localPath)),
    []
  )
  const clear = useCallback(() => setPhotos([]), [])

  return {
    photos,
    room,
    choose,
    remove,
    retry: upload,
    clear,
    uploading: photos.some((p) => p.state === 'uploading'),
    failed: photos.some((p) => p.state === 'failed'),
    uploads: photos.flatMap((p) => (p.upload ? [p.upload] : []))
  }
}
