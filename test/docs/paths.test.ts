/**
 * The docs stay true to the code: every `src/…` (or `test/`, `bench/`, `scripts/`, `docs/`, `web/`) path
 * that the README and docs mention exists, and every function a line names as `name()` beside a
 * file path is declared in that file (docs/architecture.md's walk-through is written that way).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, globSync, readFileSync } from 'node:fs';

const ROOT = new URL('../../', import.meta.url);
const docs = ['README.md', ...globSync('docs/**/*.md', { cwd: ROOT }), ...globSync('src/**/*.md', { cwd: ROOT })].sort();
// Whole paths only: `web/src/shared/errors.ts` is one path, not `src/shared/errors.ts`.
const PATH = /(?<![\w/.-])(?:src|test|bench|scripts|docs|deploy|web)\/[A-Za-z0-9_./-]*[A-Za-z0-9_-]/g;
const CALL = /`(?:[A-Za-z_$][\w$]*\.)*([A-Za-z_$#][\w$]*)\(\)`/g;

const exists = (p: string) => existsSync(new URL(p, ROOT));
const escape = (s: string) => s.replace(/[$#]/g, (c) => `\\${c}`);
/** Declared as a function, a method (public or `#private`), a const arrow, a class or a type. */
const declares = (file: string, name: string) => {
  const n = escape(name);
  return new RegExp(`(function\\*?\\s+${n}\\b|(?<![\\w$#.])${n}\\s*(<[^>]*>)?\\s*[(=:]|(class|interface|type)\\s+${n}\\b)`).test(readFileSync(new URL(file, ROOT), 'utf8'));
};

test('every path the docs mention exists', () => {
  const missing: string[] = [];
  for (const doc of docs) {
    const lines = readFileSync(new URL(doc, ROOT), 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const m of line.matchAll(PATH)) {
        const p = m[0].replace(/[.]+$/, '');
        if (p.includes('*') || p.endsWith('/results')) continue;
        if (!exists(p)) missing.push(`${doc}:${i + 1} ${p}`);
      }
    });
  }
  assert.deepEqual(missing, [], 'paths named in the docs that do not exist');
});

test('every function named beside a source file is declared in that file', () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const doc of docs) {
    const lines = readFileSync(new URL(doc, ROOT), 'utf8').split('\n');
    lines.forEach((line, i) => {
      const files = [...line.matchAll(PATH)].map((m) => m[0]).filter((p) => /\.(ts|js)$/.test(p) && exists(p));
      if (files.length === 0) return;
      for (const m of line.matchAll(CALL)) {
        checked++;
        if (!files.some((f) => declares(f, m[1]!))) wrong.push(`${doc}:${i + 1} ${m[0]} is not declared in ${files.join(' or ')}`);
      }
    });
  }
  assert.deepEqual(wrong, []);
  assert.ok(checked >= 10, `the walk-through names functions beside their files (found ${checked})`);
});
