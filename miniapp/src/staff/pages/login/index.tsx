import { View } from '@tarojs/components'
import { Card, Paragraph } from '../../../components'
import { StaffSignInForm } from '../../../features/staff/staff-sign-in-form'
import { Page } from '../../../shell/page'
import './login.css'

export default function StaffLoginPage() {
  return (
    <Page title='工作人员登录' back>
      <View className='staff-login'>
        <Card>
          <Paragraph>请用服务中心分配的用户名和密码登录。</Paragraph>
          <StaffSignInForm />
        </Card>
      </View>
    </Page>
  )
}
