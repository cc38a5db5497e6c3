/**
 * The robot: answers buyers first, from their own orders, logistics and after-sales, and from the
 * shop's FAQ; hands over to a human when asked, on a complaint, or after two turns it could not
 * understand. See robot.ts for the service, dialogue.ts for the conversation rules.
 */
export { createNluThread, NLU_THREAD_MODES, type NluThread, type NluThreadMode } from './nlu/thread.ts';
export { safetyOf, warmDangerModel, type SafetyKind } from './safety.ts';
export { warmStartCaches } from './warm-caches.ts';
export { createRobot, type Robot, type RobotOptions, type AnswerRequest, type RobotAnswer, type AnswerTimings } from './robot.ts';
export {
  step,
  plan,
  logisticsTargets,
  initialState,
  parseState,
  MAX_FAILURES,
  type DialogueState,
  type TurnInput,
  type TurnData,
  type Lookup,
  type Plan,
  type StepResult,
} from './dialogue.ts';
export { FaqIndex, DEFAULT_FAQ_THRESHOLD, DEFAULT_CLARIFY_THRESHOLD, type FaqEntry, type FaqHit, type FaqIndexOptions, type FaqBand, type FaqLookup } from './faq-index.ts';
export { createEmbeddingsClient, createEmbeddingReranker, EMBEDDINGS_FALLBACK_METRIC, EmbeddingReranker, type EmbeddingsClient, type EmbeddingsClientOptions, type EmbeddingsFallbackReason } from './embeddings.ts';
export { FaqIndexProvider, serviceHours, warmUpFaq, type FaqProvider, type FaqIndexProviderOptions } from './faq-provider.ts';
export { createCanary, routingDigit, ANSWERS_METRIC, SECONDS_METRIC, type Canary, type CanaryConfig, type CanaryOptions } from './canary.ts';
export { createCanaryControl, canaryConfigSchema, type CanaryControl, type CanaryView } from './canary-control.ts';
export { BotResponder, BOT_SENDER, type QueuedAnswering, type RobotLike, type Taken, type TakenMessage } from './responder.ts';
export { createOpenAiCompatibleClient, type LlmClient, type OpenAiCompatibleOptions } from './llm.ts';
export { createNlu, createTokenizer, type Nlu, type Tokenizer } from './nlu/index.ts';
export { couldNotAnswer } from './replies.ts';
export { maskPhone, maskName, ORDER_STATUS } from './cards.ts';
export {
  INTENTS,
  type Intent,
  type Lang,
  type Entity,
  type Understanding,
  type Reply,
  type Card,
  type OrderCard,
  type LogisticsCard,
  type AftersaleCard,
  type ChoiceCard,
  type Handover,
  type HandoverReason,
  type LookupName,
} from './types.ts';
export { isTimeZone, zoneOffsetMinutes } from './time-zone.ts';
export { inHant, inScriptOf, inScriptOfTexts, TAIWAN_ZONE, toTraditional } from './traditional.ts';
export { conceptsOf, foldTraditional } from './lexicon/index.ts';
export { chineseScript, detectLanguage, scriptByCharacters } from './nlu/normalize.ts';
