/**
 * Optional semantic re-ranking of FAQ hits, off unless `KEFU_EMBEDDINGS_URL` is set. The lexical
 * index (faq-index.ts) still finds the candidates and owns the bands; this module only moves its
 * top few by the cosine similarity of embeddings from an OpenAI-compatible `POST {url}/embeddings`.
 * Entry embeddings are cached by text, so a steady shop costs one call per question (the query).
 *
 * A strict timeout bounds each call. On timeout, HTTP error or an unusable answer the lexical order
 * stands, silently for the buyer, and the fallback is counted (`onFallback`, wired to
 * `kefu_faq_embeddings_fallback_total{reason}`).
 */
import { Counter, type Registry } from 'prom-client';
import { KefuError } from '../protocol/errors.ts';
import { phrasingsOf, type FaqHit } from './faq-index.ts';
import { MAX_INPUT_CHARS, openAiCompatiblePost, type OpenAiCompatibleOptions } from './openai-http.ts';

export interface EmbeddingsClient {
  /** One vector per text, in order. Throws on any failure. */
  embed(texts: readonly string[], signal?: AbortSignal): Promise<number[][]>;
}

/** Base URL, model, key, timeout: `/embeddings` is appended to the URL. */
export type EmbeddingsClientOptions = OpenAiCompatibleOptions;

const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export function createEmbeddingsClient(opts: EmbeddingsClientOptions): EmbeddingsClient {
  const post = openAiCompatiblePost('embeddings', opts, '/embeddings', MAX_RESPONSE_BYTES);
  return {
    async embed(texts, signal) {
      const body = await post({ model: opts.model, input: texts.map((t) => t.slice(0, MAX_INPUT_CHARS)) }, signal);
      return parseEmbeddings(body, texts.length);
    },
  };
}

/** The vectors of an `/embeddings` answer, ordered by `index`; throws when they are not usable. */
export function parseEmbeddings(body: string, expected: number): number[][] {
  let data: unknown;
  try {
    data = (JSON.parse(body) as { data?: unknown }).data;
  } catch {
    throw new KefuError('UNAVAILABLE', 'embeddings answer is not JSON');
  }
  if (!Array.isArray(data) || data.length !== expected) throw new KefuError('UNAVAILABLE', 'embeddings answer has the wrong number of vectors');
  const rows = (data as { index?: unknown; embedding?: unknown }[]).map((d, i) => ({ index: typeof d?.index === 'number' ? d.index : i, v: d?.embedding }));
  rows.sort((a, b) => a.index - b.index);
  const dim = Array.isArray(rows[0]?.v) ? (rows[0].v as unknown[]).length : 0;
  return rows.map(({ v }) => {
    if (!Array.isArray(v) || v.length === 0 || v.length !== dim || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      throw new KefuError('UNAVAILABLE', 'embeddings answer has a malformed vector');
    }
    return v as number[];
  });
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

export type EmbeddingsFallbackReason = 'timeout' | 'error';

export interface RerankerOptions {
  readonly client: EmbeddingsClient;
  /** How far the similarity, relative to the other candidates, moves a confidence, in log-odds; default 6 (a cosine 0.1 above the candidates' mean: +0.6). */
  readonly weight?: number;
  /** Entry embeddings kept (by text); default 20,000. */
  readonly cacheMax?: number;
  /** Called once per call that fell back to the lexical order. */
  readonly onFallback?: (reason: EmbeddingsFallbackReason) => void;
}

/**
 * Moves each hit's confidence by how much more (or less) similar its entry is to the query than
 * the candidates' average: a candidate the model finds clearly closer overtakes a lexical
 * neighbour, while the confidence stays a probability (it moves in log-odds), so the index's bands
 * keep their meaning.
 */
export class EmbeddingReranker {
  readonly #opts: RerankerOptions;
  readonly #cache = new Map<string, number[]>();

  constructor(opts: RerankerOptions) {
    this.#opts = opts;
  }

  async rerank(query: string, hits: readonly FaqHit[], signal?: AbortSignal): Promise<FaqHit[]> {
    if (hits.length < 2) return [...hits];
    try {
      const texts = hits.map((h) => entryText(h));
      const missing = [...new Set(texts.filter((t) => !this.#cache.has(t)))];
      const vectors = await this.#opts.client.embed([query, ...missing], signal);
      missing.forEach((t, i) => this.#remember(t, vectors[i + 1]!));
      const q = vectors[0]!;
      const sims = texts.map((t) => cosine(q, this.#cache.get(t)!));
      const mean = sims.reduce((a, b) => a + b, 0) / sims.length;
      const w = this.#opts.weight ?? 6;
      return hits
        .map((h, i) => ({ ...h, confidence: Math.round(shiftLogOdds(h.confidence, w * (sims[i]! - mean)) * 1000) / 1000 }))
        .sort((a, b) => b.confidence - a.confidence || b.score - a.score);
    } catch (e) {
      const name = (e as Error)?.name;
      this.#opts.onFallback?.(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'error');
      return [...hits];
    }
  }

  #remember(text: string, v: number[]): void {
    if (this.#cache.size >= (this.#opts.cacheMax ?? 20_000)) this.#cache.clear();
    this.#cache.set(text, v);
  }
}

function shiftLogOdds(p: number, by: number): number {
  const q = Math.min(0.999, Math.max(0.001, p));
  return 1 / (1 + Math.exp(-(Math.log(q / (1 - q)) + by)));
}

/** What an entry is about, for its embedding: the question and its alternates. */
function entryText(h: FaqHit): string {
  return phrasingsOf(h.entry).join('\n');
}

export const EMBEDDINGS_FALLBACK_METRIC = 'kefu_faq_embeddings_fallback_total';

/** The re-ranker as kefu runs it: an HTTP client and its fallbacks counted in `registry`. */
export function createEmbeddingReranker(opts: EmbeddingsClientOptions, registry: Registry): EmbeddingReranker {
  const counter =
    (registry.getSingleMetric(EMBEDDINGS_FALLBACK_METRIC) as Counter<'reason'> | undefined) ??
    new Counter({ name: EMBEDDINGS_FALLBACK_METRIC, help: 'FAQ searches that kept the lexical order because the embeddings API timed out or failed.', labelNames: ['reason'], registers: [registry] });
  return new EmbeddingReranker({ client: createEmbeddingsClient(opts), onFallback: (reason) => counter.inc({ reason }) });
}
