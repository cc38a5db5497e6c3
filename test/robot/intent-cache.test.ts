// The trained intent model kept on disk between processes (src/robot/nlu/intent-model-cache.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SoftmaxRegression } from '../../src/robot/nlu/intent-model.ts';
import { cachedIntentModel } from '../../src/robot/nlu/intent-model-cache.ts';
import type { Tokenizer } from '../../src/robot/nlu/tokenizer.ts';

const examples = [
  { features: ['w:快递', 'w:哪', 'b:快递'], label: 'track_parcel' },
  { features: ['w:退款', 'w:进度'], label: 'aftersale_progress' },
  { features: ['w:发票', 'w:开'], label: 'invoice' },
  { features: ['w:快递', 'w:几天'], label: 'delivery_estimate' },
];
const probes = [['w:快递'], ['w:退款', 'w:快递'], ['w:发票', 'w:几天', 'w:never-seen'], ['w:never-seen']];
const tokenizer = (generation = 0) => ({ engine: 'intl', generation }) as unknown as Tokenizer;

test('a model read back from its bytes answers exactly as the one trained', () => {
  const trained = SoftmaxRegression.train(examples);
  const read = SoftmaxRegression.fromBytes(trained.toBytes());
  assert.deepEqual(read.labels, trained.labels);
  for (const p of probes) assert.deepEqual([...read.posterior(p)], [...trained.posterior(p)], p.join(' '));
  assert.throws(() => SoftmaxRegression.fromBytes(trained.toBytes().subarray(0, 100)));
});

test('the second process reads the first one\'s model; a damaged file is trained anew and replaced; a changed tokenizer is not cached', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-intent-cache-'));
  const url = pathToFileURL(`${dir}/`);
  try {
    let trainings = 0;
    const train = () => {
      trainings++;
      return SoftmaxRegression.train(examples);
    };
    const first = cachedIntentModel(tokenizer(), train, url);
    const second = cachedIntentModel(tokenizer(), train, url);
    assert.equal(trainings, 1, 'the second read the first one\'s file');
    for (const p of probes) assert.deepEqual([...second.posterior(p)], [...first.posterior(p)]);
    const [file] = readdirSync(dir);
    assert.match(file!, /^intent-[0-9a-f]{32}\.bin$/);
    writeFileSync(join(dir, file!), 'not a model');
    cachedIntentModel(tokenizer(), train, url);
    assert.equal(trainings, 2, 'a damaged file is not used');
    cachedIntentModel(tokenizer(), train, url);
    assert.equal(trainings, 2, 'and was replaced');
    cachedIntentModel(tokenizer(1), train, url);
    assert.equal(trainings, 3, 'words added to the tokenizer change the segmentation: no cache');
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
    assert.equal(readdirSync(dir).filter((f) => f.endsWith('.bin')).length, 1, 'one model file for one set of inputs');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
