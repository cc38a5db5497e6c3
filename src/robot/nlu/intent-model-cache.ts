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
 * the segmentation. The cache lives in `node_modules/.cache/kefu/` as tools' caches do; when it
 * cannot be read or written the model is trained as before, and a file that does not parse is
 * replaced. Writes go to a temporary file and are renamed, so processes starting together never
 * read half a model.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SoftmaxRegression } from './intent-model.ts';
import type { Tokenizer } from './tokenizer.ts';

const ROBOT = new URL('../', import.meta.url);
const CACHE = new URL('../../../node_modules/.cache/kefu/', import.meta.url);
const INPUT_DIRS = ['nlu/', 'lexicon/'];
const CORPUS = ['eval/corpus.zh.jsonl', 'eval/corpus.en.jsonl'];

/** The model for `tokenizer`: the cached one when its inputs are unchanged, else `train()` (then kept). */
export function cachedIntentModel(tokenizer: Tokenizer, train: () => SoftmaxRegression, dir: URL = CACHE): SoftmaxRegression {
  if (tokenizer.generation !== 0) return train();
  let file: URL | undefined;
  try {
    file = new URL(`intent-${inputsHash(tokenizer)}.bin`, dir);
    return SoftmaxRegression.fromBytes(readFileSync(file));
  } catch {
    // No cache yet, an unreadable one or none possible: train.
  }
  const model = train();
  if (file) keep(dir, file, model);
  return model;
}

function keep(dir: URL, file: URL, model: SoftmaxRegression): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${fileURLToPath(file)}.${process.pid}.tmp`;
    writeFileSync(tmp, model.toBytes());
    renameSync(tmp, file);
    // The models of earlier inputs are never read again.
    const keepName = fileURLToPath(file).split('/').pop();
    for (const name of readdirSync(dir)) if (/^intent-[0-9a-f]{32}\.bin$/.test(name) && name !== keepName) rmSync(new URL(name, dir), { force: true });
  } catch {
    // A read-only install: every start trains, as before.
  }
}

function inputsHash(tokenizer: Tokenizer): string {
  const h = createHash('sha256');
  h.update(`${tokenizer.engine}\0${jiebaVersion()}\0`);
  for (const dir of INPUT_DIRS) {
    const url = new URL(dir, ROBOT);
    for (const name of readdirSync(url).sort()) {
      if (!/\.(ts|json)$/.test(name)) continue;
      h.update(`${dir}${name}\0`);
      h.update(readFileSync(new URL(name, url)));
    }
  }
  for (const f of CORPUS) h.update(readFileSync(new URL(f, ROBOT)));
  return h.digest('hex').slice(0, 32);
}

function jiebaVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../../node_modules/@node-rs/jieba/package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'none';
  }
}
