/**
 * How long the cancellation cut-off is, as people read it: 2 小时, 90 分钟, 1 天. The BFF's refusals and the
 * mini-program's marks and warnings say it with this one function, so both sides always name the same length.
 */
export function cutoffText(minutes: number): string {
  if (minutes > 0 && minutes % (24 * 60) === 0) return `${minutes / (24 * 60)} 天`
  return minutes > 0 && minutes % 60 === 0 ? `${minutes / 60} 小时` : `${minutes} 分钟`
}
