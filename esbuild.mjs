// Bundles the CLI, the language server and the VS Code client into dist/, and copies the WASM
// parser next to them (libpg-query loads it from its own directory), and PGlite's WASM, file-system
// bundle and extension tarballs (the embedded database loads them from beside the bundle).
// `--watch` rebuilds on change.
import { build, context } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
};

const bundles = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
];

mkdirSync('dist', { recursive: true });
const wasm = join(dirname(require.resolve('libpg-query')), 'libpg-query.wasm');
copyFileSync(wasm, 'dist/libpg-query.wasm');
const pglite = dirname(require.resolve('@electric-sql/pglite'));
for (const file of readdirSync(pglite)) {
  if (['pglite.wasm', 'pglite.data', 'initdb.wasm'].includes(file) || file.endsWith('.tar.gz')) copyFileSync(join(pglite, file), join('dist', file));
}

if (watch) {
  for (const options of bundles) await (await context({ ...common, ...options })).watch();
} else {
  await Promise.all(bundles.map((options) => build({ ...common, ...options })));
}
