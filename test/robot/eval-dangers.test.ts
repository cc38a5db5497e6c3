/** The danger set's counting: read, read as its group, false alarms, per language (on lines of its own, not the blind set). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateDangers, formatDangers, type DangerLine } from '../../src/robot/eval/dangers.ts';

test('a danger read as its group, one read as another, one missed, a look-alike read as a danger: each counted where it belongs', () => {
  const lines: DangerLine[] = [
    { text: 'the power bank is smoking', lang: 'en', group: 'fire' },
    { text: 'my toddler swallowed a button battery', lang: 'en', group: 'person' },
    { text: '充电宝在冒烟', lang: 'zh', group: 'gas' },
    { text: 'smells of gas', lang: 'en', group: 'gas' },
    { text: 'is the kettle ok for a 2 year old', lang: 'en', group: 'none' },
    { text: 'the price is killing me', lang: 'en', group: 'none' },
  ];
  const read = (t: string) => (/smoking|冒烟/.test(t) ? ('device' as const) : /swallowed/.test(t) ? ('battery' as const) : /killing/.test(t) ? ('emergency' as const) : undefined);
  const r = evaluateDangers(lines, read);
  assert.deepEqual(r.groups.fire, { n: 1, read: 1, right: 1 });
  assert.deepEqual(r.groups.person, { n: 1, read: 1, right: 1 });
  assert.deepEqual(r.groups.gas, { n: 2, read: 1, right: 0 });
  assert.deepEqual(r.groups.none, { n: 2, read: 1, right: 1 });
  assert.deepEqual(r.langs.en.dangers, { n: 3, read: 2, right: 2 });
  assert.deepEqual(r.langs.zh.dangers, { n: 1, read: 1, right: 0 });
  assert.match(formatDangers(r), /\[en\] dangers read 66\.7% \(as their group 66\.7%\) of 3; false alarms 50\.0% of 2/);
});
