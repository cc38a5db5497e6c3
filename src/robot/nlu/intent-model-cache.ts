/**
 * The trained intent model kept on disk between processes. Training at start-up (normalising the
 * ~4,900 TRAIN lines, then AdaGrad) costs about 1.5 s of CPU in every kefu process, every worker and
 * every test file that builds a robot; the result depends only on the corpus, the NLU's code and
 * tables, the lexicon and the segmenter, so a process whose inputs are byte for byte those of an
 * earlier one reads that one's model instead (about 30 ms).
 *
 * The key is a hash of every file the features can depend on (src/robot/nlu/, src/robot/lexicon/,
 * the two corpus files) and of the segmenter (engine and @node-rs/jieba's version): any edit there
 * trains anew. Only the start-up tokenizer (generation 0) is cached: a shop's added words change
 * the segmentation. The file is kept by ../../storage/local-cache.ts (best effort, written
 * atomically); one that does not parse is trained anew and replaced.
 */
import { createHash } from 'node:crypto';
import { cachedBuild, installedVersion, LOCAL_CACHE_DIR } from '../../storage/local-cache.ts';
import { SoftmaxRegression } from './intent-model.ts';
import { robotSourcesHash } from './table-cache.ts';
import type { Tokenizer } from './tokenizer.ts';

/** The model for `tokenizer`: the cached one when its inputs are unchanged, else `train()` (then kept). */
export function cachedIntentModel(tokenizer: Tokenizer, train: () => SoftmaxRegression, dir: URL = LOCAL_CACHE_DIR): SoftmaxRegression {
  if (tokenizer.generation !== 0) return train();
  return cachedBuild({ prefix: 'intent', ext: 'bin', key: () => inputsHash(tokenizer), decode: (b) => SoftmaxRegression.fromBytes(b), encode: (m) => m.toBytes(), build: train, dir });
}

function inputsHash(tokenizer: Tokenizer): string {
  const h = createHash('sha256');
  h.update(`${tokenizer.engine}\0${installedVersion('@node-rs/jieba') ?? 'none'}\0`);
  h.update(robotSourcesHash());
  return h.digest('hex').slice(0, 32);
}
