// Driver errors as a user reads them: the server named as host:port, the cause, the next step, and
// never a password (also not one inside a connection URL in a message).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyConnectError, classifyStatementError, redact } from '../../server/src/db/errors';

const context = { server: 'db.internal:5432', user: 'app', database: 'shop', timeoutMs: 800 };

function driverError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe('errors', () => {
  it('redacts passwords in URLs', () => {
    assert.equal(redact('failed for postgres://app:s3cr:et@db:5432/shop and mysql://root:x@h/db'), 'failed for postgres://app:***@db:5432/shop and mysql://root:***@h/db');
    assert.equal(redact('postgres://app@db/shop'), 'postgres://app@db/shop');
  });

  it('classifies connection failures', () => {
    const cases: [Error, string, RegExp][] = [
      [driverError('connect ECONNREFUSED', { code: 'ECONNREFUSED' }), 'connection', /db\.internal:5432: the connection was refused/],
      [driverError('getaddrinfo ENOTFOUND db.internal', { code: 'ENOTFOUND' }), 'connection', /host name was not found/],
      [driverError('timeout expired', {}), 'timeout', /no answer within 800 ms/],
      [driverError('password authentication failed for user "app"', { code: '28P01' }), 'connection', /refused the password as app/],
      [driverError("Access denied for user 'app'", { code: 'ER_ACCESS_DENIED_ERROR', errno: 1045, sqlState: '28000' }), 'connection', /refused the password as app/],
      [driverError('self-signed certificate', { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), 'connection', /TLS handshake failed/],
      [driverError('The server does not support SSL connections', {}), 'connection', /does not accept TLS/],
      [driverError('database "shop" does not exist', { code: '3D000' }), 'connection', /"shop" does not exist on db\.internal:5432/],
    ];
    for (const [error, kind, pattern] of cases) {
      const failure = classifyConnectError(error, context);
      assert.equal(failure.kind, kind, error.message);
      assert.match(failure.message, pattern);
    }
  });

  it('classifies statement failures', () => {
    assert.match(classifyStatementError(driverError('canceling statement due to statement timeout', { code: '57014' }), context).message, /statement timeout of 800 ms/);
    assert.equal(classifyStatementError(driverError('canceling statement due to lock timeout', { code: '55P03' }), context).kind, 'timeout');
    assert.match(classifyStatementError(driverError('cannot execute INSERT in a read-only transaction', { code: '25006' }), context).message, /read-only transaction/);
    assert.equal(classifyStatementError(driverError('Connection terminated unexpectedly', {}), context).kind, 'connection');
  });
});
