import closeWithGrace from 'close-with-grace'
import { buildApp } from './app'
import { ConfigError, loadConfig } from './config'

async function main() {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
  const app = await buildApp(config)
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    await app.close()
  })
  await app.listen({ port: config.port, host: config.host })
  const where = `http://${config.host}:${config.port}`
  // Counted from process start, so loading the code is in it too: what a restart keeps people waiting.
  const readyMs = Math.round(process.uptime() * 1000)
  app.log.info(
    `M City veterans platform ready in ${readyMs} ms: ${config.h5Dir ? `app ${where}/, ` : 'no H5 build found (pnpm build:h5), '}API ${where}/api/v1, docs ${where}/docs`
  )
}

void main()
