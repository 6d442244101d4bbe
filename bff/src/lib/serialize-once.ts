import type { FastifyReply } from 'fastify'

const serialized = new WeakMap<object, string>()

/**
 * Sends an answer that a service keeps as one object while it stays right (a cached slot list, say), serialized
 * through the route's response schema the first time only: a JSON string with a JSON content type is sent as is.
 */
export function sendSerializedOnce(reply: FastifyReply, answer: object) {
  let body = serialized.get(answer)
  // A schema serializer (fast-json-stringify) returns a string.
  if (body === undefined) serialized.set(answer, (body = reply.serialize(answer) as string))
  return reply.type('application/json; charset=utf-8').send(body)
}
