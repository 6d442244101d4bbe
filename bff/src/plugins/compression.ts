import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { promisify } from 'node:util'
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib'

/** Below this, headers outweigh what compression saves, and compressing costs more than the bytes. */
const THRESHOLD = 2048
/** Larger answers are compressed off the event loop (a thread of libuv's pool) so other requests are not held up. */
const SYNC_LIMIT = 64 * 1024
/** Compressed copies kept of recent answers: the same cached list (slots, a policy) is compressed once, not per request. */
const CACHE_BYTES = 8 * 1024 * 1024

type Encoding = 'br' | 'gzip'

// Quality 4 is within a few per cent of 11 on JSON at a small fraction of the CPU.
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }
const GZIP = { level: 5 }
const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** The encoding to answer in: brotli if the client takes it, else gzip, else none (q=0 refuses one). */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (!header) return null
  const accepted = new Set<string>()
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    if (q && Number(q.slice(2)) === 0) continue
    accepted.add(name.trim())
  }
  if (accepted.has('br')) return 'br'
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip'
  return null
}

/** Recent compressed answers by their text: a Map in insertion order, the oldest dropped first. */
class CompressedCache {
  private readonly entries = { br: new Map<string, Buffer>(), gzip: new Map<string, Buffer>() }
  private bytes = 0

  get(encoding: Encoding, text: string) {
    return this.entries[encoding].get(text)
  }

  set(encoding: Encoding, text: string, compressed: Buffer) {
    const map = this.entries[encoding]
    map.set(text, compressed)
    this.bytes += text.length + compressed.length
    while (this.bytes > CACHE_BYTES && map.size > 1) {
      const [oldest, value] = map.entries().next().value as [string, Buffer]
      map.delete(oldest)
      this.bytes -= oldest.length + value.length
    }
  }
}

function isText(reply: FastifyReply) {
  const type = String(reply.getHeader('content-type') ?? '')
  return type.startsWith('application/json') || type.startsWith('text/')
}

/**
 * Compresses answers worth it on a phone network: the larger API lists and policy texts (a 9 KB slot list is
 * 0.8 KB in brotli), for clients that ask. Small answers go out as they are, and the H5 files are compressed once
 * at build time (static-h5 serves the .br/.gz copies). A cached answer's compressed copy is kept too, so serving
 * it compressed costs no more than serving it plain.
 */
export default fp(
  async (app) => {
    const cache = new CompressedCache()

    app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (typeof payload !== 'string' || payload.length < THRESHOLD / 3) return payload
      if (reply.getHeader('content-encoding') || !isText(reply)) return payload
      const encoding = chooseEncoding(request.headers['accept-encoding'])
      reply.header('vary', 'accept-encoding')
      if (!encoding || Buffer.byteLength(payload) < THRESHOLD) return payload

      let compressed = cache.get(encoding, payload)
      if (!compressed) {
        const large = payload.length > SYNC_LIMIT
        if (encoding === 'br')
          compressed = large ? await brotliAsync(payload, BROTLI) : brotliCompressSync(payload, BROTLI)
        else compressed = large ? await gzipAsync(payload, GZIP) : gzipSync(payload, GZIP)
        cache.set(encoding, payload, compressed)
      }
      reply.header('content-encoding', encoding)
      reply.removeHeader('content-length')
      return compressed
    })
  },
  { name: 'compression' }
)
