import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
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

  test('is trained once for the same inputs: a second process reads the kept model', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-danger-'));
    try {
      const url = pathToFileURL(`${dir}/`);
      let trained = 0;
      const train = () => (trained++, trainDangerModel(examples));
      const first = cachedDangerModel(train, url);
      const second = cachedDangerModel(train, url);
      assert.equal(trained, 1);
      assert.deepEqual(second.read('chair snapped'), first.read('chair snapped'));
      assert.equal(readdirSync(dir).filter((f) => f.startsWith('danger-')).length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('is trained on the training sets only: neither the blind set nor the development set it is measured on', () => {
    const names = trainingSetUrls().map((u) => u.pathname);
    assert.ok(names.length >= 1);
    for (const n of names) assert.match(n, /\/train-dangers-[a-z0-9-]+\/dangers\.jsonl$/);
    const train = new Set(trainingSetUrls().flatMap((u) => readDangerSet(u).map((l) => l.text)));
    for (const set of ['blind-dangers', 'dev-dangers', 'dev-dangers-2']) {
      const lines = readDangerSet(new URL(`../../src/robot/eval/${set}/dangers.jsonl`, import.meta.url));
      assert.equal(lines.filter((l) => train.has(l.text)).length, 0, `no line of ${set} is trained on`);
    }
  });

  test('reads what no rule reads, past its threshold, with the advice of its kind', () => {
    const cases = [
      ['人字梯的腿突然折了 我爸从上面摔下来了', 'broke'],
      ['the swing chain snapped and my son fell on his back', 'broke'],
      ['someone said they were your refund team and asked me to install AnyDesk, he\'s in my laptop now', 'fraud'],
      ['用了你们的驱虫药 狗狗站都站不稳', 'pet'],
    ] as const;
    for (const [text, kind] of cases) {
      assert.equal(safetyOf(text, '', 2), undefined, `no rule reads ${text}`);
      assert.ok((learnedReading(text)?.p ?? 0) >= LEARNED_MIN, text);
      assert.equal(safetyOf(text), kind, text);
    }
  });

  test('never for everyday messages, a supposition, eyes tired from reading or eye drops', () => {
    for (const t of ['我的快递到哪了', 'where is my order', '退货地址是哪里', 'can i change my address', '我已经付款了', 'i already paid', '这个充电宝能带上飞机吗', 'is the heater safe to leave on overnight?', '如果梯子腿折了能换吗', 'what if the swing chain snaps?', 'my eyes hurt from reading', 'i put the eye drops in my eyes and its red', '椅子腿断了 要退货']) {
      assert.equal(safetyOf(t), undefined, t);
    }
  });
});
