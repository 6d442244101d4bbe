import type { FastifyBaseLogger } from 'fastify'

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace'
type Bindings = Record<string, unknown>
type ChildOptions = Parameters<FastifyBaseLogger['child']>[1]
/** pino's loggers, as Fastify's are. */
type PinoLike = FastifyBaseLogger & { isLevelEnabled(level: string): boolean }

/**
 * A request's logger, made into a real pino child (with the request id) only when something is logged at an
 * enabled level. Fastify makes one for every request, and building a pino child (its bindings run through
 * redaction) cost as much as a cached read's whole answer, though at the usual levels most requests log nothing.
 */
export class LazyChildLogger implements FastifyBaseLogger {
  private real: PinoLike | null = null

  constructor(
    private readonly parent: PinoLike,
    private readonly bindings: Bindings,
    private readonly options: ChildOptions
  ) {}

  private made(): PinoLike {
    return (this.real ??= this.parent.child(this.bindings, this.options) as PinoLike)
  }

  get level() {
    return (this.real ?? this.parent).level
  }
  set level(level: string) {
    this.made().level = level
  }

  isLevelEnabled(level: string) {
    return (this.real ?? this.parent).isLevelEnabled(level)
  }

  fatal(...args: unknown[]) {
    this.write('fatal', args)
  }
  error(...args: unknown[]) {
    this.write('error', args)
  }
  warn(...args: unknown[]) {
    this.write('warn', args)
  }
  info(...args: unknown[]) {
    this.write('info', args)
  }
  debug(...args: unknown[]) {
    this.write('debug', args)
  }
  trace(...args: unknown[]) {
    this.write('trace', args)
  }
  silent() {}

  private write(level: Level, args: unknown[]) {
    if (!this.isLevelEnabled(level)) return
    const logger = this.made()
    const log: (...args: unknown[]) => void = logger[level]
    log.apply(logger, args)
  }

  child(bindings: Bindings, options?: ChildOptions): FastifyBaseLogger {
    return this.made().child(bindings, options)
  }
}

/** Fastify's childLoggerFactory: every request's logger is a lazy one. */
export function lazyChildLoggers(parent: FastifyBaseLogger, bindings: Bindings, options: ChildOptions) {
  return new LazyChildLogger(parent as PinoLike, bindings, options)
}
