// `sqlsight check`: config → files → engine → reporter → exit code. The only place that decides
// exit codes and what goes to stdout vs stderr; user mistakes end as messages, never stack traces.
import { availableParallelism } from 'node:os';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { LineIndex, resolveFileSettings, severityRank, type Engine, type FileSettings } from '../engine';
import { fileSettingsResolver, formatConfigError, loadConfig } from '../io/config-loader';
import { expandPaths } from '../io/files';
import { discoverForPaths, MigrationWorkspaces } from '../io/migration-workspaces';
import { analyseAll, type AnalysisJob } from './analysis-pool';
import type { CheckCommand } from './args';
import { createProgress, noProgress, type Progress } from './progress';
import { githubReporter } from './reporters/github';
import { jsonReporter } from './reporters/json';
import type { Reporter, ReporterContext, RunNotification } from './reporters/reporter';
import { sarifReporter } from './reporters/sarif';
import { textReporter } from './reporters/text';

export const exitCodes = { clean: 0, findings: 1, failure: 2 } as const;

/** The process as the CLI sees it; tests and the entry point provide it. */
export interface Terminal {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  readStdin(): Promise<Uint8Array>;
}

/** https://no-color.org: NO_COLOR set and non-empty disables; FORCE_COLOR (not 0/false) forces; --no-color beats both. */
export function wantsColor(noColorFlag: boolean, terminal: Terminal): boolean {
  if (noColorFlag) return false;
  const force = terminal.env['FORCE_COLOR'];
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  const noColor = terminal.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  return terminal.stdoutIsTTY;
}

/** Relative to the current folder when inside it; absolute otherwise. */
function displayPath(cwd: string, absolutePath: string): string {
  const path = relative(cwd, absolutePath);
  return path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path) ? absolutePath : path;
}

function portable(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

const smallRun = 100;
const maxThreads = 4;

/**
 * Worker threads pay ~100 ms each to start (bundle, WASM, a cold JIT), and a single analysing
 * thread already keeps about two cores busy (V8 compiles and collects garbage in the background):
 * on the 2-CPU dev machine two workers were measured 5-10% slower than none on the PG corpus. So
 * workers start only for large runs on machines with at least four CPUs, leaving one for the main
 * thread. SQLSIGHT_JOBS overrides the choice (0 = main thread), for such machines and for tests.
 */
function threadCount(files: number, env: Terminal['env']): number | string {
  const configured = env['SQLSIGHT_JOBS'];
  if (configured !== undefined && configured !== '') {
    if (!/^\d+$/.test(configured)) return `SQLSIGHT_JOBS must be a whole number, not ${JSON.stringify(configured)}`;
    return Math.min(Number(configured), 32);
  }
  if (files < smallRun) return 0;
  const cpus = availableParallelism();
  return cpus < 4 ? 0 : Math.min(cpus - 1, maxThreads);
}

function createReporter(command: CheckCommand, context: ReporterContext): Reporter {
  switch (command.format) {
    case 'text':
      return textReporter(context);
    case 'json':
      return jsonReporter();
    case 'sarif':
      return sarifReporter(context);
    case 'github':
      return githubReporter();
  }
}

export async function runCheck(command: CheckCommand, terminal: Terminal, engine: Engine, workerScript: string): Promise<number> {
  const cwd = terminal.cwd;
  const error = (line: string): void => terminal.writeStderr(`${line}\n`);

  const loaded = loadConfig({ explicitPath: command.configPath, startDir: cwd, knownRuleIds: engine.rules.map((rule) => rule.meta.id) });
  if (!loaded.ok) {
    for (const line of formatConfigError(loaded.error, (file) => displayPath(cwd, file))) error(line);
    return exitCodes.failure;
  }
  const config = loaded.value;

  const reporter = createReporter(command, { rules: engine.rules, color: wantsColor(command.noColor, terminal), quiet: command.quiet, cwd });
  let failed = false;
  let progress: Progress = noProgress;
  const notify = (notification: RunNotification, text: string): void => {
    progress.clear();
    error(text);
    reporter.notification?.(notification);
    if (notification.level === 'error') failed = true;
  };

  const readsStdin = command.paths.includes('-');
  const pathArguments = command.paths.filter((path) => path !== '-');
  const expanded = expandPaths(pathArguments.length === 0 && !readsStdin ? ['.'] : pathArguments, {
    cwd,
    ignore: config.config.ignore ?? [],
    ignoreBase: config.configDir,
  });

  const jobs: AnalysisJob[] = [];
  const settingsFor = fileSettingsResolver(config, command.explicit);
  if (readsStdin) {
    const name = command.stdinFilename ?? '<stdin>';
    // Without --stdin-filename there is no path to match overrides against: top-level settings only.
    const settings: FileSettings =
      command.stdinFilename === undefined ? resolveFileSettings(config.config, () => false, command.explicit) : settingsFor(resolve(cwd, command.stdinFilename));
    try {
      jobs.push({ index: 0, source: { kind: 'bytes', bytes: await terminal.readStdin() }, displayPath: name, settings });
    } catch (readError) {
      failed = true;
      error(`sqlsight: <stdin>: cannot read: ${readError instanceof Error ? readError.message : String(readError)}`);
    }
  }
  for (const file of expanded.files) {
    jobs.push({ index: jobs.length, source: { kind: 'file', path: file }, displayPath: displayPath(cwd, file), settings: settingsFor(file) });
  }

  const threads = threadCount(jobs.length, terminal.env);
  if (typeof threads === 'string') {
    error(`sqlsight: ${threads}`);
    return exitCodes.failure;
  }
  progress = createProgress({ total: jobs.length, write: terminal.writeStderr, enabled: terminal.stderrIsTTY && jobs.length > 20 });
  // Every migration set the run touches is replayed, so each file's rules see the schema before it.
  const discovery = await discoverForPaths(
    pathArguments.map((path) => resolve(cwd, path)),
    { ...config.config, dialect: command.explicit.dialect ?? config.config.dialect },
    config.configDir,
  );
  const workspaces = new MigrationWorkspaces(engine);
  workspaces.setSets(discovery.sets);
  for (const problem of [...expanded.problems, ...discovery.problems]) {
    const shown = isAbsolute(problem.path) ? displayPath(cwd, problem.path) : problem.path;
    notify({ level: 'error', message: `${shown}: ${problem.message}`, portablePath: portable(shown) }, `sqlsight: ${shown}: ${problem.message}`);
  }

  const summary = { files: 0, statements: 0, parsed: 0, syntaxErrors: 0, templates: 0, unanalyzed: 0, findings: { error: 0, warning: 0, info: 0, hint: 0 } };
  const thresholdRank = severityRank[command.threshold];
  let overThreshold = false;
  let pending = '';
  const flush = (): void => {
    if (pending === '') return;
    // The progress line and the findings share the terminal only when both streams are one.
    if (terminal.stdoutIsTTY) progress.clear();
    terminal.writeStdout(pending);
    pending = '';
  };

  let done = 0;
  for await (const outcome of analyseAll(jobs, { engine, threads, workerScript, workspaces })) {
    const job = jobs[outcome.index];
    const path = job?.displayPath ?? String(outcome.index);
    done++;
    if (outcome.kind === 'failed') {
      const text =
        outcome.reason === 'unreadable'
          ? `sqlsight: ${path}: ${outcome.message}`
          : `sqlsight: internal error while analysing ${path} (a bug; please report it): ${outcome.message}`;
      notify({ level: 'error', message: `${path}: ${outcome.message}`, portablePath: portable(path) }, text);
      progress.update(done);
      continue;
    }
    const lines = new LineIndex(outcome.text ?? '');
    summary.files++;
    summary.statements += outcome.stats.statements;
    summary.parsed += outcome.stats.parsed;
    summary.syntaxErrors += outcome.stats.syntaxErrors;
    summary.templates += outcome.stats.templates;
    summary.unanalyzed += outcome.stats.unanalyzed;
    for (const finding of outcome.findings) {
      summary.findings[finding.severity]++;
      if (severityRank[finding.severity] >= thresholdRank) overThreshold = true;
    }
    pending += reporter.file({ path, portablePath: portable(path), text: outcome.text, lines, findings: outcome.findings, stats: outcome.stats });
    // A rule that throws is a bug in sqlsight, not in the migration: reported, not a failed check.
    for (const failure of outcome.ruleFailures) {
      const position = lines.positionAt(failure.range.start);
      const where = `${path}:${position.line + 1}:${position.column + 1}`;
      notify(
        {
          level: 'warning',
          message: `rule ${failure.ruleId} failed: ${failure.message}`,
          ruleId: failure.ruleId,
          portablePath: portable(path),
          line: position.line + 1,
          column: position.column + 1,
        },
        `sqlsight: internal error: rule ${failure.ruleId} threw at ${where} (a bug; please report it): ${failure.message}`,
      );
    }
    if (pending.length > 1 << 16) flush();
    progress.update(done);
  }
  progress.clear();
  pending += reporter.end(summary);
  flush();
  if (failed) return exitCodes.failure;
  return overThreshold ? exitCodes.findings : exitCodes.clean;
}
