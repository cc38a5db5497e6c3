/**
 * The NLU's own thread (see thread.ts): understands the batches of texts the main thread sends
 * and posts the understandings back, in one message per batch. Its NLU is the same code and model
 * as the main thread's, with a memory of its own.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createNlu } from './understand.ts';
import type { ThreadReply, ThreadRequest } from './thread.ts';

const port = parentPort;
if (!port) throw new Error('thread-worker.ts runs as a worker thread');
const nlu = createNlu({ tzOffsetMinutes: (workerData as { tzOffsetMinutes: number }).tzOffsetMinutes });
// Warm before saying ready: the first texts would otherwise run in cold code, slower than on the main thread.
for (const text of ['你好，我的快递到哪了？', 'where is my parcel', '退款什么时候到账', 'can I cancel order A123', '在吗']) nlu.understand(text);

port.on('message', (req: ThreadRequest) => {
  const results: ThreadReply['results'] = [];
  for (const item of req.items) {
    try {
      results.push({ id: item.id, u: nlu.understand(item.text, new Date(item.now), item.tz) });
    } catch {
      // Understood on the main thread instead (it answers undefined for this one).
      results.push({ id: item.id });
    }
  }
  port.postMessage({ results } satisfies ThreadReply);
});
port.postMessage({ ready: true } satisfies ThreadReply);
