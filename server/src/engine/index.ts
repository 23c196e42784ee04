// The engine's API boundary: plain data in, plain data out. The CLI and the language server use
// only what this file exports (and model types).
import { analyzeText, emptyStats, type AnalyzeInput, type FileAnalysis } from './analyze';
import { loadPostgresParser, ParseCache } from './dialects/pg/parse';
import { allRules } from './rules';
import type { Rule } from './rules/lib/rule';
import { unreadableFile } from './rules/unreadable-file';
import { decodeSource } from './source';
import { frontEndFor, queryShapeFor } from './dialects/front-end';
import { defaultServerVersions, parseServerVersion, type ServerVersion } from './config';
import type { Dialect, Finding, QueryShape, Statement } from './model';
import { replayStatements } from './schema/replay';
import { WorkspaceSchema } from './schema/workspace';

export type { AnalyzeInput, FileAnalysis, AnalysisStats, RuleFailure, StatementLocks } from './analyze';
export type { TableLock } from './analysis/state';
export type { Rule, RuleMeta, RuleCategory } from './rules/lib/rule';
export type { SchemaBefore } from './analysis/state';
export { locksTaken, lockBlocks, lockBlocksIn, lockLabel, lockName, blocksWrites, type LockMode, type LockAcquisition } from './analysis/locks';
export * from './config';
export { chooseDialect, dialectDirective, dialectFromPath, dialectFromText, type DialectChoice, type DialectSource } from './dialect-detection';
export { ParseCache };
export { decodeSource, type DecodedSource } from './source';
export { closestMatch, editDistance } from './did-you-mean';
export * from './model';
export * from './schema/model';
export { schemaToJson, type SchemaJson, type TableJson, type IndexJson, type ColumnJson, type KeyJson, type ForeignKeyJson } from './schema/json';
export { WorkspaceSchema, type WorkspaceMigration } from './schema/workspace';
export { schemaToSql } from './schema/ddl';
export { displayType } from './rules/lib/type-helpers';
export { detectConvention, migrationFolderOf, newMigrationPath, orderMigrations, type MigrationConvention, type MigrationFile, type MigrationRole, type MigrationSet, type OrderOptions } from './schema/migrations';

export interface Engine {
  readonly rules: readonly Rule[];
  analyze(input: AnalyzeInput): FileAnalysis;
  /** Decodes file bytes first: a binary, non-UTF-8 or oversized file yields one `unreadable-file` finding. */
  analyzeBytes(input: Omit<AnalyzeInput, 'text'> & { readonly bytes: Uint8Array }): FileAnalysis;
  /** A file's statements as the workspace model replays them (no rules, no AST, down sections left out). */
  replay(text: string, dialect?: Dialect, version?: ServerVersion): Statement[];
  /** An empty workspace model that lowers files with this engine's front-end for the dialect. */
  createWorkspaceSchema(dialect: Dialect, version?: ServerVersion): WorkspaceSchema;
}

/** A query's shape for Explain's index advisor (MySQL statements are lowered without one during analysis). */
export function queryShape(statement: Statement, version?: ServerVersion): QueryShape | undefined {
  return queryShapeFor(statement, version ?? defaultVersionOf(statement.dialect));
}

function defaultVersionOf(dialect: Dialect): ServerVersion {
  return parseServerVersion(defaultServerVersions[dialect]) ?? { major: 16, minor: 0, patch: 0 };
}

export interface EngineOptions {
  /** Rules added to the built-in ones (tests inject a failing rule this way). */
  readonly extraRules?: readonly Rule[];
}

/** Loads the parsers (WASM) once; analysis afterwards is synchronous. */
export async function loadEngine(options: EngineOptions = {}): Promise<Engine> {
  const parser = await loadPostgresParser();
  const rules = [...allRules, ...(options.extraRules ?? [])];
  const analyze = (input: AnalyzeInput): FileAnalysis => analyzeText({ parser, rules }, input);
  const replay = (text: string, dialect: Dialect = 'postgres', version?: ServerVersion): Statement[] =>
    replayStatements(frontEndFor(parser, dialect, version ?? defaultVersionOf(dialect)), text);
  return {
    rules,
    analyze,
    replay,
    createWorkspaceSchema: (dialect, version) => new WorkspaceSchema(dialect, (text) => replay(text, dialect, version)),
    analyzeBytes({ bytes, ...input }) {
      const decoded = decodeSource(bytes, input.settings.maxFileBytes);
      if (decoded.ok) return analyze({ ...input, text: decoded.text });
      const setting = input.settings.rules[unreadableFile.meta.id];
      const finding: Finding = {
        ruleId: unreadableFile.meta.id,
        severity: setting === undefined || setting === 'off' ? unreadableFile.meta.severity : setting,
        message: decoded.message,
        help: unreadableFile.meta.docs.safeWay,
        range: { start: 0, end: 0 },
        fixes: [],
        related: [],
        tags: [],
      };
      return {
        path: input.path,
        settings: input.settings,
        text: '',
        findings: setting === 'off' ? [] : [finding],
        statements: [],
        statementLocks: [],
        sections: [],
        stats: emptyStats,
        ruleFailures: [],
      };
    },
  };
}
export type { Plan, PlanNode, PlanActuals, PlanBuffers, PlanWarning, PlanWarningKind } from './explain/plan';
export { parsePostgresPlan, readPostgresPlan, type PlanReadResult } from './explain/pg-plan';
export { parseMysqlJson, parseMysqlPlan, readMysqlPlan, withTableNames, type MysqlDialect, type QueryTableName } from './explain/mysql-plan';
export { planWarnings, defaultLargeTableRows, type PlanWarningOptions } from './explain/warnings';
export { planSummary, worstWarning, mostSignificantNode } from './explain/summary';
export { humanNumber, formatDuration, formatKilobytes, nodeLabel, conditionColumns } from './explain/format';
export { indexCandidates, indexCovers, queryShapeOf, type IndexCandidateSuggestion } from './explain/advisor';
export { statementParameters, isWritingStatement, type StatementParameters } from './explain/parameters';
