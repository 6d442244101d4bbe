/// <reference types="@tarojs/taro" />
declare module '*.png'
declare module '*.css'
declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5'
    /** Build-time: the BFF's /api/v1 URL for the WeChat build (config/index.ts). */
    TARO_APP_API_BASE?: string
    /** Build-time: '1' shows the dev-WeChat name form in the WeChat build too. */
    TARO_APP_DEV_SIGNIN?: string
  }
}
