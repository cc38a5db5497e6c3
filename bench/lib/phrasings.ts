/**
 * Varied buyer questions for (b): the fixed ten of history-fixture.ts are always remembered by
 * the NLU's per-text memory, which flatters kefu against real traffic. These are generated from
 * templates × the buyer's own order number × product names × typos, so a run draws from well
 * over 500 distinct texts, and each buyer's texts name its own order (the robot looks it up
 * rather than saying the order is unknown).
 *
 * Every template asks where a parcel is, when it arrives or what state the order is in: questions
 * the robot answers from the order and its logistics, never ones it hands to a person (no
 * complaint, no "转人工"). The bench test checks that the NLU reads each as such a question.
 */

/** Order numbers as the benchmark's webhook seeds them (bench/lib/kefu.ts). */
export const benchOrderId = (buyerIndex: number) => `BO${buyerIndex.toString().padStart(10, '0')}`;

const PRODUCTS = ['耳机', '蓝牙耳机', '无线耳机', '白色耳机', '东西', '宝贝', '包裹', '快递', '货'] as const;

/** `{p}` a product word, `{o}` the buyer's order number. */
const TEMPLATES_ZH = [
  '我的{p}到哪了',
  '我买的{p}什么时候到',
  '{p}发货了吗',
  '{p}怎么还没到，物流到哪了',
  '帮我查一下{p}的物流',
  '{p}到哪里了？',
  '请问{p}大概几天能到',
  '订单{o}到哪了',
  '订单号{o}的物流到哪了',
  '查一下订单{o}',
  '{o}这个单发货了吗',
  '订单{o}什么时候能到',
  '你好，订单{o}的{p}到哪了',
  '你好，我的{p}什么时候能送到',
  '麻烦查下{p}的快递',
] as const;

const TEMPLATES_EN = [
  'where is my order {o}',
  'when will my order {o} arrive',
  'has order {o} shipped yet',
  'where is my parcel',
  'when will my earbuds arrive',
  'can you track order {o} for me',
] as const;

/** Common slips of a phone keyboard: a homophone for a word, a dropped or doubled character. */
const TYPOS: ReadonlyArray<readonly [RegExp, string]> = [
  [/快递/, '快第'],
  [/物流/, '物留'],
  [/到哪/, '到那'],
  [/什么时候/, '神马时候'],
  [/发货/, '发或'],
  [/where/, 'wher'],
  [/arrive/, 'arive'],
  [/parcel/, 'parcle'],
];

const ENDINGS = ['', '？', '?', '啊', '呢', '呀', ' 谢谢', '，急'] as const;
const ENDINGS_EN = ['', '?', ' please', ' thanks', '??'] as const;

/**
 * The k-th text of buyer `buyerIndex`: deterministic, so a run can be repeated, and spread so
 * consecutive texts differ in template, product, typo and ending.
 */
export function variedText(buyerIndex: number, k: number): string {
  const o = benchOrderId(buyerIndex);
  const en = k % 5 === 4;
  const templates: readonly string[] = en ? TEMPLATES_EN : TEMPLATES_ZH;
  const t = templates[(k * 7 + buyerIndex) % templates.length]!;
  let text = t.replace('{p}', PRODUCTS[(k * 3 + buyerIndex) % PRODUCTS.length]!).replace('{o}', o);
  const typo = TYPOS[(k + buyerIndex * 5) % (TYPOS.length * 2)];
  if (typo) text = text.replace(typo[0], typo[1]);
  const endings: readonly string[] = en ? ENDINGS_EN : ENDINGS;
  return text + endings[(k * 5 + buyerIndex * 3) % endings.length]!;
}

/** Per-buyer counters for variedText, so each buyer's next question differs from its last. */
export class Phrasings {
  readonly #turn = new Map<number, number>();

  next(buyerIndex: number): string {
    const k = this.#turn.get(buyerIndex) ?? 0;
    this.#turn.set(buyerIndex, k + 1);
    return variedText(buyerIndex, k);
  }
}

/**
 * What share of the texts the NLU's per-text memory would have answered, following its rule
 * (src/robot/nlu/understand.ts: texts up to 64 characters, at most 5000 of them, the oldest
 * dropped first). Fed every text one kefu process received, in order.
 */
export class MemoModel {
  static readonly MAX_TEXT = 64;
  static readonly MAX_ENTRIES = 5000;
  readonly #seen = new Set<string>();
  hits = 0;
  total = 0;

  see(text: string): void {
    this.total++;
    if (this.#seen.has(text)) {
      this.hits++;
      return;
    }
    if (text.length > MemoModel.MAX_TEXT) return;
    if (this.#seen.size >= MemoModel.MAX_ENTRIES) this.#seen.delete(this.#seen.values().next().value!);
    this.#seen.add(text);
  }

  /** Hits since the last call, as a share of the texts seen since then (null when none). */
  window(): { hits: number; total: number; rate: number | null } {
    const out = { hits: this.hits, total: this.total, rate: this.total ? Math.round((this.hits / this.total) * 1000) / 1000 : null };
    this.hits = 0;
    this.total = 0;
    return out;
  }
}
