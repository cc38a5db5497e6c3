// An NLU thread that says it is ready and then never answers (a hung thread).
import { parentPort } from 'node:worker_threads';

parentPort!.on('message', () => {});
parentPort!.postMessage({ ready: true });
