import type { Center } from '@veterans/shared'
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { ActionButton, Card, KeptText, Paragraph, Term } from '../../components'
import { useSession } from '../../shell/session/session-context'
import { useHotline } from './use-hotline'

/** The bureau's hotline, with a button that dials it. */
export function HotlineCard() {
  const { status } = useSession()
  const { center, loading } = useHotline(status === 'signedIn')
  if (status !== 'signedIn') {
    return (
      <Card title='服务热线'>
        <Paragraph muted>登录后这里会显示市退役军人服务中心的电话和办公时间。</Paragraph>
      </Card>
    )
  }
  if (!center) {
    return (
      <Card title='服务热线'>
        <Paragraph muted>{loading ? '正在读取服务中心电话…' : '暂时读不到服务中心电话，请稍后再看。'}</Paragraph>
      </Card>
    )
  }
  return (
    <Card title='服务热线'>
      <Paragraph strong>{center.name}</Paragraph>
      <Paragraph>
        <KeptText value={`电话：${center.phone}`} />
      </Paragraph>
      <CenterHoursAndAddress center={center} />
      {process.env.TARO_ENV === 'h5' ? (
        <a className='btn btn--secondary' href={`tel:${center.phone}`}>
          <Text>
            拨打服务热线 <Term>{center.phone}</Term>
          </Text>
        </a>
      ) : (
        <ActionButton variant='secondary' onClick={() => void Taro.makePhoneCall({ phoneNumber: center.phone })}>
          <Text>
            拨打服务热线 <Term>{center.phone}</Term>
          </Text>
        </ActionButton>
      )}
    </Card>
  )
}

/** A center's opening hours and address, each kept whole where it can be (长辈版's larger letters). */
export function CenterHoursAndAddress({ center }: { center: Pick<Center, 'openingHours' | 'address'> }) {
  return (
    <>
      <Paragraph muted>
        <KeptText value={`办公时间：${center.openingHours}`} />
      </Paragraph>
      <Paragraph muted>
        <KeptText value={`地址：${center.address}`} />
      </Paragraph>
    </>
  )
}
