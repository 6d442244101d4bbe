import { refuse, type Refusal } from '../outcome'

// Who may act for a veteran: the veteran's own active account, or an account linked to them as family. Checked
// inside the transaction, not only when the request signed in: an account closed (or a family link removed)
// while the request was on its way books nothing. The facts are looked up lazily, only as far as needed.

export interface Standing {
  /** The account is the veteran's own, and active. */
  isOwnAccount(): Promise<boolean>
  /** The account is linked to the veteran as family (the link not removed). */
  isLinked(): Promise<boolean>
}

/** A booking or 候补 is made for oneself or, saying so (viaLink), for a linked veteran. */
export async function actingRefusal(viaLink: boolean, standing: Standing): Promise<Refusal | null> {
  if (viaLink) return (await standing.isLinked()) ? null : refuse('NOT_ELIGIBLE')
  return (await standing.isOwnAccount()) ? null : refuse('UNAUTHENTICATED')
}

/** A waiting entry becomes a booking only while whoever joined may still act for the veteran. */
export async function mayActFor(standing: Standing) {
  return (await standing.isOwnAccount()) || (await standing.isLinked())
}
