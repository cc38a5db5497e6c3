/**
 * Waiting for PostgreSQL lock waits, for tests that build a lock cycle on purpose: a fixed sleep
 * could let a test go on before a transaction has taken what it takes first, and then the test
 * would pass without having built the cycle it is about.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/storage/schema.ts';

/** The backend pid of the connection running `db` (call it inside the holding transaction). */
export async function backendPid(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
  return rows[0]!.pid;
}

/** How many backends wait, directly or through others, on locks the backend `holder` holds. */
export async function waitersBehind(db: Kysely<Database>, holder: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with recursive w(pid) as (
      select a.pid from pg_stat_activity a where ${holder}::int = any(pg_blocking_pids(a.pid))
      union
      select a.pid from pg_stat_activity a join w on w.pid = any(pg_blocking_pids(a.pid))
    )
    select count(*)::int as n from w`.execute(db);
  return rows[0]!.n;
}

/**
 * Resolves once at least `n` backends wait behind `holder`, or once `settled()` says the work
 * under test finished without waiting (which the fixed code may do); fails after `timeoutMs`.
 */
export async function untilWaiting(db: Kysely<Database>, holder: number, n: number, settled: () => boolean = () => false, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!settled() && (await waitersBehind(db, holder)) < n) {
    if (Date.now() > deadline) throw new Error(`fewer than ${n} lock waiters behind backend ${holder} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Tracks whether a promise has settled, without handling its rejection for the caller. */
export function settledFlag(p: Promise<unknown>): () => boolean {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  return () => done;
}
