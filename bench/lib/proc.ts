/**
 * What the benchmark reads about processes from Linux's /proc: CPU time of a child (utime +
 * stime), its resident memory, its open-files limit, and the whole machine's busy time. Every
 * reader returns undefined instead of throwing when the process is gone, so a crashed server is
 * reported by the scenario (errors), not by an exception in the meter. The generator's own CPU
 * is process.threadCpuUsage() of its main thread.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

let clkTck: number | undefined;
function ticksPerSecond(): number {
  if (clkTck === undefined) {
    try {
      clkTck = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clkTck = 100;
    }
  }
  return clkTck;
}

const read = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** Parses a /proc/<pid>/stat line; the command name may hold spaces and parentheses. */
export function parseStat(line: string): { comm: string; cpuTicks: number; sysTicks: number } | undefined {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  // After ") " come fields 3.. of proc(5); utime and stime are fields 14 and 15.
  const rest = line.slice(close + 2).split(' ');
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
  return { comm: line.slice(open + 1, close), cpuTicks: utime + stime, sysTicks: stime };
}

/** CPU seconds a process has used so far (user + system, and system alone), or undefined when it is gone. */
export function cpuSeconds(pid: number): number | undefined {
  return cpuTimes(pid)?.total;
}
/** A process and its children (the workers of `kefu start --workers N` under their primary). */
export function withChildren(pid: number): number[] {
  const children = read(`/proc/${pid}/task/${pid}/children`);
  return [pid, ...(children ? children.trim().split(/\s+/).filter(Boolean).map(Number) : [])];
}

export function cpuTimes(pid: number): { total: number; sys: number } | undefined {
  const s = read(`/proc/${pid}/stat`);
  const p = s ? parseStat(s) : undefined;
  return p ? { total: p.cpuTicks / ticksPerSecond(), sys: p.sysTicks / ticksPerSecond() } : undefined;
}

/** Resident set size in bytes. */
export function rssBytes(pid: number): number | undefined {
  const s = read(`/proc/${pid}/status`);
  const m = s ? /^VmRSS:\s+(\d+)\s+kB/m.exec(s) : null;
  return m ? Number(m[1]) * 1024 : undefined;
}

/** The soft limit on open files of a process (its socket ceiling). */
export function openFilesLimit(pid: number | 'self'): number | undefined {
  const s = read(`/proc/${pid}/limits`);
  const m = s ? /^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m.exec(s) : null;
  if (!m) return undefined;
  return m[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(m[1]);
}

/** Summed CPU seconds of every process with one of these command names (PostgreSQL backends, Redis). */
export function cpuSecondsByName(names: readonly string[]): number {
  let ticks = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const s = read(`/proc/${d}/stat`);
    const p = s ? parseStat(s) : undefined;
    if (p && names.includes(p.comm)) ticks += p.cpuTicks;
  }
  return ticks / ticksPerSecond();
}

/** Machine-wide jiffies from /proc/stat: busy (everything but idle and iowait) and total. */
export function machineTicks(): { busy: number; total: number } {
  const line = (read('/proc/stat') ?? '').split('\n')[0] ?? '';
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  const idle = (f[3] ?? 0) + (f[4] ?? 0);
  return { busy: total - idle, total };
}

export interface CpuReport {
  /** Percent of one core, summed over the server processes. */
  server_cpu_pct: number;
  /** The part of server_cpu_pct spent in the kernel (syscalls: sockets to clients, PostgreSQL, Redis). */
  server_sys_pct: number;
  /**
   * Percent of one core used by the generator's main thread (its event loop). GC helper threads
   * run on other cores and are not counted: what saturates is the loop.
   */
  gen_cpu_pct: number;
  /** PostgreSQL processes, percent of one core (includes other users of that server). */
  pg_cpu_pct: number;
  /** The Redis server, percent of one core (includes other users of that server). */
  redis_cpu_pct: number;
  /** Whole machine busy, percent of all cores. */
  machine_cpu_pct: number;
  /**
   * Everything else, percent of one core: the machine's busy time minus the server, the
   * generator's main thread, PostgreSQL and Redis (so: other users of the machine, the kernel's
   * network work not charged to a process, and the generator's GC threads).
   */
  other_cpu_pct: number;
}

/**
 * The measured windows of this run, in microseconds of the monotonic clock (the clock V8's CPU
 * profiles use), so a profile can be cut down to the load it was taken under.
 */
export const measuredWindows: Array<{ from: number; to: number }> = [];
const monoMicros = () => Number(process.hrtime.bigint() / 1000n);

/** Measures CPU over a window: call stop() at its end. */
export function startCpuMeter(serverPids: readonly number[]): { stop(): CpuReport } {
  const t0 = performance.now();
  const from = monoMicros();
  const g0 = process.threadCpuUsage();
  const s0 = serverPids.map((p) => cpuTimes(p) ?? { total: 0, sys: 0 });
  const pg0 = cpuSecondsByName(['postgres']);
  const r0 = cpuSecondsByName(['redis-server']);
  const m0 = machineTicks();
  return {
    stop() {
      const wall = (performance.now() - t0) / 1000;
      measuredWindows.push({ from, to: monoMicros() });
      const g = process.threadCpuUsage(g0);
      const s1 = serverPids.map((p, i) => cpuTimes(p) ?? s0[i]!);
      const s = s1.reduce((sum, t, i) => sum + Math.max(0, t.total - s0[i]!.total), 0);
      const sys = s1.reduce((sum, t, i) => sum + Math.max(0, t.sys - s0[i]!.sys), 0);
      // Backends that exit during the window take their CPU time with them: never below zero.
      const pgs = Math.max(0, cpuSecondsByName(['postgres']) - pg0);
      const rs = Math.max(0, cpuSecondsByName(['redis-server']) - r0);
      const m1 = machineTicks();
      const pct = (sec: number) => (wall > 0 ? Math.round((sec / wall) * 1000) / 10 : 0);
      const machineSec = m1.total > m0.total ? ((m1.busy - m0.busy) / (m1.total - m0.total)) * wall * availableParallelism() : 0;
      const gen = (g.user + g.system) / 1e6;
      return {
        other_cpu_pct: pct(Math.max(0, machineSec - s - gen - pgs - rs)),
        server_cpu_pct: pct(s),
        server_sys_pct: pct(sys),
        gen_cpu_pct: pct(gen),
        pg_cpu_pct: pct(pgs),
        redis_cpu_pct: pct(rs),
        machine_cpu_pct: m1.total > m0.total ? Math.round(((m1.busy - m0.busy) / (m1.total - m0.total)) * 1000) / 10 : 0,
      };
    },
  };
}

/** A generator using more than this share of one core is the bottleneck: its row is invalid. */
export const GEN_SATURATED_PCT = 90;
