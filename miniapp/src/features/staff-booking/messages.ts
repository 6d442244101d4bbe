import type { ApiError } from '../../api'

/** A refusal of a staff form in one sentence: the server's field messages when it gave some, else its message. */
export function fieldsOrMessage(error: ApiError): string {
  return error.fields.length > 0 ? error.fields.map((f) => f.message).join('；') : error.message
}
