// imprecise-money: binary floating point cannot hold most decimal amounts exactly, and PostgreSQL's
// money type depends on the server's lc_monetary locale. MySQL/MariaDB: FLOAT and DOUBLE (REAL is
// DOUBLE), also with `(M,D)`, which only rounds what is shown and stored, still in binary.
import { defineRule } from './lib/rule';
import { displayType, typeUses } from './lib/type-helpers';

/** Name parts that mark a column as an amount of money. */
const moneyWords = new Set([
  'amount', 'balance', 'cost', 'costs', 'price', 'prices', 'fee', 'fees', 'salary', 'wage', 'wages', 'money', 'payment',
  'revenue', 'tax', 'vat', 'subtotal', 'total', 'discount', 'refund', 'budget', 'charge', 'credit', 'debit', 'income',
  'expense', 'invoice', 'payout', 'tip', 'commission', 'cents',
]);

/** Binary floating point: PostgreSQL's real and double precision, MySQL's FLOAT and DOUBLE. */
const floatTypes = new Set(['float4', 'float8', 'float', 'double']);

/** `unit_price`, `totalAmount`, `PriceEUR` → its lower-case words. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

export const impreciseMoney = defineRule({
  meta: {
    id: 'imprecise-money',
    title: 'Store money as numeric, not float or money',
    category: 'types',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: undefined,
    docs: {
      why: '`real` and `double precision` are binary floating point: most decimal amounts (0.10, 19.99) have no exact representation, so sums drift by fractions of a cent and equality checks fail. PostgreSQL\'s `money` type takes its scale and currency symbol from the server\'s `lc_monetary` setting, so the same dump means different amounts on a server with another locale, and it holds one currency only.',
      safeWay: 'Use `numeric(p, s)` with the scale the currency needs (`numeric(12, 2)`; MySQL and MariaDB: `DECIMAL(12, 2)`, not `FLOAT` or `DOUBLE`, whose `(M, D)` only rounds a binary value), or an integer count of the smallest unit (`bigint` cents), plus a currency column when there is more than one.',
      bad: 'CREATE TABLE invoices (id bigint PRIMARY KEY, total double precision NOT NULL);',
      good: 'CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric(12, 2) NOT NULL);',
    },
  },
  check(ctx, stmt) {
    for (const use of typeUses(ctx, stmt)) {
      const { canonical } = use.type;
      const column = `\`${use.table.name}\`.\`${use.column}\``;
      if (canonical === 'money' && stmt.dialect === 'postgres') {
        ctx.report({
          range: use.type.range,
          message: `${column} is money: its scale and currency come from the server's lc_monetary setting, so the same value means a different amount on a server with another locale`,
          help: 'Use numeric(p, s), e.g. numeric(12, 2), and a currency column if there is more than one currency',
          // PostgreSQL wiki, "Don't Do This": a legacy type with a better replacement.
          tags: ['deprecated'],
        });
      } else if (floatTypes.has(canonical) && nameWords(use.column).some((word) => moneyWords.has(word))) {
        const decimal = stmt.dialect === 'postgres' ? 'numeric' : 'decimal';
        ctx.report({
          range: use.type.range,
          message: `${column} looks like an amount of money but is ${displayType(use.type)}: binary floating point cannot store most decimal amounts exactly, so sums and comparisons drift`,
          help: `Use ${decimal}(p, s), e.g. ${decimal}(12, 2), or an integer count of cents`,
        });
      }
    }
  },
});
