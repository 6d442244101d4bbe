import { Card, KeyValues, SelectField } from '../../components'
import type { useStaffCenter } from './use-staff-center'

/** Which center this screen is about: a choice for city-level staff and admins, a plain line for others. */
export function CenterChoice({ staffCenter }: { staffCenter: ReturnType<typeof useStaffCenter> }) {
  const { catalog, canPick, centerId, center, pickCenter } = staffCenter
  if (!canPick) {
    return (
      <Card>
        <KeyValues rows={[['服务中心', center?.name ?? '…']]} />
      </Card>
    )
  }
  return (
    <Card>
      <SelectField
        label='服务中心'
        options={(catalog.data?.centers ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={centerId}
        onChange={pickCenter}
      />
    </Card>
  )
}
