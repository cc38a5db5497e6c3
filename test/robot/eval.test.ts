import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFloors, formatReport, LANGS, readDemoFaq, readFaqQueries, readFloors, runEvaluation } from '../../src/robot/eval/evaluate.ts';
import { readCorpus } from '../../src/robot/nlu/corpus.ts';

describe('robot evaluation (EVAL split)', () => {
  test('the corpus is big enough and its splits do not overlap', () => {
    for (const lang of LANGS) {
      const items = readCorpus(lang);
      assert.ok(items.length >= 200, `${lang}: ${items.length} utterances`);
      const train = new Set(items.filter((u) => u.split === 'train').map((u) => u.text.toLowerCase()));
      const evalItems = items.filter((u) => u.split === 'validation');
      assert.ok(evalItems.length >= 100, `${lang}: ${evalItems.length} EVAL utterances`);
      assert.deepEqual(evalItems.filter((u) => train.has(u.text.toLowerCase())).map((u) => u.text), [], 'EVAL utterances also in TRAIN');
    }
    const entries = readDemoFaq();
    assert.ok(entries.length >= 20 && entries.every((e) => (e.alternates?.length ?? 0) >= 2));
    const queries = readFaqQueries();
    assert.ok(queries.length >= 60);
    const ids = new Set(entries.map((e) => e.id));
    assert.ok(queries.every((q) => q.expect === null || ids.has(q.expect)), 'every labelled FAQ id exists');
  });

  test('meets the floors in floors.json', () => {
    const report = runEvaluation({ split: 'validation' });
    const violations = checkFloors(report, readFloors());
    assert.deepEqual(violations, [], formatReport(report, { verbose: true }));
    const floors = readFloors();
    for (const lang of LANGS) {
      assert.ok(floors[lang]!.intentAccuracy >= 0.95 && floors[lang]!.faqHitAt1 >= 0.9, 'floors are not below the targets');
    }
  });

  test('the floors check would fail a worse model', () => {
    const report = runEvaluation({ split: 'validation' });
    const strict = Object.fromEntries(LANGS.map((l) => [l, { intentAccuracy: 1.01, entityAccuracy: 0, faqHitAt1: 0, faqFalseMatchRateMax: 1 }]));
    assert.equal(checkFloors(report, strict).length, LANGS.length);
  });
});
