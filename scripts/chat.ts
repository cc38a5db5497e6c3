/**
 * Try the demo from a terminal: `npm run chat -- buyer_1 我的快递到哪了`
 * Gets a token from the demo issuer, sends one message to a shop (the demo shop unless KEFU_SHOP says another) and prints what comes
 * back: the message as kefu stored it (the sensitive-word filter may have masked words), the
 * robot's replies, and a handover to a human agent. Exits once nothing came for a moment. An agent's
 * message sent while no chat was running (between two calls) is printed before the buyer's line.
 * KEFU_URL overrides the server address; KEFU_SHOP the shop talked to (default shop_demo), for a
 * shop whose data and FAQ were loaded through the webhooks and the API. Every failure is one line
 * and exit code 1.
 */
import WebSocket from 'ws';
import { KefuClient, KefuRequestError, type PushedFrame, type WebSocketCtor } from '../src/client/index.ts';
import type { ConversationState, MessageFrame } from '../src/protocol/frames.ts';

const url = (process.env.KEFU_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const [sub = 'buyer_1', ...words] = process.argv.slice(2);
const text = words.join(' ') || '我的快递到哪了';
const shopId = process.env.KEFU_SHOP ?? 'shop_demo';
const QUIET_MS = 1500;

function fail(line: string): never {
  console.error(`chat: ${line}`);
  process.exit(1);
}

/** fetch, or one line saying the server is not there (instead of `TypeError: fetch failed`). */
async function request(path: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(`${url}${path}`, init);
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    fail(`kefu is not reachable at ${url} (${cause?.code ?? cause?.message ?? (e as Error).message}): start it with \`npm start\`, or set KEFU_URL to where it runs`);
  }
}

function describeState(conversationId: string, state: ConversationState, extra: { queuePosition?: number; agentId?: string }): string {
  switch (state) {
    case 'queued':
      return `(conversation ${conversationId} was handed over to a person: it waits in the queue${extra.queuePosition ? ` at position ${extra.queuePosition}` : ''} for an agent)`;
    case 'assigned':
      return `(conversation ${conversationId} is with agent ${extra.agentId ?? '?'})`;
    case 'closed':
      return `(conversation ${conversationId} is closed)`;
    case 'bot':
      return `(conversation ${conversationId}: the robot answers)`;
  }
}

/**
 * A hand-over comes as two frames, queued and then its place in the queue: the first is held until
 * the second says it with the place (found from outside: each hand-over was printed twice), or
 * until anything else is printed or the call ends.
 */
let held: PushedFrame | undefined;
const flushHeld = () => {
  const f = held;
  held = undefined;
  if (f) show(f, true);
};

function show(f: PushedFrame, flushing = false): void {
  if (!flushing && f.type === 'conversation' && f.state === 'queued' && f.queuePosition === undefined) {
    flushHeld();
    held = f;
    return;
  }
  if (f.type === 'conversation' && f.state === 'queued' && f.queuePosition !== undefined) held = undefined;
  else if (!flushing) flushHeld();
  if (f.type === 'message' && f.sender.role !== 'customer') {
    console.log(`${f.sender.role}> ${(f.content as { text?: string }).text ?? JSON.stringify(f.content)}`);
    const card = (f.content as { card?: unknown }).card;
    if (card) console.log(`      card: ${JSON.stringify(card)}`);
  } else if (f.type === 'conversation') {
    console.log(describeState(f.conversationId, f.state, f));
  }
}

/** How far back a call looks for messages the buyer has not seen. */
const MISSED_WINDOW = 20;

const textOf = (m: MessageFrame): string => (m.content as { text?: string }).text ?? JSON.stringify(m.content);

/**
 * The agents' messages and the notices after the buyer's previous message and before `seq`: each call prints only
 * what arrives while it runs, so an agent's reply sent between two calls would never be seen, nor a notice posted
 * then ("the agent who took your conversation had to step away…": found from outside). An agent's reply that came
 * during the previous call is printed again, marked as sent before; a notice that call printed is not.
 */
/** An agent's or the system's: what a buyer missed, never their own lines or the robot's. */
const ofPeople = (messages: readonly MessageFrame[]): MessageFrame[] => messages.filter((m) => m.sender.role === 'agent' || m.sender.role === 'system');

function missedSince(messages: readonly MessageFrame[], seq: number): MessageFrame[] {
  return ofPeople(afterTheCall(messages.filter((m) => m.seq < seq)));
}

/**
 * A new conversation: an agent who answered and then closed the last one (found in review: the
 * reply sent between two calls was never printed, since the next call opens another conversation).
 */
async function missedInClosed(opened: string): Promise<MessageFrame[]> {
  const list = await request('/api/v1/conversations?state=closed&limit=5', { headers: { authorization: `Bearer ${token}` } });
  if (!list.ok) return [];
  const { conversations } = (await list.json()) as { conversations: Array<{ conversationId: string; shopId: string; lastSeq: number }> };
  const last = conversations.find((x) => x.shopId === shopId && x.conversationId !== opened);
  if (!last) return [];
  const messages = (await c.sync(last.conversationId, Math.max(0, last.lastSeq - MISSED_WINDOW), MISSED_WINDOW)).messages;
  // The closing notice and the rating request too: the buyer rates by answering it (found from outside: never printed).
  return ofPeople(afterTheCall(messages));
}

/**
 * The messages after the buyer's last one that its call did not print: it printed what came until
 * QUIET_MS passed without a frame, so everything from the first message after such a pause was not
 * seen. Agents' replies are printed again all the same (as for an open conversation); a notice the
 * call printed ("nobody is online") is not (found from outside: it reappeared, stale, at the start
 * of the next conversation).
 */
function afterTheCall(messages: readonly MessageFrame[]): MessageFrame[] {
  const lastOwn = messages.findLastIndex((m) => m.sender.role === 'customer');
  let previous = lastOwn >= 0 ? messages[lastOwn]!.ts : -Infinity;
  let seen = lastOwn >= 0;
  return messages.slice(lastOwn + 1).filter((m) => {
    if (m.ts - previous > QUIET_MS) seen = false;
    previous = m.ts;
    return !seen || m.sender.role === 'agent';
  });
}

const r = await request('/demo/oauth/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub, scope: 'cs:customer' }) });
if (!r.ok) fail(`cannot get a demo token from ${url}: HTTP ${r.status} (is kefu running with the demo issuer, i.e. without KEFU_OAUTH_JWKS_URL?)`);
const { access_token: token } = (await r.json()) as { access_token: string };

let c: KefuClient;
try {
  c = await KefuClient.connect({ url, token, device: 'pc', WebSocket: WebSocket as unknown as WebSocketCtor });
} catch (e) {
  fail(`cannot open the WebSocket at ${url}/im: ${(e as Error).message}`);
}

// Frames that arrive before the buyer's own line is printed wait, so the output reads in order.
const early: PushedFrame[] = [];
let printing = false;
let sawState = false;
let quiet: NodeJS.Timeout | undefined;
let finish: () => void = () => {};
const finished = new Promise<void>((resolve) => (finish = resolve));
const restartQuiet = () => {
  clearTimeout(quiet);
  quiet = setTimeout(finish, QUIET_MS);
};
c.on((f) => {
  if (f.type === 'conversation') sawState = true;
  if (printing) show(f);
  else early.push(f);
  restartQuiet();
});

let ack;
try {
  ack = await c.sendText({ shopId }, text);
} catch (e) {
  fail(e instanceof KefuRequestError ? `kefu refused the message: ${e.message}` : `sending failed: ${(e as Error).message}`);
}
// The ack carries no content: read the message back as stored, with what came before it.
const before = (await c.sync(ack.conversationId, Math.max(0, ack.seq - MISSED_WINDOW), MISSED_WINDOW)).messages;
for (const m of [...(ack.seq === 1 ? await missedInClosed(ack.conversationId) : []), ...missedSince(before, ack.seq)]) console.log(`${m.sender.role}> ${textOf(m)}   (sent before your message)`);
const stored = before.find((m) => m.seq === ack.seq);
const storedText = stored && stored.content.kind === 'text' ? stored.content.text : text;
console.log(`${sub}> ${storedText}   (stored as seq ${ack.seq} in ${ack.conversationId}${storedText !== text ? '; masked by the sensitive-word filter' : ''})`);
printing = true;
for (const f of early.splice(0)) show(f);
restartQuiet();
await finished;
flushHeld();

// No state frame came (the conversation was already waiting, say): ask for its state.
if (!sawState) {
  const list = await request('/api/v1/conversations', { headers: { authorization: `Bearer ${token}` } });
  if (list.ok) {
    const { conversations } = (await list.json()) as { conversations: Array<{ conversationId: string; state: ConversationState; agentId?: string }> };
    const conv = conversations.find((x) => x.conversationId === ack.conversationId);
    if (conv && conv.state !== 'bot') console.log(describeState(conv.conversationId, conv.state, conv));
  }
}
await c.close();
process.exit(0);
