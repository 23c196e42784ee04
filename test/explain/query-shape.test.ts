// The query shape the PostgreSQL lowering attaches to SELECT, UPDATE, DELETE and INSERT … SELECT:
// tables read and the columns used by predicates, joins, ORDER BY and GROUP BY; conservative where
// a column cannot be attributed (OR, subqueries, CTEs, expressions).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { queryShapeOf, type ColumnUse, type QueryShape, type Statement } from '../../server/src/engine';
import { analyzeFixture } from '../support/engine';

async function statementOf(sql: string): Promise<Statement> {
  const statements = (await analyzeFixture(sql)).statements;
  assert.equal(statements.length, 1, sql);
  return statements[0]!;
}

function useText(use: ColumnUse): string {
  const column = `${use.table ?? '?'}.${use.column}`;
  switch (use.use) {
    case 'range':
      return `${column} range ${use.operator ?? ''}`;
    case 'order':
      return `${column} order ${use.direction ?? ''}`;
    case 'join':
      return `${column} join ${use.partner?.table ?? '?'}.${use.partner?.column ?? ''}${use.preserved ? ' preserved' : ''}`;
    default:
      return `${column} ${use.use}`;
  }
}

/** Tables as `schema.name alias`, uses as `ref.column use …`. */
function render(shape: QueryShape | undefined): { tables: string[]; columns: string[] } | undefined {
  if (!shape) return undefined;
  return {
    tables: shape.tables.map((table) => `${table.schema ? `${table.schema}.` : ''}${table.name}${table.alias ? ` ${table.alias}` : ''}`),
    columns: shape.columns.map(useText),
  };
}

async function shapeOf(sql: string): Promise<{ tables: string[]; columns: string[] } | undefined> {
  return render(queryShapeOf(await statementOf(sql)));
}

describe('query shape', () => {
  it('classifies WHERE predicates against values, parameters included', async () => {
    assert.deepEqual(
      await shapeOf("SELECT * FROM orders WHERE customer_id = $1 AND created_at >= now() - interval '1 day' AND 5 < total AND status IN ('paid', 'new') AND deleted_at IS NULL AND kind = ANY($2) ORDER BY created_at DESC"),
      {
        tables: ['orders'],
        columns: [
          'orders.customer_id eq',
          'orders.created_at range >=',
          'orders.total range >',
          'orders.status eq',
          'orders.deleted_at eq',
          'orders.kind eq',
          'orders.created_at order desc',
        ],
      },
    );
  });

  it("tells LIKE 'prefix%' from an exact LIKE and a leading wildcard, and reads BETWEEN", async () => {
    assert.deepEqual(await shapeOf("SELECT 1 FROM users WHERE name LIKE 'Ann%' AND code LIKE 'A\\_1' AND note LIKE '%x' AND age BETWEEN 18 AND $1"), {
      tables: ['users'],
      columns: ['users.name prefix-like', 'users.code eq', 'users.age range between'],
    });
  });

  it('leaves out OR branches, expressions over a column, column-to-column comparisons on one table and subqueries', async () => {
    assert.deepEqual(
      await shapeOf(
        "SELECT * FROM orders WHERE (status = 'a' OR status = 'b') AND lower(note) = 'x' AND total > discount AND status <> 'void' AND customer_id IN (SELECT id FROM customers WHERE vip) AND id = (SELECT max(id) FROM orders)",
      ),
      { tables: ['orders'], columns: [] },
    );
  });

  it('resolves aliases and qualified names, and joins from ON, USING and WHERE', async () => {
    assert.deepEqual(
      await shapeOf('SELECT o.id FROM app.customers c JOIN orders o ON o.customer_id = c.id AND o.state = 1 JOIN items USING (order_ref), payments p WHERE p.order_id = o.id AND app.c.id = 3 AND c.country = $1'),
      {
        tables: ['app.customers c', 'orders o', 'items', 'payments p'],
        columns: [
          'o.customer_id join c.id',
          'c.id join o.customer_id',
          'o.state eq',
          'p.order_id join o.id',
          'o.id join p.order_id',
          'c.country eq',
        ],
      },
    );
  });

  it('marks the preserved side of an outer join and ignores ON conditions on it', async () => {
    assert.deepEqual(await shapeOf("SELECT * FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND c.country = 'NL' AND o.status = 'paid'"), {
      tables: ['customers c', 'orders o'],
      columns: ['o.customer_id join c.id', 'c.id join o.customer_id preserved', 'o.status eq'],
    });
    assert.deepEqual(await shapeOf('SELECT * FROM a RIGHT JOIN b USING (k)'), { tables: ['a', 'b'], columns: ['a.k join b.k', 'b.k join a.k preserved'] });
  });

  it('leaves an unqualified column of several tables for the schema to attribute', async () => {
    assert.deepEqual(await shapeOf("SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id WHERE country = 'NL' ORDER BY created_at"), {
      tables: ['customers c', 'orders o'],
      columns: ['o.customer_id join c.id', 'c.id join o.customer_id', '?.country eq', '?.created_at order asc'],
    });
  });

  it('does not attribute unqualified columns when a subquery or CTE is in the FROM list', async () => {
    assert.deepEqual(await shapeOf('WITH recent AS (SELECT * FROM orders WHERE created_at > now()) SELECT * FROM recent r JOIN customers c ON c.id = r.customer_id WHERE country = 1 AND c.email = $1'), {
      tables: ['customers c'],
      columns: ['c.email eq'],
    });
    assert.deepEqual(await shapeOf('SELECT * FROM (SELECT * FROM orders) s, customers WHERE id = 1 AND customers.email = $1'), {
      tables: ['customers'],
      columns: ['customers.email eq'],
    });
  });

  it('reads ORDER BY and GROUP BY by position, output name or column', async () => {
    assert.deepEqual(await shapeOf('SELECT status, created_at AS day, count(*) FROM orders GROUP BY 1, day ORDER BY day DESC, 1, count(*)'), {
      tables: ['orders'],
      columns: ['orders.status group', 'orders.created_at group', 'orders.created_at order desc', 'orders.status order asc'],
    });
    // Only the ORDER BY items before the first expression.
    assert.deepEqual(await shapeOf('SELECT * FROM users ORDER BY team_id, lower(name), id'), { tables: ['users'], columns: ['users.team_id order asc'] });
  });

  it('shapes UPDATE … FROM, DELETE … USING and INSERT … SELECT', async () => {
    assert.deepEqual(await shapeOf("UPDATE orders o SET total = 0 FROM customers c WHERE c.id = o.customer_id AND c.country = 'NL'"), {
      tables: ['orders o', 'customers c'],
      columns: ['c.id join o.customer_id', 'o.customer_id join c.id', 'c.country eq'],
    });
    assert.deepEqual(await shapeOf('DELETE FROM sessions s USING users u WHERE s.user_id = u.id AND u.disabled_at < $1'), {
      tables: ['sessions s', 'users u'],
      columns: ['s.user_id join u.id', 'u.id join s.user_id', 'u.disabled_at range <'],
    });
    assert.deepEqual(await shapeOf("INSERT INTO archive SELECT * FROM orders WHERE status = 'done'"), { tables: ['orders'], columns: ['orders.status eq'] });
  });

  it('has no shape for VALUES, set operations and statements that are not queries', async () => {
    assert.equal(await shapeOf('INSERT INTO t (a) VALUES (1)'), undefined);
    assert.equal(await shapeOf('SELECT a FROM t UNION SELECT a FROM u'), undefined);
    assert.equal(await shapeOf('CREATE TABLE t (a int)'), undefined);
    assert.deepEqual(await shapeOf('SELECT now()'), { tables: [], columns: [] });
  });

  it('records what a SELECT writes', async () => {
    const writes = async (sql: string): Promise<string | undefined> => {
      const statement = await statementOf(sql);
      return statement.kind === 'select' ? statement.writes : 'not a select';
    };
    assert.equal(await writes('SELECT * FROM t WHERE id = 1 FOR UPDATE'), 'row-locks');
    assert.equal(await writes('SELECT * FROM t FOR KEY SHARE SKIP LOCKED'), 'row-locks');
    assert.equal(await writes('WITH gone AS (DELETE FROM t RETURNING *) SELECT count(*) FROM gone'), 'data-modifying-cte');
    assert.equal(await writes('SELECT * INTO copy FROM t'), 'select-into');
    assert.equal(await writes("SELECT nextval('s')"), undefined);
  });
});
