/**
 * Regenerates the tables of docs/configuration.md and docs/errors.md from the code (the config
 * schema and the error catalogue), between the `<!-- generated -->` markers. The unit tests fail
 * when a variable or code is missing from the docs, so run this after adding one:
 *   node scripts/gen-docs.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CONFIG_KEYS, CONFIG_SCHEMA } from '../src/config/index.ts';
import { ERROR_CATALOGUE, ERROR_CODES } from '../src/protocol/errors.ts';

const esc = (s: string) => s.replace(/\|/g, '\\|');

function splice(file: string, table: string): void {
  const path = new URL(`../docs/${file}`, import.meta.url);
  const text = readFileSync(path, 'utf8');
  const start = '<!-- generated: do not edit by hand (node scripts/gen-docs.ts) -->';
  const end = '<!-- end generated -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < 0) throw new Error(`${file} lacks the generated markers`);
  writeFileSync(path, text.slice(0, a + start.length) + '\n' + table + '\n' + text.slice(b));
}

splice(
  'configuration.md',
  ['| variable | meaning | default | secret |', '|---|---|---|---|', ...CONFIG_KEYS.map((k) => {
    const s = CONFIG_SCHEMA[k];
    return `| \`${k}\` | ${esc(s.doc)} | ${esc(s.defaultDoc)} | ${'secret' in s && s.secret ? 'yes' : ''} |`;
  })].join('\n'),
);
splice(
  'errors.md',
  ['| code | HTTP | on WebSocket | meaning |', '|---|---|---|---|', ...ERROR_CODES.map((c) => {
    const e = ERROR_CATALOGUE[c];
    return `| \`${c}\` | ${e.http} | ${e.ws ? 'yes' : 'no (REST only)'} | ${esc(e.summary)} |`;
  })].join('\n'),
);
console.log('docs/configuration.md and docs/errors.md regenerated');
