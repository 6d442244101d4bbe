import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

/**
 * Encryption at rest for ID numbers and phones (AES-256-GCM) and the keyed hash used to look them up.
 * Both keys are derived from PII_KEY so that neither can be used in place of the other.
 */
export class PiiVault {
  private readonly encKey: Buffer
  private readonly hashKey: Buffer

  constructor(masterKey: Buffer) {
    this.encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'veterans/pii/encrypt/v1', 32))
    this.hashKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'veterans/pii/lookup/v1', 32))
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv)
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(
      '.'
    )
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.')
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Unknown PII envelope')
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
  }

  /** Deterministic keyed hash: equal inputs give equal hashes, but the hash alone reveals nothing. */
  lookupHash(plain: string): string {
    return createHmac('sha256', this.hashKey).update(plain, 'utf8').digest('base64url')
  }
}
