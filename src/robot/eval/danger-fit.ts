/**
 * How sure the learned danger reading must be (`LEARNED_MIN` in ../safety.ts), measured where it may be: the development
 * danger set (src/robot/eval/dev-dangers/, never trained on) and the intent corpus's VALIDATION half (everyday buyer messages,
 * never trained on). Per threshold: the dangers read at all and as their group, the set's look-alikes read as dangers, and
 * the corpus lines the learned reading alone raises an alarm on. The blind danger set is not read here.
 *
 *   node src/robot/eval/danger-fit.ts [dev-dangers-2] [--alarms]
 */
import { readCorpus } from '../nlu/corpus.ts';
import { LEARNED_MIN, safetyOf } from '../safety.ts';
import { evaluateDangers, readDangerSet } from './dangers.ts';

const named = process.argv.slice(2).find((a) => /^dev-dangers(?:-\d+)?$/.test(a)) ?? 'dev-dangers';
const dev = readDangerSet(new URL(`./${named}/dangers.jsonl`, import.meta.url));
const everyday = (['zh', 'en'] as const).flatMap((l) => readCorpus(l).filter((u) => u.split === 'validation'));
// Rules alone: a threshold no probability reaches.
const ruled = new Map(everyday.map((u) => [u.text, safetyOf(u.text, '', 2)]));

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`.padStart(6);
console.log(`threshold  dangers read (zh / en)   as group   look-alikes read   corpus alarms (of ${everyday.length})`);
for (const th of [2, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4]) {
  const r = evaluateDangers(dev, (t) => safetyOf(t, '', th));
  const d = r.langs;
  const dangers = d.zh.dangers.n + d.en.dangers.n;
  const right = d.zh.dangers.right + d.en.dangers.right;
  const alarms = everyday.filter((u) => ruled.get(u.text) === undefined && safetyOf(u.text, '', th) !== undefined);
  const label = th > 1 ? 'rules' : th.toFixed(2);
  console.log(`${label.padEnd(9)}  ${pct(d.zh.dangers.read, d.zh.dangers.n)} / ${pct(d.en.dangers.read, d.en.dangers.n)}   ${pct(right, dangers)}   ${String(d.zh.none.read + d.en.none.read).padStart(4)} of ${d.zh.none.n + d.en.none.n}        ${alarms.length}${th === LEARNED_MIN ? '   <- LEARNED_MIN' : ''}`);
  if (process.argv.includes('--alarms') && th === LEARNED_MIN) for (const u of alarms) console.log(`    alarm: ${u.text}`);
}
