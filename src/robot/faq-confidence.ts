/**
 * How sure the FAQ index is that a candidate entry answers a query: a logistic regression over a
 * few features of the (query, candidate) pair, fitted offline on the TRAIN split of the FAQ sets
 * by src/robot/eval/faq-fit.ts, every set (shop) weighing the same, and shipped as data
 * (`faq-confidence.json`): a new shop is what it must serve, and the sets with the most TRAIN
 * pairs had set the weights for all (src/robot/eval/faq-balance.ts measures it shop by shop). The lexical score
 * ranks well but is a poor probability: a near miss that shares the product and not the question
 * ("冲锋衣有几个口袋" against "冲锋衣防水吗") scores like a paraphrase buried in a long message,
 * and a lexical score means less for an entry with alternates (the best of several phrasings).
 * The features look at the match from both sides and in context (the clause of a long message
 * the entry covers, the entry covered, the lead over the runner-up, a clashing kind of question,
 * another language, alternates, a buyer pointing at their own order).
 */
import { readFileSync } from 'node:fs';
import { KefuError } from '../protocol/errors.ts';

/**
 * The features, in the order of the model's weights. Every one is roughly 0..1. The set was
 * compared with others (the query's whole coverage, the most salient word missed, log coverages,
 * the entry's question alone, how many of its phrasings agree …) on the held-out log loss of TRAIN
 * and the thresholds' result on VALIDATION (docs/robot-evaluation.md); these are the ones kept.
 */
export const FAQ_FEATURES = [
  /** The lexical coverage score that ranks the candidates (both ways, rarity-weighted). */
  'lexical',
  /** Rarity-weighted share of the query's clause the entry covers best (phrasings fully, answer at a discount): a buried question is one clause of a long message. */
  'clauseCovered',
  /** Rarity-weighted share of the entry's best phrasing the query covers (a second matching phrasing adds a little). */
  'entryCovered',
  /** Share of the match that comes from the entry's answer only. */
  'answerOnly',
  /** Both ask a kind of question (when, where, how, how much, how many) and not the same kind. */
  'questionTypeConflict',
  /** The entry's best phrasing is in another language than the query. */
  'otherLanguage',
  /** Lexical lead over the best other candidate (negative when behind). */
  'margin',
  /** The entry's alternate phrasings, a quarter each, at most 1: the best of several phrasings is covered more easily, by accident too. */
  'alternates',
  /** lexical × alternates: for an entry with alternates, the lexical score (which credits a second matching phrasing) tells more. */
  'lexicalWithAlternates',
  /** The query points at the buyer's own order, parcel or refund ("where is my parcel"): their data, not the FAQ. */
  'ownOrder',
  /** The query asks the agent about themselves ("what size are you", "你多大了"): a person's size or age, not a product's. */
  'personal',
  /** Rarity-weighted share of the topics (lexicon concepts, not question types, weak concepts or objects) of the query's best-covered clause that the entry does not name: a near miss asks about a topic the entry lacks ("冲锋衣有几个口袋" against "冲锋衣防水吗"). */
  'topicMissed',
] as const;

export type FaqFeature = (typeof FAQ_FEATURES)[number];

/**
 * The direction each feature must push the confidence (0: either way). A feature the TRAIN fit
 * would give the other sign is held at 0 and the rest refitted (faq-fit.ts): that sign would be a
 * quirk of the training queries, not evidence.
 */
export const FAQ_FEATURE_SIGNS: Readonly<Record<FaqFeature, -1 | 0 | 1>> = {
  lexical: 1,
  clauseCovered: 1,
  entryCovered: 1,
  answerOnly: 0,
  questionTypeConflict: -1,
  otherLanguage: -1,
  margin: 1,
  alternates: 0,
  // Free since four shops' TRAIN gave it a small negative weight next to `alternates` (docs/robot-evaluation.md, part 5).
  lexicalWithAlternates: 0,
  ownOrder: -1,
  personal: -1,
  topicMissed: -1,
};
export type FaqFeatures = Readonly<Record<FaqFeature, number>>;

export interface FaqConfidenceModel {
  readonly features: readonly string[];
  readonly bias: number;
  readonly weights: readonly number[];
  /** The L2 penalty it was fitted with (faq-fit.ts), so a test can refit it. */
  readonly lambda?: number;
}

/** Probability (0..1) that the candidate is the entry the query asks for. */
export function faqProbability(model: FaqConfidenceModel, f: FaqFeatures): number {
  let z = model.bias;
  for (let i = 0; i < FAQ_FEATURES.length; i++) z += model.weights[i]! * f[FAQ_FEATURES[i]!];
  return 1 / (1 + Math.exp(-z));
}

/** Refuses a model fitted for other features than this code computes. */
export function checkFaqModel(m: FaqConfidenceModel): FaqConfidenceModel {
  const ok =
    m &&
    Array.isArray(m.features) &&
    m.features.length === FAQ_FEATURES.length &&
    m.features.every((f, i) => f === FAQ_FEATURES[i]) &&
    Array.isArray(m.weights) &&
    m.weights.length === FAQ_FEATURES.length &&
    [m.bias, ...m.weights].every((w) => typeof w === 'number' && Number.isFinite(w));
  if (!ok) throw new KefuError('BAD_REQUEST', `faq confidence model must have finite weights for ${FAQ_FEATURES.join(', ')}`);
  return m;
}

let shipped: FaqConfidenceModel | undefined;

/** The model of faq-confidence.json, read once per process. */
export function defaultFaqModel(): FaqConfidenceModel {
  shipped ??= checkFaqModel(JSON.parse(readFileSync(new URL('./faq-confidence.json', import.meta.url), 'utf8')) as FaqConfidenceModel);
  return shipped;
}
