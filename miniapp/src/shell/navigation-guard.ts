import { pathOf } from './navigation-pages'

/**
 * One page change at a time. A double tap, or a second tap because nothing seemed to happen while the next page's
 * code loads on a slow network, must not open the page twice (返回 would then have to be pressed twice).
 *
 * - While a page change is on its way, every further tap is ignored, whatever it asks for: the person is tapping on
 *   a screen that is about to go away.
 * - Just after the page appears (`sameTargetMs`), a request for that same address again is ignored too: it is the
 *   late echo of the tap that opened it (the same page with another query, e.g. another policy, is a new request). Other requests go ahead: they come from the new page, which the person
 *   sees. (In the browser the new page also ignores pointer input for a moment, see navigation.ts, so the second
 *   tap of a double tap does not press whatever button of the new page is under the finger.)
 * - Changes a page asks for by itself as it opens (sign in first) are not taps: they go ahead unless they ask for
 *   the page that is already on its way.
 * - A change that fails frees the way at once; one that never reports back frees it after `maxWaitMs`.
 */
export interface GuardTimings {
  sameTargetMs: number
  maxWaitMs: number
}

export const GUARD_TIMINGS: GuardTimings = { sameTargetMs: 500, maxWaitMs: 8000 }

/** Matches whatever page arrives (going back: the page below is not known by path). */
export const ANY_PAGE = '*'

export type NavigationOrigin = 'tap' | 'page'

export class NavigationGuard {
  private pending: { target: string; since: number } | null = null
  private arrival: { target: string; at: number } | null = null

  constructor(private readonly timings: GuardTimings = GUARD_TIMINGS) {}

  /** Whether a change to `target` may start now; if it may, it is on its way from now on. */
  tryStart(target: string, now: number, origin: NavigationOrigin = 'tap'): boolean {
    this.expire(now)
    if (this.pending && (origin === 'tap' || sameTarget(this.pending.target, target))) return false
    if (this.arrival && target === this.arrival.target) return false
    this.pending = { target, since: now }
    this.arrival = null
    return true
  }

  /** A page was shown. It ends the change on its way if it is the page that change asked for. */
  arrived(path: string, now: number): void {
    if (!this.pending || !sameTarget(this.pending.target, path)) return
    // Going back, only the path of the page that appeared is known: nothing to compare a late echo with.
    this.arrival = this.pending.target === ANY_PAGE ? null : { target: this.pending.target, at: now }
    this.pending = null
  }

  /** The change did not happen: the person may try again at once. */
  failed(target: string): void {
    if (this.pending?.target === target) this.pending = null
  }

  /** Whether a change is still on its way (for a "please wait" sign). */
  isPending(target: string, now: number): boolean {
    this.expire(now)
    return this.pending?.target === target
  }

  private expire(now: number): void {
    if (this.pending && now - this.pending.since >= this.timings.maxWaitMs) this.pending = null
    if (this.arrival && now - this.arrival.at >= this.timings.sameTargetMs) this.arrival = null
  }
}

function sameTarget(a: string, b: string): boolean {
  return a === ANY_PAGE || b === ANY_PAGE || pathOf(a) === pathOf(b)
}
