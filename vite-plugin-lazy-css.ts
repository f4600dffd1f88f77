// Links, in a page's HTML, the CSS of the code the page loads only on demand. The story page's
// markup comes from the server (App.svelte and its components) while its script never loads that
// code unless the page arrived without the markup, so the styles of those components must reach
// the page as stylesheets of their own, up front.
import type { Plugin, Rolldown } from 'vite'

type Bundle = Rolldown.OutputBundle
type Chunk = Rolldown.OutputChunk

/** The CSS of every chunk `entry` imports dynamically, and of what those import statically. */
export function lazyCss(entry: Chunk, bundle: Bundle): string[] {
  const css = new Set<string>()
  const seen = new Set<string>()
  const visit = (name: string) => {
    const chunk = bundle[name]
    if (seen.has(name) || chunk?.type !== 'chunk') return
    seen.add(name)
    for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file)
    for (const imported of chunk.imports) visit(imported)
  }
  for (const name of entry.dynamicImports) visit(name)
  return [...css]
}

/** Adds the stylesheets of `lazyCss` to the HTML of the named pages (entry names, e.g. 'index'). */
export function linkLazyCss(pages: readonly string[]): Plugin {
  let base = '/'
  return {
    name: 'link-lazy-css',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const { chunk, bundle } = ctx
        if (!chunk || !bundle || !pages.includes(chunk.name)) return
        const own = new Set(chunk.viteMetadata?.importedCss ?? [])
        return lazyCss(chunk, bundle)
          .filter((file) => !own.has(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `${base}${file}` },
            injectTo: 'head' as const,
          }))
      },
    },
  }
}
