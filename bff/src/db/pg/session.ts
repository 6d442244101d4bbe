import pg from 'pg'

/**
 * One connection of a command (the migrations, migrate-to-postgres), not of the server's pool. An 'error'
 * listener is always attached: without one, a connection the server ends (an idle timeout, a restart, an
 * administrator) throws from the event loop and kills the process, even after the work was committed. The
 * database's or role's own statement and idle-in-transaction timeouts are turned off for the session: a command's
 * statements and transactions take as long as the data takes.
 */
export class CommandSession {
  readonly client: pg.Client
  /** Why the connection is gone, once it is: nothing more can be sent on it. */
  lost: Error | undefined

  private constructor(config: pg.ClientConfig) {
    this.client = new pg.Client(config)
    this.client.on('error', (error) => (this.lost ??= error))
    this.client.on('end', () => (this.lost ??= new Error('Connection ended')))
  }

  static async open(connectionString: string, connectionTimeoutMillis = 10_000): Promise<CommandSession> {
    const session = new CommandSession({ connectionString, connectionTimeoutMillis })
    try {
      await session.client.connect()
      await session.client.query('SET statement_timeout = 0; SET idle_in_transaction_session_timeout = 0')
    } catch (error) {
      await session.client.end().catch(() => undefined)
      throw error
    }
    return session
  }

  /** Whether the connection is still usable after `error` (one that ended the session, or a cause of it, did not). */
  usable(error?: unknown): boolean {
    for (let cause = error; cause instanceof Error; cause = cause.cause)
      if ((cause as { severity?: string }).severity === 'FATAL') return false
    return !this.lost
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined)
  }
}
