// The model of a MySQL/MariaDB set written back as MySQL DDL (`sqlsight schema`): each table with
// its columns (type, UNSIGNED, character set, NOT NULL, DEFAULT, AUTO_INCREMENT), keys, indexes and
// checks, engine and default character set, then the foreign keys, so the script runs top to
// bottom on an empty database. A generated column's expression and a view's query are not in the
// model: the one is marked in a comment, the other listed as one. Text building only.
import { mysqlTypeText } from '../analysis/mysql-online-ddl-columns';
import { quoteMysqlName } from './mysql-identifiers';
import type { SchemaColumn, SchemaIndex, SchemaModel, SchemaTable } from './model';
import { primaryKeyName } from './names-mysql';

function relationSql(schema: string | undefined, name: string): string {
  return schema && schema !== 'public' ? `${quoteMysqlName(schema)}.${quoteMysqlName(name)}` : quoteMysqlName(name);
}

function columnSql(column: SchemaColumn): string {
  const parts = [quoteMysqlName(column.name), mysqlTypeText(column.type)];
  if (column.charset) parts.push(`CHARACTER SET ${column.charset}`);
  if (column.notNull) parts.push('NOT NULL');
  if (column.generated) parts.push(`/* generated, ${column.generated} */`);
  else if (column.default !== undefined) parts.push(`DEFAULT ${column.default}`);
  if (column.autoIncrement) parts.push('AUTO_INCREMENT');
  return parts.join(' ');
}

function elementsSql(index: SchemaIndex): string {
  const element = (part: SchemaIndex['elements'][number]): string =>
    part.column === undefined ? `(${part.expression ?? ''})` : `${quoteMysqlName(part.column)}${part.prefixLength === undefined ? '' : `(${part.prefixLength})`}`;
  return `(${index.elements.map(element).join(', ')})`;
}

const indexKinds: Readonly<Record<string, string>> = { fulltext: 'FULLTEXT KEY', spatial: 'SPATIAL KEY' };

function indexSql(index: SchemaIndex): string {
  if (index.name === primaryKeyName) return `PRIMARY KEY ${elementsSql(index)}`;
  const kind = index.unique ? 'UNIQUE KEY' : (indexKinds[index.method] ?? 'KEY');
  const using = index.method === 'hash' ? ' USING HASH' : '';
  return `${kind} ${quoteMysqlName(index.name)} ${elementsSql(index)}${using}`;
}

function tableSql(model: SchemaModel, key: string, table: SchemaTable): string {
  const lines = table.columns.map((column) => `  ${columnSql(column)}`);
  for (const index of model.indexesOn(key)) lines.push(`  ${indexSql(index)}`);
  // The lowering keeps a check's parentheses in its text.
  for (const check of table.checks) lines.push(`  CONSTRAINT ${quoteMysqlName(check.name)} CHECK ${check.expression.startsWith('(') ? check.expression : `(${check.expression})`}`);
  const options = [...(table.engine ? [`ENGINE=${table.engine}`] : []), ...(table.charset ? [`DEFAULT CHARSET=${table.charset}`] : [])];
  const incomplete = table.columnsIncomplete ? '-- columns not fully known (created from a query or LIKE)\n' : '';
  return `${incomplete}CREATE TABLE ${relationSql(table.schema, table.name)} (\n${lines.join(',\n')}\n)${options.length > 0 ? ` ${options.join(' ')}` : ''};`;
}

function foreignKeySql(model: SchemaModel, table: SchemaTable, foreignKey: SchemaTable['foreignKeys'][number]): string {
  const referenced = model.tables.get(foreignKey.referencedTable);
  const target = referenced ? relationSql(referenced.schema, referenced.name) : quoteMysqlName(foreignKey.referencedTable);
  const onDelete = foreignKey.onDelete && foreignKey.onDelete !== 'no action' ? ` ON DELETE ${foreignKey.onDelete.toUpperCase()}` : '';
  const columns = (names: readonly string[]): string => names.map(quoteMysqlName).join(', ');
  return `ALTER TABLE ${relationSql(table.schema, table.name)} ADD CONSTRAINT ${quoteMysqlName(foreignKey.name)} FOREIGN KEY (${columns(foreignKey.columns)}) REFERENCES ${target} (${columns(foreignKey.referencedColumns)})${onDelete};`;
}

export function mysqlSchemaToSql(model: SchemaModel): string {
  const blocks: string[] = [];
  const tables = [...model.tables.entries()].filter(([, table]) => table.kind === 'table');
  for (const [key, table] of tables) blocks.push(tableSql(model, key, table));
  for (const [, table] of tables) for (const foreignKey of table.foreignKeys) blocks.push(foreignKeySql(model, table, foreignKey));
  for (const view of model.tables.values()) {
    if (view.kind !== 'table') blocks.push(`-- view ${relationSql(view.schema, view.name)} reads ${view.dependsOn.join(', ') || 'no table'}`);
  }
  return blocks.length === 0 ? '-- no tables\n' : `${blocks.join('\n\n')}\n`;
}
