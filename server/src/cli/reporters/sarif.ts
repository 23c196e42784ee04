// The SARIF 2.1.0 format (`--format sarif`) for GitHub code scanning and other SARIF viewers:
// every rule in the driver, one result per finding with its region and fixes. Output shape is a
// public interface; it must stay valid against https://json.schemastore.org/sarif-2.1.0.json.
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { LineIndex, Rule, Severity, TextRange } from '../../engine';
import { informationUri, toolName, toolVersion } from '../package-info';
import { reportPosition, type FileReport, type Reporter, type ReporterContext, type RunNotification } from './reporter';

const sarifLevel: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const sourceRoot = '%SRCROOT%';
const sarifSchema = 'https://json.schemastore.org/sarif-2.1.0.json';

/** `require-concurrent-index` → `RequireConcurrentIndex`: SARIF names are identifiers, ids stay kebab-case. */
function ruleName(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function ruleDescriptor(rule: Rule): Sarif.ReportingDescriptor {
  const { meta } = rule;
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.docs.why },
    help: { text: meta.docs.safeWay },
    defaultConfiguration: { level: sarifLevel[meta.severity], enabled: meta.optIn !== true },
    properties: { tags: [meta.category], category: meta.category, dialects: [...meta.dialects], fix: meta.fix ?? 'none' },
  };
}

/** A relative path becomes a relative URI under %SRCROOT% (each segment percent-encoded); an absolute one a file:// URI. */
function artifactLocation(portablePath: string): Sarif.ArtifactLocation {
  if (portablePath.startsWith('/') || /^[A-Za-z]:\//.test(portablePath)) return { uri: pathToFileURL(portablePath).href };
  return { uri: portablePath.split('/').map(encodeURIComponent).join('/'), uriBaseId: sourceRoot };
}

/** SARIF base URIs must end with a slash. */
function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function region(lines: LineIndex, range: TextRange): Sarif.Region {
  const start = reportPosition(lines, range.start);
  const end = reportPosition(lines, range.end);
  return {
    startLine: start.line,
    startColumn: start.column,
    endLine: end.line,
    endColumn: end.column,
    charOffset: range.start,
    charLength: range.end - range.start,
  };
}

/**
 * Streams the log: the run's head (tool, rules) first, each result as its file arrives, the
 * invocation (run problems, known only at the end) last. Bytes equal JSON.stringify(log) of a
 * Sarif.Log with the keys in this order (compact, as json.ts), and memory holds one file's results.
 */
export function sarifReporter(context: ReporterContext): Reporter {
  const rules = [...context.rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  const notifications: Sarif.Notification[] = [];
  let started = false;
  let resultsWritten = 0;

  const head = (): string => {
    if (started) return '';
    started = true;
    const tool: Sarif.Tool = {
      driver: { name: toolName, version: toolVersion, semanticVersion: toolVersion, informationUri, rules: rules.map(ruleDescriptor) },
    };
    const baseIds: Sarif.Run['originalUriBaseIds'] = { [sourceRoot]: { uri: folderUri(context.cwd) } };
    const columnKind: Sarif.Run['columnKind'] = 'utf16CodeUnits';
    const version: Sarif.Log['version'] = '2.1.0';
    return (
      `{"$schema":${JSON.stringify(sarifSchema)},"version":${JSON.stringify(version)},"runs":[{"tool":${JSON.stringify(tool)},` +
      `"originalUriBaseIds":${JSON.stringify(baseIds)},"columnKind":${JSON.stringify(columnKind)},"results":[`
    );
  };

  return {
    file(report: FileReport): string {
      let out = head();
      const location = artifactLocation(report.portablePath);
      for (const finding of report.findings) {
        const index = ruleIndex.get(finding.ruleId);
        const result: Sarif.Result = {
          ruleId: finding.ruleId,
          ...(index === undefined ? {} : { ruleIndex: index }),
          level: sarifLevel[finding.severity],
          message: { text: finding.help ? `${finding.message}. ${finding.help}` : finding.message },
          locations: [{ physicalLocation: { artifactLocation: location, region: region(report.lines, finding.range) } }],
        };
        if (finding.fixes.length > 0) {
          result.fixes = finding.fixes.map((fix) => ({
            description: { text: fix.title },
            artifactChanges: [
              {
                artifactLocation: location,
                replacements: fix.edits.map((edit) => ({
                  deletedRegion: region(report.lines, edit.range),
                  insertedContent: { text: edit.newText },
                })),
              },
            ],
          }));
        }
        out += `${resultsWritten === 0 ? '' : ','}${JSON.stringify(result)}`;
        resultsWritten++;
      }
      return out;
    },
    notification(notification: RunNotification): void {
      const entry: Sarif.Notification = { level: notification.level, message: { text: notification.message } };
      if (notification.portablePath !== undefined) {
        entry.locations = [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(notification.portablePath),
              ...(notification.line === undefined ? {} : { region: { startLine: notification.line, startColumn: notification.column ?? 1 } }),
            },
          },
        ];
      }
      if (notification.ruleId !== undefined) {
        const index = ruleIndex.get(notification.ruleId);
        entry.associatedRule = { id: notification.ruleId, ...(index === undefined ? {} : { index }) };
      }
      notifications.push(entry);
    },
    end(): string {
      const invocations: Sarif.Invocation[] = [
        {
          executionSuccessful: !notifications.some((notification) => notification.level === 'error'),
          ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
        },
      ];
      return `${head()}],"invocations":${JSON.stringify(invocations)}}]}\n`;
    },
  };
}
