/**
 * The history a ceiling server answers `sync` with: 500 messages shaped like kefu's `message`
 * frames (same fields, same text), so a ceiling moves about as many bytes per sync as kefu does.
 */
export const HISTORY_SIZE = 500;
export const BENCH_TEXT = '你好，我的快递到哪了？订单号在哪里可以看到';

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
