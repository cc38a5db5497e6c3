/**
 * Experiment: the robot's CPU path (understand, plan, FAQ search, dialogue step; no I/O) of two
 * checkouts in one process, on the same validation texts, alternating in blocks of 200, so that a
 * busy or slowed machine weighs on both alike. `bench/robot.ts` run back to back could not tell a
 * 7% change from this machine's noise (2026-12-05: the same code read 0.45 and 0.71 ms a minute apart).
 *
 *   git worktree add /tmp/base <commit> && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   node bench/experiments/robot-ab.ts /tmp/base "$PWD"      # PASSES=4 by default; the first warms up
 *
 * Every pass starts a new NLU for each checkout, so no text is remembered from an earlier pass
 * (the per-text memory is off, as in `bench/robot.ts`). Prints CPU per answer and the wall-clock
 * p50 / p90 / p99 of one answer for each.
 */
const roots = process.argv.slice(2);
if (roots.length < 2) throw new Error('usage: node bench/experiments/robot-ab.ts <checkout A> <checkout B> [...]');
const NOW = new Date('2024-11-27T10:00:00+08:00');
const BLOCK = 200;
const PASSES = Number(process.env.PASSES ?? 4);

interface Checkout {
  readonly root: string;
  readonly answer: (text: string) => void;
  readonly forget: () => void;
  readonly samples: number[];
  cpuMs: number;
}

async function load(root: string): Promise<Checkout> {
  const { createNlu } = await import(`${root}/src/robot/nlu/index.ts`);
  const { initialState, plan, step } = await import(`${root}/src/robot/dialogue.ts`);
  const { FaqIndex } = await import(`${root}/src/robot/faq-index.ts`);
  const { readDemoFaq } = await import(`${root}/src/robot/eval/evaluate.ts`);
  const faq = new FaqIndex(readDemoFaq());
  let nlu = createNlu();
  let state = initialState();
  const answer = (text: string) => {
    const input = { shopId: 's', userId: 'u', text, now: NOW, understanding: nlu.understand(text, NOW) };
    const p = plan(state, input);
    const data = { ...(p.needs.faq ? { faq: { ok: true, value: faq.search(text) } } : {}), orders: { ok: true, value: [] } };
    const r = step(state, input, data);
    state = r.handover ? initialState() : r.state;
  };
  return { root, answer, forget: () => (nlu = createNlu()), samples: [], cpuMs: 0 };
}

function block(c: Checkout, texts: readonly string[], counted: boolean): void {
  const cpu = process.threadCpuUsage();
  for (const t of texts) {
    const t0 = performance.now();
    c.answer(t);
    if (counted) c.samples.push(performance.now() - t0);
  }
  const used = process.threadCpuUsage(cpu);
  if (counted) c.cpuMs += (used.user + used.system) / 1000;
}

const { readCorpus } = await import('../../src/robot/nlu/corpus.ts');
const texts = [...readCorpus('zh'), ...readCorpus('en')].filter((u) => u.split === 'validation').map((u) => u.text);
const checkouts: Checkout[] = [];
for (const r of roots) checkouts.push(await load(r));
for (let pass = 0; pass < PASSES; pass++) {
  for (const c of checkouts) c.forget();
  for (let b = 0; b < texts.length; b += BLOCK) {
    // Each block goes first for one checkout, then for the other.
    const order = (b / BLOCK + pass) % 2 ? [...checkouts].reverse() : checkouts;
    for (const c of order) block(c, texts.slice(b, b + BLOCK), pass > 0);
  }
}
for (const c of checkouts) {
  const s = c.samples.sort((a, b) => a - b);
  const q = (p: number) => s[Math.floor(p * (s.length - 1))]!.toFixed(3);
  console.log(`${c.root}: CPU per answer ${(c.cpuMs / s.length).toFixed(3)} ms, p50 ${q(0.5)} ms, p90 ${q(0.9)} ms, p99 ${q(0.99)} ms (${s.length} answers)`);
}
