import { MATRIX } from './matrix'
import { viewOf } from './objects'
import { KINDS, ROLES, type Answer, type Kind, type Role } from './roles'

/** One request of the matrix: a route, fired by a role at an object of a kind, and the answer due. */
export interface Cell {
  route: string
  role: Role
  kind: Kind | null
  answer: Answer
  ref?: unknown
}

/** The cells the matrix declares, and what is wrong with the declaration itself. */
export function expandMatrix() {
  const cells: Cell[] = []
  const problems: string[] = []
  for (const [route, entry] of Object.entries(MATRIX)) {
    for (const role of ROLES) {
      const declared = entry.expect[role]
      if (!entry.object) {
        if (typeof declared === 'object') problems.push(`${route}: ${role} has answers per object kind, but no object`)
        else cells.push({ route, role, kind: null, answer: declared })
        continue
      }
      const view = viewOf(entry.object, role)
      const kinds = KINDS.filter((k) => view[k])
      if (typeof declared !== 'object') {
        for (const kind of kinds) cells.push({ route, role, kind, answer: declared, ref: view[kind] })
        continue
      }
      const undeclared = kinds.filter((k) => declared[k] === undefined)
      const unknown = Object.keys(declared).filter((k) => !kinds.includes(k as Kind))
      if (undeclared.length) problems.push(`${route}: ${role} declares no answer for ${undeclared.join(', ')}`)
      if (unknown.length) problems.push(`${route}: ${role} has no ${unknown.join(', ')} object (objects.ts)`)
      for (const kind of kinds) {
        if (declared[kind] !== undefined) cells.push({ route, role, kind, answer: declared[kind], ref: view[kind] })
      }
    }
  }
  return { cells, problems }
}
