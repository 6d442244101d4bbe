import { Type, type Static } from '@sinclair/typebox'
import { MeSchema } from './me'

export const WechatSignInBodySchema = Type.Object({ code: Type.String({ minLength: 1, maxLength: 128 }) })
export type WechatSignInBody = Static<typeof WechatSignInBodySchema>

export const StaffSignInBodySchema = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 })
})
export type StaffSignInBody = Static<typeof StaffSignInBodySchema>

export const RefreshBodySchema = Type.Object({ refreshToken: Type.String({ minLength: 1, maxLength: 256 }) })
export type RefreshBody = Static<typeof RefreshBodySchema>

export const TokenPairSchema = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
  user: MeSchema
})
export type TokenPair = Static<typeof TokenPairSchema>
