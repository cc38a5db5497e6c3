import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { FaqIndex, FaqIndexProvider, type FaqEntry } from '../../src/robot/index.ts';
import { DEFAULT_CLARIFY_THRESHOLD } from '../../src/robot/faq-index.ts';
import { createEmbeddingReranker, createEmbeddingsClient, EmbeddingReranker, parseEmbeddings, EMBEDDINGS_FALLBACK_METRIC } from '../../src/robot/embeddings.ts';
import { buildLexicon, defaultLexicon } from '../../src/robot/lexicon/index.ts';
import { chooseFaqThresholds, faqScoresAt, MAX_FALSE_ANSWERS, readFaqSets, scoreFaqSplit } from '../../src/robot/eval/evaluate.ts';
import { KefuError } from '../../src/protocol/errors.ts';

// A shop as shops add entries over REST: a question and an answer, no alternates.
const shop: FaqEntry[] = [
  { id: 'postage', question: 'What is the postage?', answer: 'Orders over $50 go out at no cost; below that it is $5.' },
  { id: 'returns', question: 'Can I send an item back?', answer: 'Within 30 days, unused, with tags.' },
  { id: 'zh-fee', question: '运费怎么算？', answer: '满 99 元包邮，不满收 8 元。' },
  { id: 'zh-invoice', question: '可以开发票吗？', answer: '可以开电子普通发票。' },
  { id: 'zh-return-fee', question: '退货的运费谁出？', answer: '退货的运费我们出。' },
  { id: 'zh-exchange-fee', question: '换货的运费谁出？', answer: '换货的运费我们出。' },
];

describe('FAQ ranking with the synonym lexicon', () => {
  test('a paraphrase that shares no word with its entry is found through the lexicon, and only through it', () => {
    const index = new FaqIndex(shop);
    const bare = new FaqIndex(shop, { lexicon: buildLexicon([]) });
    // Found: the first of the candidates, answered or offered ("did you mean …?"): whether it is
    // answered outright depends on the confidence model refitted with every new shop.
    const first = (i: FaqIndex, q: string) => i.rank(q, 1)[0];
    for (const [q, id] of [
      ['how much is the delivery charge', 'postage'],
      ['may I return it', 'returns'],
      ['邮费多少', 'zh-fee'],
      ['能开票吗', 'zh-invoice'],
    ] as const) {
      assert.equal(first(index, q)?.entry.id, id, q);
      assert.ok((first(index, q)?.confidence ?? 0) >= DEFAULT_CLARIFY_THRESHOLD, `${q}: at least offered`);
      assert.ok(first(bare, q)?.entry.id !== id || (first(bare, q)?.confidence ?? 0) < DEFAULT_CLARIFY_THRESHOLD, `${q}: found without the lexicon, so the test proves nothing`);
    }
    // Traditional characters fold to simplified before the lexicon sees them.
    assert.equal(index.search('郵費多少')?.entry.id, 'zh-fee');
  });

  test('off-topic questions are not answered from the FAQ', () => {
    const index = new FaqIndex(shop);
    for (const q of ['what is the weather like today', 'tell me a joke', '你们老板叫什么', '今天天气怎么样', 'do you sell bicycles', '']) {
      const r = index.lookup(q);
      assert.notEqual(r.band, 'answer', q);
      assert.equal(r.hit, null, q);
    }
  });

  test('a question two entries could answer is clarified with both, best first', () => {
    const index = new FaqIndex(shop.filter((e) => e.id.startsWith('zh-')));
    const r = index.lookup('运费谁出');
    assert.equal(r.band, 'clarify');
    assert.equal(r.hit, null);
    assert.deepEqual(new Set(r.candidates.slice(0, 2).map((c) => c.entry.id)), new Set(['zh-return-fee', 'zh-exchange-fee']));
    assert.ok(r.candidates.length <= 3 && r.candidates[0]!.confidence >= r.candidates[1]!.confidence);
    assert.equal(index.search('运费谁出'), null, 'search answers only in the answer band');
    // The same question, once it says which: answered.
    assert.equal(index.lookup('退货的运费谁承担').band, 'answer');
  });

  test('bands follow the thresholds: answer above, clarify between, none below', () => {
    const q = '邮费多少';
    const c = new FaqIndex(shop, { threshold: 0 }).rank(q, 1)[0]!.confidence;
    assert.equal(new FaqIndex(shop, { threshold: c, clarifyThreshold: c / 2 }).lookup(q).band, 'answer');
    assert.equal(new FaqIndex(shop, { threshold: c + 0.01, clarifyThreshold: c / 2 }).lookup(q).band, 'clarify');
    assert.equal(new FaqIndex(shop, { threshold: c + 0.02, clarifyThreshold: c + 0.01 }).lookup(q).band, 'none');
  });

  test('English typos are corrected against the shop and the lexicon, short real words are not', () => {
    const index = new FaqIndex(shop);
    assert.equal(index.search('whats the postgae')?.entry.id, 'postage');
    assert.equal(index.search('whats the postge')?.entry.id, 'postage');
    assert.equal(index.search('can i retun it')?.entry.id, 'returns');
    // Against the lexicon a changed letter is not corrected: "weather" is not "leather".
    const clothes = new FaqIndex([{ id: 'leather', question: 'Is the jacket real leather?', answer: 'Yes, full-grain.' }], { lexicon: buildLexicon([{ material: ['leather'] }]) });
    assert.equal(clothes.rank('what is the weather like', 1).length, 0);
    // "stove" is one letter from "store", but it is a word of its own.
    const stores = new FaqIndex([{ id: 'store', question: 'Do you have a store in Seattle?', answer: 'Yes, on Harbour Road.' }]);
    assert.equal(stores.search('can I take the stove on a plane'), null);
  });

  test('the lexicon is data: every group has words, ids are shared by both languages, and no phrase is in two groups of one file', async () => {
    const { readSynonymFile } = await import('../../src/robot/lexicon/index.ts');
    const zh = readSynonymFile('./synonyms.zh.json');
    const en = readSynonymFile('./synonyms.en.json');
    const groups = (f: typeof zh) => Object.entries(f).filter(([k]) => !k.startsWith('_'));
    assert.ok(groups(zh).length >= 200 && groups(en).length >= 200, 'a few hundred groups');
    const shared = groups(zh).filter(([k]) => k in en).length;
    assert.ok(shared >= 150, `${shared} concept ids in both files`);
    assert.ok(defaultLexicon().groups >= 200);
    for (const f of [zh, en]) {
      for (const [, words] of groups(f)) assert.ok(Array.isArray(words) && words.length > 0);
    }
  });

  // The time per answer (target: p99 < 1 ms) is measured by bench/robot.ts and reported in docs/benchmarks.md,
  // not asserted here: a wall-clock threshold failed for the unchanged code whenever the machine ran slow.
});

describe('what the lexicon folds, and what it keeps apart', () => {
  const ix = new FaqIndex([
    { id: 'shade', question: '粉底液色号怎么选？', answer: '黄皮选自然色，白皮选象牙白。' },
    { id: 'hours', question: 'What are your customer service hours?', answer: 'Agents answer 9am to 9pm every day.' },
    { id: 'zh-hours', question: '客服几点上班？', answer: '每天9点到21点。' },
  ]);
  test("siblings of one object concept are not one thing: lipstick is not foundation, though both are 'cosmetics'", () => {
    const sibling = ix.explain('这个口红显白吗', 1)[0]!;
    const paraphrase = ix.explain('粉底哪个色号显白', 1)[0]!;
    assert.equal(sibling.entry.id, 'shade');
    assert.equal(paraphrase.entry.id, 'shade');
    // The object's own words are terms (粉底 meets 粉底液 by its bigram; 口红 does not).
    assert.equal(paraphrase.features.clauseCovered, 1);
    assert.ok(sibling.features.clauseCovered < 0.9, `sibling covered ${sibling.features.clauseCovered}`);
    assert.ok(ix.rank('这个口红显白吗', 1)[0]!.confidence < ix.rank('粉底哪个色号显白', 1)[0]!.confidence);
  });

  test('"are you a bot?" is no customer-service question; asking when service answers still is', () => {
    for (const q of ['are you a robot', '你是机器人吗', 'is this a bot']) assert.deepEqual(ix.rank(q, 1), [], q);
    assert.equal(ix.rank('when can I talk to customer service', 1)[0]?.entry.id, 'hours');
    assert.equal(ix.rank('客服什么时候在', 1)[0]?.entry.id, 'zh-hours');
  });
});

describe('FAQ thresholds chosen on the validation split', () => {
  test('the shipped defaults are the ones chosen on VALIDATION, where at most 2% of off-topic questions is answered (on TRAIN too)', async () => {
    const { DEFAULT_FAQ_THRESHOLD, DEFAULT_CLARIFY_THRESHOLD } = await import('../../src/robot/faq-index.ts');
    const choice = chooseFaqThresholds(scoreFaqSplit('validation'), MAX_FALSE_ANSWERS, scoreFaqSplit('train'));
    assert.equal(choice.threshold, DEFAULT_FAQ_THRESHOLD);
    assert.equal(choice.clarifyThreshold, DEFAULT_CLARIFY_THRESHOLD);
    assert.ok(choice.falseAnswerRate <= MAX_FALSE_ANSWERS);
    // The threshold keeps TRAIN's off-topic questions within the bound as well.
    const trainScored = scoreFaqSplit('train');
    const train = faqScoresAt(trainScored, choice.threshold, choice.clarifyThreshold);
    const offTopic = trainScored.filter((s) => s.expect === null).length;
    assert.ok(train.falseAnswerRate <= MAX_FALSE_ANSWERS, `off-topic TRAIN questions answered: ${train.falseAnswerRate} of ${offTopic}`);
    // Per shop: the demo shop's entries have alternates; the outdoor and beauty shops' do not, and
    // the beauty shop's words were the lexicon's newest. The grocery shop, written by others in
    // words the lexicon never saw, is answered far less often (docs/robot-evaluation.md). Since the
    // bikes, books and luggage shops (many near misses) joined the pools, the rule's threshold
    // answers every shop less often (part 11: outdoor 70% to 53%).
    for (const [set, min] of [['demo', 0.65], ['outdoor', 0.5], ['beauty', 0.25], ['grocery', 0.1], ['baby', 0.15], ['home', 0.15], ['electronics', 0.2], ['pets', 0.1], ['cars', 0.15], ['jewellery', 0.1], ['tea', 0.1], ['toys', 0.25], ['fashion', 0.15], ['bikes', 0.05], ['books', 0.1], ['luggage', 0.05]] as const) {
      const r = faqScoresAt(scoreFaqSplit('validation', readFaqSets().filter((s) => s.name === set)), choice.threshold, choice.clarifyThreshold);
      assert.ok(r.hitAt1 >= min, `${set}: validation hit@1 ${r.hitAt1}`);
    }
  });

  test('the evaluation sets: 30 entries mostly without alternates, 5+ paraphrases each, off-topic queries, two splits', () => {
    for (const name of ['outdoor', 'beauty']) {
      const set = readFaqSets().find((s) => s.name === name)!;
      assert.equal(set.entries.length, 30);
      assert.ok(set.entries.filter((e) => e.alternates?.length).length <= 3, `${name}: entries with alternates`);
      for (const e of set.entries) {
        const n = set.queries.filter((q) => q.expect === e.id).length;
        assert.ok(n >= 5, `${e.id}: ${n} paraphrases`);
      }
      assert.ok(set.queries.filter((q) => q.expect === null).length >= 40);
      const train = new Set(set.queries.filter((q) => q.split === 'train').map((q) => q.text));
      assert.deepEqual(set.queries.filter((q) => q.split === 'validation' && train.has(q.text)), []);
    }
  });

  test('the confidence model is fitted data for the features the index computes', async () => {
    const { FAQ_FEATURES, FAQ_FEATURE_SIGNS, defaultFaqModel, checkFaqModel } = await import('../../src/robot/faq-confidence.ts');
    const { trainingExamples, fitSigned } = await import('../../src/robot/eval/faq-fit.ts');
    const shipped = defaultFaqModel();
    assert.deepEqual(shipped.features, [...FAQ_FEATURES]);
    // The shipped coefficients are the TRAIN fit (node src/robot/eval/faq-fit.ts --write), not edited by hand.
    const refit = fitSigned(trainingExamples(), shipped.lambda!).w;
    // Every shipped weight has the sign FAQ_FEATURE_SIGNS allows (a feature TRAIN would turn around is held at 0).
    FAQ_FEATURES.forEach((f, i) => assert.ok(FAQ_FEATURE_SIGNS[f] * shipped.weights[i]! >= 0, `${f}: ${shipped.weights[i]}`));
    [shipped.bias, ...shipped.weights].forEach((w, i) => assert.ok(Math.abs(w - refit[i]!) < 1e-3, `${i ? FAQ_FEATURES[i - 1] : 'bias'}: ${w} vs ${refit[i]}`));
    assert.throws(() => checkFaqModel({ features: ['lexical'], bias: 0, weights: [1] }), KefuError);
    // A query that says everything an entry asks, and nothing else, is answered; null turns the model off.
    const entries: FaqEntry[] = [
      { id: 'fee', question: '运费怎么算？', answer: '满 99 包邮。' },
      { id: 'inv', question: '可以开发票吗？', answer: '可以。' },
    ];
    assert.equal(new FaqIndex(entries).lookup('运费怎么算').band, 'answer');
    const raw = new FaqIndex(entries, { model: null }).rank('运费怎么算', 1)[0]!;
    assert.equal(raw.confidence, raw.lexical);
  });
});

/** A fake OpenAI-compatible embeddings server: vectors from a lookup table, optionally slow or broken. */
async function fakeEmbeddings(behaviour: { delayMs?: number; status?: number; vectors: (text: string) => number[] }) {
  const seen: string[][] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { input } = JSON.parse(body) as { input: string[] };
      seen.push(input);
      const reply = () => {
        if (behaviour.status) return res.writeHead(behaviour.status).end('{}');
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: input.map((t, index) => ({ index, embedding: behaviour.vectors(t) })) }));
      };
      if (behaviour.delayMs) setTimeout(reply, behaviour.delayMs);
      else reply();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return { url, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('semantic re-ranking through an embeddings API', () => {
  const entries: FaqEntry[] = [
    { id: 'fee', question: '退货运费谁出？', answer: '质量问题我们出。' },
    { id: 'how', question: '退货怎么寄回？', answer: '在订单页申请售后。' },
  ];
  // The model thinks a question "about returns" is about who pays the return postage.
  const vectors = (t: string) => (t.includes('关于') || t.includes('运费') ? [0, 1] : [1, 0]);

  test('re-orders the lexical candidates by similarity; entry vectors are cached', async () => {
    const api = await fakeEmbeddings({ vectors });
    try {
      const registry = new Registry();
      const provider = new FaqIndexProvider({ reranker: createEmbeddingReranker({ url: api.url, model: 'm', timeoutMs: 2000 }, registry) });
      provider.setEntries('s', entries);
      assert.equal((await new FaqIndexProvider().lookup('s', '关于退货')).band, 'none', 'a provider without entries');
      const plain = new FaqIndex(entries).lookup('关于退货');
      assert.equal(plain.candidates[0]!.entry.id, 'how', 'lexically "how" comes first');
      const r = await provider.lookup('s', '关于退货');
      assert.equal(r.candidates[0]!.entry.id, 'fee');
      assert.ok(r.candidates[0]!.confidence > new FaqIndex(entries).rank('关于退货').find((c) => c.entry.id === 'fee')!.confidence);
      await provider.lookup('s', '关于退货的');
      assert.equal(api.seen.length, 2);
      assert.equal(api.seen[1]!.length, 1, 'second call sends only the query');
      assert.equal((await registry.getSingleMetricAsString(EMBEDDINGS_FALLBACK_METRIC)).includes('} '), false, 'no fallback counted');
      // Entries set lexical-only (the warm-up's) are never sent: the lexical order stands.
      provider.setEntries('warm', entries, undefined, { lexicalOnly: true });
      assert.equal((await provider.lookup('warm', '关于退货')).candidates[0]!.entry.id, 'how');
      assert.equal(api.seen.length, 2, 'no call for the lexical-only entries');
    } finally {
      await api.close();
    }
  });

  test('a slow or failing API falls back to the lexical order silently and is counted', async () => {
    for (const [behaviour, reason, timeoutMs] of [
      [{ vectors, delayMs: 1500 }, 'timeout', 100],
      [{ vectors, status: 503 }, 'error', 1000],
    ] as const) {
      const api = await fakeEmbeddings(behaviour);
      try {
        const registry = new Registry();
        const provider = new FaqIndexProvider({ reranker: createEmbeddingReranker({ url: api.url, model: 'm', timeoutMs }, registry) });
        provider.setEntries('s', entries);
        const started = Date.now();
        const r = await provider.lookup('s', '关于退货');
        assert.ok(Date.now() - started < 1200, 'the timeout bounds the wait');
        assert.deepEqual(r, { ...new FaqIndex(entries).lookup('关于退货'), entries: entries.length });
        const metric = await registry.getSingleMetricAsString(EMBEDDINGS_FALLBACK_METRIC);
        assert.match(metric, new RegExp(`reason="${reason}"} 1`));
      } finally {
        await api.close();
      }
    }
  });

  test('malformed answers are refused, and bad options are refused at construction', () => {
    assert.throws(() => parseEmbeddings('not json', 1), KefuError);
    assert.throws(() => parseEmbeddings('{"data":[{"embedding":[1,"x"]}]}', 1), KefuError);
    assert.throws(() => parseEmbeddings('{"data":[{"embedding":[1,2]},{"embedding":[1]}]}', 2), KefuError);
    assert.deepEqual(parseEmbeddings('{"data":[{"index":1,"embedding":[0,1]},{"index":0,"embedding":[1,0]}]}', 2), [[1, 0], [0, 1]]);
    assert.throws(() => createEmbeddingsClient({ url: 'ftp://x', model: 'm', timeoutMs: 100 }), KefuError);
    assert.throws(() => createEmbeddingsClient({ url: 'http://x', model: '', timeoutMs: 100 }), KefuError);
    const reranker = new EmbeddingReranker({ client: { embed: async () => [] } });
    assert.ok(reranker);
  });
});
