/**
 * `npm run check` step: no function in src/ is longer than 60 lines (declaration to closing
 * brace), so every function can be read on one screen. Uses the TypeScript parser, so nested
 * functions, methods, arrows and accessors are each measured on their own.
 *
 *   node scripts/check-functions.ts [--max 60] [dir…]
 */
import { globSync, readFileSync } from 'node:fs';
import ts from 'typescript';

const args = process.argv.slice(2);
const maxAt = args.indexOf('--max');
const MAX = maxAt >= 0 ? Number(args[maxAt + 1]) : 60;
const dirs = args.filter((a, i) => !a.startsWith('--') && (maxAt < 0 || i !== maxAt + 1));

export interface LongFunction {
  file: string;
  line: number;
  name: string;
  lines: number;
}

function nameOf(node: ts.Node, sf: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name) return named.name.getText(sf);
  const p = node.parent;
  if (p && ts.isVariableDeclaration(p)) return p.name.getText(sf);
  if (p && ts.isPropertyAssignment(p)) return p.name.getText(sf);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  return '(anonymous)';
}

/** Every function-like node of a source text longer than `max` lines. */
export function longFunctions(file: string, text: string, max: number): LongFunction[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: LongFunction[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && (node as { body?: ts.Node }).body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > max) out.push({ file, line: start + 1, name: nameOf(node, sf), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

if (import.meta.main) {
  const files = (dirs.length ? dirs : ['src']).flatMap((d) => globSync(`${d.replace(/\/$/, '')}/**/*.ts`)).sort();
  const long = files.flatMap((f) => longFunctions(f, readFileSync(f, 'utf8'), MAX));
  for (const l of long) console.log(`${l.file}:${l.line} ${l.name} is ${l.lines} lines (max ${MAX})`);
  console.log(`${files.length} files checked, ${long.length} functions over ${MAX} lines`);
  if (long.length) process.exitCode = 1;
}
