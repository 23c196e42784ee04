// A minimal editor for the benchmarks: starts the built language server over stdio, answers its
// configuration requests, and waits for diagnostics of a document version. Not a test harness.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;

export const serverPath = join(import.meta.dirname, '..', 'dist', 'server.js');

/** Starts the server with `settings` as `sqlsight.*`, the folder as workspace, and returns once initialized. */
export async function startServer({ folder, settings = { debounceMs: 0 }, trusted = false, env = {} }) {
  if (!existsSync(serverPath)) throw new Error(`${serverPath} does not exist (run \`npm run build\` first)`);
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const wake = waiting.get(`${params.uri}@${params.version}`);
    if (wake) {
      waiting.delete(`${params.uri}@${params.version}`);
      wake(performance.now());
    }
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map((item) => (item.section === 'sqlsight' ? settings : null)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder ? pathToFileURL(folder).href : null,
    workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: 'bench' }] : null,
    initializationOptions: { workspaceTrusted: trusted },
    capabilities: { workspace: { configuration: true } },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    pid: child.pid,
    /** Resolves with the time the diagnostics of `uri` at `version` arrived. */
    published(uri, version) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} version ${version} within 60 s`)), 60_000);
        waiting.set(`${uri}@${version}`, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      });
    },
    /** VmRSS of the server process, MB. */
    rssMb() {
      return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024;
    },
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
    },
  };
}

export function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}
