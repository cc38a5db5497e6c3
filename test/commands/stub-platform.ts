/**
 * A platform's command endpoint for the tests: an HTTP server on 127.0.0.1 that records every
 * `POST …/commands` (Idempotency-Key, traceparent, Authorization, body) and answers what the
 * test says (anything else, such as the robot's lookups, gets a plain 404):
 * a status and body, or `hang` (the request is held open until the server closes).
 * By default it applies a key once and answers 200 `{ result: { applied: <n> } }`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubCall {
  readonly path: string;
  readonly key: string | undefined;
  readonly traceparent: string | undefined;
  readonly authorization: string | undefined;
  readonly body: { commandId: string; type: string; payload: Record<string, unknown> };
  readonly at: number;
}

/** `raw`: the body as it is, instead of `body` as JSON. */
export type StubAnswer = { status: number; body?: unknown; raw?: string; headers?: Record<string, string> } | 'hang';

export interface StubPlatform {
  readonly url: string;
  readonly calls: StubCall[];
  /** Keys applied (a 2xx was answered for them), in order, each once. */
  readonly applied: string[];
  answer: (call: StubCall, n: number) => StubAnswer;
  /** Resolves at the next call. */
  nextCall(): Promise<StubCall>;
  close(): Promise<void>;
}

export async function startStubPlatform(answer?: StubPlatform['answer']): Promise<StubPlatform> {
  const held: ServerResponse[] = [];
  let waiters: Array<(c: StubCall) => void> = [];
  const stub: StubPlatform = {
    url: '',
    calls: [],
    applied: [],
    answer: answer ?? (() => ({ status: 200 })),
    nextCall: () => new Promise((r) => waiters.push(r)),
    close: async () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/commands')) {
      res.writeHead(404).end();
      return;
    }
    let raw = '';
    req.on('data', (d) => (raw += String(d)));
    req.on('end', () => {
      const call: StubCall = {
        path: req.url ?? '',
        key: req.headers['idempotency-key'] as string | undefined,
        traceparent: req.headers.traceparent as string | undefined,
        authorization: req.headers.authorization,
        body: JSON.parse(raw || '{}') as StubCall['body'],
        at: Date.now(),
      };
      stub.calls.push(call);
      const w = waiters;
      waiters = [];
      for (const f of w) f(call);
      const a = stub.answer(call, stub.calls.length);
      if (a === 'hang') {
        held.push(res);
        return;
      }
      if (a.status >= 200 && a.status < 300 && call.key && !stub.applied.includes(call.key)) stub.applied.push(call.key);
      const body = a.body ?? (a.status < 300 ? { result: { applied: stub.applied.indexOf(call.key ?? '') + 1 } } : { error: { message: `stub answered ${a.status}` } });
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end(a.raw ?? JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  (stub as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return stub;
}
