import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  IdParamsSchema,
  NoContentSchema,
  PEOPLE_ROLES,
  PolicyCreatedSchema,
  PolicyDetailSchema,
  PolicyInputSchema,
  PolicyMatchListSchema,
  PolicyQuerySchema,
  PolicySearchResultSchema,
  RepealPolicyBodySchema,
  ReturnPolicyBodySchema,
  StaffPolicyListSchema,
  StaffPolicyQuerySchema,
  StaffPolicySchema,
  STAFF_ROLES
} from '@veterans/shared'
import { bearer, bodyMayBeEmpty, responses } from '../../lib/route-schema'
import { principalOf } from '../../plugins/auth'
import { sendSerializedOnce } from '../../lib/serialize-once'
import { policiesForMe } from './for-me'
import { searchPublishedPolicies } from './public-answers'
import * as service from './service'
import * as staff from './staff-service'

/**
 * Policy lookup and authoring. Reading published policies is public-service information and needs no sign-in;
 * "for me" needs the person's registry record; writing is staff work in a two-person workflow.
 */
const policiesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['policies']

  app.get(
    '/policies',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Search published policies',
        description:
          'No sign-in needed. Published policies only (drafts and pending ones never appear). Ordered: in force ' +
          'before not-yet-effective before expired/superseded before repealed; within each, policies whose title or ' +
          'document number holds the whole query, then those whose title and summary do, then body-only hits; then ' +
          'newest first. Chinese is matched by characters and character pairs, so one- and two-character words work; ' +
          'synonyms of veterans’ vocabulary (config/policy-synonyms.json) count as the word itself. relaxed=true: ' +
          'nothing matched a long unspaced term as typed, so its words were matched separately.',
        querystring: PolicyQuerySchema,
        response: responses({ 200: PolicySearchResultSchema }, 400)
      }
    },
    async (request, reply) => sendSerializedOnce(reply, await searchPublishedPolicies(app, request.query))
  )

  app.get(
    '/policies/for-me',
    {
      config: { access: PEOPLE_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: 'Policies that apply to me (or to the veterans I am linked to)',
        description:
          'In-force published policies whose eligibility matches my registry record and those of the veterans I am ' +
          'linked to as family, each with the reasons in Chinese. A policy without eligibility applies to every ' +
          'veteran. 403 NOT_ELIGIBLE for an account with no registry record and no link (bind or be invited first).',
        response: responses({ 200: PolicyMatchListSchema }, 401, 403)
      }
    },
    async (request) => policiesForMe(app, principalOf(request))
  )

  app.get(
    '/policies/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A published policy with its Markdown body',
        description:
          'No sign-in needed. A draft or pending policy is 404 here (staff preview: GET /staff/policies/:id).',
        params: IdParamsSchema,
        response: responses({ 200: PolicyDetailSchema }, 400, 404)
      }
    },
    async (request) => service.getPolicy(app, request.params.id)
  )

  // ---- staff ----

  const staffTags = ['policies (staff)']

  app.get(
    '/staff/policies',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: staffTags,
        security: bearer,
        summary: 'Policies in every workflow state, for the authoring screens',
        description:
          'Drafts, pending and published policies, filterable by workflow and author (mine=true). Without q, most ' +
          'recently edited first; with q, the same search as GET /policies. validity defaults to all here.',
        querystring: StaffPolicyQuerySchema,
        response: responses({ 200: StaffPolicyListSchema }, 400, 401, 403)
      }
    },
    async (request) => staff.listStaffPolicies(app, principalOf(request), request.query)
  )

  app.get(
    '/staff/policies/:id',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: staffTags,
        security: bearer,
        summary: 'A policy in any state: the preview of what readers will see, plus its workflow',
        params: IdParamsSchema,
        response: responses({ 200: StaffPolicySchema }, 400, 401, 403, 404)
      }
    },
    async (request) => staff.getStaffPolicy(app, request.params.id)
  )

  app.post(
    '/staff/policies',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: staffTags,
        security: bearer,
        summary: 'Draft a policy',
        description:
          'Creates a draft. supersedesId names a published policy this one replaces: when this one is approved the ' +
          'older one becomes superseded (not in force from this one’s effectiveFrom) and links to this one.',
        body: PolicyInputSchema,
        response: responses({ 201: PolicyCreatedSchema }, 400, 401, 403)
      }
    },
    async (request, reply) => reply.code(201).send(await staff.createPolicy(app, principalOf(request), request.body))
  )

  /** The schema parts every route on one staff policy shares: the id, and the policy as it is after the step. */
  const onePolicy = (summary: string, description?: string) => ({
    tags: staffTags,
    security: bearer,
    summary,
    ...(description ? { description } : {}),
    params: IdParamsSchema,
    response: responses({ 200: StaffPolicySchema }, 400, 401, 403, 404, 409)
  })

  app.put(
    '/staff/policies/:id',
    {
      config: { access: STAFF_ROLES },
      schema: {
        ...onePolicy(
          'Replace a draft’s content (its author only, drafts only)',
          'Not the author: 403 FORBIDDEN. Not a draft (pending or published): 409 INVALID_STATE.'
        ),
        body: PolicyInputSchema
      }
    },
    async (request) => staff.updatePolicy(app, principalOf(request), request.params.id, request.body)
  )

  app.delete(
    '/staff/policies/:id',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: staffTags,
        security: bearer,
        summary: 'Delete a draft (its author, or an admin)',
        description:
          'Drafts only, audited (policy.delete). Someone else’s draft, not being an admin: 403 FORBIDDEN. Pending ' +
          '(return it to draft first) or published (repeal it instead): 409 INVALID_STATE.',
        params: IdParamsSchema,
        response: responses({ 204: NoContentSchema }, 400, 401, 403, 404, 409)
      }
    },
    async (request, reply) => {
      await staff.deletePolicy(app, principalOf(request), request.params.id)
      return reply.code(204).send(null)
    }
  )

  app.post(
    '/staff/policies/:id/submit',
    {
      config: { access: STAFF_ROLES },
      schema: onePolicy('Submit a draft for approval (draft → pending; its author only)')
    },
    async (request) => staff.submitPolicy(app, principalOf(request), request.params.id)
  )

  app.post(
    '/staff/policies/:id/approve',
    {
      config: { access: STAFF_ROLES },
      schema: onePolicy(
        'Approve and publish (pending → published)',
        'By a staff member or admin other than the author: the author gets 403 SELF_APPROVAL. Publishing a policy ' +
          'that supersedes another marks that one superseded; if it was repealed or superseded meanwhile: 409 INVALID_STATE.'
      )
    },
    async (request) => staff.approvePolicy(app, principalOf(request), request.params.id)
  )

  app.post(
    '/staff/policies/:id/return',
    {
      config: { access: STAFF_ROLES },
      schema: {
        ...onePolicy('Send a pending policy back to draft with a note for its author (pending → draft)'),
        body: ReturnPolicyBodySchema
      }
    },
    async (request) => staff.returnPolicy(app, principalOf(request), request.params.id, request.body)
  )

  app.post(
    '/staff/policies/:id/repeal',
    {
      config: { access: STAFF_ROLES },
      // The reason is optional, so is the body.
      preValidation: bodyMayBeEmpty,
      schema: {
        ...onePolicy(
          'Repeal a published policy',
          'It stays readable with validity repealed. Not published or already repealed: 409 INVALID_STATE.'
        ),
        body: RepealPolicyBodySchema
      }
    },
    async (request) => staff.repealPolicy(app, principalOf(request), request.params.id, request.body)
  )
}

export default policiesRoutes
