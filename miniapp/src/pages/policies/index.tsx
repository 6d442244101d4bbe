import { View } from '@tarojs/components'
import { useState } from 'react'
// The page frame first: it brings the theme's styles, which the policies' own styles must come after.
import { Page } from '../../shell/page'
import { ChipGroup } from '../../features/policies/chip-group'
import { ForMeView } from '../../features/policies/for-me-view'
import { SearchView } from '../../features/policies/search-view'

type Part = 'search' | 'for-me'
const PARTS = [
  { value: 'search', label: '查找政策' },
  { value: 'for-me', label: '与我相关' }
] as const

export default function PoliciesPage() {
  const [part, setPart] = useState<Part>('search')
  const [forMeOpened, setForMeOpened] = useState(false)
  const show = (next: Part) => {
    setPart(next)
    if (next === 'for-me') setForMeOpened(true)
  }
  // Both parts stay mounted once opened, so switching back keeps the search and its results.
  return (
    <Page title='政策'>
      <ChipGroup label='政策页内容' segmented options={PARTS} value={part} onChange={show} />
      <View className={part === 'search' ? '' : 'is-hidden'}>
        <SearchView />
      </View>
      {forMeOpened && (
        <View className={part === 'for-me' ? '' : 'is-hidden'}>
          <ForMeView />
        </View>
      )}
    </Page>
  )
}
