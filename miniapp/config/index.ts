import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import path from 'node:path'
import { UrgentStartupScriptsPlugin } from './h5/urgent-startup-scripts'

const sharedSource = path.resolve(__dirname, '..', '..', 'shared', 'src')

/**
 * Where the app finds the BFF. H5 is served by the BFF itself, so the same origin is right. The WeChat build needs
 * an absolute https URL of a domain registered in the mini-program's console; set TARO_APP_API_BASE when building
 * (for the devtools against a local BFF the default below works with "不校验合法域名").
 */
function apiBase(): string {
  const fromEnv = process.env.TARO_APP_API_BASE?.trim()
  if (fromEnv) return fromEnv.replace(/\/+$/, '')
  return process.env.TARO_ENV === 'h5' ? '/api/v1' : 'http://127.0.0.1:3000/api/v1'
}

// The browser build is for the `h5` browsers in package.json (phones from about 2018 on: no IE, no ES5 rewrite of
// classes and async code); the mini-program keeps the default list. Babel and autoprefixer read BROWSERSLIST_ENV.
if (process.env.TARO_ENV === 'h5') process.env.BROWSERSLIST_ENV = 'h5'

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'veterans-miniapp',
    date: '2026-11-28',
    // Sizes are written in CSS px and pxtransform is off on both platforms: a 18px font is 18 CSS px in the browser
    // and 18 logical px in WeChat, whatever the screen width, so the elder-mode minimums hold as measured.
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [path.resolve(__dirname, 'weapp-aria-plugin.js')],
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase()),
      // 1 = the WeChat build also offers the name form of dev-WeChat sign-in (devtools against a dev-mode BFF).
      TARO_APP_DEV_SIGNIN: JSON.stringify(process.env.TARO_APP_DEV_SIGNIN ?? '')
    },
    defineConstants: {},
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // The shared contract package is TypeScript source: compile it like our own code.
      compile: { include: [sharedSource] },
      postcss: {
        pxtransform: { enable: false, config: {} },
        cssModules: { enable: false }
      }
    },
    h5: {
      compile: { include: [sharedSource] },
      publicPath: '/',
      // H5_SOURCE_MAPS=1 writes source maps, for looking into what the bundles hold.
      enableSourceMap: process.env.H5_SOURCE_MAPS === '1',
      sourceMapType: 'source-map',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      // File names carry their content's hash, so the BFF can let phones cache them for a year (static-h5.ts).
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'chunk/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css'
      },
      webpackChain(chain) {
        // Taro puts the web components a page uses into that page's chunk, so every page carried its own copy
        // (~40 KB each). Modules used by two or more pages go into chunks shared by just those pages instead (no
        // fixed name: one chunk for all of them made 首页 download the booking, messaging and staff code, 70 KB unused).
        chain.optimization.splitChunks({
          ...(chain.optimization.get('splitChunks') as object),
          cacheGroups: {
            ...((chain.optimization.get('splitChunks') as { cacheGroups?: object } | undefined)?.cacheGroups ?? {}),
            sharedByPages: {
              chunks: 'async',
              minSize: 8000,
              minChunks: 2,
              priority: 5,
              reuseExistingChunk: true
            }
          }
        })
        chain.resolve.alias
          // Taro's request imports polyfills of fetch and AbortController; every browser in the h5 list has both.
          .set('whatwg-fetch$', path.resolve(__dirname, 'h5', 'nothing.js'))
          .set(
            'abortcontroller-polyfill/dist/abortcontroller-polyfill-only$',
            path.resolve(__dirname, 'h5', 'nothing.js')
          )
          // Taro's request imports a JSONP client for its `jsonp` option, which the app never uses.
          .set('jsonp-retry$', path.resolve(__dirname, 'h5', 'no-jsonp.js'))
          // A user-agent parser that ran at start-up for one chooseImage detail (see the file).
          .set('platform$', path.resolve(__dirname, 'h5', 'platform-lite.js'))
        // The start-up scripts are fetched first (see the file).
        if (chain.plugins.has('htmlWebpackPlugin')) {
          const htmlPlugin = chain.plugin('htmlWebpackPlugin').get('plugin') as ConstructorParameters<
            typeof UrgentStartupScriptsPlugin
          >[0]
          chain.plugin('urgentStartupScripts').use(UrgentStartupScriptsPlugin, [htmlPlugin])
        }
      },
      postcss: {
        pxtransform: { enable: false, config: {} },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false }
      }
    }
  }
  return config
})
