import { createContext, useContext } from 'react'

/**
 * How a shared component opens an in-app page (a NavRow, a link in a policy text). Changing pages is the app
 * shell's business, so components do not import it: the shell provides its opener at the root of the app
 * (src/app.tsx) and components ask for it here.
 */
export const OpenPageContext = createContext<((url: string) => void) | null>(null)

export function useOpenPage(): (url: string) => void {
  const open = useContext(OpenPageContext)
  if (!open) throw new Error('useOpenPage must be used inside <OpenPageContext.Provider>')
  return open
}
