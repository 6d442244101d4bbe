import { Text, View } from '@tarojs/components'
import { a11y, Card, Paragraph } from '../../components'
import { QrCode } from '../../components/qr-code'

/** The check-in code as a QR code to scan at the desk, and as text for staff to type when no scanner is at hand. */
export function CheckInCodeCard({ code }: { code: string }) {
  return (
    <Card title='签到码'>
      <Paragraph>到服务台后打开这一页，请工作人员扫描二维码；也可以把签到码念给工作人员。</Paragraph>
      <View className='qr-box'>
        <QrCode value={code} label={`签到二维码，签到码 ${code}`} />
        {process.env.TARO_ENV === 'h5' ? (
          <p className='code-box check-in-code'>{code}</p>
        ) : (
          <Text
            className='code-box check-in-code'
            userSelect
            {...a11y(undefined, `签到码 ${code.split('').join(' ')}`)}
          >
            {code}
          </Text>
        )}
      </View>
      <Paragraph muted small>
        请把手机屏幕调亮一些，方便扫码。
      </Paragraph>
    </Card>
  )
}
