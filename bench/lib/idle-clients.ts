/**
 * A forked helper that holds idle WebSocket connections for scenario (c), so the benchmark is
 * not limited by one process's open-files limit. Talks to its parent over IPC:
 *
 *   parent → { type: 'open', system, url, users, device?, key?, iss?, aud?, localAddresses, concurrency }
 *   helper → { type: 'opened', ok, failed, firstError? }
 *   parent → { type: 'status' }   helper → { type: 'status', open }
 *   parent → { type: 'close' }    the helper drops every socket and exits
 *
 * kefu tokens are signed here (the parent sends the private JWK): signing tens of thousands of
 * tokens in the parent and shipping them would cost more than it saves. The helper exits when
 * its parent goes away.
 */
import WebSocket from 'ws';
import { importJWK, type JWK } from 'jose';
import { sign, type TestKey } from '../../test/auth/support.ts';

interface OpenMsg {
  type: 'open';
  system: 'kefu' | 'kefu-embedded' | 'ws-echo';
  url: string;
  users: string[];
  device?: string;
  key?: { privateJwk: JWK; kid: string };
  iss?: string;
  aud?: string;
  localAddresses: string[];
  concurrency: number;
}

const sockets: WebSocket[] = [];

async function open(m: OpenMsg): Promise<void> {
  let key: TestKey | undefined;
  if (m.key) key = { kid: m.key.kid, alg: 'ES256', privateKey: (await importJWK(m.key.privateJwk, 'ES256')) as TestKey['privateKey'], publicJwk: {} };
  const base = m.url.replace(/^http/, 'ws');
  let next = 0;
  let ok = 0;
  let failed = 0;
  let firstError: string | undefined;
  const one = async (i: number) => {
    const user = m.users[i]!;
    let url: string;
    if (key) {
      const token = await sign(key, { sub: user, scope: 'cs:customer' }, { expIn: 3600, ...(m.iss ? { iss: m.iss } : {}), ...(m.aud ? { aud: m.aud } : {}) });
      url = `${base}/im?token=${encodeURIComponent(token)}&device=${m.device ?? 'app'}`;
    } else url = `${base}/?user=${encodeURIComponent(user)}`;
    const localAddress = m.localAddresses[i % m.localAddresses.length];
    await new Promise<void>((resolve) => {
      const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: 30_000, ...(localAddress ? { localAddress } : {}) });
      ws.once('open', () => {
        ok++;
        sockets.push(ws);
        resolve();
      });
      ws.once('error', (e) => {
        failed++;
        firstError ??= e.message;
        resolve();
      });
      ws.once('unexpected-response', (_req, res) => {
        failed++;
        firstError ??= `HTTP ${res.statusCode}`;
        ws.terminate();
        resolve();
      });
    });
  };
  const worker = async () => {
    while (next < m.users.length) await one(next++);
  };
  await Promise.all(Array.from({ length: Math.min(m.concurrency, m.users.length) }, worker));
  process.send!({ type: 'opened', ok, failed, ...(firstError ? { firstError } : {}) });
}

process.on('message', (m: { type: string }) => {
  if (m.type === 'open') void open(m as OpenMsg);
  else if (m.type === 'status') process.send!({ type: 'status', open: sockets.filter((s) => s.readyState === WebSocket.OPEN).length });
  else if (m.type === 'close') {
    for (const s of sockets) s.terminate();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
