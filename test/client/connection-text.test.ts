// The connections' pure pieces: storage keys, the status bar text, the "Add Database Connection"
// inputs checked and turned into a settings entry (never with a password), and which stored password
// may be sent to which connection.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  activeConnectionKey,
  connectionFromInputs,
  connectionIdentity,
  connectionsInProjectFile,
  connectionStatusView,
  decodeStoredPassword,
  describeConnection,
  encodeStoredPassword,
  isActiveConnectionKey,
  passwordBinding,
  readConnections,
  secretKey,
  storedPasswordApplies,
  validateConnectionName,
  validateEnvironmentVariableName,
  validateHost,
  validatePort,
  withConnection,
  withoutConnection,
} from '../../client/src/connection-text';
import { readEditorSettings } from '../../server/src/lsp/settings';
import type { ConnectionSetting } from '../../server/src/protocol';

const prod: ConnectionSetting = { name: 'orders-prod', dialect: 'postgres', host: 'db.example.com', port: 5432, database: 'orders', user: 'alice', ssl: true };

describe('connection keys', () => {
  it('names the secret and the active connection per folder', () => {
    assert.equal(secretKey('orders-prod'), 'sqlsight.connection.orders-prod');
    assert.equal(activeConnectionKey('file:///work/app'), 'sqlsight.activeConnection.file:///work/app');
    assert.equal(activeConnectionKey(undefined), 'sqlsight.activeConnection.none');
    assert.equal(isActiveConnectionKey(activeConnectionKey('file:///a')), true);
    assert.equal(isActiveConnectionKey(secretKey('a')), false);
  });
});

describe('connection status bar text', () => {
  it('names the active connection, or the embedded database', () => {
    assert.equal(connectionStatusView('orders-prod', { trusted: true, known: true }).text, '$(plug) orders-prod');
    const embedded = connectionStatusView(undefined, { trusted: true, known: false });
    assert.equal(embedded.text, '$(plug) embedded');
    assert.match(embedded.tooltip, /embedded database \(the migrations replayed in PGlite\)/);
  });

  it('says a connection outside the settings may come from sqlsight.json', () => {
    assert.match(connectionStatusView('staging', { trusted: true, known: false }).tooltip, /not in the sqlsight\.connections settings .*sqlsight\.json/);
  });

  it('shows the embedded database in an untrusted workspace, whatever was selected', () => {
    const view = connectionStatusView('orders-prod', { trusted: false, known: true });
    assert.equal(view.text, '$(plug) embedded');
    assert.match(view.tooltip, /untrusted workspace/);
  });

  it('a connection name cannot inject a theme icon', () => {
    assert.equal(connectionStatusView('$(bug)', { trusted: true, known: true }).text, '$(plug) $\u200b(bug)');
  });
});

describe('Add Database Connection inputs', () => {
  it('checks the name', () => {
    assert.equal(validateConnectionName('orders-prod', []), undefined);
    assert.match(validateConnectionName('  ', []) ?? '', /A name/);
    assert.match(validateConnectionName('prod/eu', []) ?? '', /Letters, digits/);
    assert.match(validateConnectionName('Orders-Prod', ['orders-prod']) ?? '', /exists already/);
  });

  it('checks the host, the port and the variable name', () => {
    assert.equal(validateHost('db.example.com'), undefined);
    assert.match(validateHost('postgres://u:p@h/db') ?? '', /not a URL/);
    assert.match(validateHost('a b') ?? '', /no spaces/);
    assert.deepEqual(['5432', '', '0', '65536', '54x'].map(validatePort), [undefined, undefined, 'A port number from 1 to 65535', 'A port number from 1 to 65535', 'A port number from 1 to 65535']);
    assert.equal(validateEnvironmentVariableName('DATABASE_URL'), undefined);
    assert.equal(validateEnvironmentVariableName('$DATABASE_URL'), undefined);
    assert.match(validateEnvironmentVariableName('postgres://localhost/db') ?? '', /not the URL itself/);
  });

  it('builds the settings entry the server reads back unchanged', () => {
    const built = connectionFromInputs(
      { name: ' orders-prod ', dialect: 'postgres', target: { kind: 'host', host: 'db.example.com', port: '', database: 'orders', user: 'alice', tls: 'verify' } },
      [],
    );
    assert.deepEqual(built, { connection: prod });
    assert.deepEqual(readEditorSettings({ connections: [prod] }).connections, [prod]);
    assert.equal('password' in prod, false);
  });

  it('leaves out empty inputs and maps the TLS choice', () => {
    assert.deepEqual(
      connectionFromInputs({ name: 'dev', dialect: 'mysql', target: { kind: 'host', host: 'localhost', port: '3307', database: ' ', user: '', tls: 'accept-any' } }, []),
      { connection: { name: 'dev', dialect: 'mysql', host: 'localhost', port: 3307, ssl: { rejectUnauthorized: false } } },
    );
    assert.deepEqual(connectionFromInputs({ name: 'ci', dialect: 'postgres', target: { kind: 'environment', variable: '$DATABASE_URL' } }, []), {
      connection: { name: 'ci', dialect: 'postgres', urlFromEnv: 'DATABASE_URL' },
    });
  });

  it('reports the first problem instead of an entry', () => {
    assert.deepEqual(connectionFromInputs({ name: 'prod', dialect: 'postgres', target: { kind: 'environment', variable: 'x y' } }, []), {
      problem: 'The name of an environment variable, like DATABASE_URL (not the URL itself)',
    });
    assert.ok('problem' in connectionFromInputs({ name: 'prod', dialect: 'postgres', target: { kind: 'host', host: 'h', port: '1', database: '', user: '', tls: 'off' } }, ['prod']));
  });
});

describe('the sqlsight.connections value', () => {
  it('reads entries as the server does, skipping ones without a name or dialect', () => {
    const raw = [prod, { name: 'x' }, { dialect: 'postgres' }, 'text', { name: 'ci', dialect: 'postgres', urlFromEnv: 'DATABASE_URL', port: 'x', password: 'never' }];
    assert.deepEqual(readConnections(raw), readEditorSettings({ connections: raw }).connections);
    assert.deepEqual(readConnections(undefined), []);
  });

  it('appends and removes entries, keeping the ones the user wrote as they are', () => {
    const handWritten = { name: 'legacy', dialect: 'postgres', comment: 'kept' };
    assert.deepEqual(withConnection([handWritten], prod), [handWritten, prod]);
    assert.deepEqual(withConnection(undefined, prod), [prod]);
    assert.deepEqual(withoutConnection([handWritten, prod], 'orders-prod'), [handWritten]);
    assert.equal(withoutConnection([handWritten], 'orders-prod'), undefined);
    assert.equal(withoutConnection(undefined, 'orders-prod'), undefined);
  });

  it('describes a connection without any secret', () => {
    assert.equal(describeConnection(prod), 'PostgreSQL · alice@db.example.com:5432/orders · TLS');
    assert.equal(describeConnection({ name: 'dev', dialect: 'mariadb' }), 'MariaDB · localhost:3306');
    assert.equal(describeConnection({ name: 'ci', dialect: 'postgres', urlFromEnv: 'DATABASE_URL' }), 'PostgreSQL · URL from $DATABASE_URL');
  });
});

describe('stored passwords', () => {
  const elsewhere: ConnectionSetting = { ...prod, host: 'attacker.example' };

  it('round-trip with the identity they were entered for', () => {
    const stored = { password: 's3cr3t"{', identity: connectionIdentity(prod) };
    assert.deepEqual(decodeStoredPassword(encodeStoredPassword(stored)), stored);
    assert.deepEqual(decodeStoredPassword('plain'), { password: 'plain', identity: undefined });
    assert.equal(connectionIdentity(prod), 'postgres://alice@db.example.com:5432/orders');
    assert.equal(connectionIdentity({ name: 'dev', dialect: 'mysql' }), 'mysql://@localhost:3306/');
  });

  it('are sent only where they were entered for', () => {
    const bound = { password: 'p', identity: connectionIdentity(prod) };
    assert.equal(storedPasswordApplies(bound, [prod]), true);
    assert.equal(storedPasswordApplies(bound, [elsewhere]), false, 'a same-named connection that leads elsewhere');
    assert.equal(storedPasswordApplies(bound, [prod, elsewhere]), false, 'sqlsight.json may point the name elsewhere, and the server would use that');
    assert.equal(storedPasswordApplies(bound, [prod, { ...prod }]), true);
    assert.equal(storedPasswordApplies(bound, []), false, 'the settings entry is gone');
    const unbound = { password: 'p', identity: undefined };
    assert.equal(storedPasswordApplies(unbound, []), true, 'a sqlsight.json connection');
    assert.equal(storedPasswordApplies(unbound, [elsewhere]), false);
  });

  it('reads the connections of a sqlsight.json', () => {
    assert.deepEqual(connectionsInProjectFile(JSON.stringify({ dialect: 'postgres', connections: [prod, { name: 'broken' }] })), [prod]);
    assert.deepEqual(connectionsInProjectFile('{ not json'), []);
    assert.deepEqual(connectionsInProjectFile('{}'), []);
  });

  it('a new password is bound to the one place the name leads, and not stored when that is ambiguous', () => {
    assert.deepEqual(passwordBinding([prod, { ...prod }]), { identity: connectionIdentity(prod) });
    assert.deepEqual(passwordBinding([]), { identity: undefined });
    assert.equal(passwordBinding([prod, elsewhere]), undefined);
  });
});
