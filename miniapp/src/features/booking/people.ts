import type { Me } from '@veterans/shared'
import { RELATIONS } from '@veterans/shared/topics'

/** Someone a booking can be for: the person themself (a bound veteran) or a veteran they are linked to as family. */
export interface BookingPerson {
  veteranId: string
  /** 我本人（王建国） / 王*国（您是他的子女） */
  label: string
  /** Short, inside sentences: 您本人 / 王*国 */
  name: string
  self: boolean
}

export function bookingPeople(me: Me): BookingPerson[] {
  const people: BookingPerson[] = []
  if (me.veteran)
    people.push({ veteranId: me.veteran.id, label: `我本人（${me.veteran.name}）`, name: '您本人', self: true })
  for (const link of me.familyOf) {
    if (people.some((p) => p.veteranId === link.veteranId)) continue
    people.push({
      veteranId: link.veteranId,
      label: `${link.veteranNameMasked}（您是他的${RELATIONS[link.relation]}）`,
      name: link.veteranNameMasked,
      self: false
    })
  }
  return people
}

/** Who may book here: veterans and families; staff use the workspace; anyone else binds an identity first. */
export function bookingAccess(me: Me): 'ok' | 'staff' | 'unbound' {
  if (me.role === 'staff' || me.role === 'admin') return 'staff'
  return bookingPeople(me).length > 0 ? 'ok' : 'unbound'
}

/** The person chosen earlier in the flow (carried in the page URL), or the first one. */
export function chosenPerson(
  people: readonly BookingPerson[],
  veteranId: string | undefined
): BookingPerson | undefined {
  return people.find((p) => p.veteranId === veteranId) ?? people[0]
}

/** What to send: nothing for oneself, the veteran's id when booking on their behalf. */
export function veteranIdFor(person: BookingPerson | undefined): string | undefined {
  return person && !person.self ? person.veteranId : undefined
}
