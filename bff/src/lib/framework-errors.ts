import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { errorBody } from './app-error'

/**
 * Fastify's router answers a URL it cannot decode (`%E4%B8`, a lone `%`) or a path parameter over 100 characters
 * before any route or error handler runs, in a body of its own. These are the sender's mistakes: the contract's
 * 400 VALIDATION_FAILED naming the URL.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const message = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? '网址中的编号过长' : '网址格式不正确'
  void reply.code(400).send(errorBody({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'url', message }] } }))
}
