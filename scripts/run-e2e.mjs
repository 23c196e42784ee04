// End-to-end tests in a real VS Code: installs code-server (scripts/e2e-setup.sh, cached outside the
// repository), starts it on a free local port with a copy of examples/ as the workspace and the packaged
// sqlsight.vsix installed, runs test/e2e/*.e2e.ts (Chromium via playwright-core) and always stops it.
// `npm run test:e2e` packages the extension first.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vsix = join(repo, 'sqlsight.vsix');
const started = Date.now();
const log = (message) => console.log(`e2e: ${message} (${((Date.now() - started) / 1000).toFixed(1)}s)`);

if (!existsSync(vsix)) {
  console.error(`e2e: ${vsix} is missing; run \`npm run package\` first (\`npm run test:e2e\` does).`);
  process.exit(1);
}

// Screenshots of this run only (a stale *-failure.png would mislead).
rmSync(join(repo, 'test-results', 'e2e'), { recursive: true, force: true });

// 1. code-server, cached. The script prints entry.js's path as its last line.
const setup = spawnSync('bash', [join(repo, 'scripts/e2e-setup.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
if (setup.status !== 0) {
  console.error('e2e: scripts/e2e-setup.sh failed');
  process.exit(setup.status ?? 1);
}
const entry = setup.stdout.trim().split('\n').pop();
if (!entry || !existsSync(entry)) {
  console.error(`e2e: scripts/e2e-setup.sh did not print code-server's entry.js (got ${JSON.stringify(entry)})`);
  process.exit(1);
}
log('code-server ready');

// 2. a throwaway workspace, user data and extensions.
const base = mkdtempSync(join(tmpdir(), 'sqlsight-e2e-'));
const workspace = join(base, 'workspace');
const userData = join(base, 'user-data');
const extensions = join(base, 'extensions');
const config = join(base, 'config.yaml');
cpSync(join(repo, 'examples'), workspace, { recursive: true });
mkdirSync(join(userData, 'User'), { recursive: true });
mkdirSync(extensions, { recursive: true });
writeFileSync(
  join(userData, 'User', 'settings.json'),
  JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off' }, null, 2),
);
writeFileSync(config, 'auth: none\ncert: false\n');
const common = ['--user-data-dir', userData, '--extensions-dir', extensions, '--config', config];

const install = spawnSync(process.execPath, [entry, ...common, '--install-extension', vsix], { encoding: 'utf8' });
if (install.status !== 0 || !readdirSync(extensions).some((name) => name.startsWith('sqlsight.sqlsight-'))) {
  console.error(`e2e: installing ${vsix} failed\n${install.stdout}\n${install.stderr}`);
  process.exit(1);
}
log('extension installed');

// 3. code-server on a free port, in its own process group so it can be stopped with its children.
const port = await new Promise((resolvePort, reject) => {
  const server = createServer();
  server.on('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolvePort(free));
  });
});
const serverLog = [];
const codeServer = spawn(
  process.execPath,
  [entry, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace],
  { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
);
for (const stream of [codeServer.stdout, codeServer.stderr]) stream.on('data', (chunk) => serverLog.push(chunk.toString()));
let exited = false;
codeServer.on('exit', () => (exited = true));

function stop() {
  if (exited) return;
  try {
    process.kill(-codeServer.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { stop(); process.exit(130); });

let status = 1;
try {
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited early:\n${serverLog.join('')}`);
    const ok = await fetch(`${url}/healthz`).then((response) => response.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url} within 60s:\n${serverLog.join('')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`code-server listening on ${url}`);

  // `node scripts/run-e2e.mjs [files…]` runs only those files (the vsix must be packaged already).
  const chosen = process.argv.slice(2);
  const files = chosen.length > 0
    ? chosen
    : readdirSync(join(repo, 'test/e2e'))
      .filter((file) => file.endsWith('.e2e.ts'))
      .sort()
      .map((file) => join('test/e2e', file));
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files],
    {
      cwd: repo,
      stdio: 'inherit',
      env: { ...process.env, SQLSIGHT_E2E_URL: `${url}/?folder=${encodeURIComponent(workspace)}`, SQLSIGHT_E2E_WORKSPACE: workspace },
      timeout: 9 * 60_000,
    },
  );
  status = result.status ?? 1;
  if (result.error) console.error(`e2e: ${result.error.message}`);
} catch (error) {
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  stop();
  if (status !== 0) console.error(`e2e: code-server log:\n${serverLog.join('').slice(-4000)}`);
  if (status === 0) rmSync(base, { recursive: true, force: true });
  else console.error(`e2e: workspace kept in ${base}`);
}
log(status === 0 ? 'passed' : 'FAILED');
process.exit(status);
