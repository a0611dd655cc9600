// What activation does not need is not loaded with it: the YAML parser (ownership.yml, rubrics),
// simple-git and the ownership map page are separate bundles next to dist/extension.js (scripts/build.mjs), required
// the first time they are used. Activation then loads a bundle a third of the size. Each site
// reads `typeof __LAZY_BUNDLES__ !== 'undefined'` itself, so that esbuild, which defines it,
// drops the source import of the branch not taken; without the define (tsx in the unit tests)
// the sources are imported as usual.
import nodePath = require('node:path');

declare global {
  /** Defined (true) by scripts/build.mjs in dist/extension.js. */
  const __LAZY_BUNDLES__: boolean | undefined;
}

/** The lazy bundles, by file name (without .js), and what each one exports. */
export interface LazyBundles {
  /** ownership.yml and rubrics: the YAML parser and the schema checks. */
  files: typeof import('./lazy/files');
  /** git through simple-git. */
  git: typeof import('../git/gitClient');
  /** The ownership map page (its style and script). */
  map: typeof import('./lazy/map');
}

/** Requires the bundle `name` from beside this one (only in the bundled extension). */
export function lazyBundle<K extends keyof LazyBundles>(name: K): LazyBundles[K] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(nodePath.join(__dirname, `${name}.js`)) as LazyBundles[K];
}
