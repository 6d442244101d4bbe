import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  BindVeteranBodySchema,
  ChangePasswordBodySchema,
  CreateFamilyLinkBodySchema,
  FamilyInviteSchema,
  FamilyLinkSchema,
  FamilyListSchema,
  LinkIdParamsSchema,
  MeSchema,
  MyDataExportSchema,
  NoContentSchema,
  PEOPLE_ROLES,
  STAFF_ROLES,
  UpdateMeBodySchema
} from '@veterans/shared'
import { principalOf } from '../../plugins/auth'
import { sendSerializedOnce } from '../../lib/serialize-once'
import { bearer, responses } from '../../lib/route-schema'
import * as service from './service'
import { changePassword, type LoginsEnded } from './password-service'

/** What other capabilities add to the data export and to closing an account, in order; app.ts composes them. */
export interface MeRoutesOptions {
  exportSections: service.NamedExportSection[]
  accountClosingSteps: service.AccountClosingStep[]
  /** Logins a password change ended elsewhere: their sockets close (app.ts: realtime). */
  loginsEnded?: LoginsEnded
}

/** The signed-in person: profile, identity binding, family, data export and account deletion. */
const meRoutes: FastifyPluginAsyncTypebox<MeRoutesOptions> = async (
  app,
  { exportSections, accountClosingSteps, loginsEnded }
) => {
  const tags = ['me']

  app.post(
    '/me/password',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: 'Change my password (staff)',
        description:
          'The current password is checked (wrong: 401 INVALID_CREDENTIALS); the new one has at least 10 characters ' +
          'and differs from it. Clears mustChangePassword; my other logins end.',
        body: ChangePasswordBodySchema,
        response: responses({ 204: NoContentSchema }, 400, 401, 403)
      }
    },
    async (request, reply) => {
      await changePassword(app, principalOf(request), request.body, loginsEnded)
      return reply.code(204).send(null)
    }
  )

  app.get(
    '/me',
    {
      config: { access: 'authenticated' },
      schema: { tags, security: bearer, summary: 'Who I am', response: responses({ 200: MeSchema }, 401) }
    },
    async (request, reply) => sendSerializedOnce(reply, await service.getMe(app, principalOf(request).userId))
  )

  app.patch(
    '/me',
    {
      config: { access: 'authenticated' },
      schema: { tags, security: bearer, body: UpdateMeBodySchema, response: responses({ 200: MeSchema }, 400, 401) }
    },
    async (request) => service.updateMe(app, principalOf(request).userId, request.body)
  )

  app.post(
    '/me/veteran',
    {
      config: { access: PEOPLE_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: 'Bind my account to my registry record',
        body: BindVeteranBodySchema,
        response: responses({ 200: MeSchema }, 400, 401, 403, 404, 409, 422, 429)
      }
    },
    async (request) => service.bindVeteran(app, principalOf(request), request.body)
  )

  app.post(
    '/me/family-invites',
    {
      config: { access: ['veteran'] },
      schema: {
        tags,
        security: bearer,
        summary: 'Invite a family member',
        response: responses({ 201: FamilyInviteSchema }, 401, 403)
      }
    },
    async (request, reply) => reply.code(201).send(await service.createFamilyInvite(app, principalOf(request)))
  )

  app.post(
    '/me/family-links',
    {
      config: { access: PEOPLE_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: 'Link to a veteran with their invite code',
        body: CreateFamilyLinkBodySchema,
        response: responses({ 201: FamilyLinkSchema }, 400, 401, 403, 404)
      }
    },
    async (request, reply) => reply.code(201).send(await service.linkFamily(app, principalOf(request), request.body))
  )

  app.get(
    '/me/family',
    {
      config: { access: ['veteran'] },
      schema: {
        tags,
        security: bearer,
        summary: 'My linked family members',
        response: responses({ 200: FamilyListSchema }, 401, 403)
      }
    },
    async (request) => service.listFamily(app, principalOf(request))
  )

  app.delete(
    '/me/family/:linkId',
    {
      config: { access: PEOPLE_ROLES },
      schema: {
        tags,
        security: bearer,
        params: LinkIdParamsSchema,
        response: responses({ 204: NoContentSchema }, 401, 403, 404)
      }
    },
    async (request, reply) => {
      await service.removeFamilyLink(app, principalOf(request), request.params.linkId)
      return reply.code(204).send(null)
    }
  )

  app.get(
    '/me/export',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        security: bearer,
        summary: 'Everything held about me (PIPL)',
        response: responses({ 200: MyDataExportSchema }, 401)
      }
    },
    async (request) => service.exportMyData(app, principalOf(request).userId, exportSections)
  )

  app.delete(
    '/me',
    {
      config: { access: PEOPLE_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: 'Close my account',
        response: responses({ 204: NoContentSchema }, 401, 403)
      }
    },
    async (request, reply) => {
      await service.deleteMyAccount(app, principalOf(request).userId, accountClosingSteps)
      return reply.code(204).send(null)
    }
  )
}

export default meRoutes
