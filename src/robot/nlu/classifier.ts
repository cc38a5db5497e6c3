/**
 * The intent classifier: a linear model over hand-weighted cue features (see lexicon.ts), with
 * negation scope and priority rules, evaluated with one Aho-Corasick pass over the scan text
 * (substrings.ts),
 * plus the posterior of a logistic-regression model trained on the corpus TRAIN split
 * (intent-model.ts) as one more weighted feature per intent.
 * Scoring is presence-based: a cue counts once however often it is repeated, so "退款退款退款"
 * is no more a refund question than "退款".
 */
import type { Intent } from '../types.ts';
import type { IntentModel } from './intent-model.ts';
import { LEXICON, NEGATORS, OVERRIDES, WEAK_INTENTS, type Cue, type ScoredIntent } from './lexicon.ts';
import { Substrings } from './substrings.ts';

export interface Classification {
  readonly intent: Intent;
  readonly confidence: number;
  readonly guess?: Intent;
  /** Score per intent that had any evidence; for evaluation and debugging. */
  readonly scores: Readonly<Partial<Record<Intent, number>>>;
}

/** Evidence an intent needs to be chosen; below it, from GUESS_MIN up, the robot asks to confirm. */
export const CHOOSE_MIN = 0.8;
/** Evidence an intent needs from outside the trained model (cues, anger, shop topics) to be chosen. */
export const MIN_OWN_EVIDENCE = 0.3;
export const GUESS_MIN = 0.5;
/**
 * A guess the trained model makes without a cue of the intent (a posterior of 0.4 at weight 2):
 * "so long", "保温杯那个" are not guesses. Chosen by the held-out TRAIN misses among 0.5 to 1.1
 * (docs/robot-evaluation.md, part 9).
 */
export const MODEL_ONLY_GUESS_MIN = 0.8;
/**
 * How much a long message's question clause counts again (ClassifierInput.focus). Chosen by 5-fold
 * cross-validation of the model on TRAIN among 0.3, 0.5 and 0.7 (docs/robot-evaluation.md, part 9).
 */
export const FOCUS_WEIGHT = 0.5;
const ANGRY_WEIGHT = 0.6;
/** How far back a negator reaches, in characters: a few for Chinese, about two words for English. */
const NEGATION_REACH_ZH = 1;
const NEGATION_REACH_EN = 14;

interface Term {
  /** Index into `cues` for plain cues, or the combos that use this part. */
  readonly kind: 'cue' | 'part' | 'neg';
  readonly ref: number;
}

interface CompiledCue {
  readonly intent: number;
  readonly weight: number;
  /** Part ids (into `parts`) for `a+b` cues; empty for plain cues. */
  readonly parts: readonly number[];
  readonly english: boolean;
}

export interface ClassifierInput {
  readonly scan: string;
  readonly angry?: number;
  /** Word and bigram features for the trained model (features.ts `featuresOf`). */
  readonly features?: readonly string[];
  /** Evidence found outside the cues (the shop topics of understand.ts), added only when the rest leaves the intent unknown. */
  readonly extra?: Readonly<Partial<Record<Intent, number>>>;
  /** A long message's question clause (understand.ts): its evidence counts again, at FOCUS_WEIGHT. */
  readonly focus?: { readonly scan: string; readonly features: readonly string[] };
}

export interface ClassifierOptions {
  readonly lexicon?: Readonly<Record<ScoredIntent, readonly Cue[]>>;
  readonly negators?: readonly string[];
  readonly model?: IntentModel;
  /** Weight of the model's posterior (0..1) against the cue scores. */
  readonly modelWeight?: number;
}

/**
 * A sure posterior (1.0) weighs as much as two strong cues. Chosen on VALIDATION among 0.5 to 4
 * (docs/robot-evaluation.md, part 9): 0.9 suited the naive-Bayes model this one replaced.
 */
export const DEFAULT_MODEL_WEIGHT = 2;

export class IntentClassifier {
  readonly #intents: ScoredIntent[];
  readonly #cues: CompiledCue[] = [];
  /** The `a+b` cues alone: every scan checks them, and they are a seventh of the cues. */
  readonly #combos: CompiledCue[] = [];
  readonly #parts: string[] = [];
  readonly #matcher: Substrings;
  /** Per distinct pattern of the matcher: what it is (a string can be a cue of two intents, and a part). */
  readonly #terms: readonly (readonly Term[])[];
  readonly #model: IntentModel | undefined;
  /** For each model label, the intent index it feeds (-1 for `unknown`). */
  readonly #modelMap: Int32Array;
  readonly #modelWeight: number;

  constructor(opts: ClassifierOptions = {}) {
    const lexicon = opts.lexicon ?? LEXICON;
    const negators = opts.negators ?? NEGATORS;
    this.#intents = Object.keys(lexicon) as ScoredIntent[];
    this.#model = opts.model;
    this.#modelWeight = opts.modelWeight ?? DEFAULT_MODEL_WEIGHT;
    this.#modelMap = Int32Array.from(opts.model?.labels ?? [], (l) => this.#intents.indexOf(l as ScoredIntent));
    const patterns: { pattern: string; data: Term }[] = [];
    const partIds = new Map<string, number>();
    this.#intents.forEach((intent, ii) => {
      for (const [pattern, weight] of lexicon[intent]) {
        if (!pattern || !Number.isFinite(weight)) throw new TypeError(`bad cue for ${intent}: ${JSON.stringify(pattern)}`);
        const ci = this.#cues.length;
        const split = pattern.split('+');
        if (split.length === 1) {
          this.#cues.push({ intent: ii, weight, parts: [], english: pattern.startsWith(' ') });
          patterns.push({ pattern, data: { kind: 'cue', ref: ci } });
          continue;
        }
        const parts = split.map((p, k) => {
          // The leading space of an English combo belongs to every part.
          const part = k > 0 && pattern.startsWith(' ') && !p.startsWith(' ') ? ` ${p}` : p;
          let id = partIds.get(part);
          if (id === undefined) {
            id = this.#parts.length;
            this.#parts.push(part);
            partIds.set(part, id);
            patterns.push({ pattern: part, data: { kind: 'part', ref: id } });
          }
          return id;
        });
        const combo = { intent: ii, weight, parts, english: pattern.startsWith(' ') };
        this.#cues.push(combo);
        this.#combos.push(combo);
      }
    });
    negators.forEach((n, i) => patterns.push({ pattern: n, data: { kind: 'neg', ref: i } }));
    const index = new Map<string, Term[]>();
    for (const { pattern, data } of patterns) {
      const terms = index.get(pattern);
      if (terms) terms.push(data);
      else index.set(pattern, [data]);
    }
    this.#matcher = new Substrings([...index.keys()]);
    this.#terms = [...index.values()];
  }

  classify(input: ClassifierInput): Classification {
    const own = this.#cueScores(input.scan);
    const complaint = this.#intents.indexOf('complaint');
    if (input.angry) own[complaint]! += ANGRY_WEIGHT * Math.min(2, input.angry);
    const scores = Float64Array.from(own);
    this.#addModel(scores, input.features, 1);
    if (input.focus) {
      const focusOwn = this.#cueScores(input.focus.scan);
      for (let i = 0; i < own.length; i++) {
        own[i]! += FOCUS_WEIGHT * focusOwn[i]!;
        scores[i]! += FOCUS_WEIGHT * focusOwn[i]!;
      }
      this.#addModel(scores, input.focus.features, FOCUS_WEIGHT);
    }
    const decided = this.#decide(scores, own);
    if (decided.intent !== 'unknown' || !input.extra) return decided;
    // Outside evidence decides only what the cues and the model left undecided.
    for (const [intent, v] of Object.entries(input.extra)) {
      const i = this.#intents.indexOf(intent as ScoredIntent);
      if (i >= 0) {
        scores[i]! += v;
        own[i]! += v;
      }
    }
    return this.#decide(scores, own);
  }

  #addModel(scores: Float64Array, features: readonly string[] | undefined, share: number): void {
    if (!this.#model || !features) return;
    const p = this.#model.posterior(features);
    for (let i = 0; i < p.length; i++) {
      const target = this.#modelMap[i]!;
      if (target >= 0) scores[target]! += share * this.#modelWeight * p[i]!;
    }
  }

  /** The cues' evidence for one intent in a scan text. */
  evidence(scan: string, intent: ScoredIntent): number {
    const i = this.#intents.indexOf(intent);
    return i < 0 ? 0 : this.#cueScores(scan)[i]!;
  }

  /** Evidence per intent from the cues alone: each cue once, negated ones not, `a+b` when both parts occur. */
  #cueScores(scan: string): Float64Array {
    const m = this.#matcher;
    const hits = m.scan(scan);
    const negEnds: number[] = [];
    const negStarts: number[] = [];
    for (let h = 0; h < hits; h++) {
      for (const t of this.#terms[m.pattern(h)]!) {
        if (t.kind !== 'neg') continue;
        negStarts.push(m.start(h));
        negEnds.push(m.end(h));
      }
    }
    const cueSeen = new Uint8Array(this.#cues.length);
    const partSeen = new Uint8Array(this.#parts.length);
    const scores = new Float64Array(this.#intents.length);
    for (let h = 0; h < hits; h++) {
      for (const t of this.#terms[m.pattern(h)]!) {
        if (t.kind === 'part') partSeen[t.ref] = 1;
        if (t.kind !== 'cue' || cueSeen[t.ref]) continue;
        const cue = this.#cues[t.ref]!;
        if (this.#negated(scan, m.start(h), cue.english, negStarts, negEnds)) continue;
        cueSeen[t.ref] = 1;
        scores[cue.intent]! += cue.weight;
      }
    }
    combos: for (const cue of this.#combos) {
      for (const p of cue.parts) if (!partSeen[p]) continue combos;
      scores[cue.intent]! += cue.weight;
    }
    return scores;
  }

  #negated(scan: string, start: number, english: boolean, negStarts: number[], negEnds: number[]): boolean {
    const reach = english ? NEGATION_REACH_EN : NEGATION_REACH_ZH;
    for (let i = 0; i < negEnds.length; i++) {
      const end = negEnds[i]!;
      // A cue that begins with the negator ("不要了", "不用了") is a cue of its own.
      if (negStarts[i]! >= start || end > start + (english ? 1 : 0)) continue;
      if (start - end > reach) continue;
      if (scan.slice(end, start).includes('|')) continue;
      // "是不是发货了", "要不要转人工": an A-not-A question, not a negation.
      const ns = negStarts[i]!;
      if (scan[ns] === '不' && ns > 0 && scan[ns - 1] === scan[ns + 1]) continue;
      return true;
    }
    return false;
  }

  /**
   * `own`: the evidence that is not the trained model's (cues, anger, shop topics). The model tips a
   * decision but never makes one alone: an intent is chosen only with some evidence of its own.
   */
  #decide(scores: Float64Array, own: Float64Array): Classification {
    const mine = (intent: ScoredIntent) => own[this.#intents.indexOf(intent)]! >= MIN_OWN_EVIDENCE;
    const named: Partial<Record<Intent, number>> = {};
    this.#intents.forEach((intent, i) => {
      if (scores[i]! > 0) named[intent] = Math.round(scores[i]! * 100) / 100;
    });
    for (const o of OVERRIDES) {
      const s = named[o.intent] ?? 0;
      if (s >= o.min && mine(o.intent)) return { intent: o.intent, confidence: confidenceOf(s, secondBest(named, o.intent)), scores: named };
    }
    let best: ScoredIntent | undefined;
    let bestWeak: ScoredIntent | undefined;
    for (const intent of this.#intents) {
      const s = named[intent] ?? 0;
      if (WEAK_INTENTS.has(intent)) {
        if (s > (named[bestWeak!] ?? 0)) bestWeak = intent;
      } else if (s > (named[best!] ?? 0)) best = intent;
    }
    const sBest = best ? named[best]! : 0;
    if (best && sBest >= CHOOSE_MIN && mine(best)) return { intent: best, confidence: confidenceOf(sBest, secondBest(named, best)), scores: named };
    const sWeak = bestWeak ? named[bestWeak]! : 0;
    if (bestWeak && sWeak >= CHOOSE_MIN && mine(bestWeak)) return { intent: bestWeak, confidence: confidenceOf(sWeak, secondBest(named, bestWeak)), scores: named };
    const top = sBest >= sWeak ? best : bestWeak;
    const sTop = Math.max(sBest, sWeak);
    const alone = top !== undefined && own[this.#intents.indexOf(top)]! <= 0;
    // "您是想投诉吗？" needs something said against the shop: the model alone leans to a complaint on
    // "我要" ("我要冰糖雪梨" was asked whether it was one: found in a check of npm start).
    if (top && sTop >= (alone ? MODEL_ONLY_GUESS_MIN : GUESS_MIN) && !(alone && top === 'complaint')) return { intent: 'unknown', confidence: 0, guess: top, scores: named };
    return { intent: 'unknown', confidence: 0, scores: named };
  }
}

function secondBest(scores: Partial<Record<Intent, number>>, except: Intent): number {
  let s = 0;
  for (const [k, v] of Object.entries(scores)) if (k !== except && v! > s) s = v!;
  return s;
}

/** High when the winner has plenty of evidence and a clear lead. */
function confidenceOf(best: number, second: number): number {
  const strength = Math.min(1, best / 2);
  const lead = best > 0 ? Math.max(0, (best - second) / best) : 0;
  return Math.round((0.5 * strength + 0.5 * lead) * 100) / 100;
}
