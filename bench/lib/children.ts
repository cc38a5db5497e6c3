/**
 * Child processes of the benchmark (kefu nodes, ceiling servers, idle-connection holders). Every
 * child is registered here and killed when the benchmark ends for any reason: normal end, an
 * error, Ctrl-C or SIGTERM. Servers announce themselves with a line `... listening on http://...`
 * on stderr; start() resolves with that URL or rejects (and kills the child) after a timeout.
 */
import { spawn, fork, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

const live = new Set<ChildProcess>();
let hooked = false;
let stopping = false;

/** True once Ctrl-C / SIGTERM arrived: nothing new may start while cleanup runs. */
export const isStopping = () => stopping;
const refuseWhenStopping = (what: string) => {
  if (stopping) throw new Error(`not starting ${what}: the benchmark is stopping`);
};

function killAll(signal: NodeJS.Signals): void {
  for (const c of live) if (c.exitCode === null && c.signalCode === null) c.kill(signal);
}

/** Installs exit hooks once; `cleanup` runs on Ctrl-C / SIGTERM before the process exits. */
export function installExitHooks(cleanup: () => Promise<void>): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => killAll('SIGKILL'));
  const onSignal = (sig: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write(`\n${sig}: stopping children and cleaning up...\n`);
    killAll('SIGTERM');
    const force = setTimeout(() => process.exit(130), 8000);
    force.unref();
    cleanup()
      .catch((e: unknown) => process.stderr.write(`cleanup failed: ${(e as Error).message}\n`))
      .finally(() => process.exit(130));
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
}

export interface Server {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  output(): string;
  /** SIGTERM, then SIGKILL after graceMs; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
  readonly exited: Promise<number | null>;
}

export function startServer(name: string, args: string[], opts: { env: Record<string, string>; cwd: string; execArgv?: string[]; timeoutMs?: number }): Promise<Server> {
  refuseWhenStopping(name);
  const child = spawn(process.execPath, [...(opts.execArgv ?? []), ...args], {
    cwd: opts.cwd,
    env: { PATH: process.env.PATH ?? '', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let out = '';
  // Keep only the tail: a server that logs under load must not grow the generator's memory.
  const keep = (d: Buffer) => {
    out += String(d);
    if (out.length > 64_000) out = out.slice(-32_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  // KEFU_BENCH_SERVER_LOG=<file>: every child's whole output, for a run under --trace-gc and the like.
  const whole = process.env.KEFU_BENCH_SERVER_LOG;
  if (whole) {
    const file = createWriteStream(whole, { flags: 'a' });
    child.stdout!.pipe(file);
    child.stderr!.pipe(file);
  }
  const exited = new Promise<number | null>((r) =>
    child.once('exit', (code, sig) => {
      live.delete(child);
      r(code ?? (sig ? 128 : null));
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${opts.timeoutMs ?? 90_000} ms:\n${out.slice(-2000)}`));
    }, opts.timeoutMs ?? 90_000);
    const onData = () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stderr!.off('data', onData);
      resolve({
        name,
        url: m[1]!,
        pid: child.pid!,
        output: () => out,
        exited,
        async stop(graceMs = 10_000) {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM');
            const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
            const code = await exited;
            clearTimeout(t);
            return code;
          }
          return exited;
        },
      });
    };
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before listening:\n${out.slice(-2000)}`));
    });
  });
}

/** A forked helper (IPC channel open), registered for cleanup like the servers. */
export function forkHelper(modulePath: string, args: string[] = []): ChildProcess {
  refuseWhenStopping(modulePath);
  const child = fork(modulePath, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}
