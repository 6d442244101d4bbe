import { readFileSync } from 'node:fs'
import type { Center } from '@veterans/shared'
import { describe, expect, it } from 'vitest'
import { centerLevelLabel } from '../src/features/reference/center-level'

// The demo centers and districts of M City, as the BFF seeds them.
const read = <T>(file: string) =>
  JSON.parse(readFileSync(new URL(`../../config/demo/${file}`, import.meta.url), 'utf8')) as T
const centers = read<Array<Pick<Center, 'name' | 'level' | 'districtCode'>>>('centers.json')
const districts = new Map(read<Array<{ code: string; name: string }>>('districts.json').map((d) => [d.code, d.name]))

const labelOf = (name: string) => {
  const center = centers.find((c) => c.name === name)
  if (!center) throw new Error(`no demo center ${name}`)
  return centerLevelLabel(center)
}

describe('the level shown beside a center', () => {
  it('says 县级 for a county’s center and 区级 for a district’s', () => {
    expect(labelOf('临河县退役军人服务中心')).toBe('县级')
    expect(labelOf('东湖区退役军人服务中心')).toBe('区级')
    expect(labelOf('M市退役军人服务中心')).toBe('市级')
  })

  it('says 乡镇 for a town’s station and 街道 for a street’s', () => {
    expect(labelOf('临河县城关镇退役军人服务站')).toBe('乡镇')
    expect(labelOf('临河县双桥镇退役军人服务站')).toBe('乡镇')
    expect(labelOf('东湖区解放街道退役军人服务站')).toBe('街道')
    expect(labelOf('东湖区幸福社区退役军人服务站')).toBe('社区')
  })

  it('agrees with the district’s own name for every demo center', () => {
    for (const center of centers.filter((c) => c.level === 'district')) {
      const districtName = districts.get(center.districtCode) ?? ''
      const expected = districtName.endsWith('县') ? '县级' : '区级'
      expect(centerLevelLabel(center, districtName)).toBe(expected)
      expect(centerLevelLabel(center)).toBe(expected)
    }
    for (const center of centers.filter((c) => c.level === 'street'))
      expect(centerLevelLabel(center)).toBe(/镇退役/.test(center.name) ? '乡镇' : '街道')
  })

  it('reads a 村 station and a 县级市 from their names', () => {
    expect(centerLevelLabel({ name: '临河县柳树村退役军人服务站', level: 'community' })).toBe('村')
    expect(centerLevelLabel({ name: '河口市退役军人服务中心', level: 'district' })).toBe('县级市')
    expect(centerLevelLabel({ name: '镇海街道退役军人服务站', level: 'street' })).toBe('街道')
  })
})
