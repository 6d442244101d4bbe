import type { ApiError } from '../../api'
import { Notice } from '../../components'
import { wayOn } from '../../shell/navigation'

/** A detail page opened without an id: nothing to read, so say so (not 正在读取… for ever) and offer the way on. */
export function NoIdNotice({ what }: { what: string }) {
  return (
    <Notice tone='error' action={wayOn()}>
      没有指明要看哪{what}。
    </Notice>
  )
}

/**
 * The record of a page could not be read, so nothing else is shown: gone (NOT_FOUND) leads on with `wayOn()`,
 * anything else (the network) offers another try. Beside a list that stays on screen (the inbox's pane) there is no
 * dead end: `besideList` leaves the way on out.
 */
export function LoadFailedNotice({
  error,
  notFound,
  retry,
  besideList = false
}: {
  error: ApiError
  notFound: string
  retry: () => void
  besideList?: boolean
}) {
  const gone = error.code === 'NOT_FOUND'
  const action = gone ? (besideList ? undefined : wayOn()) : { label: '重试', onClick: retry }
  return (
    <Notice tone='error' action={action}>
      {gone ? notFound : error.message}
    </Notice>
  )
}
