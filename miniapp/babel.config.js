// Taro's preset: React + TypeScript, targeting the browsers in package.json.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]]
}
