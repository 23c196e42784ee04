// Migration-tool sections shared by the dialect splitters: dbmate `-- migrate:up|down` and goose `-- +goose Up|Down`
// markers cut a file into sections before any SQL is lexed, the way the tools themselves read it. Pure and total:
// it lexes no SQL and never throws; each splitter scans the sections' text itself.
import type { Section, SectionKind } from '../model/segment';

interface Marker {
  readonly kind: SectionKind;
  readonly tool: 'dbmate' | 'goose';
  readonly start: number;
  readonly end: number;
  readonly optOut: boolean;
}

/**
 * Cuts `text` into sections and has `scanSection` split each one on its own, so nothing (a statement, a quote) runs
 * past a marker. `scanSection` gets the section's offsets and index and says whether it found anything to run.
 * A file without markers is one `main` section; text before the first marker is a `main` section only when it holds
 * something to run.
 */
export function splitSections(
  text: string,
  scanSection: (from: number, to: number, section: number) => boolean,
): Section[] {
  const { markers, gooseNoTransaction } = findMarkers(text);
  const sections: Section[] = [];
  const first = markers[0];
  if (first === undefined) {
    sections.push(mainSection(0, text.length));
    scanSection(0, text.length, 0);
    return sections;
  }
  if (scanSection(0, first.start, 0)) sections.push(mainSection(0, first.start));
  for (let k = 0; k < markers.length; k++) {
    const marker = markers[k];
    if (marker === undefined) continue;
    const end = markers[k + 1]?.start ?? text.length;
    const optOut = marker.optOut || (marker.tool === 'goose' && gooseNoTransaction);
    const index = sections.length;
    sections.push({
      kind: marker.kind,
      tool: marker.tool,
      markerRange: { start: marker.start, end: marker.end },
      range: { start: marker.start, end },
      runsInTransaction: optOut ? false : undefined,
    });
    scanSection(marker.start, end, index);
  }
  return sections;
}

function mainSection(start: number, end: number): Section {
  return { kind: 'main', tool: undefined, markerRange: undefined, range: { start, end }, runsInTransaction: undefined };
}

/**
 * dbmate and goose split files by marker lines textually before anything is lexed, so markers are found the same
 * way here: a `--` comment alone on its line, wherever it is.
 */
function findMarkers(text: string): { markers: Marker[]; gooseNoTransaction: boolean } {
  const markers: Marker[] = [];
  let gooseNoTransaction = false;
  // Most files have no markers; this plain search is cheaper than the line-anchored one below.
  if (!/migrate:|\+goose/i.test(text)) return { markers, gooseNoTransaction };
  const candidate = /^\uFEFF?[ \t]*(--[ \t]*(?:migrate:|\+goose)[^\r\n]*)/gim;
  for (const match of text.matchAll(candidate)) {
    const body = match[1];
    if (body === undefined) continue;
    const start = (match.index ?? 0) + match[0].length - body.length;
    const end = start + body.length;
    const dbmate = /^--[ \t]*migrate:(up|down)(?:[ \t]+(.*))?$/.exec(body);
    if (dbmate !== null) {
      const options = dbmate[2] ?? '';
      markers.push({
        kind: dbmate[1] === 'up' ? 'up' : 'down',
        tool: 'dbmate',
        start,
        end,
        optOut: /(?:^|\s)transaction:false(?:\s|$)/.test(options),
      });
      continue;
    }
    const goose = /^--[ \t]*\+goose[ \t]+(up|down|no[ \t]+transaction)[ \t]*$/i.exec(body);
    const annotation = goose?.[1]?.toLowerCase();
    if (annotation === 'up' || annotation === 'down') {
      markers.push({ kind: annotation, tool: 'goose', start, end, optOut: false });
    } else if (annotation !== undefined) {
      gooseNoTransaction = true;
    }
  }
  return { markers, gooseNoTransaction };
}
