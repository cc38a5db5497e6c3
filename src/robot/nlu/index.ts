/** Understanding buyer messages: normalisation, tokenisation, intents, entities, language. */
export { createNlu, trainIntentModel, withdrawsHandover, declinesPerson, MAX_UTTERANCE, type Nlu, type NluOptions } from './understand.ts';
export { normalize, detectLanguage, chineseScript, scriptByCharacters, readsSpanish, standInsOnly, type Normalized, type LanguageGuess } from './normalize.ts';
export { createTokenizer, defaultTokenizer, loadDefaultJieba, type Tokenizer, type TokenizerOptions, type JiebaLike } from './tokenizer.ts';
export { extractEntities, type EntityOptions } from './entities.ts';
export { IntentClassifier, CHOOSE_MIN, GUESS_MIN, type Classification, type ClassifierOptions } from './classifier.ts';
export { featuresOf } from './features.ts';
export { SoftmaxRegression, type IntentModel } from './intent-model.ts';
export { LEXICON, NEGATORS } from './lexicon.ts';
export { readCorpus, trainingUtterances, type LabelledUtterance } from './corpus.ts';
