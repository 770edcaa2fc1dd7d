'use strict';
/**
 * Work-around for a tslab 1.0.22 converter bug: a shorthand property that names a variable declared in an EARLIER
 * cell (`const cfg = { logTarget, x0 }`) fails at run time with "ReferenceError: logTarget is not defined", because
 * tslab rewrites identifiers of earlier cells to `exports.<name>` but leaves shorthand properties alone.
 *
 * `expandShorthandProperties(code)` rewrites every shorthand property of an object literal to its long form before
 * the cell is compiled: `{ a }` → `{ a: a }` and, in destructuring assignments, `{ a = 1 } = o` → `{ a: a = 1 } = o`.
 * Both forms mean exactly the same in JavaScript, so the rewrite is safe for every cell; only columns in error messages
 * on such a line shift. Destructuring declarations (`const { a } = o`) are binding patterns, not object literals, and
 * are left as they are.
 */
function expandShorthandProperties(code, ts) {
  if (!code.includes('{')) return code;
  const sf = ts.createSourceFile('cell.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const inserts = [];
  const visit = (node) => {
    if (ts.isShorthandPropertyAssignment(node)) inserts.push({ at: node.name.getEnd(), text: `: ${node.name.text}` });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (inserts.length === 0) return code;
  let out = code;
  for (const { at, text } of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + text + out.slice(at);
  return out;
}

module.exports = { expandShorthandProperties };
