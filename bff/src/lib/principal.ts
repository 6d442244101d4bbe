import type { CenterLevel, Role } from '@veterans/shared'

/**
 * The signed-in account behind a request, as fresh as the database (a role change applies at once). The auth
 * plugin finds it for each request (modules/auth/repo.ts); services take it to decide what a person may do.
 */
export interface Principal {
  userId: string
  sessionId: string
  role: Role
  displayName: string
  veteranId: string | null
  center: { id: string; level: CenterLevel; districtCode: string } | null
  /** Staff whose password an admin reset: only GET /me, POST /me/password and /auth/* answer until they change it. */
  mustChangePassword?: boolean
}
