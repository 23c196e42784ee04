// PostgreSQL table-level lock modes, what each blocks, and which lock a statement takes on which
// table. Data, not prose, so rules, hover and inlay hints say the same thing.
// Source: PostgreSQL docs, "Explicit Locking" (13.3.1) and each command's reference page.
import type { AlterTableAction, Dialect, ObjectName, Statement } from '../model';

export const lockModes = [
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
] as const;

export type LockMode = (typeof lockModes)[number];

/** What ordinary application traffic a held lock makes wait. */
export const lockBlocks: Record<LockMode, string> = {
  'ACCESS SHARE': 'only ACCESS EXCLUSIVE requests',
  'ROW SHARE': 'only EXCLUSIVE and ACCESS EXCLUSIVE requests',
  'ROW EXCLUSIVE': 'SHARE and stronger locks (index builds, most ALTER TABLE)',
  'SHARE UPDATE EXCLUSIVE': 'VACUUM, ANALYZE and other schema changes, not reads or writes',
  SHARE: 'inserts, updates and deletes (reads continue)',
  'SHARE ROW EXCLUSIVE': 'inserts, updates and deletes (reads continue)',
  EXCLUSIVE: 'inserts, updates, deletes and SELECT … FOR UPDATE (plain reads continue)',
  'ACCESS EXCLUSIVE': 'every query on the table, reads included',
};

/**
 * MySQL and MariaDB DDL takes metadata locks, not PostgreSQL's table locks: an ALTER, index build,
 * RENAME, DROP or TRUNCATE needs the table's exclusive metadata lock (briefly for INSTANT and
 * INPLACE, for the whole copy with ALGORITHM=COPY), and while it waits for it every later query on
 * the table queues behind it. The lock modes above stand for them: ACCESS EXCLUSIVE is the
 * exclusive metadata lock, ROW EXCLUSIVE the row locks of DML.
 */
const mysqlLockNames: Partial<Record<LockMode, string>> = {
  'ACCESS EXCLUSIVE': 'an exclusive metadata lock',
  'ROW EXCLUSIVE': 'row locks',
};
const mysqlLockBlocks: Partial<Record<LockMode, string>> = {
  'ACCESS EXCLUSIVE': 'every query on the table while it waits for the lock and while it holds it',
  'ROW EXCLUSIVE': 'writes to the same rows',
};

/** The lock as the dialect's documentation names it: `ACCESS EXCLUSIVE`, or MySQL's `an exclusive metadata lock`. */
export function lockName(mode: LockMode, dialect: Dialect): string {
  return dialect === 'postgres' ? mode : (mysqlLockNames[mode] ?? mode);
}

/** A short label for an inlay hint: `ACCESS EXCLUSIVE`, or MySQL's `METADATA EXCLUSIVE`. */
export function lockLabel(mode: LockMode, dialect: Dialect): string {
  return dialect === 'postgres' || mode !== 'ACCESS EXCLUSIVE' ? mode : 'METADATA EXCLUSIVE';
}

/** What the lock makes wait, in the dialect's terms. */
export function lockBlocksIn(mode: LockMode, dialect: Dialect): string {
  return dialect === 'postgres' ? lockBlocks[mode] : (mysqlLockBlocks[mode] ?? lockBlocks[mode]);
}

export function lockStrength(mode: LockMode): number {
  return lockModes.indexOf(mode);
}

/** Locks at or above SHARE stop writes: the ones a migration must keep short. */
export function blocksWrites(mode: LockMode): boolean {
  return lockStrength(mode) >= lockStrength('SHARE');
}

export interface LockAcquisition {
  readonly table: ObjectName;
  readonly mode: LockMode;
}

function actionLock(action: AlterTableAction): LockMode {
  switch (action.kind) {
    case 'add-constraint':
      // A foreign key takes SHARE ROW EXCLUSIVE on both tables; VALIDATE and NOT VALID checks are lighter.
      if (action.constraint.kind === 'foreign-key') return 'SHARE ROW EXCLUSIVE';
      return 'ACCESS EXCLUSIVE';
    case 'validate-constraint':
    case 'attach-partition':
      return 'SHARE UPDATE EXCLUSIVE';
    case 'detach-partition':
      return action.concurrently ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
    case 'enable-disable-trigger':
      return 'SHARE ROW EXCLUSIVE';
    default:
      return 'ACCESS EXCLUSIVE';
  }
}

function strongest(modes: readonly LockMode[]): LockMode {
  return modes.reduce<LockMode>((best, mode) => (lockStrength(mode) > lockStrength(best) ? mode : best), 'ACCESS SHARE');
}

/** Table locks a PostgreSQL statement takes, strongest per table. Empty for statements that lock no table. */
export function locksTaken(stmt: Statement): LockAcquisition[] {
  if (stmt.dialect !== 'postgres') return mysqlLocksTaken(stmt);
  switch (stmt.kind) {
    case 'create-index':
      return [{ table: stmt.table, mode: stmt.concurrently ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE' }];
    case 'drop':
      if (stmt.objectKind === 'index') {
        return stmt.names.map((table) => ({ table, mode: stmt.concurrently ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE' }));
      }
      // Dropping a trigger takes ACCESS EXCLUSIVE on its table (RemoveTriggerById).
      if (stmt.objectKind === 'trigger' && stmt.onTable) return [{ table: stmt.onTable, mode: 'ACCESS EXCLUSIVE' }];
      if (stmt.objectKind === 'table' || stmt.objectKind === 'materialized-view' || stmt.objectKind === 'view') {
        return stmt.names.map((table) => ({ table, mode: 'ACCESS EXCLUSIVE' }));
      }
      return [];
    case 'alter-table': {
      const locks: LockAcquisition[] = [{ table: stmt.table, mode: strongest(stmt.actions.map(actionLock)) }];
      for (const action of stmt.actions) {
        const references = action.kind === 'add-constraint' ? action.constraint.references : undefined;
        if (references) locks.push({ table: references.table, mode: 'SHARE ROW EXCLUSIVE' });
        if (action.kind === 'add-column') {
          for (const constraint of action.column.constraints) {
            if (constraint.references) locks.push({ table: constraint.references.table, mode: 'SHARE ROW EXCLUSIVE' });
          }
        }
      }
      return locks;
    }
    case 'create-table': {
      // Foreign keys of a new table lock the tables they reference (SHARE ROW EXCLUSIVE) while created.
      const references = [...stmt.constraints, ...stmt.columns.flatMap((column) => column.constraints)]
        .map((constraint) => constraint.references?.table)
        .filter((table): table is ObjectName => table !== undefined)
        // A self-reference locks only the table being created.
        .filter((table) => !(table.name === stmt.table.name && (table.schema ?? stmt.table.schema) === stmt.table.schema));
      return references.map((table) => ({ table, mode: 'SHARE ROW EXCLUSIVE' }));
    }
    case 'truncate':
      return stmt.tables.map((table) => ({ table, mode: 'ACCESS EXCLUSIVE' }));
    case 'create-trigger':
      return [{ table: stmt.table, mode: 'SHARE ROW EXCLUSIVE' }];
    case 'reindex':
      return stmt.name ? [{ table: stmt.name, mode: stmt.concurrently ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE' }] : [];
    case 'refresh-materialized-view':
      return [{ table: stmt.name, mode: stmt.concurrently ? 'EXCLUSIVE' : 'ACCESS EXCLUSIVE' }];
    case 'vacuum':
      return stmt.full ? stmt.tables.map((table) => ({ table, mode: 'ACCESS EXCLUSIVE' })) : [];
    case 'cluster':
      return stmt.table ? [{ table: stmt.table, mode: 'ACCESS EXCLUSIVE' }] : [];
    case 'rename-object':
      return stmt.objectKind === 'index' || stmt.objectKind === 'view' || stmt.objectKind === 'materialized-view'
        ? [{ table: stmt.name, mode: 'ACCESS EXCLUSIVE' }]
        : [];
    default:
      return rowLocks(stmt);
  }
}

/** Both dialects: INSERT, UPDATE and DELETE lock the rows they write (ROW EXCLUSIVE on the table). */
function rowLocks(stmt: Statement): LockAcquisition[] {
  return stmt.kind === 'insert' || stmt.kind === 'update' || stmt.kind === 'delete' ? [{ table: stmt.table, mode: 'ROW EXCLUSIVE' }] : [];
}

/** MySQL/MariaDB: DDL on a table takes its exclusive metadata lock; DML takes row locks. */
function mysqlLocksTaken(stmt: Statement): LockAcquisition[] {
  switch (stmt.kind) {
    case 'alter-table':
    case 'create-index':
    case 'create-trigger':
      return [{ table: stmt.table, mode: 'ACCESS EXCLUSIVE' }];
    case 'drop':
      if (stmt.objectKind === 'index' || stmt.objectKind === 'trigger') return stmt.onTable ? [{ table: stmt.onTable, mode: 'ACCESS EXCLUSIVE' }] : [];
      return stmt.objectKind === 'table' || stmt.objectKind === 'view' ? stmt.names.map((table) => ({ table, mode: 'ACCESS EXCLUSIVE' })) : [];
    case 'truncate':
      return stmt.tables.map((table) => ({ table, mode: 'ACCESS EXCLUSIVE' }));
    case 'rename-object':
      return stmt.objectKind === 'table' ? [{ table: stmt.name, mode: 'ACCESS EXCLUSIVE' }] : [];
    default:
      return rowLocks(stmt);
  }
}
