// unanalyzed-statement: reported by the pipeline for statements it cannot analyse (templates); metadata and docs here.
import { defineRule } from './lib/rule';

export const unanalyzedStatement = defineRule({
  meta: {
    id: 'unanalyzed-statement',
    title: 'Statement could not be analysed',
    category: 'parsing',
    severity: 'info',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: undefined,
    docs: {
      why: 'A statement holding a template placeholder (`{{ … }}`, `%PREFIX%`, a psql `:variable`) has no fixed text until the migration tool fills it in, so no rule can check it. It is shown so nothing goes unanalysed silently.',
      safeWay: 'Nothing to do unless the statement is risky; review it by hand, or suppress the finding for the file.',
      bad: 'CREATE INDEX users_email ON {{ .Schema }}.users (email);',
      good: 'CREATE INDEX users_email ON auth.users (email);',
    },
  },
  check() {},
});
