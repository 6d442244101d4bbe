import { Canvas as TaroCanvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Canvas } from '@antv/f2'
import { useEffect, useId, useRef, useState } from 'react'
import { chartElement, chartHeight } from './chart-spec'
import type { ChartData } from './figures'

type F2Canvas = InstanceType<typeof Canvas>

/** Draws F2's chart on a 2D context of `width` × `height` CSS px; returns the F2 canvas to destroy later. */
function draw(context: CanvasRenderingContext2D, data: ChartData, width: number, height: number, pixelRatio: number) {
  const canvas = new Canvas({
    context,
    pixelRatio,
    width,
    height,
    animate: false,
    padding: [12, 16, 12, 12],
    children: chartElement(data)
  })
  void canvas.render()
  return canvas
}

/**
 * One chart, drawn by F2 on a canvas: a <canvas> in the browser (redrawn when its width changes), WeChat's
 * Canvas type="2d" in the mini-program. The canvas is a picture for sighted readers only (aria-hidden); the
 * figure around it carries the summary in words and a table (chart-figure.tsx).
 */
export function ChartCanvas({ data }: { data: ChartData }) {
  if (process.env.TARO_ENV === 'h5') return <BrowserChart data={data} />
  return <WechatChart data={data} />
}

function BrowserChart({ data }: { data: ChartData }) {
  const ref = useRef<HTMLCanvasElement>(null)
  const [width, setWidth] = useState(0)
  const height = chartHeight(data)
  useEffect(() => {
    const element = ref.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => setWidth(Math.floor(element.parentElement?.clientWidth ?? 0)))
    observer.observe(element.parentElement ?? element)
    return () => observer.disconnect()
  }, [])
  useEffect(() => {
    const element = ref.current
    const context = element?.getContext('2d')
    if (!element || !context || width === 0) return
    const ratio = window.devicePixelRatio || 1
    element.width = width * ratio
    element.height = height * ratio
    element.style.width = `${width}px`
    element.style.height = `${height}px`
    const chart = draw(context, data, width, height, ratio)
    return () => chart.destroy()
  }, [data, width, height])
  return <canvas ref={ref} className='chart__canvas' aria-hidden='true' style={{ height: `${height}px` }} />
}

function WechatChart({ data }: { data: ChartData }) {
  const id = `chart${useId().replace(/[^a-zA-Z0-9]/g, '')}`
  const height = chartHeight(data)
  useEffect(() => {
    let chart: F2Canvas | undefined
    let cancelled = false
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((result: Array<{ node?: HTMLCanvasElement; width: number; height: number } | null>) => {
          const found = result[0]
          const context = found?.node?.getContext('2d')
          if (cancelled || !found?.node || !context) return
          const ratio = Taro.getSystemInfoSync().pixelRatio
          found.node.width = found.width * ratio
          found.node.height = found.height * ratio
          chart = draw(context, data, found.width, found.height, ratio)
        })
    })
    return () => {
      cancelled = true
      chart?.destroy()
    }
  }, [id, data])
  return (
    <View className='chart__box'>
      <TaroCanvas type='2d' id={id} className='chart__canvas' style={`height: ${height}px`} />
    </View>
  )
}
