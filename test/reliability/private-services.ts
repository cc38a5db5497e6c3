/**
 * Private PostgreSQL and Redis servers for the failure drills: started by the test on a free
 * loopback port, frozen (SIGSTOP) and thawed (SIGCONT) at will, killed at the end. The shared
 * servers of the machine (and of the other test runs) are never touched.
 *
 * Each start returns a reason string instead when the binaries are missing or the server will
 * not start here, so a drill can skip saying why.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
    s.on('error', reject);
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

async function waitFor(what: string, fn: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Direct children of a process (PostgreSQL's backends are the postmaster's children). */
function childrenOf(pid: number): number[] {
  const r = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  return (r.stdout ?? '')
    .split('\n')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
}

function signal(pids: readonly number[], sig: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, sig);
    } catch {
      /* gone already */
    }
  }
}

/** A test process that ends without stop() (a failed `before`, a crash) must not leave its server behind. */
function killOnExit(child: ChildProcess, cleanup?: () => void): void {
  const kill = () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    signal([child.pid, ...childrenOf(child.pid)], 'SIGCONT');
    signal([child.pid], 'SIGKILL');
    cleanup?.();
  };
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
}

export interface PrivateServer {
  readonly url: string;
  /** SIGSTOP the server (for PostgreSQL: the postmaster and every backend). */
  freeze(): void;
  /** SIGCONT what freeze stopped (and anything started since). */
  thaw(): void;
  /**
   * Shut the server down and keep its port and data (PostgreSQL: a fast shutdown, as
   * `pg_ctl stop -m fast`; Redis: killed, and it keeps nothing).
   */
  down(): Promise<void>;
  /** Start it again after down(), on the same port (and data dir); resolves once it answers. */
  up(): Promise<void>;
  stop(): Promise<void>;
}

const PG_BIN_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/14/bin'];

/** uid/gid of the `postgres` OS user, when running as root (PostgreSQL refuses to run as root). */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root and there is no postgres OS user to run PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * initdb into a temp dir and `postgres` on a free port, as the postgres OS user. Trust auth,
 * no fsync (a drill, not a durability test). Returns a reason string when it cannot.
 */
export async function startPrivatePostgres(): Promise<PrivateServer | string> {
  const bin = PG_BIN_DIRS.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'postgres')));
  if (!bin) return `no PostgreSQL server binaries in ${PG_BIN_DIRS.join(', ')}`;
  let user: { uid: number; gid: number } | undefined;
  try {
    user = postgresUser();
  } catch (e) {
    return (e as Error).message;
  }
  const dir = mkdtempSync(join(tmpdir(), 'kefu-drill-pg-'));
  const data = join(dir, 'data');
  if (user) chownSync(dir, user.uid, user.gid);
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'], { ...as, env, cwd: dir, encoding: 'utf8' });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return `initdb failed: ${(init.stderr || init.stdout || String(init.error)).trim().split('\n').slice(-2).join(' ')}`;
  }
  const port = await freePort();
  let out = '';
  let pm!: ChildProcess;
  let exited!: Promise<void>;
  const spawnPostmaster = () => {
    pm = spawn(
      join(bin, 'postgres'),
      ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=40', '-c', 'shared_buffers=16MB'],
      { ...as, env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    pm.stdout!.on('data', (d) => (out = (out + String(d)).slice(-4000)));
    pm.stderr!.on('data', (d) => (out = (out + String(d)).slice(-4000)));
    const child = pm;
    exited = new Promise<void>((r) => child.once('exit', () => r()));
    killOnExit(pm, () => rmSync(dir, { recursive: true, force: true }));
  };
  const running = () => pm.exitCode === null && pm.signalCode === null;
  /** SIGINT is PostgreSQL's fast shutdown (SIGQUIT its immediate one); SIGKILL after 5 s. */
  const shutdown = async (sig: NodeJS.Signals) => {
    server.thaw();
    if (!running()) return;
    pm.kill(sig);
    const t = setTimeout(() => pm.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  };
  const ready = async () => {
    await waitFor('the private PostgreSQL to listen', async () => {
      if (pm.exitCode !== null) throw new Error(`postgres exited: ${out.trim().split('\n').slice(-2).join(' ')}`);
      return listening(port);
    }, 15_000);
    // Listening is not accepting logins yet (startup recovery): wait for a real answer.
    const pg = (await import('pg')).default;
    await waitFor('the private PostgreSQL to accept logins', async () => {
      const c = new pg.Client({ connectionString: server.url, connectionTimeoutMillis: 1000 });
      c.on('error', () => {});
      try {
        await c.connect();
        await c.query('select 1');
        return true;
      } catch {
        return false;
      } finally {
        await c.end().catch(() => {});
      }
    }, 15_000);
  };
  const stopped = new Set<number>();
  const server: PrivateServer = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    freeze() {
      const pids = [pm.pid!, ...childrenOf(pm.pid!)];
      signal(pids, 'SIGSTOP');
      for (const p of pids) stopped.add(p);
    },
    thaw() {
      signal([...stopped, pm.pid!, ...childrenOf(pm.pid!)], 'SIGCONT');
      stopped.clear();
    },
    down: () => shutdown('SIGINT'),
    async up() {
      if (running()) return;
      spawnPostmaster();
      await ready();
    },
    async stop() {
      await shutdown('SIGQUIT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  spawnPostmaster();
  try {
    await ready();
  } catch (e) {
    await server.stop();
    return (e as Error).message;
  }
  return server;
}

/** `redis-server` on a free port, keeping nothing on disk. Returns a reason string when it cannot. */
export async function startPrivateRedis(): Promise<PrivateServer | string> {
  if (spawnSync('redis-server', ['--version']).status !== 0) return 'redis-server binary not found';
  const port = await freePort();
  let child!: ChildProcess;
  let exited!: Promise<void>;
  const spawnRedis = () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
    const c = child;
    exited = new Promise<void>((r) => c.once('exit', () => r()));
    killOnExit(child);
  };
  const ready = () =>
    waitFor('the private redis-server to listen', () => {
      if (child.exitCode !== null) throw new Error('redis-server exited at start');
      return listening(port);
    }, 5000);
  const server: PrivateServer = {
    url: `redis://127.0.0.1:${port}`,
    freeze: () => signal([child.pid!], 'SIGSTOP'),
    thaw: () => signal([child.pid!], 'SIGCONT'),
    async down() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT');
        child.kill('SIGKILL');
        await exited;
      }
    },
    async up() {
      if (child.exitCode === null && child.signalCode === null) return;
      spawnRedis();
      await ready();
    },
    stop: () => server.down(),
  };
  spawnRedis();
  try {
    await ready();
  } catch (e) {
    await server.stop();
    return (e as Error).message;
  }
  return server;
}

/** The p-th percentile (0..100) of a list of numbers, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
