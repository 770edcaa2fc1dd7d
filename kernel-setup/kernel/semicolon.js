'use strict';
/**
 * IPython's convention for a cell's result: a cell whose last statement is an expression statement terminated by a
 * semicolon shows no result (`6*7` shows 42, `6*7;` shows nothing). The course relies on it so that a cell ending in
 * `exercises.check(...);` shows its card and not also the boolean the call returns. The test is made on the parsed
 * cell (the expression's end against the statement's end), so semicolons in strings, templates or comments don't count.
 */
function endsWithSemicolon(code, ts) {
  const sf = ts.createSourceFile('cell.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const last = sf.statements[sf.statements.length - 1];
  if (!last || !ts.isExpressionStatement(last)) return false;
  return code.slice(last.expression.getEnd(), last.getEnd()).includes(';');
}

module.exports = { endsWithSemicolon };
