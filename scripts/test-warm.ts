/**
 * Run once by scripts/test.ts before the test files: fills the local caches
 * (src/storage/local-cache.ts) that every test process would otherwise race to fill. In a clean
 * clone the cache is empty, and the first three files, each starting kefu nodes and processes at
 * once, each trained the intent model and initialised an embedded database for themselves before
 * any had written one; on two cores that was a good part of why a clean-clone run took 8–9
 * minutes and a warm one 6. With the caches warm this takes about a second.
 */
import { createNlu } from '../src/robot/nlu/index.ts';
import { pgliteTemplate } from '../test/support/services.ts';

const t0 = performance.now();
// The trained intent model (src/robot/nlu/intent-model-cache.ts).
createNlu().understand('我的快递到哪了');
// The initdb template (src/storage/pglite/pglite-store.ts) and, made from it, the tests' migrated one.
await pgliteTemplate();
console.log(`test caches ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
