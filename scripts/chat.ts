/**
 * Try the demo from a terminal: `npm run chat -- buyer_1 我的快递到哪了`
 * Gets a token from the demo issuer, sends one message to the demo shop and prints what comes
 * back (the ack and the robot's replies), then exits. KEFU_URL overrides the server address.
 */
import WebSocket from 'ws';
import { KefuClient, type WebSocketCtor } from '../src/client/index.ts';

const url = process.env.KEFU_URL ?? 'http://127.0.0.1:8080';
const [sub = 'buyer_1', ...words] = process.argv.slice(2);
const text = words.join(' ') || '我的快递到哪了';

const r = await fetch(`${url}/demo/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub, scope: 'cs:customer' }) });
if (!r.ok) {
  console.error(`cannot get a demo token from ${url}: HTTP ${r.status} (is kefu running with the demo issuer?)`);
  process.exit(1);
}
const { access_token: token } = (await r.json()) as { access_token: string };
const c = await KefuClient.connect({ url, token, device: 'pc', WebSocket: WebSocket as unknown as WebSocketCtor });
let quiet: NodeJS.Timeout | undefined;
const done = () => {
  clearTimeout(quiet);
  quiet = setTimeout(() => void c.close().then(() => process.exit(0)), 1500);
};
c.on((f) => {
  if (f.type === 'message' && f.sender.role !== 'customer') {
    console.log(`${f.sender.role}> ${(f.content as { text?: string }).text ?? JSON.stringify(f.content)}`);
    const card = (f.content as { card?: unknown }).card;
    if (card) console.log(`      card: ${JSON.stringify(card)}`);
  } else if (f.type === 'conversation') console.log(`(conversation ${f.conversationId} is ${f.state})`);
  done();
});
const ack = await c.sendText({ shopId: 'shop_demo' }, text);
console.log(`${sub}> ${text}   (stored as seq ${ack.seq} in ${ack.conversationId})`);
done();
