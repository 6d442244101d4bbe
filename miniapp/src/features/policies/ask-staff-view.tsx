import type { Center } from '@veterans/shared'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { policiesApi, referenceApi, useRequest } from '../../api'
import { ActionButton, Card, Notice, Paragraph, Term } from '../../components'
import { useSession } from '../../shell/session/session-context'
import { openPage } from '../../shell/navigation'
import { newQuestionUrl } from '../messaging/pages'
import { CenterHoursAndAddress, HotlineCard } from '../reference/hotline-card'

function CallButton({ center }: { center: Center }) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className='btn btn--secondary' href={`tel:${center.phone}`}>
        <Text>
          拨打电话 <Term>{center.phone}</Term>
        </Text>
      </a>
    )
  }
  return (
    <ActionButton variant='secondary' onClick={() => void Taro.makePhoneCall({ phoneNumber: center.phone })}>
      <Text>
        拨打电话 <Term>{center.phone}</Term>
      </Text>
    </ActionButton>
  )
}

/**
 * The service centers to phone: the one in the veteran's registered district (the nearest we know of without
 * asking for the phone's location), or else every district's center.
 */
function NearbyCenters() {
  const { me } = useSession()
  const home = me?.veteran?.districtCode
  const centers = useRequest(
    () => referenceApi.centers(home ? { districtCode: home } : {}),
    `centers-${home ?? 'all'}`,
    me !== null
  )
  if (!me) return null
  const district = (centers.data?.items ?? []).filter((c) => c.level === 'district')
  if (centers.error) return <Notice tone='error'>没能读取服务中心电话：{centers.error.message}</Notice>
  if (!centers.data) return <Paragraph muted>正在读取服务中心电话…</Paragraph>
  return (
    <Card title={home ? '您所在区的服务中心' : '各区服务中心电话'}>
      {district.map((center) => (
        <View className='list__item' key={center.id}>
          <Paragraph strong>{center.name}</Paragraph>
          <CenterHoursAndAddress center={center} />
          <CallButton center={center} />
        </View>
      ))}
    </Card>
  )
}

/** What the question is about: the policy (by name and number, to say on the phone) or the search that found nothing. */
function About({ policyId, query }: { policyId?: string; query?: string }) {
  const policy = useRequest(() => policiesApi.get(policyId ?? ''), `ask-${policyId}`, !!policyId)
  if (policyId && policy.data) {
    return (
      <Card title='您想咨询的政策'>
        <Paragraph strong>《{policy.data.title}》</Paragraph>
        <Paragraph>文号：{policy.data.docNumber}</Paragraph>
        <Paragraph muted>打电话时说出文件名称或文号，工作人员能更快帮您查到。</Paragraph>
      </Card>
    )
  }
  if (query) {
    return (
      <Card title='您在找的政策'>
        <Paragraph>您搜索了“{query}”，没有找到合适的政策。工作人员可以帮您查找适用于您的政策。</Paragraph>
      </Card>
    )
  }
  return null
}

/**
 * The ways to ask staff (for links to this older page; 「咨询工作人员」 now opens a written question at once):
 * write to them, phone the hotline or the district's center.
 */
export function AskStaffView({ policyId, query }: { policyId?: string; query?: string }) {
  return (
    <>
      <About policyId={policyId} query={query} />
      <Card title='写信咨询'>
        <Paragraph>写下您的问题，工作人员一般在 1 个工作日内书面答复。</Paragraph>
        <ActionButton size='key' onClick={() => openPage(newQuestionUrl({ policyId, query }))}>
          写信咨询
        </ActionButton>
      </Card>
      <HotlineCard />
      <NearbyCenters />
    </>
  )
}
