import { ActionButton, Card, Notice, Paragraph } from '../../components'
import { goToSignIn } from '../../shell/navigation'
import { useSession } from '../../shell/session/session-context'
import { openBookingFor } from './book-service'
import { useServices } from './use-policy'

/**
 * "Book a related service": one button per service the policy names, opening the 预约 tab at that service. In the
 * staff preview the buttons are shown as readers will see them but do nothing.
 */
export function RelatedServices({ serviceIds, preview }: { serviceIds: string[]; preview?: boolean }) {
  const { me } = useSession()
  const services = useServices(serviceIds.length > 0)
  if (serviceIds.length === 0) return null
  const named = (services.data?.items ?? []).filter((service) => serviceIds.includes(service.id))
  return (
    <Card title='预约办理'>
      <Paragraph muted>办理与本政策有关的事，可以先预约，到服务中心少排队。</Paragraph>
      {!me && (
        <>
          <Paragraph>登录后可以预约相关服务。</Paragraph>
          <ActionButton variant='secondary' onClick={() => goToSignIn()}>
            登录
          </ActionButton>
        </>
      )}
      {me && services.loading && !services.data && <Paragraph muted>正在读取服务…</Paragraph>}
      {services.error && <Notice tone='error'>没能读取服务：{services.error.message}</Notice>}
      {named.map((service) => (
        <ActionButton
          key={service.id}
          variant='secondary'
          disabled={preview}
          onClick={() => openBookingFor(service.id)}
        >
          {`预约：${service.name}`}
        </ActionButton>
      ))}
      {preview && <Paragraph muted>这是预览，按钮不能点。</Paragraph>}
    </Card>
  )
}
