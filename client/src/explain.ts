// "Explain This Query" and "Explain Analyze This Query": the statement at the cursor (or the one a
// CodeLens names) is sent to the server with the folder's active connection; the server plans it
// (read-only, rolled back, under a statement timeout) and the plan view shows the answer. Here only
// the conversation: parameter values, the confirmation before ANALYZE of a write, progress, errors,
// and a deadline so the command never hangs.
import * as vscode from 'vscode';
import { commands, explainRequest, type ExplainFailure, type ExplainParams, type ExplainResponse, type Range } from '../../server/src/protocol';
import type { Connections, PromptTracker } from './connections';
import { giveUpAfterMs, isExplainResponse, isExplainTarget, parameterPrompt, validateParameterValue, writesConfirmationDetail } from './explain-text';
import type { PlanView } from './plan-view';
import { describe, type ServerSession } from './server-session';
import { isSqlDocument } from './sql-documents';

// needs-parameters, then writes-need-confirmation, then the plan: a server that keeps asking past
// this is answered with an error instead of an endless round of prompts.
const maxRounds = 4;

type Outcome =
  | { readonly kind: 'answer'; readonly response: ExplainResponse }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'gave-up'; readonly afterMs: number }
  | { readonly kind: 'error'; readonly message: string };

interface Target {
  readonly uri: vscode.Uri;
  readonly range: Range;
}

function toRange(start: vscode.Position, end: vscode.Position): Range {
  return { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } };
}

/** The statement to explain: a CodeLens's target, else the active SQL editor's selection or cursor. */
async function resolveTarget(argument: unknown): Promise<Target | undefined> {
  if (isExplainTarget(argument)) {
    return { uri: vscode.Uri.parse(argument.uri), range: { start: argument.position, end: argument.position } };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isSqlDocument(editor.document)) {
    void vscode.window.showInformationMessage('sqlsight: open a SQL file and put the cursor in a query to explain it.');
    return undefined;
  }
  return { uri: editor.document.uri, range: toRange(editor.selection.start, editor.selection.end) };
}

export interface ExplainDependencies {
  readonly connections: Connections;
  /** Open password prompts: the deadline waits for them. */
  readonly prompts: PromptTracker;
  readonly planView: PlanView;
  readonly outputChannel: vscode.LogOutputChannel;
}

export function registerExplain(context: vscode.ExtensionContext, session: ServerSession, { connections, prompts, planView, outputChannel }: ExplainDependencies): void {
  // Parameter values typed this session, per document and name, offered again next time.
  const rememberedValues = new Map<string, string>();

  async function showError(message: string, ...extra: string[]): Promise<void> {
    outputChannel.warn(message);
    const choice = await vscode.window.showErrorMessage(`sqlsight: ${message}`, ...extra, 'Show Output');
    if (choice === 'Show Output') outputChannel.show(true);
    else if (choice === 'Select Connection') await vscode.commands.executeCommand(commands.selectConnection);
    else if (choice === 'Test Connection') await vscode.commands.executeCommand(commands.testConnection);
  }

  // The deadline pauses while a password box is open: the server is waiting for the user then.
  function send(params: ExplainParams, limitMs: number): Thenable<Outcome> {
    const where = params.connection === undefined ? 'the embedded database' : `"${params.connection}"`;
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `sqlsight: ${params.analyze ? 'EXPLAIN ANALYZE' : 'EXPLAIN'} on ${where}…`, cancellable: true },
      async (_progress, token) => {
        const cancellation = new vscode.CancellationTokenSource();
        const disposables: vscode.Disposable[] = [cancellation];
        let timer: NodeJS.Timeout | undefined;
        const stopped = new Promise<Outcome>((resolve) => {
          disposables.push(token.onCancellationRequested(() => resolve({ kind: 'cancelled' })));
          const arm = (): void => {
            timer = setTimeout(() => {
              if (!prompts.busy()) {
                resolve({ kind: 'gave-up', afterMs: limitMs });
                return;
              }
              const settled = prompts.onDidSettle(() => {
                settled.dispose();
                arm();
              });
              disposables.push(settled);
            }, limitMs);
          };
          arm();
        });
        const answered = (async (): Promise<Outcome> => {
          try {
            const answer: unknown = await session.current().sendRequest(explainRequest, params, cancellation.token);
            return isExplainResponse(answer) ? { kind: 'answer', response: answer } : { kind: 'error', message: 'the server sent an answer of the wrong shape' };
          } catch (error) {
            return { kind: 'error', message: describe(error) };
          }
        })();
        try {
          const outcome = await Promise.race([answered, stopped]);
          // Tell the server to stop working on an answer nobody waits for.
          if (outcome.kind !== 'answer' && outcome.kind !== 'error') cancellation.cancel();
          return outcome;
        } finally {
          clearTimeout(timer);
          for (const disposable of disposables) disposable.dispose();
        }
      },
    );
  }

  async function askParameters(uri: vscode.Uri, names: readonly string[], message: string): Promise<string[] | undefined> {
    const values: string[] = [];
    for (const [index, name] of names.entries()) {
      const key = `${uri.toString()}\u0000${name}`;
      const { title, prompt } = parameterPrompt(name, index, names.length);
      const value = await vscode.window.showInputBox({
        title,
        prompt: index === 0 ? `${message} ${prompt}` : prompt,
        value: rememberedValues.get(key),
        ignoreFocusOut: true,
        validateInput: validateParameterValue,
      });
      if (value === undefined) return undefined;
      rememberedValues.set(key, value);
      values.push(value.trim());
    }
    return values;
  }

  async function confirmWrites(message: string): Promise<boolean> {
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail: writesConfirmationDetail }, 'Run and Roll Back');
    return choice === 'Run and Roll Back';
  }

  async function reportFailure(failure: ExplainFailure): Promise<void> {
    switch (failure.kind) {
      case 'untrusted': {
        outputChannel.info(`Explain refused: ${failure.message}`);
        const choice = await vscode.window.showWarningMessage(`sqlsight: ${failure.message}`, 'Manage Workspace Trust');
        if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
        return;
      }
      case 'not-explainable':
        // Not an error: the cursor is on DDL, a psql command or the like.
        void vscode.window.showInformationMessage(`sqlsight: ${failure.message}`);
        return;
      case 'connection':
        return showError(failure.message, 'Select Connection', 'Test Connection');
      default:
        return showError(failure.message);
    }
  }

  async function explain(argument: unknown, analyze: boolean): Promise<void> {
    const target = await resolveTarget(argument);
    if (!target) return;
    const connection = connections.activeConnection(target.uri);
    const statementTimeoutMs = vscode.workspace.getConfiguration('sqlsight', target.uri).get<number>('explain.statementTimeoutMs') ?? 10_000;
    let parameters: readonly string[] | undefined;
    let writesConfirmed = false;
    for (let round = 0; round < maxRounds; round += 1) {
      const params: ExplainParams = {
        uri: target.uri.toString(),
        range: target.range,
        connection,
        analyze,
        confirmWrites: writesConfirmed,
        ...(parameters ? { parameters } : {}),
      };
      const outcome = await send(params, giveUpAfterMs(statementTimeoutMs));
      switch (outcome.kind) {
        case 'cancelled':
          return;
        case 'gave-up':
          return showError(
            `the server did not answer within ${Math.round(outcome.afterMs / 1000)} s, so the explain was cancelled (the statement timeout is sqlsight.explain.statementTimeoutMs)`,
          );
        case 'error':
          outputChannel.error(`Explain failed: ${outcome.message}`);
          return showError(`the explain failed: ${outcome.message}`);
        case 'answer':
          break;
      }
      const response = outcome.response;
      if (response.ok) {
        planView.show({ uri: params.uri, result: response.result });
        return;
      }
      const failure = response.failure;
      if (failure.kind === 'needs-parameters') {
        const values = await askParameters(target.uri, failure.names, failure.message);
        if (!values) return;
        parameters = values;
        continue;
      }
      if (failure.kind === 'writes-need-confirmation' && !writesConfirmed) {
        if (!(await confirmWrites(failure.message))) return;
        writesConfirmed = true;
        continue;
      }
      return reportFailure(failure);
    }
    return showError('the server kept asking for more input, so the explain stopped');
  }

  context.subscriptions.push(
    vscode.commands.registerCommand(commands.explain, (argument: unknown) => explain(argument, false)),
    vscode.commands.registerCommand(commands.explainAnalyze, (argument: unknown) => explain(argument, true)),
  );
}
