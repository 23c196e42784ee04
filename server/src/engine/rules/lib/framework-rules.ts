// The findings the pipeline itself reports, by role, so analyze.ts names no rule id as a string.
import { syntaxError } from '../syntax-error';
import { unanalyzedStatement } from '../unanalyzed-statement';
import { unusedSuppression } from '../unused-suppression';

export function frameworkRules() {
  return {
    syntaxError: syntaxError.meta,
    unanalyzed: unanalyzedStatement.meta,
    unusedSuppression: unusedSuppression.meta,
  };
}
