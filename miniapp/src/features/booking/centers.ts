import type { Center, District } from '@veterans/shared'

export interface Coordinates {
  lat: number
  lng: number
}

/** Great-circle distance in metres (haversine); plenty for "which center is nearest" within one city. */
export function distanceMetres(a: Coordinates, b: Coordinates): number {
  const rad = (deg: number) => (deg * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h))
}

/** 850 米 / 3.2 公里 */
export function distanceText(metres: number): string {
  if (metres < 1000) return `${Math.max(10, Math.round(metres / 10) * 10)} 米`
  return `${(metres / 1000).toFixed(1)} 公里`
}

export interface CenterGroup {
  title: string
  centers: { center: Center; distance?: number }[]
}

const LEVEL_ORDER: Record<Center['level'], number> = { city: 0, district: 1, street: 2, community: 3 }

/**
 * Centers in the order a person looks for them: nearest first when the phone's location is known; otherwise by
 * district, the person's own district first, and within a district the bigger centers first.
 */
export function orderCenters(
  centers: readonly Center[],
  districts: readonly District[],
  options: { location?: Coordinates | null; homeDistrict?: string }
): CenterGroup[] {
  if (options.location) {
    const here = options.location
    const located = centers
      .map((center) => ({ center, distance: center.location ? distanceMetres(here, center.location) : undefined }))
      .sort((a, b) => (a.distance ?? Number.POSITIVE_INFINITY) - (b.distance ?? Number.POSITIVE_INFINITY))
    return [{ title: '离您由近到远', centers: located }]
  }
  const districtName = new Map(districts.map((d) => [d.code, d.name]))
  const districtOrder = new Map(districts.map((d, i) => [d.code, i]))
  const rank = (code: string) => (code === options.homeDistrict ? -1 : (districtOrder.get(code) ?? districts.length))
  const codes = [...new Set(centers.map((c) => c.districtCode))].sort((a, b) => rank(a) - rank(b))
  return codes.map((code) => ({
    title: districtName.get(code) ?? '其他',
    centers: centers
      .filter((c) => c.districtCode === code)
      .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.name.localeCompare(b.name, 'zh'))
      .map((center) => ({ center }))
  }))
}
