import type { StaffPolicy } from '@veterans/shared'
import { Text, View } from '@tarojs/components'
import { Card } from '../../components'
import { PolicyArticle } from '../policies/policy-article'
import { RelatedServices } from '../policies/related-services'
import '../policies/policies.css'

/** The policy exactly as readers will see it (the same parts as their page), framed so it is not mistaken for the real one. */
export function PolicyPreview({ policy }: { policy: StaffPolicy }) {
  return (
    <Card plain title='预览：居民看到的样子'>
      <View className='preview-frame'>
        {process.env.TARO_ENV === 'h5' ? (
          <p className='title'>{policy.title}</p>
        ) : (
          <Text className='title'>{policy.title}</Text>
        )}
        <PolicyArticle policy={policy} />
        <RelatedServices serviceIds={policy.relatedServiceIds} preview />
      </View>
    </Card>
  )
}
