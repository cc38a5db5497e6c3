/**
 * Robot CPU cost per answer, excluding I/O: `node bench/robot.ts [--answers N]`.
 *
 * Each answer runs the real path (normalise, classify, extract, plan, dialogue step, cards) over an
 * in-memory buyer with shipped orders, logistics and a refund; the lookups are resolved in memory
 * and their time is not counted. Each answer's synchronous part is timed with performance.now():
 * there is no I/O inside it, so this is its CPU time plus any preemption by other processes (an
 * upper bound; the thread CPU clock ticks too coarsely to time one answer). Throughput comes from
 * this thread's CPU time over the whole run. Also prints a FAQ index build for 500 entries.
 * Target: p99 < 1 ms per answer, without the NLU's per-text memory: every pass over the texts
 * starts a new NLU, so no text is remembered from an earlier pass (`--memory` keeps one NLU for the
 * whole run, as a node does: texts of up to 64 characters are then remembered after their first pass).
 */
import { createNlu } from '../src/robot/nlu/index.ts';
import { initialState, plan, step, type DialogueState, type TurnData, type TurnInput } from '../src/robot/dialogue.ts';
import { FaqIndex, type FaqEntry } from '../src/robot/faq-index.ts';
import { readDemoFaq } from '../src/robot/eval/evaluate.ts';
import { readCorpus } from '../src/robot/nlu/corpus.ts';
import type { Aftersale, Logistics, Order } from '../src/commerce/types.ts';

const args = process.argv.slice(2);
const N = Number(args[args.indexOf('--answers') + 1]) || 20_000;
const MEMORY = args.includes('--memory');
const WARMUP = 2_000;
const NOW = new Date('2024-11-27T10:00:00+08:00');
const SHOP = 'bench-shop';
const USER = 'u-1';

const mkOrder = (orderId: string, title: string, createdAt: string, status: Order['status'] = 'shipped'): Order => ({
  shopId: SHOP,
  orderId,
  userId: USER,
  status,
  items: [{ sku: `SKU-${orderId.slice(-4)}`, title, quantity: 1, price: '99.00' }],
  totalAmount: '99.00',
  currency: 'CNY',
  receiver: { name: '李四', phone: '13900001234', address: '上海市浦东新区' },
  createdAt,
  updatedAt: createdAt,
});
const orders = [
  mkOrder('2024112500001111', '无线蓝牙耳机', '2024-11-25T09:00:00+08:00'),
  mkOrder('2024112600002222', '纯棉T恤', '2024-11-26T10:00:00+08:00'),
  mkOrder('2024112700003333', '保温杯', '2024-11-27T08:00:00+08:00', 'paid'),
];
const logistics: Logistics[] = orders.slice(0, 2).map((o, i) => ({
  shopId: SHOP,
  orderId: o.orderId,
  carrier: i ? '顺丰速运' : '中通快递',
  trackingNo: `T${o.orderId}`,
  status: 'in_transit',
  events: Array.from({ length: 8 }, (_, k) => ({ time: `2024-11-2${5 + (k % 3)}T${10 + k}:00:00+08:00`, location: `城市${k}`, description: `快件到达第${k}站` })),
  updatedAt: '2024-11-27T08:00:00+08:00',
}));
const aftersales: Aftersale[] = [{ shopId: SHOP, aftersaleId: 'AS1', orderId: orders[0]!.orderId, userId: USER, type: 'refund', status: 'approved', amount: '99.00', updatedAt: '2024-11-26T12:00:00+08:00' }];
const faqIndex = new FaqIndex(readDemoFaq());

// Realistic traffic: the VALIDATION utterances of both languages, plus choice replies that hit the step's context paths.
const texts = [...readCorpus('zh'), ...readCorpus('en')].filter((u) => u.split === 'validation').map((u) => u.text);
let nlu = createNlu();

function answerCpu(text: string, state: DialogueState): { micros: number; state: DialogueState; handover: boolean } {
  const t0 = performance.now();
  const understanding = nlu.understand(text, NOW);
  const input: TurnInput = { shopId: SHOP, userId: USER, text, now: NOW, understanding };
  const p = plan(state, input);
  // In-memory lookups: what a real data source would have returned.
  const data: TurnData = {
    ...(p.needs.orders ? { orders: { ok: true, value: orders } } : {}),
    ...(p.needs.aftersales ? { aftersales: { ok: true, value: aftersales } } : {}),
    ...(p.needs.logistics ? { logistics: { ok: true, value: logistics } } : {}),
    ...(p.needs.faq ? { faq: { ok: true, value: faqIndex.search(text) } } : {}),
  };
  const r = step(state, input, data);
  return { micros: (performance.now() - t0) * 1000, state: r.state, handover: r.handover !== undefined };
}

const samples: number[] = [];
let state = initialState();
let cpuStart = process.threadCpuUsage();
for (let i = 0; i < WARMUP + N; i++) {
  if (i === WARMUP) cpuStart = process.threadCpuUsage();
  if (i % texts.length === 0 && !MEMORY) nlu = createNlu();
  const text = texts[i % texts.length]!;
  const r = answerCpu(text, i % 7 === 0 ? initialState() : state);
  state = r.handover ? initialState() : r.state;
  if (i >= WARMUP) samples.push(r.micros);
}
const cpuUsed = process.threadCpuUsage(cpuStart);
const cpuPerAnswerMs = (cpuUsed.user + cpuUsed.system) / 1000 / N;
samples.sort((a, b) => a - b);
const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]! / 1000;

const entries: FaqEntry[] = Array.from({ length: 500 }, (_, i) => {
  const e = readDemoFaq()[i % 48]!;
  return { id: `${e.id}-${i}`, question: `${e.question} ${i}`, answer: e.answer, alternates: (e.alternates ?? []).map((a) => `${a} ${i}`) };
});
const cpuMs = (f: () => void) => {
  const c = process.threadCpuUsage();
  f();
  const u = process.threadCpuUsage(c);
  return (u.user + u.system) / 1000;
};
const coldBuild = cpuMs(() => new FaqIndex(entries));
entries[3] = { ...entries[3]!, question: '新问题：能开专票吗' };
const rebuild = cpuMs(() => new FaqIndex(entries));

console.log(`robot answer CPU (understand + plan + FAQ search + dialogue step, lookups in memory), ${N} answers, ${MEMORY ? 'with' : 'without'} the NLU's per-text memory`);
console.log(`  p50   ${q(0.5).toFixed(3)} ms`);
console.log(`  p90   ${q(0.9).toFixed(3)} ms`);
console.log(`  p99   ${q(0.99).toFixed(3)} ms   (target < 1 ms: ${q(0.99) < 1 ? 'met' : 'NOT met'})`);
console.log(`  max   ${q(1).toFixed(3)} ms`);
console.log(`  thread CPU per answer ${cpuPerAnswerMs.toFixed(3)} ms  → ${Math.round(1000 / cpuPerAnswerMs)} answers/s per core`);
console.log(`FAQ index, 500 entries (~2000 phrasings + answers): first build ${coldBuild.toFixed(1)} ms CPU, rebuild after editing one entry ${rebuild.toFixed(1)} ms CPU`);
