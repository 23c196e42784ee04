// Drives the VS Code workbench (code-server) in headless Chromium for the e2e scenarios, the way a
// person would: Quick Open, the Problems panel, the quick-fix menu, the hover. Started by
// scripts/run-e2e.mjs, which passes the workbench URL and the workspace folder in the environment.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const workspace = process.env.SQLSIGHT_E2E_WORKSPACE ?? '';
const url = process.env.SQLSIGHT_E2E_URL ?? '';
const resultsDir = join(process.cwd(), 'test-results', 'e2e');

/** Long enough for a cold start on a slow machine; every wait polls a condition. */
export const timeout = 45_000;

export interface Session {
  browser: Browser;
  page: Page;
}

/**
 * Copies a migration from examples/migrations to a new name in the workspace, so each scenario edits
 * its own file (unsaved edits of a shared file would survive in code-server's backups).
 */
export function scratchCopy(example: string, name: string): string {
  const folder = join(workspace, 'migrations');
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(folder, example), join(folder, name));
  return name;
}

export async function openWorkbench(): Promise<Session> {
  if (!url || !workspace) throw new Error('Run the e2e tests with `npm run test:e2e` (SQLSIGHT_E2E_URL is not set).');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.setDefaultTimeout(timeout);
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor();
  // The explorer shows the workspace's folder once the workbench has restored.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  return { browser, page };
}

/**
 * Runs a scenario in a fresh browser. Saves a screenshot either way; on failure prints its path and
 * what the Problems panel showed, then fails.
 */
export async function scenario(name: string, body: (page: Page) => Promise<void>): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  const session = await openWorkbench();
  const { page } = session;
  try {
    await body(page);
    await page.screenshot({ path: join(resultsDir, `${name}.png`) });
  } catch (error) {
    const shot = join(resultsDir, `${name}-failure.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    const problems = await problemsText(page).catch((e: unknown) => `(could not read the Problems panel: ${String(e)})`);
    console.error(`\n[e2e ${name}] FAILED. Screenshot: ${shot}\n[e2e ${name}] Problems panel:\n${problems}\n`);
    throw error;
  } finally {
    await session.browser.close();
  }
}

/** Opens a workspace file through Quick Open (Ctrl+P) and waits until its editor has focus. */
export async function openFile(page: Page, name: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await page.locator('.monaco-workbench').press('Control+p');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await row.waitFor();
  // Quick Open lists the best match first: make sure it is the exact file before opening it.
  await page.waitForFunction(
    `document.querySelector('.quick-input-list .monaco-list-row .label-name')?.textContent?.replace(/\\u00a0/g, ' ').trim() === ${JSON.stringify(name)}`,
  );
  await input.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  await page.locator('.editor-instance .monaco-editor.focused').waitFor();
}

/** The active editor's visible text, lines in order, non-breaking spaces as spaces. */
export async function editorText(page: Page): Promise<string> {
  // A string, evaluated in the page: the repository's TypeScript settings have no DOM types.
  return page.evaluate<string>(`(() => {
    const lines = [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')];
    return lines
      .map((line) => ({ top: parseFloat(line.style.top || '0'), text: (line.textContent || '').replace(/\\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text)
      .join('\\n');
  })()`);
}

export async function waitForEditorText(page: Page, predicate: (text: string) => boolean, what: string): Promise<string> {
  return poll(() => editorText(page), predicate, `editor text ${what}`);
}

/** Moves the cursor with Go to Line (Ctrl+G): `line:column`, 1-based. */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+g');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  // In the browser, Go to Line is Quick Open with a `:` prefix; fill() replaces the prefix too.
  await input.fill(`:${line}:${column}`);
  await input.press('Enter');
  await input.waitFor({ state: 'hidden' });
  await page.locator('.editor-instance .monaco-editor.focused').waitFor();
}

export interface Problem {
  file: string;
  text: string;
}

/** Opens the Problems panel (Ctrl+Shift+M) if needed and returns its rows: each problem with its file. */
export async function problems(page: Page): Promise<Problem[]> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible' });
  }
  return page.evaluate<Problem[]>(`(() => {
    const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')];
    rows.sort((a, b) => Number(a.dataset.index || 0) - Number(b.dataset.index || 0));
    const found = [];
    let file = '';
    for (const row of rows) {
      const text = (row.textContent || '').replace(/\\u00a0/g, ' ').trim();
      if (row.querySelector('.file-icon')) file = (row.querySelector('.label-name')?.textContent || text).trim();
      else found.push({ file, text });
    }
    return found;
  })()`);
}

export async function problemsText(page: Page): Promise<string> {
  const rows = await problems(page);
  if (rows.length === 0) return '(no problems)';
  return rows.map((row) => `${row.file}: ${row.text}`).join('\n');
}

/** The Problems panel's rows for one file, after `predicate` holds for them. */
export async function waitForProblems(
  page: Page,
  file: string,
  predicate: (texts: string[]) => boolean,
  what: string,
  ms = timeout,
): Promise<string[]> {
  return poll(
    async () => (await problems(page)).filter((row) => row.file === file).map((row) => row.text),
    predicate,
    `Problems panel for ${file} ${what}`,
    ms,
  );
}

/** Opens the quick-fix menu (Ctrl+.) at the cursor and applies the action with this title. */
export async function applyCodeAction(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget');
  await menu.waitFor({ state: 'visible' });
  const rows = menu.locator('.monaco-list-row.action');
  await menu.locator('.monaco-list-row.action', { hasText: title }).first().waitFor();
  // The menu is driven from the keyboard, like a person at Ctrl+. would (a pointer block covers it
  // while it opens): move the selection down to the action, then Enter.
  const focused = menu.locator('.monaco-list-row.action.focused');
  const count = await rows.count();
  for (let step = 0; ; step++) {
    if ((await focused.count()) > 0 && (await focused.first().getAttribute('aria-label')) === title) break;
    if (step > count) throw new Error(`The quick-fix menu has no action "${title}": ${(await rows.allTextContents()).join(' | ')}`);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden' });
}

/** Polls `read` until `predicate` holds; fails with the last value after `timeout`. */
export async function poll<T>(read: () => Promise<T>, predicate: (value: T) => boolean, what: string, ms = timeout): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (predicate(last)) return last;
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}; last seen:\n${JSON.stringify(last, null, 2)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
