import { View, Text } from '@tarojs/components'
import { maskPhone } from '@veterans/shared/rules'

export default function Index() {
  return <View><Text>首页 {maskPhone('13800138000')}</Text></View>
}
