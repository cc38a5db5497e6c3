import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOpenAiCompatibleClient } from '../../src/robot/index.ts';
import { KefuError } from '../../src/protocol/errors.ts';

type Handler = (body: Record<string, unknown>, res: http.ServerResponse) => void;
let handler: Handler = () => {};
const seen: { path?: string; auth?: string; body?: Record<string, unknown> }[] = [];
let server: http.Server;
let url = '';

const chat = (content: string) => JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] });

before(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      seen.push({ path: req.url, auth: req.headers.authorization, body });
      handler(body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});
after(() => {
  // The slow-answer test leaves a response pending on purpose.
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

const client = (timeoutMs = 300) => createOpenAiCompatibleClient({ url, model: 'tiny', apiKey: 'sk-test', timeoutMs });

describe('OpenAI-compatible client', () => {
  test('fast answer: the intent, with model, key and the message sent', async () => {
    handler = (_b, res) => res.end(chat('{"intent": "track_parcel"}'));
    seen.length = 0;
    assert.equal(await client().classifyIntent('俺那玩意儿咋样了', { lang: 'zh' }), 'track_parcel');
    assert.equal(seen[0]!.path, '/v1/chat/completions');
    assert.equal(seen[0]!.auth, 'Bearer sk-test');
    assert.equal(seen[0]!.body!.model, 'tiny');
    const messages = seen[0]!.body!.messages as { role: string; content: string }[];
    assert.equal(messages.at(-1)!.content, '[zh] 俺那玩意儿咋样了');
  });

  test('a bare intent word and "unknown" are understood', async () => {
    handler = (_b, res) => res.end(chat('Invoice.'));
    assert.equal(await client().classifyIntent('x'), 'invoice');
    handler = (_b, res) => res.end(chat('{"intent":"unknown"}'));
    assert.equal(await client().classifyIntent('x'), null);
  });

  test('slow answer beyond the timeout: rejected at the timeout', async () => {
    handler = (_b, res) => void setTimeout(() => res.end(chat('{"intent":"greeting"}')), 1500).unref();
    const started = performance.now();
    await assert.rejects(client(100).classifyIntent('hello'), (e: unknown) => e instanceof Error && /abort|timeout/i.test(`${e.name} ${e.message}`));
    assert.ok(performance.now() - started < 600);
  });

  test('HTTP 500: rejected', async () => {
    handler = (_b, res) => {
      res.statusCode = 500;
      res.end('{"error":"overloaded"}');
    };
    await assert.rejects(client().classifyIntent('x'), (e: unknown) => e instanceof KefuError && /HTTP 500/.test(e.message));
  });

  test('invalid JSON and garbage content: rejected', async () => {
    for (const body of ['<html>oops</html>', chat('I think the customer is asking about shoes'), chat('{"intent": "buy_shoes"}'), chat('{"intent": '), '{"choices":[]}']) {
      handler = (_b, res) => res.end(body);
      await assert.rejects(client().classifyIntent('x'), KefuError, body);
    }
  });

  test('options are validated', () => {
    assert.throws(() => createOpenAiCompatibleClient({ url: 'not a url', model: 'm', timeoutMs: 100 }), KefuError);
    assert.throws(() => createOpenAiCompatibleClient({ url: 'ftp://x', model: 'm', timeoutMs: 100 }), KefuError);
    assert.throws(() => createOpenAiCompatibleClient({ url, model: '', timeoutMs: 100 }), KefuError);
    assert.throws(() => createOpenAiCompatibleClient({ url, model: 'm', timeoutMs: 0 }), KefuError);
  });
});
