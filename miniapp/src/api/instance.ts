import { ApiClient } from './client'
import { taroSessionStore, taroTransport } from './taro-adapters'

/**
 * The app's single API client (the one global object it keeps). Base URL: `/api/v1` on H5 (same origin as the
 * page); on WeChat the build-time constant TARO_APP_API_BASE (see config/index.ts).
 */
export const api = new ApiClient({
  baseUrl: process.env.TARO_APP_API_BASE || '/api/v1',
  transport: taroTransport,
  store: taroSessionStore
})
