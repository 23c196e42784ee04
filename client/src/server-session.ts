// Owns the language client across restarts. A client whose start failed cannot be started again
// (vscode-languageclient keeps the failed start), so a restart disposes it and builds a new one.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

export type SessionState = 'starting' | 'running' | 'stopped';

export interface ServerSession extends vscode.Disposable {
  /** The client in use now; a restart replaces it, so callers ask again each time. */
  current(): LanguageClient;
  /** `starting` also covers the moment between the two clients of a restart. */
  state(): SessionState;
  /** Fires when the current client changes state or is replaced. */
  readonly onDidChangeState: vscode.Event<void>;
  start(): Promise<void>;
  /** Stops the server (if it runs) and starts a fresh one. Never rejects: failures are logged. */
  restart(): Promise<void>;
  /** Stops the server; for deactivation, which waits for it. */
  stop(): Promise<void>;
}

export function createServerSession(createClient: () => LanguageClient, outputChannel: vscode.LogOutputChannel): ServerSession {
  const stateChanged = new vscode.EventEmitter<void>();
  let client = createClient();
  let stateListener = client.onDidChangeState(() => stateChanged.fire());
  // Restarts run one after another: two quick clicks must not race two servers into existence.
  let queue: Promise<void> = Promise.resolve();
  let replacing = false;

  async function startCurrent(): Promise<void> {
    try {
      await client.start();
    } catch (error) {
      // The client has already logged the cause; say what to do next.
      outputChannel.error(`The sqlsight server did not start: ${describe(error)}. Run "sqlsight: Restart Language Server" to try again.`);
    }
  }

  async function replace(): Promise<void> {
    const previous = client;
    replacing = true;
    stateListener.dispose();
    stateChanged.fire();
    try {
      await previous.dispose();
    } catch (error) {
      // A client that never started (or failed to) refuses to stop; there is nothing to stop then.
      outputChannel.debug(`Stopping the previous sqlsight server: ${describe(error)}`);
    }
    let started: Promise<void>;
    try {
      client = createClient();
      stateListener = client.onDidChangeState(() => stateChanged.fire());
      started = startCurrent();
    } finally {
      replacing = false;
      stateChanged.fire();
    }
    await started;
  }

  return {
    current: () => client,
    state() {
      if (replacing || client.state === State.Starting) return 'starting';
      return client.state === State.Running ? 'running' : 'stopped';
    },
    onDidChangeState: stateChanged.event,
    start: startCurrent,
    restart() {
      queue = queue.then(async () => {
        outputChannel.info('Restarting the sqlsight server');
        try {
          await replace();
        } catch (error) {
          outputChannel.error(`Restarting the sqlsight server failed: ${describe(error)}`);
        }
      });
      return queue;
    },
    async stop() {
      stateListener.dispose();
      try {
        await client.dispose();
      } catch (error) {
        outputChannel.debug(`Stopping the sqlsight server: ${describe(error)}`);
      }
    },
    dispose() {
      stateListener.dispose();
      stateChanged.dispose();
      void client.dispose().catch(() => undefined);
    },
  };
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
