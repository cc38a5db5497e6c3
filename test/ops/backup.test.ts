/**
 * Backup and restore (src/ops/backup.ts) on every SQL adapter: every conversation and message
 * back byte for byte in a new empty database, personal data still encrypted; a truncated or
 * altered file is refused and nothing is written; a database that is not empty is refused.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import pino from 'pino';
import { ConversationEventBus, ConversationService } from '../../src/conversation/index.ts';
import { applyPlatformEvent, parsePlatformEvent } from '../../src/commerce/index.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { BackupError, ownedTables, pruneBackups, restoreBackup, writeBackup } from '../../src/ops/backup.ts';
import { MemoryCache } from '../../src/storage/memory/memory-cache.ts';
import type { SqlStore } from '../../src/storage/ports.ts';
import type { Principal } from '../../src/auth/index.ts';
import { KEYRING, aftersaleEvent, logisticsEvent, orderEvent } from '../commerce/fixtures.ts';
import { SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';

after(dropTestSchemas);
const dir = mkdtempSync(join(tmpdir(), 'kefu-backup-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const buyer = (id: string): Principal => ({ userId: id, roles: new Set(['customer']), shopId: undefined, name: '买家', expiresAt: undefined });

async function seed(s: SqlStore): Promise<void> {
  const log = pino({ level: 'silent' });
  const metrics = createMetrics();
  const conversations = new ConversationService({ sql: s, cache: new MemoryCache(), sink: { emit() {} }, events: new ConversationEventBus({ log }), metrics, log });
  for (const [k, text] of ['你好 😀', "it's \"quoted\" \\ and\nnew line", '第三条 <b>html</b>'].entries()) {
    const r = await conversations.send(buyer(`b${k}`), { id: `f${k}`, shopId: 'shop_bk', clientMsgId: `m${k}`, content: { kind: 'text', text } });
    await conversations.postAs(r.ack.conversationId, { role: 'bot', id: 'kefu-bot', name: '智能客服' }, { kind: 'text', text: `reply ${k}`, card: { kind: 'choice', options: [] } as never });
    if (k === 2) await conversations.setState(r.ack.conversationId, { state: 'queued', priority: 1 });
  }
  for (const e of [orderEvent({ shopId: 'shop_bk' }), logisticsEvent({ shopId: 'shop_bk' }), aftersaleEvent({ shopId: 'shop_bk' })]) await applyPlatformEvent(s, KEYRING, parsePlatformEvent(e));
}

/** Every row of every kefu table as PostgreSQL's own JSON text, sorted: equal means identical. */
async function snapshot(s: SqlStore): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await ownedTables(s.db)) out[t] = (await sql<{ j: string }>`select row_to_json(x)::text as j from ${sql.table(t)} x`.execute(s.db)).rows.map((r) => r.j).sort();
  return out;
}

for (const f of SQL_FACTORIES) {
  describe(`backup and restore on ${f.name}`, { skip: f.skip }, () => {
    test('every row back, byte for byte, in a new empty database; PII still encrypted', async () => {
      const [src, dst] = [await f.create(), await f.create()];
      try {
        await seed(src);
        const before = await snapshot(src);
        assert.ok(before.messages!.length === 6 && before.shop_orders!.length === 1);
        const b = await writeBackup(src, dir);
        assert.equal(b.rows, Object.values(before).reduce((n, r) => n + r.length, 0));
        const text = gunzipSync(readFileSync(b.file)).toString('utf8');
        assert.ok(!text.includes('13812345678'), 'the phone stays encrypted in the file');
        assert.deepEqual(await restoreBackup(dst, b.file), { rows: b.rows, tables: Object.keys(before).length });
        assert.deepEqual(await snapshot(dst), before);
        await assert.rejects(restoreBackup(dst, b.file), (e) => e instanceof BackupError && /not empty/.test(e.message));
      } finally {
        await Promise.all([src.close(), dst.close()]);
      }
    });

    test('a truncated or altered file is refused and nothing is written', async () => {
      const [src, dst] = [await f.create(), await f.create()];
      try {
        await seed(src);
        const b = await writeBackup(src, dir);
        const raw = gunzipSync(readFileSync(b.file));
        const truncated = join(dir, 'truncated.jsonl.gz');
        writeFileSync(truncated, gzipSync(raw.subarray(0, Math.floor(raw.length * 0.7))));
        await assert.rejects(restoreBackup(dst, truncated), (e) => e instanceof BackupError && /truncated/.test(e.message));
        const cut = join(dir, 'cut.jsonl.gz');
        writeFileSync(cut, readFileSync(b.file).subarray(0, 200));
        await assert.rejects(restoreBackup(dst, cut), (e) => e instanceof BackupError);
        const altered = join(dir, 'altered.jsonl.gz');
        writeFileSync(altered, gzipSync(Buffer.from(raw.toString('utf8').replace('reply 1', 'reply 9'))));
        await assert.rejects(restoreBackup(dst, altered), (e) => e instanceof BackupError && /checksum/.test(e.message));
        for (const rows of Object.values(await snapshot(dst))) assert.equal(rows.length, 0, 'nothing was written');
      } finally {
        await Promise.all([src.close(), dst.close()]);
      }
    });
  });
}

test('old backups are pruned after the retention period', () => {
  const d = mkdtempSync(join(tmpdir(), 'kefu-prune-'));
  try {
    writeFileSync(join(d, 'kefu-old.jsonl.gz'), 'x');
    writeFileSync(join(d, 'other.txt'), 'x');
    assert.equal(pruneBackups(d, 30, Date.now() + 31 * 86_400_000), 1);
    assert.equal(pruneBackups(d, 30), 0);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});
