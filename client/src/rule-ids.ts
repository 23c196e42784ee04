// Rule ids as the client meets them: typed by the user or carried in a diagnostic's code. Pure (no
// vscode import), so tests run without an editor.

/** Rule ids are kebab-case (the same pattern schemas/sqlsight.schema.json accepts). */
export function isRuleId(text: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(text);
}

/** A diagnostic's code is a string, or `{ value, target }` when the server links the rule's page. */
export function ruleIdOfDiagnosticCode(code: unknown): string | undefined {
  const value = typeof code === 'object' && code !== null && 'value' in code ? code.value : code;
  return typeof value === 'string' && isRuleId(value) ? value : undefined;
}
