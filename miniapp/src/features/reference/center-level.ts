import type { Center } from '@veterans/shared'

// The level of a service center said as its area really is. The data knows only four levels (city, district,
// street, community); whether a district is a 区 or a 县, and a street a 街道 or a 镇/乡, is in the names.

/** The part of a name before the center itself: 临河县城关镇退役军人服务站 → 临河县城关镇. */
function placeOf(name: string): string {
  const at = name.indexOf('退役军人')
  return at > 0 ? name.slice(0, at) : name
}

/** 区级, 县级 or 县级市, from the district's name (or else the center's own). */
function districtLevel(place: string): string {
  if (/县$/.test(place)) return '县级'
  if (/区$/.test(place)) return '区级'
  if (/市$/.test(place)) return '县级市'
  if (/旗$/.test(place)) return '旗级'
  return '区县级'
}

/** 街道 or 乡镇, from the last word of the place: 解放街道 → 街道, 城关镇 → 乡镇. */
function streetLevel(place: string): string {
  if (/街道$/.test(place)) return '街道'
  if (/[镇乡]$/.test(place)) return '乡镇'
  return '乡镇街道'
}

/**
 * The badge beside a center's name: 市级, 区级 / 县级, 街道 / 乡镇, 社区 / 村. `districtName` (from GET /districts)
 * is the surer source for a district center; without it the center's own name is read.
 */
export function centerLevelLabel(center: Pick<Center, 'name' | 'level'>, districtName?: string): string {
  const place = placeOf(center.name)
  switch (center.level) {
    case 'city':
      return '市级'
    case 'district':
      return districtLevel(districtName ?? place)
    case 'street':
      return streetLevel(place)
    case 'community':
      return /村$/.test(place) ? '村' : '社区'
  }
}
