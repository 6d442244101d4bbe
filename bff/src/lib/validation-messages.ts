import type { FastifySchemaValidationError } from 'fastify'

/** ajv's English messages, said in Chinese for the person filling in the form. */
function chineseMessage(error: FastifySchemaValidationError): string {
  const p = error.params
  const limit = String(p.limit)
  switch (error.keyword) {
    case 'required':
      return '必填'
    case 'minLength':
      return p.limit === 1 ? '不能为空' : `至少 ${limit} 个字符`
    case 'maxLength':
      return `不能超过 ${limit} 个字符`
    case 'pattern':
    case 'format':
      return '格式不正确'
    case 'enum':
      return '不在可选范围内'
    case 'type':
      return '类型不正确'
    case 'minimum':
      return `不能小于 ${limit}`
    case 'maximum':
      return `不能大于 ${limit}`
    case 'minItems':
      return `至少需要 ${limit} 项`
    case 'maxItems':
      return `最多 ${limit} 项`
    case 'additionalProperties':
      return `不支持的字段 ${String(p.additionalProperty)}`
    default:
      return '内容不正确'
  }
}

/** Turns ajv errors into `[{ path, message }]` with paths such as `body.idNumber` or `query.limit`. */
export function validationFields(errors: FastifySchemaValidationError[], context: string | undefined) {
  return errors.map((error) => {
    const segments = (error.instancePath ?? '').split('/').filter(Boolean)
    const p = error.params
    if (error.keyword === 'required' && typeof p.missingProperty === 'string') segments.push(p.missingProperty)
    if (error.keyword === 'additionalProperties' && typeof p.additionalProperty === 'string') {
      segments.push(p.additionalProperty)
    }
    return { path: [context ?? 'body', ...segments].join('.'), message: chineseMessage(error) }
  })
}
