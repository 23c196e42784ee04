// identifier-too-long: PostgreSQL silently keeps only the first 63 bytes of a name. Checked for the
// names a statement creates (tables, columns, constraints, indexes, other objects, rename targets).
import type { Statement, TextRange, TruncatedIdentifier } from '../model';
import { defineRule } from './lib/rule';

interface CreatedName {
  readonly name: string;
  /** Where the name is written, when the model knows; otherwise the first token with that name counts. */
  readonly within: TextRange | undefined;
}

function createdNames(stmt: Statement): CreatedName[] {
  switch (stmt.kind) {
    case 'create-table':
      return [
        { name: stmt.table.name, within: stmt.table.range },
        ...stmt.columns.flatMap((column) => [
          { name: column.name, within: column.nameRange },
          ...column.constraints.flatMap((constraint) => (constraint.name ? [{ name: constraint.name, within: constraint.range }] : [])),
        ]),
        ...stmt.constraints.flatMap((constraint) => (constraint.name ? [{ name: constraint.name, within: constraint.range }] : [])),
      ];
    case 'alter-table':
      return stmt.actions.flatMap((action): CreatedName[] => {
        switch (action.kind) {
          case 'add-column':
            return [
              { name: action.column.name, within: action.column.nameRange },
              ...action.column.constraints.flatMap((constraint) => (constraint.name ? [{ name: constraint.name, within: constraint.range }] : [])),
            ];
          case 'add-constraint':
            return action.constraint.name ? [{ name: action.constraint.name, within: action.constraint.range }] : [];
          case 'rename-column':
          case 'rename-constraint':
          case 'rename-table':
            return [{ name: action.to, within: action.range }];
          default:
            return [];
        }
      });
    case 'create-index':
      return stmt.name ? [{ name: stmt.name.name, within: undefined }] : [];
    case 'create-other':
      return stmt.name ? [{ name: stmt.name.name, within: undefined }] : [];
    case 'create-trigger':
      return [{ name: stmt.name, within: undefined }];
    case 'rename-object':
      return [{ name: stmt.to, within: undefined }];
    default:
      return [];
  }
}

const utf8 = new TextEncoder();

export const identifierTooLong = defineRule({
  meta: {
    id: 'identifier-too-long',
    title: 'Keep identifiers within 63 bytes',
    category: 'types',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['identifier-too-long'],
    },
    fix: undefined,
    docs: {
      why: 'PostgreSQL keeps only the first 63 bytes of an identifier (NAMEDATALEN - 1) and drops the rest with a mere NOTICE. Two long names that share their first 63 bytes then collide ("already exists"), and tools or code that compare the full name with the catalog (ORMs, schema diff tools, `pg_constraint` lookups) never find it. Non-ASCII letters take two or more bytes each, so the limit comes sooner than 63 characters.',
      safeWay: 'Choose a name of at most 63 bytes, abbreviating the parts that repeat the table name.',
      bad: 'ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_billing_account_id_foreign_key_to_billing_accounts_table FOREIGN KEY (billing_account_id) REFERENCES billing_accounts (id) NOT VALID;',
      good: 'ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_billing_account_fk FOREIGN KEY (billing_account_id) REFERENCES billing_accounts (id) NOT VALID;',
    },
  },
  check(ctx, stmt) {
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
