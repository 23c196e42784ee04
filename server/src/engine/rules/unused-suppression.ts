// unused-suppression: reported by the pipeline for `sqlsight-ignore` comments that silence nothing; metadata and docs here.
import { defineRule } from './lib/rule';

export const unusedSuppression = defineRule({
  meta: {
    id: 'unused-suppression',
    title: 'Suppression comment suppresses nothing',
    category: 'parsing',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: 'safe',
    docs: {
      why: 'A `-- sqlsight-ignore <rule>` comment that matches no finding is stale (the statement changed) or misspelt, and it would silently hide a real finding later.',
      safeWay: 'Remove it, or name the rule id the finding shows. `-- sqlsight-ignore <id>[, <id>]` covers the next statement; `-- sqlsight-ignore-file <id>` the whole file.',
      bad: '-- sqlsight-ignore require-concurrent-index\nCREATE TABLE t (id bigint PRIMARY KEY);',
      good: 'CREATE TABLE t (id bigint PRIMARY KEY);',
    },
  },
  check() {},
});
