import { Text } from '@tarojs/components'

/** 第 2 步，共 4 步：… — where the person is in the booking, said under the page title. */
export function StepLine({ step, of = 4, what }: { step: number; of?: number; what: string }) {
  const text = `第 ${step} 步，共 ${of} 步：${what}`
  if (process.env.TARO_ENV === 'h5') return <p className='step'>{text}</p>
  return <Text className='step'>{text}</Text>
}
