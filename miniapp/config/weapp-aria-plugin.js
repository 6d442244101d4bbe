/**
 * Taro's WeChat templates drop attributes they do not know, and they do not know WeChat's accessibility
 * attributes. This build plugin adds them to the components we use, so `ariaLabel`/`ariaRole`/`ariaChecked`…
 * written in JSX reach the screen reader (WeChat reads aria-label / aria-role on any component).
 * It hooks `onBuildInit`, which Taro calls with the platform (and its template) just before compiling.
 */
const ARIA = {
  'aria-role': "''",
  'aria-label': "''",
  'aria-hidden': "''",
  'aria-checked': "''",
  'aria-disabled': "''",
  'aria-selected': "''"
}
const COMPONENTS = ['View', 'Text', 'Button', 'Input', 'Switch', 'Image', 'Label']

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onBuildInit',
    fn(platform) {
      if (!platform || !platform.template || typeof platform.template.mergeComponents !== 'function') return
      const patch = {}
      for (const name of COMPONENTS) patch[name] = { ...ARIA }
      platform.template.mergeComponents(ctx, patch)
    }
  })
}
