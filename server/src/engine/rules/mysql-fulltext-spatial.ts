// mysql-fulltext-spatial: a FULLTEXT or SPATIAL index built on an existing MySQL/MariaDB table, or a
// rebuild those indexes keep from running online: InnoDB does it under a shared lock, so inserts,
// updates and deletes wait; the first FULLTEXT index also rebuilds the table. The verdicts come
// from the online-DDL table (analysis/mysql-online-ddl.ts).
import type { OnlineDdlVerdict } from '../analysis/mysql-online-ddl';
import { defineRule } from './lib/rule';
import { existingTableOnlineDdl, onlineSchemaChangeTools, sentenceStart, tableText } from './lib/online-ddl';

function message(verdict: OnlineDdlVerdict, table: string): string | undefined {
  const subject = sentenceStart(verdict.subject);
  if (verdict.cause === 'fulltext-index' || verdict.cause === 'spatial-index') {
    const work = verdict.rebuildsTable ? `rebuilds ${table} and builds the index` : 'builds the index';
    return `${subject} ${work} under a shared lock: inserts, updates and deletes on ${table} wait until it ends`;
  }
  if (verdict.writesBlockedBy && verdict.algorithm !== 'copy') {
    return `${subject} rebuilds ${table} under a shared lock: its ${verdict.writesBlockedBy === 'fulltext-index' ? 'FULLTEXT' : 'SPATIAL'} index cannot be rebuilt online, so inserts, updates and deletes wait until it ends`;
  }
  return undefined;
}

export const mysqlFulltextSpatial = defineRule({
  meta: {
    id: 'mysql-fulltext-spatial',
    title: 'FULLTEXT and SPATIAL indexes block writes while they are built',
    category: 'locks',
    severity: 'warning',
    dialects: ['mysql', 'mariadb'],
    aliases: {},
    fix: undefined,
    docs: {
      why: 'InnoDB builds a FULLTEXT or SPATIAL index in place but not online: it holds a shared lock for the whole build, so inserts, updates and deletes on the table wait (`LOCK=NONE` is refused). The first FULLTEXT index of a table also rebuilds the table, to add its hidden FTS_DOC_ID column. And once a table has one of these indexes, every later change that rebuilds it (adding a column on MySQL before 8.0.29 or on a FULLTEXT table, changing NULL/NOT NULL, `FORCE`) blocks writes the same way.',
      safeWay: 'Build these indexes in a quiet window, or with an online schema-change tool (gh-ost, pt-online-schema-change) on a big, busy table; consider an external search engine for large text. On a table created earlier in the same migration nothing waits, and nothing is reported.',
      bad: 'ALTER TABLE articles ADD FULLTEXT INDEX articles_body_text (body);',
      good: 'ALTER TABLE articles ADD INDEX articles_title (title);',
    },
  },
  check(ctx, stmt) {
    const onlineDdl = existingTableOnlineDdl(ctx, stmt);
    if (!onlineDdl) return;
    for (const { verdict, range } of onlineDdl.actions) {
      const text = message(verdict, tableText(onlineDdl));
      if (!text) continue;
      ctx.report({
        range,
        message: text,
        help: `Run it in a quiet window, or with ${onlineSchemaChangeTools} on a big, busy table`,
      });
    }
  },
});
