/** Seconds left before revealed data is masked again (rounded up, so the last second shows 1, never 0). */
export function secondsLeft(shownAt: number, showForSeconds: number, now: number): number {
  return Math.max(0, Math.ceil((shownAt + showForSeconds * 1000 - now) / 1000))
}

/** A reason to reveal must say something (the server asks for 2–200 characters). */
export function checkRevealReason(reason: string): string | undefined {
  const text = reason.trim()
  if (text.length < 2) return '请写明查看原因（至少 2 个字），或点选一个常用原因'
  if (text.length > 200) return '原因最多 200 个字'
  return undefined
}
