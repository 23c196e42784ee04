// transaction-nesting: BEGIN inside an open transaction (PostgreSQL ignores it; MySQL commits the open
// one), COMMIT/ROLLBACK with no transaction open, a COMMIT that ends the transaction the migration
// tool opened, and savepoints outside a transaction. Each means the statements are not grouped the
// way the file says. MySQL/MariaDB also commit implicitly at every DDL statement, so a COMMIT after
// DDL finds no transaction ([ran] MariaDB 10.11: a nested BEGIN committed the first INSERT; a ROLLBACK
// after an ALTER kept the INSERT before it; COMMIT and ROLLBACK with none open raise nothing; SAVEPOINT
// outside a transaction succeeds and ROLLBACK TO it fails with "SAVEPOINT … does not exist").
import type { RelatedInformation, Statement, TextRange } from '../model';
import { defineRule, type ReportInput, type RuleContext } from './lib/rule';
import { unitMemory } from './lib/unit-memory';

function outerBegin(ctx: RuleContext): RelatedInformation[] {
  const start = ctx.state.transactionStart;
  return ctx.state.explicitTransaction && start ? [{ range: start, message: 'The transaction opened here is still open' }] : [];
}

/** What the rule remembers of a MySQL/MariaDB unit: implicit commits and `SET autocommit`. */
interface MysqlMemory {
  /** The previous statement, and whether a transaction was open before it. */
  previous: { readonly range: TextRange; readonly inTransaction: boolean; readonly endsTransaction: boolean } | undefined;
  /** The DDL statement that last committed an open transaction implicitly, until the next BEGIN. */
  implicitCommit: TextRange | undefined;
  /** `SET autocommit = 0`: every statement runs in a transaction until COMMIT, so COMMIT always has one. */
  autocommitOff: boolean;
}

const mysqlMemory = unitMemory<MysqlMemory>(() => ({ previous: undefined, implicitCommit: undefined, autocommitOff: false }));

function isOff(value: string | undefined): boolean {
  const word = value?.trim().toLowerCase();
  return word === '0' || word === 'off' || word === 'false';
}

/** Keeps the memory in step with the statement about to run (the state is the one before it). */
function remember(ctx: RuleContext, stmt: Statement): MysqlMemory {
  const memory = mysqlMemory(ctx);
  const previous = memory.previous;
  // A transaction open before the previous statement and closed after it, by no COMMIT or ROLLBACK: DDL committed it.
  if (previous?.inTransaction && !ctx.state.inTransaction && !previous.endsTransaction) memory.implicitCommit = previous.range;
  if (stmt.kind === 'transaction' && stmt.action === 'begin') memory.implicitCommit = undefined;
  if (stmt.kind === 'set' && stmt.name === 'autocommit' && !stmt.global) memory.autocommitOff = isOff(stmt.value);
  const endsTransaction = stmt.kind === 'transaction' && stmt.action !== 'savepoint' && stmt.action !== 'release' && stmt.action !== 'rollback-to';
  memory.previous = { range: stmt.range, inTransaction: ctx.state.inTransaction, endsTransaction };
  return memory;
}

const implicitCommitHelp =
  'Drop BEGIN/COMMIT around DDL (MySQL commits at every DDL statement), and keep DDL and data changes in separate migrations so a failure leaves nothing half-applied';

/** MySQL/MariaDB: COMMIT or ROLLBACK with no transaction open. */
function mysqlNoTransaction(stmt: Statement, action: 'commit' | 'rollback', implicitCommit: TextRange | undefined): ReportInput {
  const word = action === 'commit' ? 'COMMIT' : 'ROLLBACK';
  if (implicitCommit) {
    return {
      range: stmt.range,
      message:
        action === 'commit'
          ? 'COMMIT finds no open transaction: the DDL statement before it already committed implicitly, so the statements before it never ran as one transaction'
          : 'ROLLBACK finds no open transaction: the DDL statement before it already committed implicitly, so nothing before it is undone',
      help: implicitCommitHelp,
      related: [{ range: implicitCommit, message: 'MySQL committed the open transaction implicitly here' }],
    };
  }
  return {
    range: stmt.range,
    message: `${word} with no transaction open ${action === 'commit' ? 'does nothing' : 'undoes nothing'}: with autocommit on, the statements before it already committed one by one`,
    help: 'Add the missing BEGIN where the transaction should start, or remove this statement',
  };
}

/** MySQL/MariaDB: a savepoint statement with no transaction open. */
function mysqlSavepoint(stmt: Statement, action: 'savepoint' | 'release' | 'rollback-to', implicitCommit: TextRange | undefined): ReportInput {
  const why = implicitCommit ? 'the DDL statement before it committed the transaction and its savepoints implicitly' : 'no transaction is open';
  return {
    range: stmt.range,
    message:
      action === 'savepoint'
        ? `This SAVEPOINT does nothing because ${why}: a later ROLLBACK TO it fails with "SAVEPOINT does not exist"`
        : `This statement fails with "SAVEPOINT does not exist" because ${why}, and the migration stops here`,
    help: implicitCommit ? implicitCommitHelp : 'Open a transaction with BEGIN before the SAVEPOINT, or remove the savepoint statements',
    ...(implicitCommit ? { related: [{ range: implicitCommit, message: 'MySQL committed the open transaction implicitly here' }] } : {}),
  };
}

interface Texts {
  readonly message: string;
  readonly help: string;
}

/**
 * BEGIN while a transaction is open, inside an explicit transaction (`nested`) or the tool's (`tool`):
 * PostgreSQL ignores it with a warning; MySQL/MariaDB commit the open transaction.
 */
const beginTexts: Readonly<Record<'postgres' | 'mysql', { readonly nested: Texts; readonly tool: Texts }>> = {
  postgres: {
    nested: {
      message: 'BEGIN inside a transaction that is already open: PostgreSQL ignores it with a warning, and the next COMMIT commits the outer transaction too',
      help: 'Remove this BEGIN (PostgreSQL has no nested transactions; use SAVEPOINT to roll back part of a transaction)',
    },
    tool: {
      message:
        "BEGIN in a migration the tool already runs in a transaction: PostgreSQL ignores it with a warning, and the matching COMMIT ends the tool's transaction early, so later statements run outside it",
      help: 'Remove BEGIN/COMMIT from this migration, or mark the migration non-transactional for the tool and keep them',
    },
  },
  mysql: {
    nested: {
      message:
        'BEGIN inside a transaction that is already open commits it implicitly: MySQL has no nested transactions, so the statements since the first BEGIN can no longer be rolled back',
      help: 'Remove this BEGIN, or COMMIT the first transaction before it (use SAVEPOINT to roll back part of a transaction)',
    },
    tool: {
      message: "BEGIN in a migration the tool already runs in a transaction commits the tool's transaction implicitly: the statements before it can no longer be rolled back with the rest",
      help: 'Remove BEGIN/COMMIT from this migration, or mark the migration non-transactional for the tool and keep them',
    },
  },
};

function beginFinding(ctx: RuleContext, stmt: Statement): ReportInput {
  const texts = beginTexts[stmt.dialect === 'postgres' ? 'postgres' : 'mysql'];
  return ctx.state.explicitTransaction ? { range: stmt.range, ...texts.nested, related: outerBegin(ctx) } : { range: stmt.range, ...texts.tool };
}

function postgresNoTransaction(stmt: Statement, action: 'commit' | 'rollback'): ReportInput {
  return {
    range: stmt.range,
    message:
      action === 'commit'
        ? 'COMMIT with no transaction open: PostgreSQL only warns, and the statements before it already ran and committed one by one'
        : 'ROLLBACK with no transaction open undoes nothing: the statements before it already ran and committed one by one',
    help: 'Add the missing BEGIN where the transaction should start, or remove this statement',
  };
}

export const transactionNesting = defineRule({
  meta: {
    id: 'transaction-nesting',
    title: 'BEGIN and COMMIT that do not match the transaction in effect',
    category: 'transactions',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {
      squawk: ['transaction-nesting'],
    },
    fix: undefined,
    docs: {
      why: 'PostgreSQL has no nested transactions. A `BEGIN` inside an open transaction only raises a warning and is ignored, so the first `COMMIT` commits everything, including what the outer transaction meant to keep together. In a migration the tool already runs in a transaction (Flyway, dbmate and goose by default, `assumeInTransaction`), an explicit `BEGIN` is such a nested one and its `COMMIT` ends the tool\'s transaction early: the statements after it, and the tool\'s own bookkeeping, run outside any transaction. A `COMMIT` or `ROLLBACK` with no transaction open does nothing (a `ROLLBACK` there undoes nothing: the statements before it are already committed), and `SAVEPOINT` outside a transaction fails. MySQL and MariaDB differ: a `BEGIN` (or `START TRANSACTION`) inside an open transaction commits it, and every DDL statement commits the open transaction implicitly, so a `COMMIT` or `ROLLBACK` after DDL finds no transaction and the statements since `BEGIN` were never one transaction; a `SAVEPOINT` outside a transaction does nothing and `ROLLBACK TO` it fails. After `SET autocommit = 0` a transaction is always open, and MySQL COMMITs and ROLLBACKs are not reported.',
      safeWay: 'Let exactly one party open and close the transaction: either remove `BEGIN`/`COMMIT` from migrations the tool wraps, or mark the migration non-transactional for the tool (dbmate `transaction:false`, goose `-- +goose NO TRANSACTION`) and keep the explicit `BEGIN … COMMIT`. Use `SAVEPOINT` only inside a transaction. On MySQL and MariaDB, do not wrap DDL in `BEGIN … COMMIT` (it cannot be rolled back), and keep DDL and data changes in separate migrations.',
      bad: 'BEGIN;\nALTER TABLE users ADD COLUMN nickname text;\nBEGIN;\nALTER TABLE users ADD COLUMN bio text;\nCOMMIT;',
      good: 'BEGIN;\nALTER TABLE users ADD COLUMN nickname text;\nALTER TABLE users ADD COLUMN bio text;\nCOMMIT;',
    },
  },
  check(ctx, stmt) {
    const postgres = stmt.dialect === 'postgres';
    const memory = postgres ? undefined : remember(ctx, stmt);
    if (stmt.kind !== 'transaction') return;
    const { inTransaction, explicitTransaction, toolTransaction, nestedBegin } = ctx.state;
    switch (stmt.action) {
      case 'begin':
        if (!inTransaction) return;
        ctx.report(beginFinding(ctx, stmt));
        return;
      case 'commit':
      case 'rollback': {
        const word = stmt.action === 'commit' ? 'COMMIT' : 'ROLLBACK';
        if (!inTransaction) {
          if (memory?.autocommitOff) return;
          ctx.report(memory ? mysqlNoTransaction(stmt, stmt.action, memory.implicitCommit) : postgresNoTransaction(stmt, stmt.action));
          return;
        }
        // A COMMIT after an ignored nested BEGIN is reported at that BEGIN.
        if (!explicitTransaction && toolTransaction && !nestedBegin) {
          ctx.report({
            range: stmt.range,
            message: `${word} inside the transaction the migration tool wraps around this migration ends it early: the statements after it run outside a transaction, and the tool's own COMMIT finds none`,
            help: 'Remove it and let the tool commit, or mark the migration non-transactional for the tool and add an explicit BEGIN',
          });
        }
        return;
      }
      case 'savepoint':
      case 'release':
      case 'rollback-to':
        if (inTransaction || memory?.autocommitOff) return;
        ctx.report(
          memory
            ? mysqlSavepoint(stmt, stmt.action, memory.implicitCommit)
            : {
                range: stmt.range,
                message: 'Savepoints exist only inside a transaction block: outside one this statement fails and the migration stops here',
                help: 'Open a transaction with BEGIN before the SAVEPOINT, or remove the savepoint statements',
              },
        );
        return;
      default:
        return;
    }
  },
});
