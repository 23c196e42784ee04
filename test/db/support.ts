// Helpers for the database layer's tests: scratch PostgreSQL databases on the live test server,
// PGlite served over the wire protocol, free ports, and two tiny fake servers (one that never
// answers, one that asks for a password and checks it) for the faults a real local server cannot
// produce. Every server here listens on 127.0.0.1 only and is closed by its test.
import { createServer, Socket, type Server } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { ConnectionSetting } from '../../server/src/protocol';
import type { ExplainRun, ExplainTargetSpec, PasswordSource } from '../../server/src/db/explain-types';

/** The live PostgreSQL test server (`.ci/run` sets it), or undefined: those tests say they were not run. */
export const livePostgresUrl = process.env.SQLSIGHT_TEST_PG_URL;
export const liveMysqlUrl = process.env.SQLSIGHT_TEST_MYSQL_URL;

export function temporaryFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `sqlsight-${prefix}-`));
}

export const noPassword: PasswordSource = async () => {
  throw new Error('the password source must not be asked');
};

export function run(target: ExplainTargetSpec, statement: string, overrides: Partial<ExplainRun> = {}): ExplainRun {
  return { statement, target, analyze: false, confirmWrites: false, parameters: undefined, statementTimeoutMs: 5000, candidates: [], ...overrides };
}

/** A connection setting from a postgres:// URL (no password in it). */
export function connectionFromUrl(name: string, url: string, database?: string): ConnectionSetting {
  const parsed = new URL(url);
  return {
    name,
    dialect: 'postgres',
    host: parsed.hostname,
    port: parsed.port === '' ? 5432 : Number(parsed.port),
    user: decodeURIComponent(parsed.username) || 'postgres',
    database: database ?? parsed.pathname.slice(1),
  };
}

/** Creates a scratch database on the live server; `drop` removes it (forcing other sessions out). */
export async function scratchDatabase(url: string, prefix: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `sqlsight_${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    name,
    url: scratch.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A port nothing listens on (bound once, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface FakeServer {
  readonly port: number;
  close(): Promise<void>;
}

function closer(server: Server, sockets: Set<Socket>): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

/** Accepts TCP connections and never answers: what a host dropping packets after the handshake looks like. */
export async function silentServer(): Promise<FakeServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  return { port: await listen(server), close: closer(server, sockets) };
}

/** PGlite served over the PostgreSQL wire protocol on a free port, for the `pg` driver path. */
export async function pgliteServer(setup: string): Promise<{ db: PGlite; port: number; close: () => Promise<void> }> {
  const db = await PGlite.create();
  if (setup !== '') await db.exec(setup);
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 8 });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  return {
    db,
    port,
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

function errorResponse(code: string, text: string): Buffer {
  const field = (kind: string, value: string): Buffer => Buffer.concat([Buffer.from(kind, 'latin1'), Buffer.from(value, 'utf8'), Buffer.from([0])]);
  return message('E', Buffer.concat([field('S', 'FATAL'), field('V', 'FATAL'), field('C', code), field('M', text), Buffer.from([0])]));
}

/**
 * A PostgreSQL front door that asks for a cleartext password (AuthenticationCleartextPassword) and
 * answers a wrong one with the server's own error (28P01); a right one is let through to `upstream`
 * (which trusts everyone): the startup message is replayed there and the bytes are piped both ways.
 * The local test server trusts 127.0.0.1, so a refused password cannot be produced there for real.
 */
export async function passwordServer(options: { readonly password: string; readonly upstreamPort: number }): Promise<FakeServer & { readonly attempts: string[] }> {
  const attempts: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = Buffer.alloc(0);
    let startup: Buffer | undefined;
    const onData = (chunk: Buffer): void => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!startup) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        const packet = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        if (code === 80877103) {
          socket.write('N');
          return;
        }
        startup = Buffer.from(packet);
        const request = Buffer.alloc(4);
        request.writeInt32BE(3);
        socket.write(message('R', request));
        return;
      }
      if (buffer.length < 5) return;
      const length = buffer.readInt32BE(1);
      if (buffer.length < length + 1) return;
      if (buffer.toString('latin1', 0, 1) !== 'p') {
        // Terminate ('X') from a client that gave up: not a password.
        socket.destroy();
        return;
      }
      const given = buffer.subarray(5, length).toString('utf8').replace(/\0$/, '');
      const rest = buffer.subarray(length + 1);
      attempts.push(given);
      socket.off('data', onData);
      if (given !== options.password) {
        socket.end(errorResponse('28P01', 'password authentication failed for user "app"'));
        return;
      }
      const upstream = new Socket();
      upstream.on('error', () => socket.destroy());
      sockets.add(upstream);
      upstream.connect(options.upstreamPort, '127.0.0.1', () => {
        upstream.write(startup ?? Buffer.alloc(0));
        if (rest.length > 0) upstream.write(rest);
        socket.pipe(upstream);
        upstream.pipe(socket);
      });
    };
    socket.on('data', onData);
  });
  return { port: await listen(server), attempts, close: closer(server, sockets) };
}
