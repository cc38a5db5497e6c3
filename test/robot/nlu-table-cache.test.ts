// The NLU's start-up tables kept on disk between processes (src/robot/nlu/table-cache.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cachedTable } from '../../src/robot/nlu/table-cache.ts';
import { defaultHomophoneFixer, defaultHomophoneTables, homophoneTables, standaloneCharacters, vocabularyWords } from '../../src/robot/nlu/homophones.ts';
import { buildVocabularyPinyin, vocabularyPinyin } from '../../src/robot/nlu/pinyin-words.ts';
import { createHomophoneFixer } from '../../src/robot/nlu/homophones.ts';
import { defaultTokenizer } from '../../src/robot/nlu/tokenizer.ts';

test('the second process reads the first one\'s table; other inputs or a damaged file build anew', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-table-cache-'));
  const url = pathToFileURL(`${dir}/`);
  try {
    let builds = 0;
    const build = () => {
      builds++;
      return { keys: [['a', ['b', 'c']]], n: 3 };
    };
    const first = cachedTable('nlu-test', 'v1', build, url);
    const second = cachedTable('nlu-test', 'v1', build, url);
    assert.equal(builds, 1, 'the second read the first one\'s file');
    assert.deepEqual(second, first);
    cachedTable('nlu-test', 'v2', build, url);
    assert.equal(builds, 2, 'another package version builds anew');
    assert.equal(readdirSync(dir).length, 1, 'and replaces the older file');
    writeFileSync(join(dir, readdirSync(dir)[0]!), '{not json');
    assert.deepEqual(cachedTable('nlu-test', 'v2', build, url), first);
    assert.equal(builds, 3, 'a damaged file is not used');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the tables a process uses are the ones its sources build (a stale cache would differ)', () => {
  assert.deepEqual(new Map(vocabularyPinyin()), buildVocabularyPinyin());
  const fresh = createHomophoneFixer(vocabularyWords(), (t) => defaultTokenizer().cut(t), standaloneCharacters());
  const used = defaultHomophoneFixer();
  for (const t of ['取肖订单', '转人攻', '满简多少', '运废谁出', '保休多久', '钱收了', '打了三次', '退款什么时候到']) assert.equal(used.fix(t), fresh.fix(t), t);
  const tables = homophoneTables(vocabularyWords(), standaloneCharacters());
  assert.deepEqual(defaultHomophoneTables(), JSON.parse(JSON.stringify(tables)));
  assert.ok(tables.keys.length > 1000 && tables.standalone.length > 100, `${tables.keys.length} keys, ${tables.standalone.length} single-character words`);
});
