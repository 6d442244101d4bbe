import type { Me } from '@veterans/shared'
import { useDidShow } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { staffRegistryApi, useAction, useRequest } from '../../api'
import { keepDownloadedFile } from './download'
import {
  currentCursor,
  exportFileName,
  exportQuery,
  FIRST_PAGE,
  nextPage,
  NO_FILTERS,
  previousPage,
  veteranQuery,
  type RegistryFilters
} from './list-query'
import { useRegistryScope } from './use-registry-scope'

/**
 * 退役军人信息: the records in the staff member's scope, filtered and paged (by the server's cursor, with the
 * total), and the export of what the filters select.
 */
export function useVeteranList(me: Me) {
  const scope = useRegistryScope(me)
  const [filters, setFilters] = useState<RegistryFilters>(NO_FILTERS)
  const [searchText, setSearchText] = useState('')
  const [trail, setTrail] = useState(FIRST_PAGE)
  const query = veteranQuery(filters, currentCursor(trail))
  const page = useRequest(() => staffRegistryApi.list(query), JSON.stringify(query))
  const [exported, setExported] = useState('')

  // Back from a record, the form or an import: the list shows the records as they are now.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void page.reload()
    shown.current = true
  })

  const setFilter = <K extends keyof RegistryFilters>(name: K, value: RegistryFilters[K]) => {
    setFilters((f) => ({ ...f, [name]: value }))
    setTrail(FIRST_PAGE)
  }
  const search = () => setFilter('q', searchText.trim())
  const clearAll = () => {
    setSearchText('')
    setFilters(NO_FILTERS)
    setTrail(FIRST_PAGE)
  }

  const exportAction = useAction(async (format: 'csv' | 'xlsx') => {
    setExported('')
    const path = await staffRegistryApi.exportFile(exportQuery(filters, format))
    setExported(await keepDownloadedFile(path, exportFileName(format)))
  })

  return {
    scope,
    filters,
    setFilter,
    searchText,
    setSearchText,
    search,
    clearAll,
    filtered: filters !== NO_FILTERS && JSON.stringify(filters) !== JSON.stringify(NO_FILTERS),
    page,
    pageIndex: trail.index,
    hasNext: !!page.data?.nextCursor,
    hasPrevious: trail.index > 0,
    next: () => setTrail((t) => nextPage(t, page.data?.nextCursor ?? null)),
    previous: () => setTrail(previousPage),
    exportAction,
    exported
  }
}

export type VeteranListState = ReturnType<typeof useVeteranList>
