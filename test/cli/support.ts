// Test helpers for the built CLI: build the bundle once per test process into a private folder,
// make throwaway projects, run `node cli.js …` and capture everything. Must not touch dist/ (other
// builds may be writing it at the same moment) or the repository's files.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const repositoryRoot = join(__dirname, '..', '..');

let built: Promise<string> | undefined;

/**
 * The CLI bundled exactly as esbuild.mjs bundles it (same entry, platform, format, banner, WASM next
 * to it), but into a temporary folder, so these tests never race another build of dist/.
 */
export function buildCli(): Promise<string> {
  built ??= (async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'sqlsight-cli-build-'));
    const outfile = join(outdir, 'cli.js');
    await build({
      entryPoints: [join(repositoryRoot, 'server/src/cli/main.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: 'linked',
      logLevel: 'warning',
      banner: { js: '#!/usr/bin/env node' },
    });
    const require = createRequire(join(repositoryRoot, 'package.json'));
    copyFileSync(join(dirname(require.resolve('libpg-query')), 'libpg-query.wasm'), join(outdir, 'libpg-query.wasm'));
    return outfile;
  })();
  return built;
}

/** A temporary project folder holding `files` (paths may contain folders). */
export function makeProject(files: Readonly<Record<string, string | Uint8Array>> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'sqlsight-cli-test-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd: string;
  readonly input?: string | Uint8Array;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Runs the built CLI with a clean colour environment (no NO_COLOR/FORCE_COLOR unless given). */
export async function runCli(args: readonly string[], options: RunOptions): Promise<CliRun> {
  const cli = await buildCli();
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'NO_COLOR' && key !== 'FORCE_COLOR' && key !== 'SQLSIGHT_JOBS' && !key.startsWith('NODE_')) env[key] = value;
  }
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      resolve({ status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
    child.stdin.end(options.input ?? '');
  });
}

export const dangerousSql = 'CREATE INDEX users_email_idx ON users (email);\n';
export const cleanSql = 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n';
