// What a dialect front-end returns for one split statement: lowered statements, or why there are
// none. Parsing never throws: a statement the parser rejects is a value here.
import type { Statement } from './statement';

export interface SyntaxProblem {
  readonly message: string;
  /** File offset of the parser's error cursor. */
  readonly offset: number;
}

export interface ParseOutcome {
  /** Usually one; MySQL's multi-pair `RENAME TABLE` and multi-assignment `SET` lower to one per pair. */
  readonly statements: readonly Statement[];
  readonly syntaxError: SyntaxProblem | undefined;
  /**
   * The front-end could not analyse the statement and cannot say it is wrong (a construct its parser
   * does not know): reported as `unanalyzed-statement`, never as a syntax error.
   */
  readonly unanalyzed?: { readonly message: string };
}
