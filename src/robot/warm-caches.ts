/**
 * The robot's start-up work that is kept on disk between processes (storage/local-cache.ts): the trained intent model, the
 * NLU's pinyin and homophone tables, and the learned danger reading's model. `kefu warm` does it once where `node_modules` is
 * writable: the container image's build, whose processes run as a user that cannot write there and would otherwise train both
 * models at every start (docs/deployment.md).
 */
import { createNlu } from './nlu/index.ts';
import { warmDangerModel } from './learned-danger.ts';

/** Builds (or reads) every cache; the danger model's error when it could not be trained. */
export function warmStartCaches(): Error | undefined {
  createNlu().understand('你好，我的快递到哪了？where is my parcel');
  return warmDangerModel();
}
