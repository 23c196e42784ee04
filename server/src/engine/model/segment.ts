// What a dialect splitter produces: the file cut into statements and the pieces that are not SQL
// (psql meta-commands, COPY data, template statements), plus comments and migration-tool sections.
import type { TextRange } from './text';

export type SegmentKind =
  /** SQL for the parser. */
  | 'statement'
  /** A psql backslash command (`\set`, `\ir`, `\if`, `\gset` …): recognised and skipped. */
  | 'meta-command'
  /** Inline rows after `COPY … FROM stdin`, through the terminating `\.` line. */
  | 'copy-data'
  /** A statement holding a template region (`{{ … }}`, `%PLACEHOLDER%`, psql `:'var'`): not analysable. */
  | 'template';

export interface Segment {
  readonly kind: SegmentKind;
  /** From the first character of the first token to the end of the terminator (`;` included) or the last token. */
  readonly range: TextRange;
  /** True when a `;` (or the active delimiter) ended the segment, false at end of file/section. */
  readonly terminated: boolean;
  /** Index into `SplitResult.sections`. */
  readonly section: number;
  /** The client delimiter that ended the segment, when a MySQL `DELIMITER` command set one other than `;`. */
  readonly delimiter?: string;
}

export type SectionKind = 'main' | 'up' | 'down';

/** A migration-tool section: dbmate `-- migrate:up|down`, goose `-- +goose Up|Down`. A file without markers is one `main` section. */
export interface Section {
  readonly kind: SectionKind;
  readonly tool: 'dbmate' | 'goose' | undefined;
  /** The marker comment, when there is one. */
  readonly markerRange: TextRange | undefined;
  readonly range: TextRange;
  /** False when the marker opts out of the tool's transaction (`transaction:false`, `+goose NO TRANSACTION`). */
  readonly runsInTransaction: boolean | undefined;
}

export interface Comment {
  readonly range: TextRange;
  /** `line` for `--` (and MySQL `#`), `block` for `/* … *\/`. */
  readonly style: 'line' | 'block';
}

export interface SplitResult {
  readonly segments: readonly Segment[];
  readonly sections: readonly Section[];
  readonly comments: readonly Comment[];
}
