import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from '../../src/robot/nlu/index.ts';
import { safetyOf } from '../../src/robot/safety.ts';

const ROBOT = new URL('../../src/robot/', import.meta.url).pathname;
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
// What comes before n't: "ca" (can't), "wo" (won't), else the verb itself (don't, isn't, have ?n't).
const EXPANDED: Record<string, string> = { ca: 'cannot', wo: 'will not' };

// The NLU's normalisation writes "can't" as "cannot", "won't" as "will not", "don't" as "do not": a pattern read against normalised
// text that says only "can'?t" never matches it. "I took two of the pills and now I can't breathe", "my son … now he won't wake up"
// were read as nothing so (found in the forty-seventh session: 135 patterns).
test('a pattern of the robot that names a contraction also names its expanded form', () => {
  const missing: string[] = [];
  for (const file of sources(ROBOT)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?<![A-Za-z])([a-z]+?)( \?)?n'\?t(?![A-Za-z])/g)) {
      const base = m[1]!;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
      const want = m[2] ? `${base} not` : (EXPANDED[base] ?? `${base} not`);
      if (!after.startsWith(`|${want}`)) missing.push(`${file.slice(ROBOT.length)}: ${m[0]}${after}`);
    }
  }
  // The others the normalisation writes out ("it's" → "it is", "i'm" → "i am" …; "its" and "ill" are left as typed).
  const OTHERS: Record<string, string> = { "i'?m": 'i am', "it'?s": 'it is', "that'?s": 'that is', "what'?s": 'what is', "where'?s": 'where is', "there'?s": 'there is', "how'?s": 'how is', "i'?ve": 'i have', "i'?ll": 'i will', "i'?d": 'i would', "you'?re": 'you are', "let'?s": 'let us' };
  for (const file of sources(ROBOT)) {
    const text = readFileSync(file, 'utf8');
    for (const [short, full] of Object.entries(OTHERS)) {
      for (let at = text.indexOf(short); at >= 0; at = text.indexOf(short, at + 1)) {
        if (/[A-Za-z']/.test(text[at - 1] ?? '') || /[A-Za-z]/.test(text[at + short.length] ?? '')) continue;
        if (!text.startsWith(`|${full}`, at + short.length)) missing.push(`${file.slice(ROBOT.length)}: ${text.slice(at, at + 40)}`);
      }
    }
  }
  assert.deepEqual(missing, []);
});

test('the normalisation expands the contractions these patterns were written against', () => {
  assert.equal(normalize("he can't breathe and won't wake up, i don't know").text, 'he cannot breathe and will not wake up, i do not know');
  assert.equal(normalize("it's late, i'm sure that's why").text, 'it is late, i am sure that is why');
});

test('dangers told with a contraction are read', () => {
  assert.equal(safetyOf("my son bumped his head on the bunk bed and now he won't wake up"), 'headInjury');
  assert.equal(safetyOf("Hi, after the worming tablet my kitten keeps vomiting and can't stand up"), 'petEmergency');
  assert.equal(safetyOf("helper mixed ammonia and bleach cleaning the kitchen, she's coughing and says she can't breathe"), 'air');
  assert.equal(safetyOf('84和洁厕灵混在一起用了 呛得喘不上气'), 'air');
  assert.equal(safetyOf('can i mix bleach and vinegar?'), undefined);
  // The buyer's own breath after taking something; "i" alone jokes.
  assert.equal(safetyOf("i took two of the pills and now i can't breathe"), 'emergency');
  assert.equal(safetyOf('我刚吃了两片药 现在喘不上气'), 'emergency');
  assert.equal(safetyOf("lol i can't breathe this price"), undefined);
});
