// eav-table: a table this file created whose columns, besides its own id, timestamps and audit
// columns, are an entity reference, one attribute name and value columns: attributes stored as
// rows (entity–attribute–value). Judged on the table's final columns.
import type { ColumnType, SchemaColumn, SchemaTable } from '../schema/model';
import { documentType, hasForeignKeyOn, isSolePrimaryKey, isTextType, referenceStem, tablesCreatedHere } from './lib/design-helpers';
import { defineRule } from './lib/rule';

type Role = 'bookkeeping' | 'entity' | 'attribute' | 'value' | 'kind' | 'other';

/** `attributeName` → `attribute_name`: one spelling for the patterns below. */
function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

const attributeNames = new Set([
  'attribute', 'attr', 'attribute_name', 'attr_name', 'attribute_key', 'attribute_id',
  'key', 'key_name', 'name', 'property', 'property_name', 'property_key', 'property_id',
  'field', 'field_name', 'field_key', 'field_id', 'param', 'param_name', 'parameter', 'parameter_name',
  'meta_key', 'option_name', 'option_key', 'setting', 'setting_name', 'setting_key', 'config_key',
]);

const entityNames = new Set(['entity', 'object', 'owner', 'subject', 'resource', 'target', 'item']);

const timeTypes = new Set(['timestamp', 'timestamptz', 'date', 'time', 'timetz', 'datetime']);

/** Value columns that take any attribute's value: text or json. */
function untypedValue(type: ColumnType): boolean {
  return isTextType(type) || (!type.isArray && (type.canonical === 'json' || type.canonical === 'jsonb'));
}

function roleOf(table: SchemaTable, column: SchemaColumn): Role {
  const name = snakeCase(column.name);
  if (attributeNames.has(name)) return 'attribute';
  if (/(^|_)(type|kind)$/.test(name)) return 'kind';
  if (/(^|_)(value|val)(_|$)/.test(name)) return 'value';
  if (isSolePrimaryKey(table, column.name) || name === 'id' || name === 'uuid') return 'bookkeeping';
  if ((!column.type.isArray && timeTypes.has(column.type.canonical)) || /_(at|on)$/.test(name)) return 'bookkeeping';
  if (/_by(_id)?$/.test(name) || name === 'version' || name === 'lock_version') return 'bookkeeping';
  if (referenceStem(column.name) !== undefined || hasForeignKeyOn(table, column.name) || entityNames.has(name)) return 'entity';
  return 'other';
}

export const eavTable = defineRule({
  meta: {
    id: 'eav-table',
    title: 'Avoid entity–attribute–value tables',
    category: 'design',
    severity: 'hint',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: undefined,
    docs: {
      why: 'An entity–attribute–value table (`entity_id`, `attribute`, `value`) stores each attribute of a thing as its own row. The database then knows nothing about the attributes: it cannot require one, give it a type, check its range or reference another table from it; every value shares one column type, usually text; and reading one entity back means one join or pivot per attribute, which the planner estimates poorly.',
      safeWay: 'Model attributes that are known in advance as columns (nullable ones are cheap), split optional groups into their own tables, and keep truly open-ended data in one `jsonb` column, which can be indexed with GIN and checked with CHECK constraints. The rule reports tables whose columns, apart from their id, timestamps and audit columns, are only entity references, one attribute or key name, value columns and a value type, when the value is text or json or spread over several typed columns; a single numeric value (a score or a measurement per name) is left alone.',
      bad: 'CREATE TABLE product_attributes (id bigint PRIMARY KEY, product_id bigint NOT NULL, attribute text NOT NULL, value text);',
      good: 'CREATE TABLE product_details (product_id bigint PRIMARY KEY, color text, weight_grams integer, extra jsonb NOT NULL DEFAULT \'{}\');',
    },
  },
  check() {
    // Judged at the end of the unit, on the tables' final columns.
  },
  checkEnd(ctx) {
    for (const { table } of tablesCreatedHere(ctx.state)) {
      if (table.columnsIncomplete) continue;
      const roles = table.columns.map((column) => ({ column, role: roleOf(table, column) }));
      const named = (role: Role): SchemaColumn[] => roles.filter((entry) => entry.role === role).map((entry) => entry.column);
      const attributes = named('attribute');
      const values = named('value');
      const entities = named('entity');
      if (named('other').length > 0 || attributes.length !== 1 || values.length === 0 || entities.length === 0) continue;
      // One typed value (`name`, `value double precision`) is a measurement or score table; EAV stores values of any type in one untyped column, or spreads them over one column per type.
      if (values.length === 1 && !values.some((column) => untypedValue(column.type))) continue;
      const shape = [...entities, ...attributes, ...values].map((column) => `\`${column.name}\``).join(', ');
      ctx.report({
        range: table.definedAt.range,
        message: `\`${table.name}\` stores attributes as rows (${shape}): the database cannot require, type or check an attribute, and reading one entity back takes a join per attribute`,
        help: `Use columns for attributes known in advance, and one ${documentType(ctx.state.schema)} column for open-ended ones`,
      });
    }
  },
});
