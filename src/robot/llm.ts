/**
 * Optional LLM fallback, off unless configured. It is asked one narrow question, only when the
 * rule engine did not understand a message: which of the robot's intents is this? The answer is
 * accepted only if it is exactly one of them; the robot then answers from the buyer's real data as
 * usual. The model never writes the reply, so it cannot invent an order or a refund amount.
 *
 * Any OpenAI-compatible server works (POST {url}/chat/completions). A strict timeout bounds each
 * call; on timeout, HTTP error or an unusable answer the client throws and the robot keeps its own
 * answer.
 */
import { KefuError } from '../protocol/errors.ts';
import { INTENTS, isIntent, type Intent, type Lang } from './types.ts';
import { MAX_INPUT_CHARS, openAiCompatiblePost, type OpenAiCompatibleOptions } from './openai-http.ts';

export interface LlmClient {
  /** The intent of the message, or null when the model says it is none of them. Throws on failure. */
  classifyIntent(text: string, opts?: { lang?: Lang; signal?: AbortSignal }): Promise<Intent | null>;
}

export type { OpenAiCompatibleOptions };

const MAX_RESPONSE_BYTES = 64 * 1024;

const SYSTEM_PROMPT = [
  'You classify one message a buyer sent to an online shop\'s customer service.',
  `Answer with JSON only: {"intent": "<one of: ${INTENTS.join(', ')}>"}.`,
  'track_parcel: where is my parcel; order_status: has my order shipped/been paid; delivery_estimate: when will it arrive or ship;',
  'aftersale_progress: status of an existing refund/return/exchange; return_policy: how to return, refund or exchange;',
  'cancel_order; change_address; invoice; coupon: discounts and promotions; human: wants a human agent; complaint;',
  'greeting; bye: thanks or goodbye; faq: a question about the shop or its products; unknown: anything else.',
].join('\n');

export function createOpenAiCompatibleClient(opts: OpenAiCompatibleOptions): LlmClient {
  const post = openAiCompatiblePost('llm', opts, '/chat/completions', MAX_RESPONSE_BYTES);
  return {
    async classifyIntent(text, { lang, signal } = {}) {
      const messages = [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: `${lang ? `[${lang}] ` : ''}${text.slice(0, MAX_INPUT_CHARS)}` },
      ];
      return parseIntent(await post({ model: opts.model, temperature: 0, max_tokens: 30, messages }, signal));
    },
  };
}

/** The intent in a chat-completions body; throws when there is none to be found. */
export function parseIntent(body: string): Intent | null {
  let content: unknown;
  try {
    content = (JSON.parse(body) as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message?.content;
  } catch {
    throw new KefuError('UNAVAILABLE', 'llm answer is not JSON');
  }
  if (typeof content !== 'string') throw new KefuError('UNAVAILABLE', 'llm answer has no message content');
  let candidate: unknown = content.trim();
  const json = /\{[\s\S]*\}/.exec(content);
  if (json) {
    try {
      candidate = (JSON.parse(json[0]) as { intent?: unknown }).intent;
    } catch {
      throw new KefuError('UNAVAILABLE', 'llm answer has malformed JSON');
    }
  }
  if (typeof candidate === 'string') candidate = candidate.trim().replace(/^["'`]+|["'`.]+$/g, '').toLowerCase();
  if (!isIntent(candidate)) throw new KefuError('UNAVAILABLE', 'llm answer names no known intent');
  return candidate === 'unknown' ? null : candidate;
}
