/**
 * Running kefu in tests: in-process nodes (buildApp on a real port) and separate processes
 * (`node bin/kefu.js start`, as `npm start` runs it), both trusting a JWKS served by the test, so
 * several nodes accept the same tokens as they would behind a real platform OAuth server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import WebSocket from 'ws';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/index.ts';
import { createLogger } from '../../src/ops/logger.ts';
import { createRuntime, type Runtime } from '../../src/wiring.ts';
import { buildApp } from '../../src/app.ts';
import { KefuClient, type WebSocketCtor } from '../../src/client/index.ts';
import { AUD, ISS, newKey, sign, startJwksServer, type JwksServer, type TestKey } from '../auth/support.ts';
import { PG_URL, REDIS_URL, appRoleUrl, appUrlOf, testRedisPrefix, testSchema, uniqueName } from './services.ts';

export interface Issuer {
  jwks: JwksServer;
  key: TestKey;
  token(claims: { sub: string; scope: string; shop_id?: string; name?: string }, opts?: { expIn?: number }): Promise<string>;
  close(): Promise<void>;
}

export async function startIssuer(): Promise<Issuer> {
  const key = await newKey('ES256', 'k1');
  const jwks = await startJwksServer([key.publicJwk]);
  return {
    jwks,
    key,
    token: (claims, opts) => sign(key, claims, opts?.expIn !== undefined ? { expIn: opts.expIn } : {}),
    close: () => jwks.close(),
  };
}

/** Environment for a node on the real services, isolated by schema and key prefix. */
export function realEnv(issuer: Issuer, shared: { schema: string; prefix: string }): Record<string, string> {
  return {
    // As production should run: the app role under row-level security, migrations as the owner.
    KEFU_DATABASE_URL: appUrlOf(PG_URL!),
    KEFU_DATABASE_OWNER_URL: PG_URL!,
    KEFU_DATABASE_SCHEMA: shared.schema,
    KEFU_REDIS_URL: REDIS_URL!,
    KEFU_REDIS_KEY_PREFIX: shared.prefix,
    KEFU_OAUTH_JWKS_URL: issuer.jwks.url,
    KEFU_OAUTH_ISSUER: ISS,
    KEFU_OAUTH_AUDIENCE: AUD,
  };
}

/** A schema and a key prefix of their own; both are removed when the test file ends (services.ts). */
export const newIsolation = () => ({ schema: testSchema('it'), prefix: testRedisPrefix('kefuit') });

export interface Node {
  url: string;
  rt: Runtime;
  app: FastifyInstance;
  logs: string[];
  close(): Promise<void>;
}

/** A kefu node in this process on 127.0.0.1 with a free port. */
export async function startNode(env: Record<string, string>): Promise<Node> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-node-'));
  const config = loadConfig({ KEFU_PORT: '0', KEFU_DATA_DIR: dataDir, KEFU_DEMO: 'false', KEFU_LOG_LEVEL: 'warn', KEFU_NODE_ID: uniqueName('n'), ...env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const log = createLogger({ level: config.logLevel, nodeId: config.nodeId, destination: sink });
  if (env.KEFU_DATABASE_OWNER_URL) await appRoleUrl(); // the role exists before the node connects as it
  const rt = await createRuntime(config, log);
  const app = await buildApp(rt);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${addr.port}`,
    rt,
    app,
    logs,
    async close() {
      await app.close();
      await rt.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Proc {
  url: string;
  proc: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * The V8 flags of this test process that the kefu processes it starts get as well (scripts/test.ts
 * says why the runner sets them): only the WebAssembly compiler's, which change speed, not behaviour.
 */
export const NODE_FLAGS: readonly string[] = process.execArgv.filter((a) => a === '--liftoff-only');

/** `node bin/kefu.js start` (what `npm start` runs) as a separate process; resolves once it printed where it listens. */
export function startProcess(env: Record<string, string>, opts: { dataDir?: string; timeoutMs?: number; args?: string[] } = {}): Promise<Proc> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'kefu-proc-'));
  const child = spawn(process.execPath, [...NODE_FLAGS, 'bin/kefu.js', 'start', ...(opts.args ?? [])], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: { PATH: process.env.PATH, KEFU_PORT: '0', KEFU_DATA_DIR: dataDir, KEFU_DEMO: 'false', KEFU_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kefu did not start in time:\n${out}`));
    }, opts.timeoutMs ?? 60_000);
    const onData = () => {
      const m = /kefu is listening on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stderr!.off('data', onData);
      resolve({
        url: m[1]!,
        proc: child,
        output: () => out,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null) child.kill(signal);
          const code = await exited;
          if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
          return code;
        },
      });
    };
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`kefu exited with ${code} before listening:\n${out}`));
    });
  });
}

export const connect = (url: string, token: string, device: 'app' | 'miniapp' | 'pc' | 'douyin' | 'web' = 'app') =>
  KefuClient.connect({ url, token, device, WebSocket: WebSocket as unknown as WebSocketCtor });

/**
 * Sends a text the way a client is told to: an `UNAVAILABLE` (the answer deadline passed, as it
 * can on a loaded 2-core CI machine under a burst) is resent with the same clientMsgId, which
 * stores it at most once. For tests whose subject is not the deadline itself.
 */
export async function sendStored(c: KefuClient, to: { shopId: string } | { conversationId: string }, text: string, tries = 3) {
  const clientMsgId = `m-${randomBytes(8).toString('hex')}`;
  for (let i = 1; ; i++) {
    try {
      return await c.sendText(to, text, clientMsgId);
    } catch (e) {
      if ((e as { code?: string }).code !== 'UNAVAILABLE' || i >= tries) throw e;
    }
  }
}

/** Polls until fn returns a truthy value (or throws after the timeout). */
export async function eventually<T>(fn: () => Promise<T> | T, timeoutMs = 5000, label = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
