import type { Config } from '../config'

const ID_NUMBER = /\b\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dXx]\b/g
const MOBILE = /\b1[3-9]\d{9}\b/g

/** Scrubs anything that looks like an ID number or a mobile number out of a log line's text. */
export function scrubText(text: string): string {
  return text.replace(ID_NUMBER, '[ID-NUMBER]').replace(MOBILE, '[PHONE]')
}

const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/

/**
 * A URL as logged: the path, and only the names of the query's parameters (those our clients use: short ASCII).
 * Values can be what a person typed — a name searched for, the reason for a reveal — which no pattern recognises.
 */
export function loggedUrl(url: string): string {
  const start = url.indexOf('?')
  if (start < 0) return scrubText(url)
  const names = url
    .slice(start + 1)
    .split('&')
    .map((pair) => pair.split('=')[0] ?? '')
    .map((name) => (PARAMETER_NAME.test(name) ? `${name}=…` : '…'))
  return `${scrubText(url.slice(0, start))}?${names.join('&')}`
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value)
  if (depth > 4 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1))
  if (value instanceof Error) {
    // Error text can quote what a person typed; keep the type and code, scrub the message and stack.
    const code = (value as { code?: unknown }).code
    return {
      type: value.name,
      message: scrubText(value.message),
      stack: scrubText(value.stack ?? ''),
      ...(code ? { code } : {})
    }
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, depth + 1)
  return out
}

/**
 * A log call's argument, scrubbed. Fastify's request and reply (`req`, `res`) are left to their serializers, which
 * pick what is logged (a copy would lose their getters: the method and the client's address).
 */
function scrubLogArgument(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Error) {
    return scrubDeep(value)
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = k === 'req' || k === 'res' ? v : scrubDeep(v, 1)
  return out
}

/**
 * pino with personal data kept out: known secret fields are redacted by path, and any text that looks like an
 * ID number or a phone is masked wherever it appears (messages, URLs, error text); query values are left out.
 */
export function loggerOptions(config: Config) {
  return {
    level: config.logLevel,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.idNumber',
        '*.phone',
        '*.token',
        '*.accessToken',
        '*.refreshToken',
        '*.secret'
      ],
      censor: '[REDACTED]'
    },
    hooks: {
      logMethod(args: unknown[], method: (...args: unknown[]) => void) {
        method.apply(
          this,
          args.map((a) => scrubLogArgument(a))
        )
      }
    },
    serializers: {
      req(request: { method?: string; url?: string; ip?: string; raw?: { url?: string } }) {
        return {
          method: request.method,
          url: loggedUrl(request.url ?? request.raw?.url ?? ''),
          remoteAddress: request.ip
        }
      }
    }
  }
}
