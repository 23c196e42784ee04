// Lint and the architecture's dependency rules (STYLE.md): each folder may import only what its
// layer allows, so the engine stays pure and the CLI and editor share one pipeline.
import tseslint from 'typescript-eslint';

const driverPaths = ['pg', 'mysql2', 'vscode', 'fs', 'net', 'child_process', 'path'].map((name) => ({
  name,
  message: 'The engine does no I/O and imports no editor or driver.',
}));

const restrict = (files, patterns, paths = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns, paths }] },
});

const engineForbidden = [
  { group: ['node:*'], message: 'The engine does no I/O.' },
  { group: ['vscode-*', '@electric-sql/*'], message: 'The engine imports no editor or driver.' },
  { group: ['**/io/**', '**/lsp/**', '**/cli/**', '**/protocol/**'], message: 'The engine never imports outer layers.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.bench/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings at the edges.' }],
    },
  },
  { files: ['server/src/io/**', 'server/src/db/**', 'server/src/cli/**', 'server/src/lsp/**', 'client/**', 'test/**', 'scripts/**', 'bench/**'], rules: { 'no-restricted-properties': 'off' } },
  restrict(['server/src/engine/model/**'], [
    ...engineForbidden,
    { group: ['../*', '!./*'], message: 'engine/model imports nothing else from the repository.' },
  ], driverPaths),
  restrict(['server/src/engine/dialects/**'], [
    ...engineForbidden,
    { group: ['**/schema/**', '**/rules/**', '**/explain/**', '**/analysis/**'], message: 'Dialects lower into the model only.' },
  ], driverPaths),
  restrict(['server/src/engine/rules/**'], [
    ...engineForbidden,
    { group: ['**/dialects/**', '**/explain/**'], message: 'Rules read the statement model, never a parser.' },
  ], driverPaths),
  restrict(['server/src/engine/analysis/**', 'server/src/engine/schema/**', 'server/src/engine/*.ts'], engineForbidden, driverPaths),
  restrict(['server/src/engine/explain/**'], [
    ...engineForbidden,
    { group: ['**/dialects/**', '**/rules/**'], message: 'Explain reads plans, the statement model and the schema model, never a parser.' },
  ], driverPaths),
  restrict(['server/src/db/**'], [
    { group: ['**/lsp/**', '**/cli/**'], message: 'The database layer never imports the language server or the CLI.' },
    { group: ['**/engine/*/**', '!**/engine/model', '!**/engine/model/*'], message: 'Outside the engine, import engine/index.ts or engine/model only.' },
  ]),
  restrict(['server/src/io/**'], [{ group: ['**/lsp/**', '**/cli/**'], message: 'io never imports lsp or cli.' }]),
  restrict(['server/src/cli/**'], [
    { group: ['**/lsp/**', '**/protocol/**', 'vscode-languageserver*'], message: 'The CLI never imports the language server.' },
    { group: ['**/engine/*/**', '!**/engine/model', '!**/engine/model/*'], message: 'Outside the engine, import engine/index.ts or engine/model only.' },
  ]),
  restrict(['server/src/lsp/**'], [
    { group: ['**/cli/**'], message: 'The language server never imports the CLI.' },
    { group: ['**/engine/*/**', '!**/engine/model', '!**/engine/model/*'], message: 'Outside the engine, import engine/index.ts or engine/model only.' },
  ]),
  restrict(['client/**'], [
    {
      regex: '^(?!vscode$|vscode-languageclient(/.*)?$|\\./|\\.\\./\\.\\./server/src/protocol$)',
      message: 'The client imports only vscode, vscode-languageclient and the shared protocol; it talks to the server over LSP.',
    },
  ]),
);
