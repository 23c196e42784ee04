// identifier-too-long: PostgreSQL silently keeps only the first 63 bytes of a name; MySQL and
// MariaDB refuse a name over 64 characters and the statement fails ([ran] MariaDB 10.11: ERROR 1059
// "Identifier name … is too long" for columns, indexes and constraints, ERROR 1103/1166 "Incorrect
// table/column name" for tables, views and RENAME COLUMN; 64 two-byte characters are accepted).
// Checked for the names a statement creates (tables, columns, constraints, indexes, other objects,
// rename targets). No fix: the name is the author's to choose, and other code and later migrations
// refer to it, so cutting it to fit would pick a name nobody chose.
import type { Statement, TextRange, TruncatedIdentifier } from '../model';
import { defineRule, type RuleContext } from './lib/rule';

interface CreatedName {
  readonly name: string;
  /** Where the name is written, when the model knows; otherwise the first token with that name counts. */
  readonly within: TextRange | undefined;
  /** MySQL/MariaDB: where to report the name (the model keeps no truncated-identifier tokens there). */
  readonly at?: TextRange;
}

const constraintNames = (constraints: readonly { readonly name: string | undefined; readonly range: TextRange }[]): CreatedName[] =>
  constraints.flatMap((constraint) => (constraint.name ? [{ name: constraint.name, within: constraint.range }] : []));

const indexNames = (indexes: readonly { readonly name: string | undefined; readonly range: TextRange }[]): CreatedName[] =>
  indexes.flatMap((index) => (index.name ? [{ name: index.name, within: index.range }] : []));

function alterTableNames(stmt: Extract<Statement, { kind: 'alter-table' }>): CreatedName[] {
  return stmt.actions.flatMap((action): CreatedName[] => {
    switch (action.kind) {
      case 'add-column':
        return [{ name: action.column.name, within: action.column.nameRange }, ...constraintNames(action.column.constraints)];
      case 'add-constraint':
        return constraintNames([action.constraint]);
      case 'rename-column':
      case 'rename-constraint':
      case 'rename-table':
      case 'rename-index':
        return [{ name: action.to, within: action.range }];
      // MySQL/MariaDB only: CHANGE's new name and ADD INDEX.
      case 'change-column':
        return action.definition.name === action.column ? [] : [{ name: action.definition.name, within: action.definition.nameRange }];
      case 'add-index':
        return indexNames([action.index]);
      default:
        return [];
    }
  });
}

function createdNames(stmt: Statement): CreatedName[] {
  switch (stmt.kind) {
    case 'create-table':
      return [
        { name: stmt.table.name, within: stmt.table.range },
        ...stmt.columns.flatMap((column) => [{ name: column.name, within: column.nameRange }, ...constraintNames(column.constraints)]),
        ...constraintNames(stmt.constraints),
        ...indexNames(stmt.indexes ?? []),
      ];
    case 'alter-table':
      return alterTableNames(stmt);
    case 'create-index':
      return stmt.name ? [{ name: stmt.name.name, within: undefined, at: stmt.name.range }] : [];
    case 'create-other':
      return stmt.name ? [{ name: stmt.name.name, within: undefined, at: stmt.name.range }] : [];
    case 'create-trigger':
      return [{ name: stmt.name, within: undefined }];
    case 'rename-object':
      return [{ name: stmt.to, within: undefined }];
    default:
      return [];
  }
}

const utf8 = new TextEncoder();

/** MySQL/MariaDB: names may have at most 64 characters (Reference Manual, "Identifier Length Limits"). */
const mysqlMaximum = 64;

function checkMysql(ctx: RuleContext, stmt: Statement): void {
  const server = stmt.dialect === 'mysql' ? 'MySQL' : 'MariaDB';
  for (const created of createdNames(stmt)) {
    const length = [...created.name].length;
    if (length <= mysqlMaximum) continue;
    ctx.report({
      range: created.at ?? created.within ?? stmt.range,
      message: `This name is ${length} characters long: ${server} accepts at most ${mysqlMaximum}, so the statement fails with an error instead of cutting the name`,
      help: `Shorten it to at most ${mysqlMaximum} characters`,
    });
  }
}

export const identifierTooLong = defineRule({
  meta: {
    id: 'identifier-too-long',
    title: 'Keep identifiers within 63 bytes (PostgreSQL) or 64 characters (MySQL)',
    category: 'types',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {
      squawk: ['identifier-too-long'],
    },
    fix: undefined,
    docs: {
      why: 'PostgreSQL keeps only the first 63 bytes of an identifier (NAMEDATALEN - 1) and drops the rest with a mere NOTICE. Two long names that share their first 63 bytes then collide ("already exists"), and tools or code that compare the full name with the catalog (ORMs, schema diff tools, `pg_constraint` lookups) never find it. Non-ASCII letters take two or more bytes each, so the limit comes sooner than 63 characters. MySQL and MariaDB cut nothing: a table, column, index, constraint or view name over 64 characters makes the statement fail ("Identifier name … is too long", "Incorrect table name"), so the migration stops there; they count characters, not bytes.',
      safeWay: 'Choose a name of at most 63 bytes (PostgreSQL) or 64 characters (MySQL, MariaDB), abbreviating the parts that repeat the table name. There is no fix: code and later migrations refer to the name, so choosing the shorter one is the author\'s call.',
      bad: 'ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_billing_account_id_foreign_key_to_billing_accounts_table FOREIGN KEY (billing_account_id) REFERENCES billing_accounts (id) NOT VALID;',
      good: 'ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_billing_account_fk FOREIGN KEY (billing_account_id) REFERENCES billing_accounts (id) NOT VALID;',
    },
  },
  check(ctx, stmt) {
    if (stmt.dialect !== 'postgres') {
      checkMysql(ctx, stmt);
      return;
    }
    const truncated = stmt.truncatedIdentifiers ?? [];
    if (truncated.length === 0) return;
    const reported = new Set<TruncatedIdentifier>();
    for (const created of createdNames(stmt)) {
      const candidates = truncated.filter((identifier) => identifier.kept === created.name && !reported.has(identifier));
      const within = created.within;
      const inside = within && candidates.find((candidate) => within.start <= candidate.range.start && candidate.range.end <= within.end);
      const identifier = inside ?? candidates[0];
      if (!identifier) continue;
      reported.add(identifier);
      ctx.report({
        range: identifier.range,
        message: `This name is ${utf8.encode(identifier.written).length} bytes long: PostgreSQL silently keeps only the first 63 (\`${identifier.kept}\`), so names sharing them collide and code comparing the full name never finds it`,
        help: 'Shorten it to at most 63 bytes',
      });
    }
  },
});
