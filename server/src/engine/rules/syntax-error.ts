// syntax-error: reported by the pipeline (one per unparsable statement); this file holds its metadata and docs.
import { defineRule } from './lib/rule';

export const syntaxError = defineRule({
  meta: {
    id: 'syntax-error',
    title: 'Statement does not parse',
    category: 'parsing',
    severity: 'error',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: { squawk: ['syntax-error'] },
    fix: undefined,
    docs: {
      why: 'The server would reject this statement, so the migration fails at this point; sqlsight cannot analyse it either. The finding sits at the parser\'s own error position, and the rest of the file is still analysed.',
      safeWay: 'Fix the statement. psql meta-commands (`\\set`, `\\ir` …) and template placeholders are recognised and are not syntax errors.',
      bad: 'ALTER TABLE users ADD COLUMN;',
      good: 'ALTER TABLE users ADD COLUMN nickname text;',
    },
  },
  check() {},
});
