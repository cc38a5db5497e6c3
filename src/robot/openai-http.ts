/**
 * One POST to an OpenAI-compatible server (the LLM fallback in llm.ts, the embeddings re-ranker
 * in embeddings.ts): the options checked once, a strict timeout joined with the caller's signal,
 * and the answer read with a size cap. Every failure of the server is UNAVAILABLE.
 */
import { KefuError } from '../protocol/errors.ts';

export interface OpenAiCompatibleOptions {
  /** Base URL, e.g. `https://api.example.com/v1`; the endpoint's path is appended. */
  readonly url: string;
  readonly model: string;
  readonly apiKey?: string;
  readonly timeoutMs: number;
  /** For tests and proxies; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

/** Longest text sent for one input: a buyer's question, an FAQ entry. */
export const MAX_INPUT_CHARS = 500;

/**
 * Checks `opts` (BAD_REQUEST naming `name`, e.g. `llm url must be …`) and returns a function that
 * POSTs a JSON body to `{url}{path}` and resolves with the answer's text.
 */
export function openAiCompatiblePost(name: string, opts: OpenAiCompatibleOptions, path: string, maxResponseBytes: number): (body: object, signal?: AbortSignal) => Promise<string> {
  let base: URL;
  try {
    base = new URL(opts.url);
  } catch {
    throw new KefuError('BAD_REQUEST', `${name} url must be an absolute http(s) URL`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new KefuError('BAD_REQUEST', `${name} url must be an absolute http(s) URL`);
  if (typeof opts.model !== 'string' || !opts.model) throw new KefuError('BAD_REQUEST', `${name} model must be a non-empty string`);
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0 || opts.timeoutMs > 60_000) throw new KefuError('BAD_REQUEST', `${name} timeoutMs must be between 1 and 60000`);
  const endpoint = `${opts.url.replace(/\/+$/, '')}${path}`;
  const doFetch = opts.fetch ?? fetch;
  return async (body, signal) => {
    const timeout = AbortSignal.timeout(opts.timeoutMs);
    const res = await doFetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}) },
      body: JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const buf = await res.arrayBuffer();
    if (!res.ok) throw new KefuError('UNAVAILABLE', `${name} answered HTTP ${res.status}`);
    if (buf.byteLength > maxResponseBytes) throw new KefuError('UNAVAILABLE', `${name} answer too large`);
    return new TextDecoder().decode(buf);
  };
}
