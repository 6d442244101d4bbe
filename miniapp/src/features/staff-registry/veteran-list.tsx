import type { Me } from '@veterans/shared'
import { View } from '@tarojs/components'
import { ActionButton, a11y, Card, Notice, Paragraph, SelectField } from '../../components'
import { openPage } from '../../shell/navigation'
import { useWideScreen } from '../staff-messaging/use-wide-screen'
import { filterOptions, VETERAN_CATEGORIES, VETERAN_STATUSES } from './labels'
import { looksLikeIdTail, pageSummary } from './list-query'
import { importUrl, veteranEditUrl } from './paths'
import { RegistrySearch } from './registry-search'
import { useVeteranList, type VeteranListState } from './use-veteran-list'
import { VeteranRows } from './veteran-rows'
import './staff-registry.css'

function Filters({ list }: { list: VeteranListState }) {
  const { filters, setFilter, scope } = list
  return (
    <Card title='查找和筛选'>
      <RegistrySearch value={list.searchText} onChange={list.setSearchText} onSubmit={list.search} />
      {scope.seesAllDistricts && (
        <SelectField
          label='户籍区县'
          options={[
            { value: '', label: '全部区县' },
            ...scope.districts.map((d) => ({ value: d.code, label: d.name }))
          ]}
          value={filters.districtCode}
          onChange={(value) => setFilter('districtCode', value)}
        />
      )}
      <SelectField
        label='人员类别'
        options={filterOptions(VETERAN_CATEGORIES)}
        value={filters.category}
        onChange={(value) => setFilter('category', value)}
      />
      <SelectField
        label='状态'
        options={filterOptions(VETERAN_STATUSES)}
        value={filters.status}
        onChange={(value) => setFilter('status', value)}
      />
      {list.filtered && (
        <ActionButton variant='secondary' onClick={list.clearAll}>
          清除查找和筛选
        </ActionButton>
      )}
    </Card>
  )
}

function Actions({ list }: { list: VeteranListState }) {
  const { exportAction } = list
  return (
    <View className='registry-actions' {...a11y('group', '登记、导入和导出')}>
      <ActionButton inline onClick={() => openPage(veteranEditUrl())}>
        新增
      </ActionButton>
      <ActionButton inline variant='secondary' onClick={() => openPage(importUrl())}>
        导入
      </ActionButton>
      <ActionButton
        inline
        variant='secondary'
        busy={exportAction.pending}
        busyText='正在导出…'
        label='导出 CSV（当前筛选结果）'
        onClick={() => void exportAction.run('csv')}
      >
        导出 CSV
      </ActionButton>
      <ActionButton
        inline
        variant='secondary'
        busy={exportAction.pending}
        busyText='正在导出…'
        label='导出 Excel（当前筛选结果，XLSX 格式）'
        onClick={() => void exportAction.run('xlsx')}
      >
        导出 Excel
      </ActionButton>
    </View>
  )
}

function Results({ list, wide }: { list: VeteranListState; wide: boolean }) {
  const { page, scope, filters } = list
  const data = page.data
  const items = data?.items ?? []
  return (
    <Card plain title={data ? `名单（共 ${data.total} 条）` : '名单'}>
      {page.loading && !data && <Paragraph muted>正在读取…</Paragraph>}
      {page.error && (
        <>
          <Notice tone='error'>没能读取名单：{page.error.message}</Notice>
          <ActionButton variant='secondary' onClick={() => void page.reload()}>
            重试
          </ActionButton>
        </>
      )}
      {data && items.length === 0 && (
        <Paragraph muted>
          {filters.q && looksLikeIdTail(filters.q)
            ? `没有身份证号以 ${filters.q} 结尾、也没有姓名含“${filters.q}”的记录。`
            : list.filtered
              ? '没有符合条件的记录。可以换个查找词，或清除筛选。'
              : '还没有记录。可以新增一条，或导入表格。'}
        </Paragraph>
      )}
      {items.length > 0 && <VeteranRows items={items} wide={wide} districtName={scope.districtName} />}
      {data && items.length > 0 && (
        <View className='registry-pager'>
          <Paragraph muted small>
            {pageSummary(data.total, list.pageIndex, items.length)}
            {page.loading ? '（正在更新…）' : ''}
          </Paragraph>
          {(list.hasPrevious || list.hasNext) && (
            <View className='registry-pager__buttons'>
              <ActionButton inline variant='secondary' disabled={!list.hasPrevious} onClick={list.previous}>
                上一页
              </ActionButton>
              <ActionButton inline variant='secondary' disabled={!list.hasNext} onClick={list.next}>
                下一页
              </ActionButton>
            </View>
          )}
        </View>
      )}
    </Card>
  )
}

/**
 * 退役军人信息: find records in one's scope by name or ID tail, filter by district (city-wide staff), category and
 * status; add one, import a spreadsheet, export what the filters select. At a desk the filters sit beside a table.
 */
export function VeteranList({ me }: { me: Me }) {
  const list = useVeteranList(me)
  const wide = useWideScreen()
  const status = (
    <>
      {list.exportAction.error && <Notice tone='error'>没能导出：{list.exportAction.error.message}</Notice>}
      {list.exported && <Notice tone='success'>{list.exported}</Notice>}
    </>
  )
  return (
    <View className={wide ? 'registry registry--wide' : 'registry'}>
      <View className='registry__side'>
        <Filters list={list} />
      </View>
      <View className='registry__main'>
        <Actions list={list} />
        {status}
        <Results list={list} wide={wide} />
      </View>
    </View>
  )
}
