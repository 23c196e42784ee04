// Runs node's test runner on test files found by a pattern (Node 20's --test takes no globs).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const [folder = 'test', suffix = '.test.ts', ...exclude] = process.argv.slice(2);
const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith(suffix) && !exclude.some((part) => file.startsWith(part)))
  .map((file) => join(folder, file))
  .sort();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
