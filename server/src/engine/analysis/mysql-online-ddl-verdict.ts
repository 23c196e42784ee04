// The vocabulary of the MySQL/MariaDB online-DDL table: algorithms, what one ALTER action costs
// (a verdict), which server versions have which capability, and how a verdict reads in a message.
// Pure data and pure functions; it must not know statements or rules (mysql-online-ddl.ts does).
import { versionAtLeast, type ServerVersion } from '../config';

/** From the strictest to the weakest: MariaDB's `alter_algorithm` hierarchy INSTANT ⊂ NOCOPY ⊂ INPLACE ⊂ COPY (MySQL has no NOCOPY). */
export type OnlineDdlAlgorithm = 'instant' | 'nocopy' | 'inplace' | 'copy';

export const algorithmsStrictestFirst: readonly OnlineDdlAlgorithm[] = ['instant', 'nocopy', 'inplace', 'copy'];

export interface OnlineDdlTarget {
  readonly dialect: 'mysql' | 'mariadb';
  readonly version: ServerVersion;
}

/** What decided a verdict, for rules that report one kind of hazard. */
export type OnlineDdlCause =
  | 'metadata'
  | 'add-column'
  | 'drop-column'
  | 'column-order'
  /** `ADD|MODIFY … FIRST/AFTER` is not INSTANT on this version, though the same action at the end would be. */
  | 'column-position'
  | 'auto-increment-column'
  | 'stored-generated-column'
  | 'virtual-generated-column'
  | 'type-change'
  | 'varchar-widening'
  /** VARCHAR widened across the 255-byte boundary (one length byte → two). */
  | 'varchar-bucket'
  | 'varchar-narrowing'
  | 'enum-append'
  /** ENUM/SET values removed, reordered, renamed or inserted anywhere but the end. */
  | 'enum-reorder'
  /** ENUM/SET values appended past a storage-size boundary (256 ENUM values, 8/16/24/32 SET members). */
  | 'enum-storage'
  | 'charset-change'
  | 'nullability'
  | 'secondary-index'
  | 'fulltext-index'
  | 'spatial-index'
  | 'primary-key-add'
  | 'primary-key-drop'
  | 'foreign-key-checked'
  | 'foreign-key-unchecked'
  | 'foreign-key-drop'
  | 'check-add'
  | 'check-drop'
  | 'charset-conversion'
  | 'engine-change'
  | 'rebuild'
  | 'table-option'
  | 'partitioning'
  | 'rename-table'
  | 'unknown';

/** What an action costs when the statement cannot run INSTANT as a whole. */
export interface WithoutInstant {
  readonly algorithm: OnlineDdlAlgorithm;
  readonly rebuildsTable: boolean;
  readonly concurrentDml: boolean;
}

export interface OnlineDdlVerdict {
  /** The strictest algorithm the server can use for the action. */
  readonly algorithm: OnlineDdlAlgorithm;
  /** `LOCK=NONE` is accepted: inserts, updates and deletes go on while it runs. */
  readonly concurrentDml: boolean;
  /** The clustered index (every row) is rewritten, in place or by a copy. */
  readonly rebuildsTable: boolean;
  readonly cause: OnlineDdlCause;
  /** The action in words, naming its objects: "changing `price` from int to bigint". */
  readonly subject: string;
  /** The subject and its cost in one clause: "changing `price` from int to bigint copies the table". */
  readonly reason: string;
  /** What the schema model did not know, when the verdict rests on an assumption. */
  readonly unknown?: string;
  /**
   * Set on INSTANT actions that cost more when the statement falls back (add, drop, reorder
   * columns, virtual columns): what they cost then.
   */
  readonly withoutInstant?: WithoutInstant;
  /** The action builds an index tree (MariaDB cannot combine that with an instant column change). */
  readonly buildsIndex: boolean;
  /** VARCHAR widening: the maximum lengths in bytes, with the character set they were counted in. */
  readonly varcharBytes?: VarcharBytes;
  /** ENUM/SET redefinition: the values before and after. */
  readonly enumValues?: { readonly from: readonly string[]; readonly to: readonly string[] };
  /** A rebuild that would let writes through, but for the table's FULLTEXT or SPATIAL index. */
  readonly writesBlockedBy?: WritesBlockedBy;
}

export type WritesBlockedBy = 'fulltext-index' | 'spatial-index';

export interface VarcharBytes {
  readonly from: number;
  readonly to: number;
  readonly charset: string;
  readonly bytesPerCharacter: number;
}

export type OnlineDdlFeature =
  | 'instant-algorithm'
  | 'nocopy-algorithm'
  | 'instant-add-column'
  | 'instant-add-column-anywhere'
  | 'instant-drop-column'
  | 'instant-reorder-column'
  | 'instant-rename-column'
  | 'instant-varchar-widening'
  | 'instant-varchar-from-short'
  | 'check-constraints'
  | 'online-copy';

type Since = readonly [major: number, minor: number, patch: number];

/** The first release of each dialect with the capability; absent: no release has it. */
const featureSince: Record<OnlineDdlFeature, { readonly mysql?: Since; readonly mariadb?: Since }> = {
  // MySQL 8.0 manual 17.12 "InnoDB and Online DDL": "ALGORITHM=INSTANT support is available for ADD COLUMN and other operations in MySQL 8.0.12."
  // MariaDB KB "InnoDB Online DDL Overview": NOCOPY and INSTANT "added in MariaDB 10.3.7".
  'instant-algorithm': { mysql: [8, 0, 12], mariadb: [10, 3, 7] },
  'nocopy-algorithm': { mariadb: [10, 3, 7] },
  // MySQL 8.0 manual 17.12.1 "Column Operations": INSTANT is the default for ADD COLUMN from 8.0.12; "Prior to MySQL 8.0.29, an instantly added column could only be added as the last column".
  // MariaDB KB "InnoDB Online DDL Overview": ADD COLUMN as the last column instant from 10.3.2; ADD, DROP and reordering from 10.4.
  'instant-add-column': { mysql: [8, 0, 12], mariadb: [10, 3, 7] },
  'instant-add-column-anywhere': { mysql: [8, 0, 29], mariadb: [10, 4, 0] },
  // MySQL 8.0 manual 17.12.1 "Column Operations", Dropping a column: INSTANT from 8.0.29.
  'instant-drop-column': { mysql: [8, 0, 29], mariadb: [10, 4, 0] },
  // MySQL 8.0 manual 17.12.1: "Reordering columns: Instant No". MariaDB KB: reordering instant from 10.4.
  'instant-reorder-column': { mariadb: [10, 4, 0] },
  // MySQL 8.0 manual 17.12.1, Renaming a column: INSTANT from 8.0.28. MariaDB: since the INSTANT algorithm exists.
  'instant-rename-column': { mysql: [8, 0, 28], mariadb: [10, 3, 7] },
  // MySQL 8.0 manual 17.12.1: "Extending VARCHAR column size: Instant No, In Place Yes". MariaDB KB: "from MariaDB 10.2.2 … an instantaneous metadata update".
  'instant-varchar-widening': { mariadb: [10, 3, 7] },
  // MDEV-15563 (MariaDB 10.4): a VARCHAR of at most 127 bytes widens instantly past 255 bytes.
  'instant-varchar-from-short': { mariadb: [10, 4, 0] },
  // MySQL 8.0 manual 15.1.20.6 "CHECK Constraints": enforced from 8.0.16, parsed and ignored before. MariaDB enforces them from 10.2.1.
  'check-constraints': { mysql: [8, 0, 16], mariadb: [10, 2, 1] },
  // MariaDB KB "Online Schema Change": ALGORITHM=COPY takes LOCK=NONE ("available from MariaDB 11.4").
  'online-copy': { mariadb: [11, 4, 0] },
};

/**
 * The version the table is read at. A version without a patch release ("8.0", "10.3") means the
 * latest release of that line: x.y.0 was never a release to run (MySQL 8.0's first GA was 8.0.11,
 * MariaDB 10.3's 10.3.7), and patch-level features (8.0.12, 8.0.29, 10.3.7) would otherwise be
 * judged absent for every project that writes "8.0". Say "8.0.28" for that release's behaviour.
 */
export function effectiveVersion(target: OnlineDdlTarget): ServerVersion {
  const { version } = target;
  return version.patch === 0 ? { ...version, patch: 999 } : version;
}

export function supports(target: OnlineDdlTarget, feature: OnlineDdlFeature): boolean {
  const since = featureSince[feature][target.dialect];
  return since !== undefined && versionAtLeast(effectiveVersion(target), since[0], since[1], since[2]);
}

/** The server's name for the non-copying, non-instant algorithm: NOCOPY on MariaDB, INPLACE on MySQL. */
export function inPlaceWithoutCopy(target: OnlineDdlTarget): OnlineDdlAlgorithm {
  return supports(target, 'nocopy-algorithm') ? 'nocopy' : 'inplace';
}

export function algorithmRank(algorithm: OnlineDdlAlgorithm): number {
  return algorithmsStrictestFirst.indexOf(algorithm);
}

export function weakerAlgorithm(first: OnlineDdlAlgorithm, second: OnlineDdlAlgorithm): OnlineDdlAlgorithm {
  return algorithmRank(first) >= algorithmRank(second) ? first : second;
}

/** An algorithm the server does not have becomes the next weaker one it has. */
function availableAlgorithm(target: OnlineDdlTarget, algorithm: OnlineDdlAlgorithm): OnlineDdlAlgorithm {
  if (algorithm === 'instant' && !supports(target, 'instant-algorithm')) return 'inplace';
  if (algorithm === 'nocopy' && !supports(target, 'nocopy-algorithm')) return 'inplace';
  return algorithm;
}

export interface VerdictFields {
  readonly algorithm: OnlineDdlAlgorithm;
  readonly concurrentDml: boolean;
  readonly rebuildsTable: boolean;
  readonly cause: OnlineDdlCause;
  readonly subject: string;
  readonly unknown?: string;
  readonly withoutInstant?: WithoutInstant;
  readonly buildsIndex?: boolean;
  readonly varcharBytes?: VarcharBytes;
  readonly enumValues?: OnlineDdlVerdict['enumValues'];
  readonly writesBlockedBy?: WritesBlockedBy;
}

/** The cost of an action in words, for `reason`. */
export function costPhrase(cost: { readonly algorithm: OnlineDdlAlgorithm; readonly rebuildsTable: boolean; readonly concurrentDml: boolean }): string {
  const blocking = cost.concurrentDml ? '' : ' while writes wait';
  if (cost.algorithm === 'copy') return cost.concurrentDml ? 'copies the table (writes continue: MariaDB 11.4 copies online)' : 'copies the table while writes wait';
  if (cost.rebuildsTable) return `rebuilds the table in place${blocking}`;
  if (cost.algorithm === 'instant') return cost.concurrentDml ? 'changes only metadata (INSTANT)' : 'changes only metadata, under a brief exclusive lock';
  return `runs in place without copying the table${blocking}`;
}

/** A verdict as the target server has it: algorithms it lacks fall back, and MariaDB 11.4+ copies online. */
export function verdict(target: OnlineDdlTarget, fields: VerdictFields): OnlineDdlVerdict {
  const algorithm = availableAlgorithm(target, fields.algorithm);
  const concurrentDml = fields.concurrentDml || (algorithm === 'copy' && supports(target, 'online-copy') && fields.cause !== 'auto-increment-column');
  const withoutInstant = algorithm === 'instant' && fields.withoutInstant ? { ...fields.withoutInstant, algorithm: availableAlgorithm(target, fields.withoutInstant.algorithm) } : undefined;
  const cost = { algorithm, rebuildsTable: fields.rebuildsTable, concurrentDml };
  return {
    ...cost,
    cause: fields.cause,
    subject: fields.subject,
    reason: `${fields.subject} ${costPhrase(cost)}`,
    buildsIndex: fields.buildsIndex ?? false,
    ...(fields.unknown !== undefined ? { unknown: fields.unknown } : {}),
    ...(withoutInstant ? { withoutInstant } : {}),
    ...(fields.varcharBytes ? { varcharBytes: fields.varcharBytes } : {}),
    ...(fields.enumValues ? { enumValues: fields.enumValues } : {}),
    ...(fields.writesBlockedBy ? { writesBlockedBy: fields.writesBlockedBy } : {}),
  };
}

/** The verdict with the weakest algorithm; among equals, one that blocks writes, then one that rebuilds. */
export function weakestVerdict<T extends { readonly verdict: OnlineDdlVerdict }>(entries: readonly T[]): T | undefined {
  const cost = (entry: T): number => algorithmRank(entry.verdict.algorithm) * 4 + (entry.verdict.concurrentDml ? 0 : 2) + (entry.verdict.rebuildsTable ? 1 : 0);
  let weakest: T | undefined;
  for (const entry of entries) if (!weakest || cost(entry) > cost(weakest)) weakest = entry;
  return weakest;
}
