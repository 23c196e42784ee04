// `npm run bench`: checks the shared PostgreSQL and MySQL corpora with the built CLI, as a user would,
// and reports per corpus files, statements, parse coverage, statements/s, wall time and peak RSS (and
// for MySQL the statements not analysed, per project). Not a test: numbers only.
// `node bench/corpus.mjs <folder>` measures one folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const sharedCorpus = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const corpora = process.argv[2] ? [process.argv[2]] : [join(sharedCorpus, 'pg'), join(sharedCorpus, 'mysql')];
const runs = Number(process.env.BENCH_RUNS ?? 5);
mkdirSync('.bench', { recursive: true });
const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function measure(corpus) {
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const command = [process.execPath, 'dist/cli.js', 'check', corpus, '--format', 'json', '--severity', 'error'];
    const started = process.hrtime.bigint();
    const result = timeBinary
      ? spawnSync(timeBinary, ['-f', '%M', '-o', join('.bench', 'rss.txt'), ...command], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30 })
      : spawnSync(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30 });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0 && result.status !== 1) {
      console.error(`bench: the CLI exited with ${result.status} on ${corpus}`);
      process.exit(2);
    }
    const rssKb = timeBinary ? Number(readFileSync(join('.bench', 'rss.txt'), 'utf8').trim().split('\n').pop()) : Number.NaN;
    samples.push({ wallMs, rssMb: rssKb / 1024, stdout: result.stdout });
  }
  return samples;
}

/** The project a corpus file belongs to: its first folder under the corpus. */
function projectOf(corpus, path) {
  return relative(corpus, path).split(sep)[0] ?? path;
}

function report(corpus) {
  if (!existsSync(corpus)) {
    console.error(`bench: ${corpus} does not exist (the shared corpus must sit beside the repository)`);
    process.exit(2);
  }
  const samples = measure(corpus);
  const output = JSON.parse(samples[0].stdout.toString('utf8'));
  const summary = output.summary;
  let templates = 0;
  let metaCommands = 0;
  const unanalyzedByProject = new Map();
  for (const file of output.files) {
    templates += file.stats?.templates ?? 0;
    metaCommands += file.stats?.metaCommands ?? 0;
    const unanalyzed = file.stats?.unanalyzed ?? 0;
    if (unanalyzed > 0) {
      const project = projectOf(corpus, file.path);
      unanalyzedByProject.set(project, (unanalyzedByProject.get(project) ?? 0) + unanalyzed);
    }
  }
  const walls = samples.map((sample) => sample.wallMs).sort((a, b) => a - b);
  const median = walls[Math.floor(walls.length / 2)];
  const peakRss = Math.max(...samples.map((sample) => sample.rssMb));
  const coverage = ((summary.parsed + templates) / summary.statements) * 100;
  const findings = Object.entries(summary.findings).map(([severity, count]) => `${count} ${severity}`).join(', ');

  console.log(`corpus            ${corpus}`);
  console.log(`files             ${summary.files}`);
  console.log(`statements        ${summary.statements}`);
  console.log(`parsed            ${summary.parsed}`);
  console.log(`syntax errors     ${summary.syntaxErrors}`);
  console.log(`templates         ${templates} (classified, not parsed)`);
  console.log(`not analysed      ${summary.unanalyzed ?? 0} (unanalyzed-statement)`);
  for (const [project, count] of [...unanalyzedByProject].sort()) console.log(`                  ${count} in ${project}`);
  console.log(`meta-commands     ${metaCommands} (skipped, not statements)`);
  console.log(`parsed+classified ${coverage.toFixed(2)}%`);
  console.log(`findings          ${findings}`);
  console.log(`wall time         median ${median.toFixed(0)} ms over ${runs} runs (min ${walls[0].toFixed(0)}, max ${walls.at(-1).toFixed(0)})`);
  console.log(`statements/s      ${Math.round(summary.statements / (median / 1000))}`);
  console.log(`per file          ${(median / summary.files).toFixed(3)} ms`);
  console.log(`peak RSS          ${Number.isNaN(peakRss) ? 'unavailable (no /usr/bin/time)' : `${peakRss.toFixed(0)} MB`}`);
  console.log('');
}

for (const corpus of corpora) report(corpus);
