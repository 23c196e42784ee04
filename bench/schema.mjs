// `npm run bench:schema`: the workspace schema model at scale. Rebuilds lemmy, kratos, crates.io and
// documenso from the corpus as real trees (~2,000 migration files), then measures
//  1. a cold model build: `sqlsight schema <tree> --format json` in a fresh process, wall and peak RSS
//     (median of 3), and
//  2. the editor: the language server opened on the tree; a migration in the middle of the largest
//     set is opened and edited 20 times (a table, then columns, added at its end); each edit is timed from didChange
//     to the publishDiagnostics of that version (debounce 0). Not a test.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusTree } from './corpus-tree.mjs';
import { startServer } from './lsp-client.mjs';
const targets = { coldSeconds: 2, coldMb: 300, editMs: 100 };
const dist = join(import.meta.dirname, '..', 'dist');
if (!existsSync(join(dist, 'server.js'))) {
  console.error('bench: dist/ is missing (run `npm run build` first)');
  process.exit(2);
}

const root = corpusTree('pg', ['LemmyNet/lemmy', 'ory/kratos', 'rust-lang/crates.io', 'documenso/documenso']);
const verdict = (ok) => (ok ? 'ok' : 'OVER TARGET');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// 1. Cold build.
const cold = [];
let summary;
for (let run = 0; run < 3; run++) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, join(dist, 'cli.js'), 'schema', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) {
    console.error(`bench: sqlsight schema failed: ${result.stderr}`);
    process.exit(2);
  }
  const [seconds, kilobytes] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  cold.push({ seconds, megabytes: kilobytes / 1024 });
  summary = JSON.parse(result.stdout).sets.map((set) => ({ folder: set.folder, files: set.files.length, paths: set.files.filter((file) => file.role === 'up').map((file) => file.path), tables: set.schema.tables.length, indexes: set.schema.indexes.length }));
}
const files = summary.reduce((sum, set) => sum + set.files, 0);
console.log(`workspace         ${files} migration files in ${summary.length} sets`);
for (const set of summary) console.log(`  ${set.folder.slice(root.length + 1)}: ${set.files} files → ${set.tables} tables, ${set.indexes} indexes`);
const coldSeconds = median(cold.map((run) => run.seconds));
const coldMb = median(cold.map((run) => run.megabytes));
console.log(`cold model build  ${coldSeconds.toFixed(2)} s (target ≤ ${targets.coldSeconds} s: ${verdict(coldSeconds <= targets.coldSeconds)}), runs ${cold.map((run) => run.seconds.toFixed(2)).join(', ')} s`);
console.log(`  peak RSS        ${coldMb.toFixed(0)} MB (target ≤ ${targets.coldMb} MB: ${verdict(coldMb <= targets.coldMb)})`);

// 2. Editing a migration in the middle, in the language server.
const largest = summary.reduce((best, set) => (set.files > best.files ? set : best));
const middlePath = largest.paths[Math.floor(largest.paths.length / 2)];
const editedTable = 'bench_table';
const startedAt = performance.now();
const server = await startServer({ folder: root });
const uri = pathToFileURL(middlePath).href;
const lines = readFileSync(middlePath, 'utf8').split('\n');
const firstPublish = server.published(uri, 1);
await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sql', version: 1, text: lines.join('\n') } });
const openMs = (await firstPublish) - startedAt;
const samples = [];
for (let edit = 0; edit < 20; edit++) {
  const version = edit + 2;
  const line = lines.length;
  const added = edit === 0 ? `CREATE TABLE ${editedTable} (id bigint PRIMARY KEY);` : `ALTER TABLE ${editedTable} ADD COLUMN bench_column_${edit} text;`;
  lines.push(added);
  const arrived = server.published(uri, version);
  const sentAt = performance.now();
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line: line - 1, character: lines[line - 1].length }, end: { line: line - 1, character: lines[line - 1].length } }, text: `\n${added}` }],
  });
  samples.push((await arrived) - sentAt);
}
const rssMb = server.rssMb();
await server.stop();
rmSync(root, { recursive: true, force: true });

const sorted = [...samples].sort((a, b) => a - b);
const p50 = sorted[Math.floor(sorted.length / 2)];
const max = sorted.at(-1);
console.log(`editor            ${middlePath.slice(root.length + 1)} (file of a ${largest.files}-file set)`);
console.log(`  start → first diagnostics (discovery and cold model included)  ${openMs.toFixed(0)} ms`);
console.log(`  edit → diagnostics  p50 ${p50.toFixed(1)} ms, max ${max.toFixed(1)} ms (target ≤ ${targets.editMs} ms: ${verdict(max <= targets.editMs)})`);
console.log(`  server RSS      ${rssMb.toFixed(0)} MB`);
