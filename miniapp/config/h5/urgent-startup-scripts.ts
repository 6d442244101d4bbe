import type { Compilation, Compiler } from 'webpack'

/** The part of HtmlWebpackPlugin's hooks this uses (the class comes from Taro's webpack chain, not an import). */
interface HtmlPluginClass {
  getHooks(compilation: Compilation): {
    alterAssetTags: {
      tap(
        name: string,
        fn: (data: { assetTags: { scripts: Array<{ attributes: Record<string, unknown> }> } }) => unknown
      ): void
    }
  }
}

/**
 * Asks the browser for the start-up scripts first (`fetchpriority="high"`). Nothing can be drawn before they have
 * run — the page is built by them — so they are as urgent as the stylesheet, not the background downloads that
 * `defer` alone makes them.
 */
export class UrgentStartupScriptsPlugin {
  constructor(private readonly htmlPlugin: HtmlPluginClass) {}

  apply(compiler: Compiler) {
    compiler.hooks.compilation.tap('UrgentStartupScriptsPlugin', (compilation) => {
      this.htmlPlugin.getHooks(compilation).alterAssetTags.tap('UrgentStartupScriptsPlugin', (data) => {
        for (const tag of data.assetTags.scripts) tag.attributes.fetchpriority = 'high'
        return data
      })
    })
  }
}
