import fp from 'fastify-plugin'
import fastifyCompress from '@fastify/compress'
import { constants } from 'node:zlib'

/**
 * Compresses answers worth it on a phone network: the larger API lists and policy texts (a 20 KB policy list is
 * 4 KB gzipped). Small answers go out as they are — compressing them costs the server more than the bytes save —
 * and the H5 files are compressed once at build time (static-h5 serves the .br/.gz copies).
 */
export default fp(
  async (app) => {
    await app.register(fastifyCompress, {
      global: true,
      threshold: 2048,
      encodings: ['br', 'gzip'],
      // Quality 4 is within a few per cent of 11 on JSON at a small fraction of the CPU.
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
      zlibOptions: { level: 5 }
    })
  },
  { name: 'compression' }
)
