import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cachedDangerModel, dangerFeatures, DangerModel, trainDangerModel, trainingSetUrls } from '../../src/robot/danger-model.ts';
import { readDangerSet } from '../../src/robot/eval/dangers.ts';
import { LEARNED_MIN, learnedReading, safetyOf } from '../../src/robot/safety.ts';

const examples = [
  { features: dangerFeatures('椅子腿断了 我爸摔了'), label: 'structure' },
  { features: dangerFeatures('the chair leg snapped and she fell'), label: 'structure' },
  { features: dangerFeatures('我的快递到哪了'), label: 'none' },
  { features: dangerFeatures('where is my parcel'), label: 'none' },
];

describe('the learned danger reading', () => {
  test('sees Chinese characters and their pairs in simplified script, English stems and word pairs', () => {
    const f = dangerFeatures('櫈腳斷咗 chairs snapped');
    for (const want of ['断', '断咗', 'w:chair', 'w:snap', 'w:chair_snap']) assert.ok(f.includes(want), `${want} in ${f.join(' ')}`);
    assert.ok(!f.some((x) => /[斷腳]/.test(x)), 'traditional characters are folded');
  });

  test('is deterministic, and its bytes give back the same readings', () => {
    const a = trainDangerModel(examples);
    const b = DangerModel.fromBytes(trainDangerModel(examples).toBytes());
    for (const t of ['凳子腿断了', 'the shelf snapped', '快递到哪了']) assert.deepEqual(a.read(t), b.read(t));
    assert.equal(a.read('凳子腿断了 人摔了')?.group, 'structure');
    assert.equal(a.read('我的快递到哪了'), undefined);
  });

  // A rule changed for one line moved a dozen readings of others (the changed rule put three lines among the `none` examples, and
  // the seeded shuffle of positions then trained every example in another order: forty-eighth session).
  test('a few examples more leave the readings of every other line as they were', () => {
    const base = trainingSetUrls()
      .flatMap((u) => readDangerSet(u))
      .map((l) => ({ features: dangerFeatures(l.text.toLowerCase()), label: l.group }));
    const more = [...base.slice(0, 450), ...['换新猫粮软便怎么办', 'how do i switch my dog to a new food', '新的猫粮怎么过渡'].map((t) => ({ features: dangerFeatures(t), label: 'none' })), ...base.slice(450)];
    // Lines it was not trained on, where a reading near the threshold moves first.
    const lines = ['dev-dangers', 'dev-dangers-2'].flatMap((d) => readDangerSet(new URL(`../../src/robot/eval/${d}/dangers.jsonl`, import.meta.url)));
    const a = trainDangerModel(base);
    const b = trainDangerModel(more);
    // The three examples are learnt too, so probabilities move a little; what is read at the threshold does not.
    const reading = (m: DangerModel, t: string) => {
      const r = m.read(t.toLowerCase());
      return r && r.p >= LEARNED_MIN ? r.group : 'none';
    };
    const moved = lines.filter((l) => reading(a, l.text) !== reading(b, l.text));
    assert.deepEqual(moved.map((l) => l.text), []);
  });

  test('is trained once for the same inputs, read by another process; new inputs train anew', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-danger-'));
    try {
      const url = pathToFileURL(`${dir}/`);
      let trained = 0;
      const train = () => (trained++, trainDangerModel(examples));
      const first = cachedDangerModel(train, url);
      assert.equal(trained, 1);
      // Another process, whose training would throw: it can only read the kept model.
      const code = `const m = await import(${JSON.stringify(new URL('../../src/robot/danger-model.ts', import.meta.url).href)});
        const got = m.cachedDangerModel(() => { throw new Error('trained'); }, new URL(${JSON.stringify(url.href)}));
        process.stdout.write(JSON.stringify(got.read('chair snapped')));`;
      const other = execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
      assert.deepEqual(JSON.parse(other), first.read('chair snapped'));
      // Other inputs (here a salt in the key, as a changed training file or rule would be): trained again.
      cachedDangerModel(train, url, 'changed');
      assert.equal(trained, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('is trained on the training sets only: neither the blind set nor the development set it is measured on', () => {
    const names = trainingSetUrls().map((u) => u.pathname);
    assert.ok(names.length >= 1);
    for (const n of names) assert.match(n, /\/train-dangers-[a-z0-9-]+\/dangers\.jsonl$/);
    const train = new Set(trainingSetUrls().flatMap((u) => readDangerSet(u).map((l) => l.text)));
    for (const set of ['blind-dangers', 'blind-dangers-2', 'dev-dangers', 'dev-dangers-2']) {
      const lines = readDangerSet(new URL(`../../src/robot/eval/${set}/dangers.jsonl`, import.meta.url));
      assert.equal(lines.filter((l) => l.group !== 'none' && train.has(l.text)).length, 0, `no danger of ${set} is trained on`);
      // An everyday question written word for word by two hands (blind-dangers-2 has one of 215, written blind): a coincidence, not a leak.
      const plain = lines.filter((l) => l.group === 'none');
      assert.ok(plain.filter((l) => train.has(l.text)).length <= 0.01 * plain.length, `at most 1% of ${set}'s plain lines are a training line`);
    }
  });

  // Sentences of the tests' own, none closer than a Jaccard of 0.35 (character pairs, words) to a training line.
  test('reads what no rule reads, past its threshold, with the advice of its kind', () => {
    const cases = [
      ['人字梯的腿突然折了 我爸从上面摔下来了', 'broke'],
      ['the swing chain snapped and my son fell on his back', 'broke'],
      ['a woman on the phone said she was from your billing team and got me to read out the code from my bank app', 'fraud'],
      // Without 要理赔: a "claim" that wants a code scanned is a rule's since the fifty-first session.
      ['快递小哥打电话说包裹破损 让我加他微信 我已经加了 他让我扫码', 'fraud'],
      ['用了你们的驱虫药 狗狗站都站不稳', 'petEmergency'],
    ] as const;
    for (const [text, kind] of cases) {
      assert.equal(safetyOf(text, '', 2), undefined, `no rule reads ${text}`);
      assert.ok((learnedReading(text)?.p ?? 0) >= LEARNED_MIN, text);
      assert.equal(safetyOf(text), kind, text);
    }
  });

  test("its advice: a person's own fall is no furniture onto them; food with someone ill or something swallowed is the person's", () => {
    assert.equal(safetyOf('人字梯的腿突然折了 我爸摔下来 压到了手'), 'broke');
    assert.equal(safetyOf('水果蛋糕里有一截铁丝 老婆咬到还吞了一小段'), 'emergency');
    assert.equal(safetyOf('吃了你们的牛肉干 全家上吐下泻'), 'reaction');
  });

  test('a greeting before the danger neither dilutes it nor makes a bare name a report', () => {
    assert.equal(safetyOf('hello, the cat licked the floor cleaner and is foaming at the mouth'), 'petEmergency');
    for (const t of ['hi gas heater', '你好 煤气罐', 'hello, what if the swing chain snaps?', 'hi, where is my order']) assert.equal(safetyOf(t), undefined, t);
  });

  test('never for everyday messages, a bare name, a danger over, a supposition, sand or tired eyes, or eye drops', () => {
    for (const t of ['我的快递到哪了', 'where is my order', '退货地址是哪里', 'can i change my address', '我已经付款了', 'i already paid', '这个充电宝能带上飞机吗', 'is the heater safe to leave on overnight?', '煤气罐', '煤气热水器', '换煤气罐', 'gas', 'gas heater', 'gas valve', 'my son drank some of the dishwasher liquid earlier, turned out fine', '如果梯子腿折了能换吗', 'what if the swing chain snaps?', '眼睛进沙子了 好疼', '眼睛里进了灰 好难受', 'my eyes hurt from reading', 'i put the eye drops in my eyes and its red', '椅子腿断了 要退货']) {
      assert.equal(safetyOf(t), undefined, t);
    }
  });
});
