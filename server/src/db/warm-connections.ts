// One warm connection per configured connection name, for every driver: a queue so transactions
// never interleave, the fingerprint that tells an edited connection from the same one, whether the
// server wanted a password, and closing. The drivers' modules only connect and explain.
import type { ConnectionSetting } from '../protocol';

/** Serialises work on one connection: a transaction must not interleave with another. */
export class Queue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export interface WarmEntry<W> {
  readonly fingerprint: string;
  readonly queue: Queue;
  warm: W | undefined;
  /** The server asked for a password once: ask for it before connecting next time. */
  needsPassword: boolean;
}

export class WarmConnections<W extends { alive: boolean }> {
  private readonly entries = new Map<string, WarmEntry<W>>();

  /** `close` ends a warm connection (`graceful`: after the work in flight, else at once). */
  constructor(private readonly close: (warm: W, graceful: boolean) => Promise<void> | void) {}

  /** The connection's entry; a connection edited since (other host, user …) starts afresh. */
  entryFor(connection: ConnectionSetting): WarmEntry<W> {
    const fingerprint = JSON.stringify([connection.dialect, connection.host, connection.port, connection.database, connection.user, connection.ssl, connection.urlFromEnv]);
    const existing = this.entries.get(connection.name);
    if (existing && existing.fingerprint === fingerprint) return existing;
    if (existing) this.drop(existing);
    const entry: WarmEntry<W> = { fingerprint, queue: new Queue(), warm: undefined, needsPassword: false };
    this.entries.set(connection.name, entry);
    return entry;
  }

  /** Forgets the entry's warm connection (broken or lost) and closes it at once. */
  drop(entry: WarmEntry<W>): void {
    const warm = entry.warm;
    entry.warm = undefined;
    if (!warm) return;
    warm.alive = false;
    void Promise.resolve(this.close(warm, false)).catch(() => undefined);
  }

  async dispose(): Promise<void> {
    const entries = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(entries.map(async (entry) => (entry.warm ? this.close(entry.warm, true) : undefined)));
  }
}
