// What the MySQL/MariaDB front-end is told about the server it lowers for, and the version facts
// that change what a statement means (not what rules conclude from it). Pure: no I/O.
import { versionAtLeast } from '../../config';
import type { MysqlLexOptions } from './lexer';

/**
 * The server's dialect and version; `delimiter` is the client delimiter in effect (DELIMITER), `;` by
 * default; `queryShapes: false` leaves DML query shapes out (they serve Explain, not the rules).
 */
export type MysqlParseOptions = MysqlLexOptions & { readonly queryShapes?: boolean };

/**
 * Whether a column's inline `REFERENCES t (c)` creates a foreign key. MySQL parsed and ignored it
 * until 9.0 ("inline foreign key specifications" are honoured from 9.0.0). MariaDB creates one from
 * 10.5: checked on MariaDB 10.11.19 (`CREATE TABLE c (p INT REFERENCES parent (id))` and `ALTER TABLE
 * c ADD COLUMN p2 INT REFERENCES parent (id)` each add `c_ibfk_N` to
 * information_schema.REFERENTIAL_CONSTRAINTS); persistent#1283 reports it from 10.5.
 */
export function inlineReferencesCreateForeignKeys(options: MysqlParseOptions): boolean {
  return options.dialect === 'mariadb' ? versionAtLeast(options.version, 10, 5) : versionAtLeast(options.version, 9, 0);
}
