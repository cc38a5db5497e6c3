// An NLU thread that dies on its first batch.
import { parentPort } from 'node:worker_threads';

parentPort!.on('message', () => process.exit(3));
parentPort!.postMessage({ ready: true });
