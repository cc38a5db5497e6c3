// A fresh embedded database starts from a dump of a freshly initialised one (src/storage/pglite/pglite-store.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createPgliteStore } from '../../src/storage/pglite/pglite-store.ts';

test('a fresh data dir and an in-memory database start from the initdb template; an existing data dir keeps its data', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-pglite-template-'));
  try {
    // The first fresh database of this PGlite version leaves the template (when node_modules is writable).
    const first = await createPgliteStore({ dataDir: undefined, schema: 'kefu', statementTimeoutMs: 5000 });
    await first.migrate();
    await first.close();
    const pkg = (await import('../../node_modules/@electric-sql/pglite/package.json', { with: { type: 'json' } })).default as { version: string };
    assert.ok(existsSync(new URL(`../../node_modules/.cache/kefu/pglite-initdb-${pkg.version}.tgz`, import.meta.url)), 'the template is kept');

    const store = await createPgliteStore({ dataDir: dir, schema: 'kefu', statementTimeoutMs: 5000 });
    const applied = (await store.migrate()).applied.length;
    assert.ok(applied > 0, 'a database from the template is a fresh cluster: every migration runs');
    await sql`reset role`.execute(store.db);
    await sql`create table kefu.template_probe (x int)`.execute(store.db);
    await sql`insert into kefu.template_probe values (42)`.execute(store.db);
    await store.close();

    const again = await createPgliteStore({ dataDir: dir, schema: 'kefu', statementTimeoutMs: 5000 });
    assert.equal((await again.migrate()).applied.length, 0, 'reopened, not reloaded from the template');
    await sql`reset role`.execute(again.db);
    const rows = await sql<{ x: number }>`select x from kefu.template_probe`.execute(again.db);
    assert.deepEqual(rows.rows, [{ x: 42 }]);
    await again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
