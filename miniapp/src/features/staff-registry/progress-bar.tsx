import { Text, View } from '@tarojs/components'

/** A bar with its words beside it (已处理 1,200 / 5,000 行); a progressbar with its value in the browser. */
export function ProgressBar({ percent, text, label }: { percent: number; text: string; label: string }) {
  const fill = <View className='registry-progress__fill' style={{ width: `${percent}%` }} />
  return (
    <View className='registry-progress'>
      {process.env.TARO_ENV === 'h5' ? (
        <div
          className='registry-progress__track'
          role='progressbar'
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent}%，${text}`}
        >
          {fill}
        </div>
      ) : (
        <View className='registry-progress__track' ariaLabel={`${label}，${percent}%，${text}`}>
          {fill}
        </View>
      )}
      <Text className='registry-progress__text'>
        {percent}% · {text}
      </Text>
    </View>
  )
}
