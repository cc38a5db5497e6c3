/**
 * Names shared by the wire, the tables and the docs are defined once in src/protocol/. A shipped
 * migration is never edited, so where migration 001 spells a list in a CHECK constraint, this
 * test holds the two together; the docs must list every state too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CONVERSATION_STATES, NEXT_STATES, SENDER_ROLES } from '../../src/protocol/conversation.ts';
import { up as core } from '../../src/storage/migrations/001_core.ts';

const checkList = (column: string) => {
  const m = new RegExp(`${column} text not null check \\(${column} in \\(([^)]*)\\)\\)`).exec(core);
  assert.ok(m, `migration 001 has a CHECK on ${column}`);
  return m[1]!.split(',').map((s) => s.trim().replace(/'/g, ''));
};

test('conversation states and sender roles match the CHECK constraints of migration 001', () => {
  assert.deepEqual(checkList('state'), [...CONVERSATION_STATES]);
  assert.deepEqual(checkList('sender_role'), [...SENDER_ROLES]);
});

test('the lifecycle: closed is final, every state but closed can close', () => {
  assert.deepEqual(NEXT_STATES.closed, []);
  for (const s of CONVERSATION_STATES) if (s !== 'closed') assert.ok(NEXT_STATES[s].includes('closed'), s);
  for (const s of CONVERSATION_STATES) for (const t of NEXT_STATES[s]) assert.ok(CONVERSATION_STATES.includes(t));
});

test('docs/protocol.md names every conversation state', () => {
  const doc = readFileSync(new URL('../../docs/protocol.md', import.meta.url), 'utf8');
  for (const s of CONVERSATION_STATES) assert.match(doc, new RegExp('`' + s + '`'), s);
});
