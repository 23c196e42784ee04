// Tests of sqlsight.json loading through the io API the CLI and the language server share: search,
// JSON errors with line:column, schema and rule-id errors by key path, per-file settings. Uses
// temporary folders only; never the repository's own config.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  fileSettingsResolver,
  findConfigFile,
  formatConfigError,
  loadConfig,
  parseConfigText,
  resolveSettingsForFile,
  type ConfigResult,
} from '../../server/src/io/config-loader';
import { closestMatch } from '../../server/src/engine/did-you-mean';
import { locateJsonSyntaxError } from '../../server/src/io/json-syntax';

const knownRuleIds = ['require-concurrent-index', 'add-foreign-key-validated', 'prefer-timestamptz'];

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sqlsight-config-test-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** The error lines as the CLI prints them, with the file shown by its base name. */
function errorLines(result: ConfigResult): string[] {
  assert.equal(result.ok, false, 'expected a config error');
  return result.ok ? [] : formatConfigError(result.error, (file) => file.slice(file.lastIndexOf('/') + 1));
}

function check(text: string): string[] {
  return errorLines(parseConfigText(text, '/project/sqlsight.json', knownRuleIds));
}

describe('finding sqlsight.json', () => {
  it('uses the start folder, then the nearest ancestor, and stops at the root', () => {
    const root = project({ 'sqlsight.json': '{}', 'a/b/c/.keep': '', 'a/sqlsight.json': '{ "dialect": "postgres" }' });
    assert.equal(findConfigFile(join(root, 'a', 'b', 'c')), join(root, 'a', 'sqlsight.json'));
    assert.equal(findConfigFile(root), join(root, 'sqlsight.json'));
    // The search ends at the filesystem root without a config there.
    assert.equal(findConfigFile('/'), undefined);
  });

  it('returns defaults with the start folder as configDir when there is no config', () => {
    const root = mkdtempSync(join(tmpdir(), 'sqlsight-noconfig-'));
    const result = loadConfig({ startDir: root, knownRuleIds });
    assert.deepEqual(result, { ok: true, value: { config: {}, configPath: undefined, configDir: root } });
  });

  it('reads an explicit path relative to the start folder and names it when missing', () => {
    const root = project({ 'conf/x.json': '{ "assumeInTransaction": true }' });
    const found = loadConfig({ startDir: root, explicitPath: 'conf/x.json', knownRuleIds });
    assert.ok(found.ok);
    assert.equal(found.value.configDir, join(root, 'conf'));
    assert.equal(found.value.config.assumeInTransaction, true);
    assert.deepEqual(errorLines(loadConfig({ startDir: root, explicitPath: 'conf/nope.json', knownRuleIds })), ['nope.json: config file not found']);
  });

  it('names a folder given as the config file', () => {
    const root = project({ 'conf/.keep': '' });
    assert.deepEqual(errorLines(loadConfig({ startDir: root, explicitPath: 'conf', knownRuleIds })), [
      'conf: cannot read the config file: it is a folder, not a file (EISDIR)',
    ]);
  });
});

describe('config errors name the file and the key', () => {
  it('accepts a full valid config', () => {
    const result = parseConfigText(
      JSON.stringify({
        $schema: './node_modules/sqlsight/schemas/sqlsight.schema.json',
        dialect: 'postgres',
        serverVersion: '12',
        assumeInTransaction: true,
        rules: { 'require-concurrent-index': 'error', 'prefer-timestamptz': 'off' },
        migrations: ['db/migrations'],
        ignore: ['legacy/**'],
        maxFileSizeMb: 0.5,
        overrides: [{ files: ['db/mysql/**'], dialect: 'mysql', serverVersion: '8.0.35', assumeInTransaction: false, rules: { 'prefer-timestamptz': 'hint' } }],
      }),
      '/project/sqlsight.json',
      knownRuleIds,
    );
    assert.equal(result.ok, true, JSON.stringify(result));
  });

  it('accepts a byte order mark', () => {
    assert.equal(parseConfigText('\ufeff{}', '/p/sqlsight.json', knownRuleIds).ok, true);
  });

  for (const [name, text, expected] of [
    ['unknown top-level key', '{ "dialekt": "postgres" }', ['sqlsight.json: unknown key "dialekt" (allowed: $schema, dialect, serverVersion, assumeInTransaction, rules, migrations, ignore, maxFileSizeMb, connections, overrides); did you mean "dialect"?']],
    ['unknown key in an override', '{ "overrides": [{ "files": ["x"], "rule": {} }] }', ['sqlsight.json: overrides[0]: unknown key "rule" (allowed: files, dialect, serverVersion, assumeInTransaction, rules); did you mean "rules"?']],
    ['bad dialect', '{ "dialect": "oracle" }', ['sqlsight.json: dialect: must be one of postgres, mysql, mariadb']],
    ['bad severity', '{ "rules": { "require-concurrent-index": "loud" } }', ['sqlsight.json: rules.require-concurrent-index: must be one of off, error, warning, info, hint']],
    ['unknown rule with a suggestion', '{ "rules": { "require-concurent-index": "off" } }', ['sqlsight.json: rules.require-concurent-index: unknown rule (did you mean require-concurrent-index?)']],
    ['unknown rule without a suggestion', '{ "rules": { "zzz": "off" } }', ['sqlsight.json: rules.zzz: unknown rule']],
    ['unknown rule in an override', '{ "overrides": [{ "files": ["a"], "rules": { "prefer-timestamp": "off" } }] }', ['sqlsight.json: overrides[0].rules.prefer-timestamp: unknown rule (did you mean prefer-timestamptz?)']],
    ['wrong type', '{ "assumeInTransaction": "yes" }', ['sqlsight.json: assumeInTransaction: must be a boolean']],
    ['array expected', '{ "ignore": "legacy" }', ['sqlsight.json: ignore: must be an array']],
    ['non-positive size', '{ "maxFileSizeMb": 0 }', ['sqlsight.json: maxFileSizeMb: must be greater than 0']],
    ['bad version', '{ "serverVersion": "8.x" }', ['sqlsight.json: serverVersion: "8.x" is not a server version (write it like "16" or "8.0.35")']],
    ['bad version in an override', '{ "overrides": [{ "files": ["a"], "serverVersion": "latest" }] }', ['sqlsight.json: overrides[0].serverVersion: "latest" is not a server version (write it like "16" or "8.0.35")']],
    ['override without files', '{ "overrides": [{}] }', ['sqlsight.json: overrides[0]: missing required key "files"']],
    ['override with empty files', '{ "overrides": [{ "files": [] }] }', ['sqlsight.json: overrides[0].files: must list at least 1 item']],
    ['not an object', '[]', ['sqlsight.json: must be an object']],
  ] as const) {
    it(name, () => {
      assert.deepEqual(check(text), expected);
    });
  }

  it('reports every problem at once', () => {
    assert.deepEqual(check('{ "dialect": "x", "rules": { "nope-rule": "off" }, "extra": 1 }'), [
      'sqlsight.json: unknown key "extra" (allowed: $schema, dialect, serverVersion, assumeInTransaction, rules, migrations, ignore, maxFileSizeMb, connections, overrides)',
      'sqlsight.json: dialect: must be one of postgres, mysql, mariadb',
      'sqlsight.json: rules.nope-rule: unknown rule',
    ]);
  });

  for (const [name, text, expected] of [
    ['a trailing comma', '{\n  "rules": {\n    "a": "off",\n  }\n}', 'sqlsight.json:4:3: invalid JSON: expected a key in double quotes (no trailing comma), found \'}\''],
    ['a missing comma', '{\n  "dialect": "postgres"\n  "serverVersion": "16"\n}', 'sqlsight.json:3:3: invalid JSON: expected \',\' or \'}\' after the value, found \'"\''],
    ['a bare word', '{ "dialect": postgres }', 'sqlsight.json:1:14: invalid JSON: expected a value (a string, number, object, array, true, false or null), found \'p\''],
    ['an unterminated string', '{ "dialect": "postgres\n}', 'sqlsight.json:1:23: invalid JSON: expected the closing \'"\' of the string (strings cannot span lines), found a line break'],
    ['an empty file', '', 'sqlsight.json:1:1: invalid JSON: expected a value (a string, number, object, array, true, false or null), found the end of the file'],
    ['a comment', '{\n  // no comments in JSON\n}', 'sqlsight.json:2:3: invalid JSON: expected a key in double quotes, found \'/\''],
    ['text after the value', '{} {}', 'sqlsight.json:1:4: invalid JSON: expected the end of the file after the value, found \'{\''],
  ] as const) {
    it(`names line and column for ${name}`, () => {
      assert.deepEqual(check(text), [expected]);
    });
  }

  it('the JSON locator accepts what JSON.parse accepts', () => {
    for (const text of ['{}', '[1, -2.5e3, true, false, null, "a\\u00e9\\n"]', ' { "a" : { "b" : [ ] } } ']) {
      JSON.parse(text);
      assert.equal(locateJsonSyntaxError(text), undefined, text);
    }
  });
});

describe('per-file settings', () => {
  it('applies matching overrides in order, with globs relative to the config folder', () => {
    const root = project({
      'sqlsight.json': JSON.stringify({
        serverVersion: '12',
        rules: { 'require-concurrent-index': 'error' },
        overrides: [
          { files: ['legacy/**'], rules: { 'require-concurrent-index': 'off' } },
          { files: ['*.mysql.sql'], dialect: 'mysql', serverVersion: '8.0.35' },
          { files: ['legacy/keep/**'], rules: { 'require-concurrent-index': 'warning' } },
        ],
      }),
    });
    const loaded = loadConfig({ startDir: join(root, 'deep', 'er'), knownRuleIds });
    assert.ok(loaded.ok);
    const settingsFor = fileSettingsResolver(loaded.value);
    assert.equal(settingsFor(join(root, 'db', '001.sql')).rules['require-concurrent-index'], 'error');
    assert.deepEqual(settingsFor(join(root, 'db', '001.sql')).serverVersion, { major: 12, minor: 0, patch: 0 });
    assert.equal(settingsFor(join(root, 'legacy', 'a', '001.sql')).rules['require-concurrent-index'], 'off');
    assert.equal(settingsFor(join(root, 'legacy', 'keep', '001.sql')).rules['require-concurrent-index'], 'warning');
    const mysql = settingsFor(join(root, 'db', 'nested', 'x.mysql.sql'));
    assert.equal(mysql.dialect, 'mysql');
    assert.deepEqual(mysql.serverVersion, { major: 8, minor: 0, patch: 35 });
    // A file outside the config's folder matches no override.
    assert.equal(settingsFor(join(root, '..', 'legacy', 'x.sql')).rules['require-concurrent-index'], 'error');
    // Explicit values (CLI flags, editor settings) win over everything.
    const explicit = resolveSettingsForFile(loaded.value, join(root, 'legacy', 'a.sql'), { serverVersion: '9.6', assumeInTransaction: true });
    assert.deepEqual(explicit.serverVersion, { major: 9, minor: 6, patch: 0 });
    assert.equal(explicit.assumeInTransaction, true);
  });

  it('turns maxFileSizeMb into bytes', () => {
    const root = project({ 'sqlsight.json': '{ "maxFileSizeMb": 0.5 }' });
    const loaded = loadConfig({ startDir: root, knownRuleIds });
    assert.ok(loaded.ok);
    assert.equal(resolveSettingsForFile(loaded.value, join(root, 'a.sql')).maxFileBytes, 512 * 1024);
  });
});

describe('did you mean', () => {
  it('suggests close names and stays quiet for distant ones', () => {
    assert.equal(closestMatch('require-concurent-index', knownRuleIds), 'require-concurrent-index');
    assert.equal(closestMatch('concurrent-index', knownRuleIds), 'require-concurrent-index');
    assert.equal(closestMatch('dialekt', ['dialect', 'rules']), 'dialect');
    assert.equal(closestMatch('zzz', knownRuleIds), undefined);
  });
});
