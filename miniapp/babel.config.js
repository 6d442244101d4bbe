// Taro's preset: React + TypeScript, targeting the browsers in package.json (the `h5` list for the browser build,
// see config/index.ts). The plugin keeps only the code of the platform being built (config/babel-platform-branches.js).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: ['./config/babel-platform-branches.js']
}
