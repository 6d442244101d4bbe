import { useShareAppMessage } from '@tarojs/taro'
import { ActionButton, Card, Notice, Paragraph } from '../../../components'
import { askStaffAbout } from '../../../features/policies/ask-staff'
import { policyUrl } from '../../../features/policies/paths'
import { PolicyArticle } from '../../../features/policies/policy-article'
import { RelatedServices } from '../../../features/policies/related-services'
import { SharePolicy } from '../../../features/policies/share-policy'
import { usePolicy } from '../../../features/policies/use-policy'
import { openPage, PAGES, pageParam } from '../../../shell/navigation'
import { Page } from '../../../shell/page'

export default function PolicyPage() {
  const id = pageParam('id') ?? ''
  const policy = usePolicy(id)
  const data = policy.data
  useShareAppMessage(() => ({ title: data?.title ?? 'M市退役军人政策', path: policyUrl(id) }))

  return (
    <Page title={data?.title ?? '政策详情'} back>
      {policy.loading && !data && <Paragraph muted>正在读取政策…</Paragraph>}
      {(!id || policy.error) && (
        <>
          <Notice tone='error'>
            {!id || policy.error?.code === 'NOT_FOUND'
              ? '没有找到这份政策，它可能已被撤回。'
              : `没能读取政策：${policy.error?.message}`}
          </Notice>
          {policy.error && policy.error.code !== 'NOT_FOUND' && (
            <ActionButton variant='secondary' onClick={() => void policy.reload()}>
              重试
            </ActionButton>
          )}
          <ActionButton variant='secondary' onClick={() => openPage(PAGES.policies)}>
            去查找政策
          </ActionButton>
        </>
      )}
      {data && (
        <>
          <PolicyArticle policy={data} />
          {data.validity !== 'repealed' && <RelatedServices serviceIds={data.relatedServiceIds} />}
          <Card title='还有疑问？'>
            <Paragraph>不清楚自己是否符合条件、怎么办理，可以问问工作人员。</Paragraph>
            <ActionButton variant='secondary' onClick={() => askStaffAbout({ policyId: data.id })}>
              咨询工作人员
            </ActionButton>
            <SharePolicy />
          </Card>
        </>
      )}
    </Page>
  )
}
