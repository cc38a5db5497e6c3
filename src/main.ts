/**
 * The `kefu` command: start | migrate | config check | rotate-keys | backup | restore. Configuration problems, a busy data dir
 * and an unreachable database or Redis end the process with one clear line (exit 1) naming what
 * failed, instead of a stack trace. Run through bin/kefu.js, which checks the Node.js version
 * first (this file cannot even be loaded by a Node.js without type stripping).
 */
import { loadConfig, describeConfig, storageFailureLine, ConfigError, type Config } from './config/index.ts';
import { createLogger } from './ops/logger.ts';
import { createRuntime, createSqlStore } from './wiring.ts';
import { buildApp } from './app.ts';
import { DataDirLockedError } from './storage/datadir-lock.ts';
import type { SqlStore } from './storage/ports.ts';
import { seedDemoData, demoBanner } from './demo/index.ts';
import { reencryptCommercePii } from './commerce/index.ts';
import { loadKeyring } from './privacy/index.ts';
import { BackupError, restoreBackup, writeBackup } from './ops/backup.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPrimary, parseWorkers, runPrimary, workersRefusal, WORKER_ENV } from './ops/cluster.ts';
import { warmStartCaches } from './robot/index.ts';

const USAGE = `usage: kefu <command>

commands:
  start [--workers N|auto]
                  run the server (default); --workers runs N processes behind one port (auto:
                  one per core; needs PostgreSQL and Redis), restarting any that dies
  migrate         apply database migrations and exit
  config check    print the effective configuration (secrets masked), each value's source
                  (environment, config file or default), and exit
  rotate-keys     re-encrypt stored phone numbers, addresses and names with the first key of
                  KEFU_PII_KEYS (put the new key first and keep the old ones until this is done)
  backup [--out DIR]
                  write one consistent, compressed, checksummed file of every kefu table
                  (default DIR: KEFU_DATA_DIR/backups) and print its path
  restore FILE    restore a backup into an empty database (refuses a truncated or altered file,
                  writing nothing)
  warm            train the robot's models and build its tables into node_modules/.cache/kefu/
                  and exit (an image's build: its processes cannot write there)

Configuration comes from KEFU_* environment variables (docs/configuration.md).`;

function fail(line: string, code = 1): never {
  process.stderr.write(`kefu: ${line}\n`);
  process.exit(code);
}

function config(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(`invalid configuration: ${e.message}`);
    throw e;
  }
}

/**
 * Under `npm start`, kefu stops when npm does. npm passes no kill on to it, so `kill <pid>` of the
 * `npm start` left a kefu behind holding the port and the data dir's lock (found from outside, by
 * three testers). Only under this package's own start script (a kefu started in the background by
 * another script, or by hand, keeps running: found in review), and it watches npm itself, since npm
 * runs the script through `sh -c`, which outlives a `kill -9` of npm. Called once kefu can stop cleanly.
 */
function npmToFollow(): { parent: number; npm: number | undefined } | undefined {
  if (process.env.npm_lifecycle_event !== 'start' || !/kefu\.js start/.test(process.env.npm_lifecycle_script ?? '') || process.env[WORKER_ENV]) return undefined;
  // Read at once: npm killed while kefu starts is followed as soon as kefu can stop.
  return { parent: process.ppid, npm: npmAncestor(process.ppid) };
}
const NPM = npmToFollow();
function followNpm(): void {
  if (!NPM) return;
  const { parent, npm } = NPM;
  setInterval(() => {
    if (process.ppid !== parent || !alive(npm ?? parent)) process.kill(process.pid, 'SIGTERM');
  }, NPM_CHECK_MS).unref();
}
const NPM_CHECK_MS = 1000;

/** The nearest ancestor process whose command is npm, read from /proc (undefined where there is none). */
function npmAncestor(pid: number): number | undefined {
  for (let p = pid, hops = 0; p > 1 && hops < 4; hops++) {
    try {
      if (/(?:^|[/\0\s])npm(?:-cli\.js)?(?:\0|\s|$)|npm-cli|npm(?:\0)start/.test(readFileSync(`/proc/${p}/cmdline`, 'utf8'))) return p;
      p = Number(readFileSync(`/proc/${p}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function start(args: string[]): Promise<void> {
  const cfg = config();
  const at = args.indexOf('--workers');
  const workers = at >= 0 ? parseWorkers(args[at + 1]) : 1;
  if (workers === undefined) fail(`--workers takes a number from 1 to 256 or "auto" (got "${args[at + 1] ?? ''}")`, 2);
  if (workers > 1 && isPrimary()) {
    const refusal = workersRefusal(cfg);
    if (refusal) fail(refusal);
    runPrimary(workers, (line) => process.stderr.write(`kefu: ${line}\n`), cfg.shutdownGraceMs);
    followNpm();
    return;
  }
  const log = createLogger({ level: cfg.logLevel, nodeId: cfg.nodeId });
  let rt;
  try {
    rt = await createRuntime(cfg, log);
  } catch (e) {
    if (e instanceof DataDirLockedError) fail(e.message);
    if (e instanceof ConfigError) fail(`invalid configuration: ${e.message}`);
    fail(storageFailureLine(cfg, e, 'cannot start'));
  }
  if (cfg.demo) await seedDemoData(rt);
  const app = await buildApp(rt);
  try {
    await app.listen({ host: cfg.host, port: cfg.port });
  } catch (e) {
    await rt.close();
    fail(`cannot listen on ${cfg.host}:${cfg.port}: ${(e as Error).message}`);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('graceful shutdown timed out; exiting');
      process.exit(1);
    }, cfg.shutdownGraceMs + 2000);
    force.unref();
    try {
      await app.close();
      await rt.close();
    } finally {
      log.flush?.();
      process.exit(0);
    }
  };
  // Before the banner: whoever reads "listening" may signal at once, and a signal that arrives
  // before its handler kills the process without a graceful stop.
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  followNpm();
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : cfg.port;
  // Under --workers only the first worker prints the banner.
  const worker = process.env[WORKER_ENV];
  if (!worker || worker === '1') process.stderr.write(demoBanner(rt, `http://${cfg.host.includes(':') ? `[${cfg.host}]` : cfg.host}:${port}`));
}

/** Opens the database for a one-shot command, or ends the process with one clear line. */
async function openSql(cfg: Config): Promise<SqlStore> {
  try {
    return await createSqlStore(cfg);
  } catch (e) {
    if (e instanceof DataDirLockedError) fail(e.message);
    fail(storageFailureLine(cfg, e, 'cannot open the database', cfg.database.kind === 'postgres' ? 'PostgreSQL' : 'embedded database'));
  }
}

async function migrate(): Promise<void> {
  const sql = await openSql(config());
  try {
    const { applied } = await sql.migrate();
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
  } finally {
    await sql.close();
  }
}

async function rotateKeys(): Promise<void> {
  const cfg = config();
  if (!cfg.piiKeys) fail('rotate-keys needs KEFU_PII_KEYS: the new key first, then the keys it replaces');
  const sql = await openSql(cfg);
  try {
    await sql.migrate();
    const r = await reencryptCommercePii(sql, loadKeyring({ piiKeys: cfg.piiKeys, dataDir: cfg.dataDir, production: cfg.production }));
    process.stdout.write(`re-encrypted ${r.rewritten} of ${r.scanned} orders with key "${cfg.piiKeys[0]!.kid}"\n`);
    for (const f of r.failed) process.stderr.write(`kefu: order ${f.shopId}/${f.orderId} could not be decrypted with any key (${f.reason}); left as it was\n`);
    if (r.failed.length) process.exitCode = 1;
  } finally {
    await sql.close();
  }
}

async function backup(args: string[]): Promise<void> {
  const at = args.indexOf('--out');
  if (at >= 0 && !args[at + 1]) fail('backup --out needs a directory', 2);
  const cfg = config();
  const sql = await openSql(cfg);
  try {
    await sql.migrate();
    const r = await writeBackup(sql, at >= 0 ? args[at + 1]! : join(cfg.dataDir, 'backups'));
    process.stdout.write(`${r.file}\n${r.rows} rows, ${r.bytes} bytes\n`);
  } finally {
    await sql.close();
  }
}

async function restore(args: string[]): Promise<void> {
  const file = args[0];
  if (!file) fail('restore needs the backup file: kefu restore FILE', 2);
  const cfg = config();
  const sql = await openSql(cfg);
  try {
    await sql.migrate();
    const r = await restoreBackup(sql, file);
    process.stdout.write(`restored ${r.rows} rows into ${r.tables} tables\n`);
  } catch (e) {
    if (e instanceof BackupError) fail(`restore refused: ${e.message}; nothing was written`);
    throw e;
  } finally {
    await sql.close();
  }
}

function warm(): void {
  const failed = warmStartCaches();
  if (failed) fail(`the learned danger reading could not be trained: ${failed.message}`);
  process.stdout.write('robot caches written to node_modules/.cache/kefu/\n');
}

const [cmd = 'start', ...rest] = process.argv.slice(2);
switch (cmd) {
  case 'start':
    await start(rest);
    break;
  case 'migrate':
    await migrate();
    break;
  case 'config':
    if (rest[0] !== 'check') fail(`unknown command "config ${rest.join(' ')}"\n\n${USAGE}`, 2);
    process.stdout.write(describeConfig(config()).join('\n') + '\n');
    break;
  case 'help':
  case '--help':
  case '-h':
    process.stdout.write(USAGE + '\n');
    break;
  case 'rotate-keys':
    await rotateKeys();
    break;
  case 'backup':
    await backup(rest);
    break;
  case 'restore':
    await restore(rest);
    break;
  case 'warm':
    warm();
    break;
  default:
    fail(`unknown command "${cmd}"\n\n${USAGE}`, 2);
}
