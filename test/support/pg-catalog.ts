// Reads a real database's catalog back into the schema model's JSON shape (SchemaJson), so the
// oracle tests can diff what PostgreSQL built from a set of migrations with what the model says.
// Driver-agnostic: it gets a `query(sql) => rows` function (a `pg` Client or PGlite), sends only
// parameterless catalog queries, and never changes the database. System schemas and objects owned
// by extensions (pg_depend deptype 'e') are left out, as the model never sees them being created.
import type { ColumnJson, IndexJson, SchemaJson, TableJson } from '../../server/src/engine';
import { emptyTable, flag, integer, optionalText, tableJson, tableKey, text, textArray, type CatalogQuery, type TableParts } from './catalog-rows';

export { tableKey, type CatalogQuery } from './catalog-rows';

/** The relations the model tracks, outside system schemas and not created by an extension. */
const relations = `
  SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relkind AS kind
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm')
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`;

const tablesQuery = `WITH rels AS (${relations}) SELECT schema, name, kind FROM rels ORDER BY schema, name`;

const columnsQuery = `WITH rels AS (${relations})
  SELECT r.schema, r.name AS table, a.attname AS name, t.typname AS type, t.typcategory AS category, element.typname AS element_type,
    a.atttypmod AS typmod, a.attnotnull AS not_null, pg_get_expr(ad.adbin, ad.adrelid) AS "default",
    a.attidentity::text AS identity, a.attgenerated::text AS generated
  FROM rels r
  JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_type element ON t.typtype = 'b' AND t.typcategory = 'A' AND element.oid = t.typelem
  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  ORDER BY r.schema, r.name, a.attnum`;

// contype 'n' (PostgreSQL 18's NOT NULL constraints) is nullability, read from attnotnull.
const constraintsQuery = `WITH rels AS (${relations})
  SELECT r.schema, r.name AS table, con.conname AS name, con.contype::text AS kind,
    ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
    rn.nspname AS referenced_schema, rc.relname AS referenced_table,
    ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS referenced_columns,
    con.confdeltype::text AS on_delete, pg_get_constraintdef(con.oid, true) AS definition
  FROM rels r
  JOIN pg_constraint con ON con.conrelid = r.oid AND con.contype IN ('p', 'u', 'f', 'c', 'x')
  LEFT JOIN pg_class rc ON rc.oid = con.confrelid
  LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
  ORDER BY r.schema, r.name, con.conname`;

// Key columns only (INCLUDE columns are not elements); an expression element comes from
// pg_get_indexdef's per-column form, wrapped in parentheses as the model writes it.
const indexesQuery = `WITH rels AS (${relations})
  SELECT n.nspname AS schema, ic.relname AS name, r.schema AS table_schema, r.name AS table, i.indisunique AS unique, am.amname AS method,
    ARRAY(SELECT CASE WHEN k.attnum = 0 THEN '(' || pg_get_indexdef(i.indexrelid, k.ord::int, true) || ')'
                      ELSE (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = k.attnum)::text END
          FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord) WHERE k.ord <= i.indnkeyatts ORDER BY k.ord)::text[] AS elements,
    pg_get_expr(i.indpred, i.indrelid, true) AS predicate
  FROM rels r
  JOIN pg_index i ON i.indrelid = r.oid
  JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_namespace n ON n.oid = ic.relnamespace
  JOIN pg_am am ON am.oid = ic.relam
  ORDER BY n.nspname, ic.relname`;

const enumsQuery = `
  SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder)::text[] AS values
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  GROUP BY n.nspname, t.typname
  ORDER BY n.nspname, t.typname`;

const relationKinds: Readonly<Record<string, TableJson['kind']>> = { r: 'table', p: 'table', v: 'view', m: 'materialized-view' };

/** pg_constraint.confdeltype, spelled as the model's lowering spells ON DELETE actions. */
const deleteActions: Readonly<Record<string, string>> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

/** Type modifiers as written in the type (`varchar(20)` → [20], `numeric(10,2)` → [10, 2]), decoded from atttypmod. */
export function typeModifiers(type: string, typmod: number): number[] {
  if (typmod < 0) return [];
  switch (type) {
    case 'varchar':
    case 'bpchar':
      return [typmod - 4];
    case 'numeric':
      return [((typmod - 4) >> 16) & 0xffff, (typmod - 4) & 0xffff];
    case 'interval': {
      // The low 16 bits hold the precision, 0xffff for none; the high bits the field restriction.
      const precision = typmod & 0xffff;
      return precision === 0xffff ? [] : [precision];
    }
    default:
      return [typmod];
  }
}

function columnOf(row: Record<string, unknown>): ColumnJson {
  const isArray = text(row, 'category') === 'A' && optionalText(row, 'element_type') !== null;
  const type = isArray ? text(row, 'element_type') : text(row, 'type');
  const generated = text(row, 'generated');
  return {
    name: text(row, 'name'),
    type,
    modifiers: typeModifiers(type, integer(row, 'typmod')),
    isArray,
    notNull: flag(row, 'not_null'),
    // A generated column's expression is stored in pg_attrdef too; it is not a default.
    default: generated === '' ? optionalText(row, 'default') : null,
    identity: text(row, 'identity') !== '',
    generated: generated === 's' ? 'stored' : generated === 'v' ? 'virtual' : null,
  };
}

function addConstraint(table: TableParts, row: Record<string, unknown>): void {
  const name = text(row, 'name');
  const columns = textArray(row, 'columns');
  switch (text(row, 'kind')) {
    case 'p':
      table.primaryKey = { name, columns };
      return;
    case 'u':
      table.uniqueKeys.push({ name, columns });
      return;
    case 'f':
      table.foreignKeys.push({
        name,
        columns,
        referencedTable: tableKey(text(row, 'referenced_schema'), text(row, 'referenced_table')),
        referencedColumns: textArray(row, 'referenced_columns'),
        onDelete: deleteActions[text(row, 'on_delete')] ?? null,
      });
      return;
    case 'c':
      table.checks.push({ name, expression: text(row, 'definition') });
      return;
    default:
      // Exclusion constraints are compared through the index that backs them.
      return;
  }
}

/** The database's tables, views, indexes and enums as SchemaJson (origins left empty: the catalog has none). */
export async function readCatalog(query: CatalogQuery): Promise<SchemaJson> {
  const tables = new Map<string, TableParts>();
  for (const row of await query(tablesQuery)) {
    const schema = text(row, 'schema');
    const name = text(row, 'name');
    const kind = relationKinds[text(row, 'kind')] ?? 'table';
    tables.set(tableKey(schema, name), emptyTable(schema, name, kind));
  }
  for (const row of await query(columnsQuery)) tables.get(tableKey(text(row, 'schema'), text(row, 'table')))?.columns.push(columnOf(row));
  for (const row of await query(constraintsQuery)) {
    const table = tables.get(tableKey(text(row, 'schema'), text(row, 'table')));
    if (table) addConstraint(table, row);
  }
  const indexes = (await query(indexesQuery)).map(
    (row): IndexJson => ({
      schema: text(row, 'schema'),
      name: text(row, 'name'),
      table: tableKey(text(row, 'table_schema'), text(row, 'table')),
      unique: flag(row, 'unique'),
      method: text(row, 'method'),
      elements: textArray(row, 'elements'),
      predicate: optionalText(row, 'predicate'),
      definedIn: '',
    }),
  );
  const enums = (await query(enumsQuery)).map((row) => ({ schema: text(row, 'schema'), name: text(row, 'name'), values: textArray(row, 'values') }));
  return {
    tables: [...tables.values()].map(tableJson),
    indexes,
    enums,
  };
}
