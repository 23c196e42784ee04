// wide-table: a table ends the file with more than 40 columns, at least one of them added by this
// file. Wide rows usually mean several entities or optional groups in one table. The limit is a
// constant: sqlsight.json sets a rule's severity, not its options.
import { documentType, tablesWithColumnsAddedHere } from './lib/design-helpers';
import { defineRule } from './lib/rule';

/** Columns a table may have before it is reported. */
const maxColumns = 40;

/** The documented example's 40 columns besides its id, five to a line. */
const documentedColumns = [
  'name text, email text, phone text, street text, city text',
  'region text, postal_code text, country text, vat_number text, iban text',
  'bic text, currency text, locale text, timezone text, newsletter boolean',
  'marketing_opt_in boolean, referral_code text, referred_by text, notes text, status text',
  'plan text, trial_ends_at timestamptz, billing_email text, billing_street text, billing_city text',
  'billing_country text, shipping_street text, shipping_city text, shipping_country text, avatar_url text',
  'bio text, website text, company text, job_title text, department text',
  'birthday date, language text, theme text, last_login_at timestamptz, login_count integer',
];

export const wideTable = defineRule({
  meta: {
    id: 'wide-table',
    title: 'Split tables with more than 40 columns',
    category: 'design',
    severity: 'hint',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: undefined,
    docs: {
      why: 'A table with dozens of columns usually holds several things at once: optional groups that are mostly NULL, repeated groups, or data of different lifetimes. Every UPDATE writes a new version of the whole row, so a wide row makes frequent small updates expensive and bloats the table; rows past about 2 kB get their large values moved out of line (TOAST); and queries, ORMs and the people reading the schema must wade through columns they do not need. PostgreSQL stops at 1,600 columns, and counts dropped ones towards it. InnoDB (MySQL, MariaDB) updates rows in place, but wide rows fill its 16 KB pages with few rows each, long values move off the page, and a row whose fixed part passes about half a page, or 65,535 bytes in all, is refused ("Row size too large"); InnoDB stops at 1,017 columns.',
      safeWay: 'Split the table by what changes together and what is optional: a one-to-one side table for a rarely used or often updated group of columns, a child table for repeated groups, a jsonb (MySQL: JSON) column for open-ended attributes. The rule reports a table with more than 40 columns (a fixed limit: rule options are not configurable yet) once, at the table\'s CREATE TABLE when this file created it, or at the first column this file added to it when an earlier file created it with 40 or fewer.',
      bad: `CREATE TABLE customers (\n  id bigint PRIMARY KEY,\n${documentedColumns.map((line) => `  ${line}`).join(',\n')}\n);`,
      good: 'CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, email text NOT NULL);\nCREATE TABLE customer_billing (customer_id bigint PRIMARY KEY REFERENCES customers (id), vat_number text, billing_address text);',
    },
  },
  check() {
    // Judged at the end of the unit, on the tables' final columns.
  },
  checkEnd(ctx) {
    for (const { table, columns, createdHere } of tablesWithColumnsAddedHere(ctx.state)) {
      const count = table.columns.length;
      if (count <= maxColumns) continue;
      // A table an earlier file left wide was reported there.
      if (!createdHere && count - columns.length > maxColumns) continue;
      const first = columns[0];
      const range = createdHere || !first ? table.definedAt.range : first.definedAt.range;
      const cost =
        ctx.state.schema.dialect === 'postgres'
          ? 'every update rewrites the whole wide row'
          : "InnoDB's 16 KB pages hold few such rows, so scans and the buffer pool carry columns most queries do not read";
      ctx.report({
        range,
        message: `\`${table.name}\` has ${count} columns (more than ${maxColumns}): ${cost}, and the table likely mixes optional or repeated groups that belong in tables of their own`,
        help: `Move groups of optional, repeated or often-updated columns to one-to-one or child tables, or open-ended attributes to one ${documentType(ctx.state.schema)} column`,
      });
    }
  },
});
