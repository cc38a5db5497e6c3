/**
 * Tables the NLU derives at start-up from its own sources and installed data, kept on disk between
 * processes like the trained intent model (intent-model-cache.ts): the homophone fixer's keys
 * (pinyin of every Chinese vocabulary word, jieba's single-character words) and the pinyin spelling
 * of the vocabulary cost about 0.5 s of CPU in every process that builds a robot, and depend only on
 * the robot's sources and the installed packages named in `inputs`.
 *
 * The key hashes every file of src/robot/nlu/ and src/robot/lexicon/ and the corpus (the same
 * inputs as the intent model's), plus `inputs`: any edit there builds anew. The file is JSON, kept
 * by ../../storage/local-cache.ts (best effort, written atomically); one that does not parse is
 * built anew and replaced.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cachedBuild, LOCAL_CACHE_DIR } from '../../storage/local-cache.ts';

const ROBOT = new URL('../', import.meta.url);
const INPUT_DIRS = ['nlu/', 'lexicon/'];
const CORPUS = ['eval/corpus.zh.jsonl', 'eval/corpus.en.jsonl'];

let sources: string | undefined;

/** A hash of the robot's NLU sources, lexicon and corpus; read once per process. */
export function robotSourcesHash(): string {
  if (sources) return sources;
  const h = createHash('sha256');
  for (const dir of INPUT_DIRS) {
    const url = new URL(dir, ROBOT);
    for (const name of readdirSync(url).sort()) {
      if (!/\.(ts|json)$/.test(name)) continue;
      h.update(`${dir}${name}\0`);
      h.update(readFileSync(new URL(name, url)));
    }
  }
  for (const f of CORPUS) h.update(readFileSync(new URL(f, ROBOT)));
  return (sources = h.digest('hex'));
}

/**
 * `build()`'s result (a JSON value), read from the cache when the robot's sources and `inputs` are
 * those of the process that wrote it. `name`: letters and dashes, the file's prefix.
 */
export function cachedTable<T>(name: string, inputs: string, build: () => T, dir: URL = LOCAL_CACHE_DIR): T {
  return cachedBuild({
    prefix: name,
    ext: 'json',
    key: () => createHash('sha256').update(robotSourcesHash()).update(`\0${inputs}`).digest('hex').slice(0, 32),
    decode: (b) => JSON.parse(b.toString('utf8')) as T,
    encode: (v) => Buffer.from(JSON.stringify(v)),
    build,
    dir,
  });
}
