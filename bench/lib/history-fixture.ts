/**
 * The history a ceiling server answers `sync` with: 500 messages shaped like kefu's `message`
 * frames (same fields, same text), so a ceiling moves about as many bytes per sync as kefu does.
 */
export const HISTORY_SIZE = 500;
export const BENCH_TEXT = '你好，我的快递到哪了？订单号在哪里可以看到';

/**
 * What the load's buyers say, in turn: ten ways of asking about a shipped order, each answered
 * by kefu's robot from the buyer's order and logistics (checked: none is handed to a human).
 * Several texts rather than one, so nothing that caches by text can flatter the numbers.
 */
export const BUYER_TEXTS = [
  '我的快递到哪了',
  '物流到哪了？',
  '什么时候能到',
  '快递怎么还没到啊',
  '帮我查一下物流',
  '订单发货了吗',
  '包裹到哪里了',
  BENCH_TEXT,
  '我买的耳机什么时候到',
  '查一下我的订单',
] as const;
let turn = 0;
export const buyerText = () => BUYER_TEXTS[turn++ % BUYER_TEXTS.length]!;

export function fixtureMessages(conversationId = 'c_bench', n = HISTORY_SIZE): Record<string, unknown>[] {
  const ts = Date.UTC(2026, 10, 27, 2, 0, 0);
  return Array.from({ length: n }, (_, i) => ({
    type: 'message',
    conversationId,
    shopId: 'shop_bench',
    seq: i + 1,
    clientMsgId: `m-${i.toString(16).padStart(16, '0')}`,
    sender: { role: 'customer', id: 'be_0', name: 'bench buyer' },
    content: { kind: 'text', text: BENCH_TEXT },
    ts: ts + i * 1000,
  }));
}
