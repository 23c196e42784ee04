// The per-file pipeline: split, parse one statement at a time, fold the analysis state, run the
// rules, apply severities and suppressions. Pure: text in, findings out; a rule that throws is
// contained and reported, the other rules' findings stand.
import { settingsForText, type FileSettings } from './config';
import type { Dialect, Finding, Section, Segment, Severity, Statement, TextRange } from './model';
import { advanceState, initialState, tableKey, tableLocks, type AnalysisState, type SchemaBefore, type TableLock } from './analysis/state';
import { attachSuppressions, isSuppressed, readSuppressions, type Suppression } from './analysis/suppressions';
import type { ParseCache, ParseOutcome, PostgresParser } from './dialects/pg/parse';
import { frontEndFor } from './dialects/front-end';
import type { ReportInput, Rule, RuleContext, StatementFact } from './rules/lib/rule';
import { frameworkRules } from './rules/lib/framework-rules';

export interface AnalyzeInput {
  readonly path: string;
  readonly text: string;
  readonly settings: FileSettings;
  /** State before this file from the workspace model; without it every table not created here is existing. */
  readonly before?: SchemaBefore;
  /**
   * Parser results kept between analyses of the same document (the editor): unchanged statements
   * are not parsed again. Without it, statements are parsed in batched runs (best for one pass).
   */
  readonly parseCache?: ParseCache;
  /** False when the caller needs findings only (the CLI): statements are then not kept, which saves memory. */
  readonly keepStatements?: boolean;
}

export interface AnalysisStats {
  /** Segments that are SQL statements (templates included). */
  readonly statements: number;
  readonly parsed: number;
  readonly syntaxErrors: number;
  readonly templates: number;
  /** Statements the front-end could not analyse and cannot call wrong (reported as `unanalyzed-statement`). */
  readonly unanalyzed: number;
  readonly metaCommands: number;
  readonly copyData: number;
}

export interface RuleFailure {
  readonly ruleId: string;
  readonly message: string;
  readonly range: TextRange;
}

export interface FileAnalysis {
  readonly path: string;
  /** The settings the file was analysed with: its dialect (and where it came from) and server version. */
  readonly settings: FileSettings;
  /** The text analysed (decoded from bytes by analyzeBytes; empty when the file was unreadable). */
  readonly text: string;
  readonly findings: readonly Finding[];
  readonly statements: readonly Statement[];
  readonly stats: AnalysisStats;
  /** Migration-tool sections (dbmate/goose up and down); empty for a file without markers. */
  readonly sections: readonly Section[];
  /** For each kept statement, the table locks it takes (hover and inlay hints); empty without keepStatements. */
  readonly statementLocks: readonly StatementLocks[];
  /** Exceptions thrown by rules: bugs, contained so the rest of the analysis stands. */
  readonly ruleFailures: readonly RuleFailure[];
}

export interface StatementLocks {
  readonly range: TextRange;
  readonly locks: readonly TableLock[];
}

export interface EngineParts {
  readonly parser: PostgresParser;
  readonly rules: readonly Rule[];
}

const isPostgres = (dialect: Dialect): boolean => dialect === 'postgres';

function ruleApplies(rule: Rule, settings: FileSettings): boolean {
  const { meta } = rule;
  const setting = settings.rules[meta.id];
  if (setting === 'off' || (meta.optIn && setting === undefined)) return false;
  if (!meta.dialects.includes(settings.dialect)) return false;
  const major = settings.serverVersion.major;
  return (meta.versions?.min ?? 0) <= major && major <= (meta.versions?.max ?? Number.POSITIVE_INFINITY);
}

/** Whether the migration tool runs this section inside a transaction. */
function sectionTransaction(section: Section | undefined, settings: FileSettings): boolean {
  if (!section || section.tool === undefined) return settings.assumeInTransaction;
  // dbmate and goose wrap every section in a transaction unless the marker opts out.
  return section.runsInTransaction ?? true;
}

function wordEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && /[\w$."]/.test(text[end] ?? '')) end++;
  return Math.max(end, Math.min(offset + 1, text.length));
}

export function analyzeText(parts: EngineParts, input: AnalyzeInput): FileAnalysis {
  const { text } = input;
  const settings = settingsForText(input.settings, input.path, text);
  const frontEnd = frontEndFor(parts.parser, settings.dialect, settings.serverVersion);
  const { major, minor, patch } = settings.serverVersion;
  input.parseCache?.parseFor(`${settings.dialect} ${major}.${minor}.${patch}`);
  // A model replayed in the other dialect family (a MySQL file beside PostgreSQL migrations) says nothing about this file.
  const modelDialect = input.before?.schema?.dialect;
  const before = modelDialect === undefined || isPostgres(modelDialect) === isPostgres(settings.dialect) ? input.before : undefined;
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  const statements: Statement[] = [];
  const statementLocks: StatementLocks[] = [];
  const framework = frameworkRules();
  const push = (ruleId: string, severity: Severity, report: ReportInput): void => {
    if (settings.rules[ruleId] === 'off') return;
    findings.push({
      ruleId,
      severity: configuredSeverity(settings, ruleId, report.severity ?? severity),
      message: report.message,
      help: report.help,
      range: report.range,
      fixes: report.fixes ?? [],
      related: report.related ?? [],
      tags: report.tags ?? [],
    });
  };

  const split = frontEnd.split(text);
  const suppressions = readSuppressions(text, split.comments);
  attachSuppressions(
    suppressions,
    split.segments.filter((segment) => segment.kind === 'statement' || segment.kind === 'template').map((segment) => segment.range),
  );
  const activeRules = parts.rules.filter((rule) => ruleApplies(rule, settings));
  const stats = { ...emptyStats };

  const segmentsBySection = new Map<number, Segment[]>();
  for (const segment of split.segments) {
    const list = segmentsBySection.get(segment.section) ?? [];
    list.push(segment);
    segmentsBySection.set(segment.section, list);
  }

  // A down section runs against what the up section built (it is linted, not replayed).
  let afterUp: SchemaBefore | undefined;
  split.sections.forEach((section, sectionIndex) => {
    const sectionBefore = section.kind === 'down' && afterUp ? afterUp : before;
    let state: AnalysisState = initialState({
      dialect: settings.dialect,
      toolTransaction: sectionTransaction(section, settings),
      before: sectionBefore,
      path: input.path,
      downSection: section.kind === 'down',
    });
    // Facts several rules read about the current statement, computed once (emptied per statement).
    const facts = new Map<StatementFact<unknown>, unknown>();
    let factsOf: Statement | undefined;
    // One context per rule and unit; its `state` reads the unit's current state.
    const contexts = activeRules.map(
      (rule): RuleContext => ({
        settings,
        text,
        get state() {
          return state;
        },
        isNewTable: (table) => state.newTables.has(tableKey(table)),
        statementFact<T>(this: RuleContext, fact: StatementFact<T>, stmt: Statement): T {
          if (factsOf !== stmt) {
            facts.clear();
            factsOf = stmt;
          }
          // Keyed by the fact function itself, so the value stored under it is its own T.
          if (facts.has(fact)) return facts.get(fact) as T;
          const value = fact(this, stmt);
          facts.set(fact, value);
          return value;
        },
        report: (report) => push(rule.meta.id, rule.meta.severity, report),
      }),
    );
    const runRule = (index: number, where: TextRange, call: (rule: Rule, ctx: RuleContext) => void): void => {
      const rule = activeRules[index];
      const ctx = contexts[index];
      if (!rule || !ctx) return;
      try {
        call(rule, ctx);
      } catch (error) {
        ruleFailures.push({ ruleId: rule.meta.id, message: error instanceof Error ? error.message : String(error), range: where });
      }
    };
    const sectionSegments = segmentsBySection.get(sectionIndex) ?? [];
    let parsedRun = new Map<Segment, ParseOutcome | undefined>();
    for (const [segmentIndex, segment] of sectionSegments.entries()) {
      if (segment.kind === 'meta-command') {
        stats.metaCommands++;
        continue;
      }
      if (segment.kind === 'copy-data') {
        stats.copyData++;
        continue;
      }
      stats.statements++;
      if (segment.kind === 'template') {
        stats.templates++;
        push(framework.unanalyzed.id, 'info', {
          range: segment.range,
          message: 'Holds a template placeholder, so it cannot be parsed: this statement was not analysed',
        });
        continue;
      }
      const cache = input.parseCache;
      if (!cache && !parsedRun.has(segment)) parsedRun = frontEnd.parseRunAt(text, sectionSegments, segmentIndex);
      const outcome = parsedRun.get(segment) ?? frontEnd.parse(text, segment, cache);
      if (outcome.unanalyzed) {
        stats.unanalyzed++;
        push(framework.unanalyzed.id, 'info', { range: segment.range, message: outcome.unanalyzed.message });
        continue;
      }
      if (outcome.syntaxError) {
        stats.syntaxErrors++;
        const offset = outcome.syntaxError.offset;
        push(framework.syntaxError.id, 'error', {
          range: { start: offset, end: wordEnd(text, offset) },
          message: outcome.syntaxError.message,
          help: 'The rest of the file is still analysed; this statement is not',
        });
        continue;
      }
      stats.parsed++;
      for (const stmt of outcome.statements) {
        if (input.keepStatements !== false) {
          statements.push(stmt);
          const locks = tableLocks(state, stmt);
          if (locks.length > 0) statementLocks.push({ range: stmt.range, locks });
        }
        const check = (rule: Rule, ctx: RuleContext): void => rule.check(ctx, stmt);
        for (let index = 0; index < activeRules.length; index++) runRule(index, stmt.range, check);
        state = advanceState(state, stmt);
      }
    }
    if (section.kind === 'up') afterUp = { ...before, schema: state.schema };
    const end = { start: section.range.end, end: section.range.end };
    const checkEnd = (rule: Rule, ctx: RuleContext): void => rule.checkEnd?.(ctx, end);
    for (let index = 0; index < activeRules.length; index++) runRule(index, end, checkEnd);
  });

  input.parseCache?.sweep();
  const kept = findings.filter((finding) => !isSuppressed(suppressions, finding));
  kept.push(...unusedSuppressionFindings(text, suppressions, settings, framework.unusedSuppression.id));
  kept.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
  const sections = split.sections.filter((section) => section.tool !== undefined);
  return { path: input.path, settings, text, findings: kept, statements, statementLocks, sections, stats, ruleFailures };
}

function configuredSeverity(settings: FileSettings, ruleId: string, fallback: Severity): Severity {
  const setting = settings.rules[ruleId];
  return setting === undefined || setting === 'off' ? fallback : setting;
}

export const emptyStats: AnalysisStats = { statements: 0, parsed: 0, syntaxErrors: 0, templates: 0, unanalyzed: 0, metaCommands: 0, copyData: 0 };

function unusedSuppressionFindings(text: string, suppressions: readonly Suppression[], settings: FileSettings, ruleId: string): Finding[] {
  if (settings.rules[ruleId] === 'off') return [];
  const findings: Finding[] = [];
  for (const suppression of suppressions) {
    const unused = suppression.ruleIds.filter((id) => !suppression.used.has(id));
    if (suppression.ruleIds.length > 0 && unused.length === 0) continue;
    const used = suppression.ruleIds.filter((id) => suppression.used.has(id));
    // Keep the ids that still suppress something; remove the whole line when none do.
    const lineStart = text.lastIndexOf('\n', suppression.commentRange.start - 1) + 1;
    const newline = text.indexOf('\n', suppression.commentRange.end);
    const aloneOnLine = text.slice(lineStart, suppression.commentRange.start).trim() === '';
    const edit =
      used.length > 0
        ? { range: suppression.commentRange, newText: `-- sqlsight-ignore${suppression.scope === 'file' ? '-file' : ''} ${used.join(', ')}` }
        : {
            range: aloneOnLine ? { start: lineStart, end: newline < 0 ? text.length : newline + 1 } : suppression.commentRange,
            newText: '',
          };
    const message =
      suppression.ruleIds.length === 0
        ? 'This sqlsight-ignore comment names no rule, so it suppresses nothing'
        : `This sqlsight-ignore comment suppresses nothing for ${unused.map((id) => `\`${id}\``).join(', ')}`;
    findings.push({
      ruleId,
      severity: configuredSeverity(settings, ruleId, 'warning'),
      message,
      help: 'Remove it, or name the rule id the finding shows (e.g. `-- sqlsight-ignore require-concurrent-index`)',
      range: suppression.commentRange,
      fixes: [{ title: used.length > 0 ? 'Remove the unused rule ids' : 'Remove the unused suppression', safety: 'safe', edits: [edit] }],
      related: [],
      tags: ['unnecessary'],
    });
  }
  return findings;
}
