// Bundles every process of the app and the headless runner with esbuild.
// `--bench` builds the benchmarks instead. keytar is native and stays external.
import { build } from 'esbuild';
import { chmod, cp, mkdir, rm, writeFile } from 'node:fs/promises';

const benchOnly = process.argv.includes('--bench');
const production = process.env.NODE_ENV === 'production';

const nodeDefaults = {
  bundle: true,
  metafile: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  // supports-color: `debug` (under electron-updater) tries it for terminal colours and does
  // without it; it is no part of the app.
  external: ['electron', 'keytar', 'supports-color'],
  logLevel: 'warning',
  legalComments: 'none',
};

if (benchOnly) {
  await rm('dist-bench', { recursive: true, force: true });
  // Packages stay in node_modules (Playwright cannot be bundled); our own code is bundled.
  await build({ ...nodeDefaults, sourcemap: false, packages: 'external', entryPoints: { bench: 'bench/bench.ts' }, outdir: 'dist-bench' });
  process.exit(0);
}

await rm('dist', { recursive: true, force: true });
await mkdir('dist', { recursive: true });

const builds = await Promise.all([
  build({
    ...nodeDefaults,
    // Status bars start the runner again and again, so a start compiles only what its command
    // runs: an ES module split at each dynamic import (the settings file, the DataFast client,
    // their schemas), with the shared parts in chunks under dist/runner/. Whitespace and syntax
    // are minified for less text to compile; names are kept as written, so a stack trace reads.
    format: 'esm',
    splitting: true,
    entryPoints: { cli: 'src/cli/index.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'runner/[name]-[hash]',
    // Bundled CommonJS packages (proper-lockfile) still call require() for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    minifyWhitespace: true,
    minifySyntax: true,
  }),
  build({ ...nodeDefaults, target: 'node22', entryPoints: { main: 'src/main/index.ts' }, outdir: 'dist' }),
  // For scripts/render-tray-icons.mjs; not packaged (electron-builder.yml lists what ships).
  build({ ...nodeDefaults, sourcemap: false, entryPoints: { 'tray-icon-set': 'src/core/tray-image/icon-set.ts' }, outdir: 'dist' }),
  // Sandboxed preloads cannot require local files, so the preload is one self-contained file.
  build({ ...nodeDefaults, target: 'chrome140', platform: 'browser', entryPoints: { preload: 'src/preload/index.ts' }, outdir: 'dist' }),
  build({
    bundle: true,
    metafile: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    sourcemap: production ? false : 'linked',
    minify: true,
    logLevel: 'warning',
    entryPoints: { renderer: 'src/renderer/index.ts', styles: 'src/renderer/styles.css' },
    outdir: 'dist/renderer',
  }),
]);
await chmod('dist/cli.mjs', 0o755);
// What the bundles contain from node_modules: these ship inside dist/, so they must be
// production dependencies for `npm audit --omit=dev` to see them (a test holds that).
const bundled = new Set();
for (const { metafile } of builds) {
  for (const input of Object.keys(metafile.inputs)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
    if (name) bundled.add(name);
  }
}
await writeFile('dist/bundled-packages.json', `${JSON.stringify([...bundled].sort(), null, 2)}\n`);
await cp('src/renderer/index.html', 'dist/renderer/index.html');
// The macOS tray template icon (1x and 2x, found by name) ships beside the main bundle.
await mkdir('dist/assets', { recursive: true });
for (const name of ['trayTemplate.png', 'trayTemplate@2x.png']) await cp(`assets/${name}`, `dist/assets/${name}`);
// The tray count's glyphs are drawn from Roboto Condensed; its licence travels with the app.
await mkdir('dist/assets/fonts', { recursive: true });
await cp('assets/fonts/LICENSE-RobotoCondensed.txt', 'dist/assets/fonts/LICENSE-RobotoCondensed.txt');
