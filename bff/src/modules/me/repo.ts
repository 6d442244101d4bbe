import { and, count, eq, isNull, sql } from 'drizzle-orm'
import type { Relation, Role, VeteranCategory } from '@veterans/shared'
import type { Conn, Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { query } from '../../db/query'
import { familyInvites, familyLinks, sessions, users, veterans } from '../../db/schema/index'
import { newId } from '../../lib/ids'
import { revokeAllSessionsIn } from '../auth/repo'

export async function findUser(db: Db, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1)
  return user ?? null
}

export async function findVeteran(db: Db, veteranId: string) {
  const [veteran] = await db.select().from(veterans).where(eq(veterans.id, veteranId)).limit(1)
  return veteran ?? null
}

export async function findVeteranByIdNumberHash(db: Db, idNumberHash: string) {
  const [veteran] = await db.select().from(veterans).where(eq(veterans.idNumberHash, idNumberHash)).limit(1)
  return veteran ?? null
}

/** What GET /me shows of an account: the user, their registry record and their center, in one lookup. */
export interface MeRow {
  id: string
  kind: 'wechat' | 'staff'
  role: Role
  displayName: string
  // Booleans read with query(): 0/1 on SQLite, false/true on PostgreSQL.
  elderMode: 0 | 1 | boolean
  phoneEnc: string | null
  status: 'active' | 'disabled' | 'deleted'
  mustChangePassword: 0 | 1 | boolean
  veteranId: string | null
  veteranName: string | null
  idNumberMasked: string | null
  districtCode: string | null
  veteranCategory: VeteranCategory | null
  centerId: string | null
  centerName: string | null
}
// GET /me runs on every app start and screen refresh, and describes the person in every token pair: plain SQL
// prepared once per connection, since building and preparing a query per call cost more than running it.
const ME_SQL = `SELECT u.id, u.kind, u.role, u.display_name AS displayName, u.elder_mode AS elderMode,
       u.phone_enc AS phoneEnc, u.status, u.must_change_password AS mustChangePassword,
       v.id AS veteranId, v.name AS veteranName, v.id_number_masked AS idNumberMasked,
       v.district_code AS districtCode, v.category AS veteranCategory, c.id AS centerId, c.name AS centerName
  FROM users u LEFT JOIN veterans v ON v.id = u.veteran_id LEFT JOIN centers c ON c.id = u.center_id
 WHERE u.id = ?`

export async function findMeRow(db: Db, userId: string): Promise<MeRow | null> {
  return (await query<MeRow>(db, ME_SQL).get(userId)) ?? null
}

export interface FamilyOfRow {
  linkId: string
  veteranId: string
  veteranName: string
  relation: Relation
  createdAt: string
}
const FAMILY_OF_SQL = `SELECT l.id AS linkId, l.veteran_id AS veteranId, v.name AS veteranName, l.relation,
       l.created_at AS createdAt
  FROM family_links l JOIN veterans v ON v.id = l.veteran_id
 WHERE l.user_id = ? AND l.removed_at IS NULL
 ORDER BY l.created_at`

/** The veterans this account is linked to as a family member. */
export async function listFamilyOf(db: Db, userId: string): Promise<FamilyOfRow[]> {
  return query<FamilyOfRow>(db, FAMILY_OF_SQL).all(userId)
}

/** The family members linked to a veteran's record. */
export async function listFamilyMembers(db: Db, veteranId: string) {
  return db
    .select({
      linkId: familyLinks.id,
      displayName: users.displayName,
      relation: familyLinks.relation,
      createdAt: familyLinks.createdAt
    })
    .from(familyLinks)
    .innerJoin(users, eq(users.id, familyLinks.userId))
    .where(and(eq(familyLinks.veteranId, veteranId), isNull(familyLinks.removedAt)))
    .orderBy(familyLinks.createdAt)
}

export async function updateProfile(
  db: Db,
  userId: string,
  patch: { displayName?: string; elderMode?: boolean; phoneEnc?: string }
) {
  await db
    .update(users)
    .set({ ...patch, updatedAt: new Date().toISOString() })
    .where(eq(users.id, userId))
}

/** A WeChat account's role follows from its links: bound → veteran, linked → family, otherwise resident. */
async function refreshWechatRole(tx: Conn, userId: string) {
  const [user] = await tx
    .select({ kind: users.kind, veteranId: users.veteranId })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1)
  if (!user || user.kind !== 'wechat') return
  const [linked] = await tx
    .select({ n: count() })
    .from(familyLinks)
    .where(and(eq(familyLinks.userId, userId), isNull(familyLinks.removedAt)))
  const links = linked?.n ?? 0
  const role: Role = user.veteranId ? 'veteran' : links > 0 ? 'family' : 'resident'
  await tx.update(users).set({ role }).where(eq(users.id, userId))
}

export type BindResult = 'bound' | 'bound_elsewhere' | 'account_has_other_record'

/**
 * Binds an account to a registry record. The partial unique index on users.veteran_id decides races between
 * two accounts claiming one record.
 */
export async function bindVeteran(db: Db, userId: string, veteranId: string): Promise<BindResult> {
  return groupCommit(db, async (tx): Promise<BindResult> => {
    const [user] = await tx.select({ veteranId: users.veteranId }).from(users).where(eq(users.id, userId)).limit(1)
    if (user?.veteranId === veteranId) return 'bound'
    if (user?.veteranId) return 'account_has_other_record'
    const [holder] = await tx.select({ id: users.id }).from(users).where(eq(users.veteranId, veteranId)).limit(1)
    if (holder) return 'bound_elsewhere'
    await tx.update(users).set({ veteranId, updatedAt: new Date().toISOString() }).where(eq(users.id, userId))
    await refreshWechatRole(tx, userId)
    return 'bound'
  })
}

export async function createFamilyInvite(
  db: Db,
  input: { codeHash: string; veteranId: string; userId: string; expiresAt: string }
) {
  await db.insert(familyInvites).values({
    id: newId(),
    codeHash: input.codeHash,
    veteranId: input.veteranId,
    createdBy: input.userId,
    createdAt: new Date().toISOString(),
    expiresAt: input.expiresAt
  })
}

/**
 * Uses an invite code once: marks it used and links the account in one transaction, so one code makes one link
 * however many people try it at the same moment.
 */
export async function redeemFamilyInvite(db: Db, codeHash: string, userId: string, relation: Relation) {
  const now = new Date().toISOString()
  return groupCommit(db, async (tx) => {
    const [invite] = await tx.select().from(familyInvites).where(eq(familyInvites.codeHash, codeHash)).limit(1)
    if (!invite || invite.usedAt || invite.expiresAt <= now) return null
    const [user] = await tx.select({ veteranId: users.veteranId }).from(users).where(eq(users.id, userId)).limit(1)
    if (user?.veteranId === invite.veteranId) return null
    await tx.update(familyInvites).set({ usedAt: now, usedBy: userId }).where(eq(familyInvites.id, invite.id))
    const [existing] = await tx
      .select()
      .from(familyLinks)
      .where(
        and(eq(familyLinks.veteranId, invite.veteranId), eq(familyLinks.userId, userId), isNull(familyLinks.removedAt))
      )
      .limit(1)
    const link = existing ?? {
      id: newId(),
      veteranId: invite.veteranId,
      userId,
      relation,
      createdAt: now,
      removedAt: null
    }
    if (existing) await tx.update(familyLinks).set({ relation }).where(eq(familyLinks.id, existing.id))
    else await tx.insert(familyLinks).values(link)
    await refreshWechatRole(tx, userId)
    return { linkId: link.id, veteranId: link.veteranId, relation }
  })
}

/** Removes a link if the account is its family member or the veteran it points to; false if neither. */
export async function removeFamilyLink(db: Db, linkId: string, userId: string, userVeteranId: string | null) {
  return groupCommit(db, async (tx) => {
    const [link] = await tx
      .select()
      .from(familyLinks)
      .where(and(eq(familyLinks.id, linkId), isNull(familyLinks.removedAt)))
      .limit(1)
    if (!link) return false
    if (link.userId !== userId && link.veteranId !== userVeteranId) return false
    await tx.update(familyLinks).set({ removedAt: new Date().toISOString() }).where(eq(familyLinks.id, linkId))
    await refreshWechatRole(tx, link.userId)
    return true
  })
}

export async function listSessions(db: Db, userId: string) {
  return db
    .select({
      createdAt: sessions.createdAt,
      lastUsedAt: sessions.lastUsedAt,
      revokedAt: sessions.revokedAt,
      expiresAt: sessions.expiresAt
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(sessions.createdAt)
}

/**
 * Closes an account: personal fields erased, links and invites ended, every login revoked. The registry record
 * is the department's own data and stays; it becomes free to bind again.
 */
export async function deleteAccount(db: Db, userId: string) {
  const now = new Date().toISOString()
  await groupCommit(db, async (tx) => {
    await tx
      .update(users)
      .set({
        status: 'deleted',
        role: 'resident',
        openid: null,
        displayName: '已注销用户',
        phoneEnc: null,
        veteranId: null,
        elderMode: false,
        deletedAt: now,
        updatedAt: now
      })
      .where(eq(users.id, userId))
    await tx
      .update(familyLinks)
      .set({ removedAt: now })
      .where(and(eq(familyLinks.userId, userId), isNull(familyLinks.removedAt)))
    await tx
      .update(familyInvites)
      .set({ expiresAt: now })
      .where(
        and(eq(familyInvites.createdBy, userId), isNull(familyInvites.usedAt), sql`${familyInvites.expiresAt} > ${now}`)
      )
    await revokeAllSessionsIn(tx, userId, 'account_deleted', now)
  })
}
