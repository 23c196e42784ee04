// The `sqlsight` command's entry point (bundled to dist/cli.js): wires the process (argv, streams,
// exit code) to the commands, and doubles as the analysis worker thread's script. Nothing below
// this file touches `process` directly, and no user error escapes as a stack trace.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadEngine } from '../engine';
import { isAnalysisWorkerData, runAnalysisWorker } from './analysis-pool';
import { parseCommandLine, usageText } from './args';
import { exitCodes, runCheck, type Terminal } from './check';
import { toolVersion } from './package-info';
import { rulesCommand } from './rules-command';
import { runSchema } from './schema-command';
import { runExplain } from './explain-command';

function processTerminal(): Terminal {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    writeStdout: (text) => process.stdout.write(text),
    writeStderr: (text) => process.stderr.write(text),
    async readStdin() {
      const chunks: Buffer[] = [];
      const input: AsyncIterable<unknown> = process.stdin;
      for await (const chunk of input) {
        if (Buffer.isBuffer(chunk)) chunks.push(chunk);
        else if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, 'utf8'));
      }
      return Buffer.concat(chunks);
    },
  };
}

async function main(argv: readonly string[], terminal: Terminal): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (!parsed.ok) {
    terminal.writeStderr(`sqlsight: ${parsed.message}\n`);
    return exitCodes.failure;
  }
  const command = parsed.command;
  switch (command.kind) {
    case 'help':
      terminal.writeStdout(usageText);
      return exitCodes.clean;
    case 'version':
      terminal.writeStdout(`${toolVersion}\n`);
      return exitCodes.clean;
    case 'rules': {
      const engine = await loadEngine();
      const outcome = rulesCommand(engine.rules, command.id);
      if (!outcome.ok) {
        terminal.writeStderr(`sqlsight: ${outcome.message}\n`);
        return exitCodes.failure;
      }
      terminal.writeStdout(outcome.text);
      return exitCodes.clean;
    }
    case 'check':
      return runCheck(command, terminal, await loadEngine(), __filename);
    case 'schema':
      return runSchema(command, terminal, await loadEngine());
    case 'explain':
      return runExplain(command, terminal, await loadEngine());
  }
}

if (!isMainThread && isAnalysisWorkerData(workerData) && parentPort) {
  runAnalysisWorker(parentPort, workerData.migrationSets);
} else {
  // A closed pipe (`sqlsight check | head`) is the reader's choice, not an error worth a trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2), processTerminal()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`sqlsight: internal error (a bug; please report it): ${detail}\n`);
      process.exitCode = exitCodes.failure;
    },
  );
}
