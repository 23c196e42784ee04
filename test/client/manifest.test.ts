// The extension manifest (package.json) against the code it describes: every `sqlsight.*` setting
// the server reads is contributed with the same default and values, every command the protocol
// names is contributed (and the menus name only those), the connection setting has no place for a
// password, the plan view's assets ship in the .vsix, and the icon is the 128x128 PNG the
// Marketplace wants.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readEditorSettings } from '../../server/src/lsp/settings';
import { commands, defaultEditorSettings } from '../../server/src/protocol';

const root = join(import.meta.dirname, '..', '..');

interface SettingContribution {
  readonly default?: unknown;
  readonly items?: {
    readonly required?: readonly string[];
    readonly additionalProperties?: boolean;
    readonly properties: Record<string, SettingContribution>;
  };
  readonly enum?: readonly unknown[];
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly scope?: string;
  readonly additionalProperties?: { readonly enum?: readonly unknown[] };
}

interface Manifest {
  readonly activationEvents: readonly string[];
  readonly capabilities: { readonly untrustedWorkspaces: { readonly supported: boolean | 'limited'; readonly restrictedConfigurations?: readonly string[] } };
  readonly contributes: {
    readonly configuration: { readonly properties: Record<string, SettingContribution> };
    readonly commands: readonly { readonly command: string; readonly title: string; readonly category: string }[];
    readonly menus: Record<string, readonly { readonly command: string; readonly when?: string }[]>;
  };
}

const manifest: Manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const properties = manifest.contributes.configuration.properties;

function setting(key: string): SettingContribution {
  const contribution = properties[key];
  assert.ok(contribution, `package.json contributes ${key}`);
  return contribution;
}

/** What `workspace.getConfiguration('sqlsight')` returns with nothing set: the defaults, nested at dots. */
function sectionFromDefaults(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  const nested: Record<string, Record<string, unknown>> = {};
  for (const [key, contribution] of Object.entries(properties)) {
    const value = key in overrides ? overrides[key] : contribution.default;
    const [head = '', ...rest] = key.replace(/^sqlsight\./, '').split('.');
    if (rest.length === 0) section[head] = value;
    else (nested[head] ??= {})[rest.join('.')] = value;
  }
  return { ...section, ...nested };
}

describe('contributed settings', () => {
  it('read by the server, the contributed defaults are the protocol defaults', () => {
    assert.deepEqual(readEditorSettings(sectionFromDefaults()), defaultEditorSettings);
  });

  it('every contributed dialect and rule severity is one the server accepts', () => {
    for (const dialect of setting('sqlsight.dialect').enum ?? []) {
      if (dialect === null) continue;
      assert.equal(readEditorSettings(sectionFromDefaults({ 'sqlsight.dialect': dialect })).dialect, dialect);
    }
    for (const severity of setting('sqlsight.rules').additionalProperties?.enum ?? []) {
      const rules = { 'prefer-text': severity };
      assert.deepEqual(readEditorSettings(sectionFromDefaults({ 'sqlsight.rules': rules })).rules, rules);
    }
  });

  it('every setting the protocol defines is contributed, and nothing else but the trace level', () => {
    // Nested settings objects are contributed one key each (`sqlsight.explain.seedRows`).
    const nested = new Set(['inlayHints', 'explain']);
    const expected = [
      ...Object.entries(defaultEditorSettings).flatMap(([key, value]) =>
        nested.has(key) && typeof value === 'object' && value !== null ? Object.keys(value).map((inner) => `${key}.${inner}`) : [key],
      ),
      'trace.server',
    ]
      .map((key) => `sqlsight.${key}`)
      .sort();
    assert.deepEqual(Object.keys(properties).sort(), expected);
  });

  it('the explain settings read by the server are the contributed values', () => {
    const overrides = { 'sqlsight.explain.statementTimeoutMs': 2_500, 'sqlsight.explain.seedRows': 1_000, 'sqlsight.explain.codeLens': false };
    assert.deepEqual(readEditorSettings(sectionFromDefaults(overrides)).explain, { statementTimeoutMs: 2_500, seedRows: 1_000, codeLens: false });
  });

  it('a connection entry has every field the server reads, and no password', () => {
    const connections = setting('sqlsight.connections');
    const items = connections.items;
    assert.ok(items, 'sqlsight.connections is an array of objects');
    assert.deepEqual(Object.keys(items.properties).sort(), ['database', 'dialect', 'host', 'name', 'port', 'ssl', 'urlFromEnv', 'user']);
    assert.equal(items.additionalProperties, false, 'no other field (a password) is accepted');
    assert.deepEqual(items.required, ['name', 'dialect']);
    assert.deepEqual(items.properties.dialect?.enum, ['postgres', 'mysql', 'mariadb']);
    for (const [key, property] of Object.entries(items.properties)) assert.ok(property.description ?? property.markdownDescription, `connections.${key} has a description`);
    assert.match(connections.markdownDescription ?? '', /secret storage/);
    const entry = { name: 'orders-prod', dialect: 'postgres', host: 'db', port: 5432, database: 'orders', user: 'alice', ssl: { rejectUnauthorized: false, ca: '/ca.pem' }, urlFromEnv: 'DATABASE_URL' };
    assert.deepEqual(readEditorSettings(sectionFromDefaults({ 'sqlsight.connections': [entry] })).connections, [entry]);
  });

  it('every setting has a description and a scope', () => {
    for (const [key, contribution] of Object.entries(properties)) {
      assert.ok(contribution.description ?? contribution.markdownDescription, `${key} has a description`);
      assert.ok(contribution.scope, `${key} has a scope`);
    }
  });

  it('the settings sqlsight.json also has say that sqlsight.json wins', () => {
    for (const key of ['sqlsight.dialect', 'sqlsight.serverVersion', 'sqlsight.assumeInTransaction', 'sqlsight.rules']) {
      assert.match(setting(key).markdownDescription ?? '', /sqlsight\.json.*win/, key);
    }
  });
});

describe('contributed commands and capabilities', () => {
  it('every command the protocol names is contributed under the sqlsight category', () => {
    const contributed = manifest.contributes.commands.map((command) => command.command).sort();
    assert.deepEqual(contributed, Object.values(commands).sort());
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'sqlsight');
  });

  it('menus name only contributed commands', () => {
    const contributed = new Set(manifest.contributes.commands.map((command) => command.command));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) assert.ok(contributed.has(entry.command), `${menu}: ${entry.command} is contributed`);
    }
  });

  it('the plan view\'s style sheet and script exist and ship in the .vsix', () => {
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    for (const file of ['plan-view.css', 'plan-view.js']) {
      assert.ok(existsSync(join(root, 'client', 'media', file)), `client/media/${file} exists`);
      assert.ok(ignore.includes(`!client/media/*${file.slice(file.lastIndexOf('.'))}`), `.vscodeignore lets client/media/${file} in`);
    }
  });

  it('activates on SQL files and runs in untrusted workspaces, without a workspace\'s connections', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:sql']);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['sqlsight.connections']);
  });

  it('the icon is a 128x128 PNG', () => {
    const png = readFileSync(join(root, 'images', 'icon.png'));
    assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
