import { Canvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo, useRef } from 'react'
import { encodeQr, type QrMatrix } from './qr-code-encoder'
import { a11y } from './a11y'

/** The light border around the symbol that scanners need (4 modules, as the standard asks). */
const QUIET_ZONE = 4

export interface QrCodeProps {
  /** What the code holds, e.g. a check-in code. */
  value: string
  /** Read out by screen readers, e.g. 签到二维码，签到码 5DAJ47. */
  label: string
  /** Width and height in CSS px (logical px on WeChat). */
  size?: number
}

/** One SVG path for all dark modules: compact, and sharp at any zoom. */
function svgPath(matrix: QrMatrix): string {
  const parts: string[] = []
  matrix.modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) parts.push(`M${c + QUIET_ZONE} ${r + QUIET_ZONE}h1v1h-1z`)
    })
  )
  return parts.join('')
}

/**
 * A QR code drawn from our own encoder: an SVG image in the browser, a 2d canvas on WeChat (which has no inline
 * SVG). Dark on white with the quiet zone, so desk scanners and phones read it from a screen.
 */
export function QrCode({ value, label, size = 232 }: QrCodeProps) {
  const matrix = useMemo(() => encodeQr(value), [value])
  if (process.env.TARO_ENV === 'h5') {
    const extent = matrix.size + QUIET_ZONE * 2
    return (
      <svg
        className='qr-code'
        role='img'
        aria-label={label}
        width={size}
        height={size}
        viewBox={`0 0 ${extent} ${extent}`}
        shapeRendering='crispEdges'
        data-qr-version={matrix.version}
      >
        <rect width={extent} height={extent} fill='#ffffff' />
        <path d={svgPath(matrix)} fill='#000000' />
      </svg>
    )
  }
  return <WeappQrCanvas matrix={matrix} label={label} size={size} />
}

let canvasCount = 0

function WeappQrCanvas({ matrix, label, size }: { matrix: QrMatrix; label: string; size: number }) {
  const id = useRef(`qr-code-${++canvasCount}`).current
  useEffect(() => {
    let cancelled = false
    // The canvas node exists only after WeChat has rendered this update.
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((result: Array<{ node?: Taro.Canvas } | null>) => {
          const canvas = result?.[0]?.node
          if (cancelled || !canvas) return
          const ratio = Taro.getWindowInfo?.().pixelRatio ?? 2
          canvas.width = size * ratio
          canvas.height = size * ratio
          const context = canvas.getContext('2d') as CanvasRenderingContext2D
          context.scale(ratio, ratio)
          const extent = matrix.size + QUIET_ZONE * 2
          // Whole device pixels per module keep the edges sharp; the rest is extra quiet zone.
          const moduleSize = Math.floor((size * ratio) / extent) / ratio
          const offset = (size - moduleSize * matrix.size) / 2
          context.fillStyle = '#ffffff'
          context.fillRect(0, 0, size, size)
          context.fillStyle = '#000000'
          matrix.modules.forEach((row, r) =>
            row.forEach((dark, c) => {
              if (dark) context.fillRect(offset + c * moduleSize, offset + r * moduleSize, moduleSize, moduleSize)
            })
          )
        })
    })
    return () => {
      cancelled = true
    }
  }, [id, matrix, size])
  return (
    <View className='qr-code' {...a11y('img', label)}>
      <Canvas type='2d' id={id} style={{ width: `${size}px`, height: `${size}px` }} />
    </View>
  )
}
