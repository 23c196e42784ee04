// Runs the engine over many files, on the main thread or on worker threads, and hands the outcomes
// back in input order so output is deterministic. Only findings, stats and (when there are findings)
// the text leave a file's turn; statements are dropped at once to keep memory flat on big runs.
import { Worker } from 'node:worker_threads';
import { loadEngine, type MigrationSet, type AnalysisStats, type Engine, type FileSettings, type Finding, type RuleFailure } from '../engine';
import { readFileBytes } from '../io/files';
import { MigrationWorkspaces } from '../io/migration-workspaces';

export type JobSource = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'bytes'; readonly bytes: Uint8Array };

export interface AnalysisJob {
  readonly index: number;
  readonly source: JobSource;
  /** Passed to the engine as the file's path (it appears in nothing but echoes). */
  readonly displayPath: string;
  readonly settings: FileSettings;
}

export type FileOutcome =
  | {
      readonly kind: 'analysed';
      readonly index: number;
      /** Kept only when something must be rendered against it. */
      readonly text: string | undefined;
      readonly findings: readonly Finding[];
      readonly stats: AnalysisStats;
      readonly ruleFailures: readonly RuleFailure[];
    }
  | { readonly kind: 'failed'; readonly index: number; readonly reason: 'unreadable' | 'crashed'; readonly message: string };

/** One file, start to end, with the schema model of its migration set. An exception from the engine is a bug: contained here as a `crashed` outcome. */
export function analyseJob(engine: Engine, job: AnalysisJob, workspaces?: MigrationWorkspaces): FileOutcome {
  let bytes: Uint8Array;
  if (job.source.kind === 'file') {
    const read = readFileBytes(job.source.path);
    if (!read.ok) return { kind: 'failed', index: job.index, reason: 'unreadable', message: read.message };
    bytes = read.bytes;
  } else {
    bytes = job.source.bytes;
  }
  try {
    // Findings only: statements are not kept, so each file's syntax trees die young.
    const before = job.source.kind === 'file' ? workspaces?.before(job.source.path) : undefined;
    const analysis = engine.analyzeBytes({ path: job.displayPath, bytes, settings: job.settings, keepStatements: false, before });
    const keepText = analysis.findings.length > 0 || analysis.ruleFailures.length > 0;
    return {
      kind: 'analysed',
      index: job.index,
      text: keepText ? analysis.text : undefined,
      findings: analysis.findings,
      stats: analysis.stats,
      ruleFailures: analysis.ruleFailures,
    };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { kind: 'failed', index: job.index, reason: 'crashed', message };
  }
}

// ---- worker threads -------------------------------------------------------------------------

const workerRole = 'sqlsight-analysis-worker';

interface BatchMessage {
  readonly batch: number;
  readonly jobs: readonly AnalysisJob[];
}

interface ResultMessage {
  readonly batch: number;
  readonly outcomes: readonly FileOutcome[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Messages cross a thread boundary we own on both sides; the guard checks the envelope only. */
function isBatchMessage(value: unknown): value is BatchMessage {
  return isRecord(value) && typeof value['batch'] === 'number' && Array.isArray(value['jobs']);
}

function isResultMessage(value: unknown): value is ResultMessage {
  return isRecord(value) && typeof value['batch'] === 'number' && Array.isArray(value['outcomes']);
}

export function isAnalysisWorkerData(data: unknown): data is { readonly role: string; readonly migrationSets: readonly MigrationSet[] } {
  return isRecord(data) && data['role'] === workerRole && Array.isArray(data['migrationSets']);
}

/** The worker side: load the engine once, analyse batches as they come, post outcomes back. */
export function runAnalysisWorker(
  port: { on(event: 'message', listener: (value: unknown) => void): void; postMessage(value: ResultMessage): void },
  migrationSets: readonly MigrationSet[],
): void {
  const ready = loadEngine().then((engine) => {
    const workspaces = new MigrationWorkspaces(engine);
    workspaces.setSets(migrationSets);
    return { engine, workspaces };
  });
  port.on('message', (message) => {
    if (!isBatchMessage(message)) return;
    void ready.then(({ engine, workspaces }) => {
      port.postMessage({ batch: message.batch, outcomes: message.jobs.map((job) => analyseJob(engine, job, workspaces)) });
    });
  });
}

export interface PoolOptions {
  readonly engine: Engine;
  /** 0 analyses on the calling thread. */
  readonly threads: number;
  /** The script that starts a worker (the CLI bundle itself). */
  readonly workerScript: string;
  /** Schema models of the run's migration sets (each worker builds its own from the same sets). */
  readonly workspaces: MigrationWorkspaces;
}

const batchSize = 16;
/** Batches queued per worker, so a worker never idles waiting for the main thread's next message. */
const batchesInFlight = 2;

/** Outcomes in job order. With threads, results are reordered in a small window; memory stays bounded. */
export async function* analyseAll(jobs: readonly AnalysisJob[], options: PoolOptions): AsyncGenerator<FileOutcome> {
  if (options.threads <= 0 || jobs.length === 0) {
    for (const job of jobs) yield analyseJob(options.engine, job, options.workspaces);
    return;
  }

  const batches: AnalysisJob[][] = [];
  for (let start = 0; start < jobs.length; start += batchSize) batches.push(jobs.slice(start, start + batchSize));
  const done = new Map<number, FileOutcome>();
  let nextBatch = 0;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const store = (outcomes: readonly FileOutcome[]): void => {
    for (const outcome of outcomes) done.set(outcome.index, outcome);
  };

  interface PoolWorker {
    readonly worker: Worker;
    readonly inFlight: Map<number, readonly AnalysisJob[]>;
    alive: boolean;
  }
  const pool: PoolWorker[] = [];

  const send = (member: PoolWorker): void => {
    while (member.alive && member.inFlight.size < batchesInFlight && nextBatch < batches.length) {
      const batch = nextBatch++;
      const batchJobs = batches[batch] ?? [];
      member.inFlight.set(batch, batchJobs);
      member.worker.postMessage({ batch, jobs: batchJobs } satisfies BatchMessage);
    }
  };

  // A dead worker (out of memory, a WASM abort) must not lose files: its batches, and everything
  // unsent once no worker is left, are analysed here.
  const retire = (member: PoolWorker): void => {
    if (!member.alive) return;
    member.alive = false;
    for (const batchJobs of member.inFlight.values()) store(batchJobs.map((job) => analyseJob(options.engine, job, options.workspaces)));
    member.inFlight.clear();
    if (!pool.some((other) => other.alive)) {
      while (nextBatch < batches.length) store((batches[nextBatch++] ?? []).map((job) => analyseJob(options.engine, job, options.workspaces)));
    }
    notify();
  };

  for (let i = 0; i < options.threads; i++) {
    let worker: Worker;
    try {
      worker = new Worker(options.workerScript, { workerData: { role: workerRole, migrationSets: options.workspaces.migrationSets } });
    } catch {
      break;
    }
    const member: PoolWorker = { worker, inFlight: new Map(), alive: true };
    pool.push(member);
    worker.on('message', (message: unknown) => {
      if (!isResultMessage(message)) return;
      member.inFlight.delete(message.batch);
      store(message.outcomes);
      send(member);
      notify();
    });
    worker.on('error', () => retire(member));
    worker.on('exit', () => retire(member));
  }
  if (pool.length === 0) {
    for (const job of jobs) yield analyseJob(options.engine, job, options.workspaces);
    return;
  }
  for (const member of pool) send(member);

  try {
    for (let index = 0; index < jobs.length; index++) {
      let outcome = done.get(index);
      while (outcome === undefined) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        outcome = done.get(index);
      }
      done.delete(index);
      yield outcome;
    }
  } finally {
    for (const member of pool) {
      member.alive = false;
      void member.worker.terminate();
    }
  }
}
