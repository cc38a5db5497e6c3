/**
 * Summarises V8 CPU profiles (`node --cpu-prof`, written by `npm run bench -- --profile`):
 * where the server's CPU went, by area (kefu folder, dependency, Node internals, GC) and by
 * function (self time, and total time including callees).
 *
 *   node bench/profile.ts <file.cpuprofile | directory> [--top N] [--all] [--callers FUNCTION]
 *
 * When the directory holds `windows.json` (written by the benchmark: the measured windows, in
 * microseconds of the monotonic clock V8 stamps samples with), only samples inside those windows
 * count, so start-up, seeding and set-up do not dilute the picture; `--all` counts everything.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Window {
  from: number;
  to: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface Cost {
  key: string;
  selfMs: number;
  totalMs: number;
}

/** Area of a script URL: `src/<folder>`, `<package>` (node_modules), `node:<module>`, or a V8 pseudo-frame. */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const src = /\/src\/([^/]+)(?:\/|$)/.exec(url);
  if (src) return `src/${src[1]!.replace(/\.ts$/, '')}`;
  if (url.startsWith('node:')) return url.split('/')[0]!;
  return url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
}

const shortUrl = (url: string) => {
  const nm = /node_modules\/(.*)$/.exec(url);
  if (nm) return nm[1]!;
  const src = /\/((?:src|bench|test)\/.*)$/.exec(url);
  if (src) return src[1]!;
  return url.replace(/^file:\/\//, '');
};

export function analyse(p: Profile, windows?: readonly Window[], dropLeaves?: ReadonlySet<string>): { wallMs: number; sampledMs: number; byArea: Cost[]; byFunction: Cost[] } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let t = p.startTime;
  let wall = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    t += dt;
    if (windows && !windows.some((w) => t >= w.from && t <= w.to)) return;
    wall += dt / 1000;
    if (dropLeaves?.has(byId.get(id)?.callFrame.functionName ?? '')) return;
    self.set(id, (self.get(id) ?? 0) + dt / 1000);
  });
  const fnKey = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? `${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
  const areaKey = (n: ProfileNode) => areaOf(n.callFrame.url, n.callFrame.functionName);

  const fnSelf = new Map<string, number>();
  const fnTotal = new Map<string, number>();
  const areaSelf = new Map<string, number>();
  const areaTotal = new Map<string, number>();
  let sampled = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id);
    if (!n) continue;
    sampled += ms;
    fnSelf.set(fnKey(n), (fnSelf.get(fnKey(n)) ?? 0) + ms);
    areaSelf.set(areaKey(n), (areaSelf.get(areaKey(n)) ?? 0) + ms);
    // Total time: charge every distinct function and area on the stack once (recursion counts once).
    const seenFn = new Set<string>();
    const seenArea = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const a = byId.get(cur)!;
      const fk = fnKey(a);
      const ak = areaKey(a);
      if (!seenFn.has(fk)) {
        seenFn.add(fk);
        fnTotal.set(fk, (fnTotal.get(fk) ?? 0) + ms);
      }
      if (!seenArea.has(ak)) {
        seenArea.add(ak);
        areaTotal.set(ak, (areaTotal.get(ak) ?? 0) + ms);
      }
    }
  }
  const costs = (s: Map<string, number>, t: Map<string, number>) =>
    [...t.keys()].map((key) => ({ key, selfMs: s.get(key) ?? 0, totalMs: t.get(key) ?? 0 })).sort((a, b) => b.selfMs - a.selfMs);
  return { wallMs: windows ? wall : (p.endTime - p.startTime) / 1000, sampledMs: sampled, byArea: costs(areaSelf, areaTotal), byFunction: costs(fnSelf, fnTotal) };
}

/**
 * Who calls a function (say `writev`): its self time grouped by the nearest three callers outside
 * Node's internals, which names the library (pg, redis, ws) behind a syscall.
 */
export function callersOf(p: Profile, functionName: string, windows?: readonly Window[]): Array<{ stack: string; ms: number }> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out = new Map<string, number>();
  let t = p.startTime;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    t += dt;
    if (windows && !windows.some((w) => t >= w.from && t <= w.to)) return;
    if (byId.get(id)?.callFrame.functionName !== functionName) return;
    const chain: string[] = [];
    for (let cur = parent.get(id); cur !== undefined && chain.length < 3; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (!f.url || f.url.startsWith('node:')) continue;
      chain.push(`${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`);
    }
    const k = chain.join(' < ') || '(no script caller)';
    out.set(k, (out.get(k) ?? 0) + dt / 1000);
  });
  return [...out].map(([stack, ms]) => ({ stack, ms })).sort((a, b) => b.ms - a.ms);
}

/** The measured windows saved next to the profiles, if any. */
export function windowsFor(file: string): Window[] | undefined {
  const w = join(dirname(file), 'windows.json');
  return existsSync(w) ? (JSON.parse(readFileSync(w, 'utf8')) as Window[]) : undefined;
}

/**
 * Native frames that are socket syscalls. V8 samples by wall clock, so on a machine whose cores
 * are all busy, a write that wakes PostgreSQL or Redis on the same core is charged for the time
 * the writer then spends descheduled; these frames are reported apart from the JavaScript.
 */
export const SYSCALL_FRAMES = new Set(['writev', 'writeBuffer', 'writeUtf8String', 'writeLatin1String', 'writeAsciiString', 'read', 'close', 'shutdown']);

export function summarize(file: string, top = 25, windows = windowsFor(file)): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const a = analyse(p, windows);
  const busy = a.byArea.filter((c) => c.key !== '(idle)').reduce((s, c) => s + c.selfMs, 0);
  const sys = a.byFunction.filter((c) => SYSCALL_FRAMES.has(c.key)).reduce((s, c) => s + c.selfMs, 0);
  const pct = (ms: number) => `${((ms / Math.max(1, busy)) * 100).toFixed(1)}%`.padStart(6);
  // The same samples without the syscall leaves: a view closer to CPU time, for the JS that runs.
  const js = analyse(p, windows, SYSCALL_FRAMES);
  const jsBusy = js.byArea.filter((c) => c.key !== '(idle)').reduce((s, c) => s + c.selfMs, 0);
  const jpct = (ms: number) => `${((ms / Math.max(1, jsBusy)) * 100).toFixed(1)}%`.padStart(6);
  const lines = [
    // Samples are wall-clock: time the thread spent descheduled inside a syscall counts for that syscall.
    `${file}: ${(a.wallMs / 1000).toFixed(1)} s ${windows ? 'inside the measured windows' : 'profiled'}, ${(busy / 1000).toFixed(1)} s not idle (percentages of the non-idle samples; wall-clock sampling)`,
    `  socket syscalls (${[...SYSCALL_FRAMES].join(', ')}): ${pct(sys).trim()} of the non-idle samples, the rest is JavaScript, GC and other native work`,
    '  by area (self / total):',
    ...a.byArea.filter((c) => c.key !== '(idle)').slice(0, 20).map((c) => `    ${pct(c.selfMs)} ${pct(c.totalMs)}  ${c.key}`),
    `  top ${top} functions by self time (self / total):`,
    ...a.byFunction.filter((c) => !c.key.startsWith('(idle)')).slice(0, top).map((c) => `    ${pct(c.selfMs)} ${pct(c.totalMs)}  ${c.key}`),
    `  without the syscall samples (${(jsBusy / 1000).toFixed(1)} s): kefu functions by total time (self / total):`,
    ...js.byFunction
      .filter((c) => /\bsrc\//.test(c.key))
      .sort((x, y) => y.totalMs - x.totalMs)
      .slice(0, top)
      .map((c) => `    ${jpct(c.selfMs)} ${jpct(c.totalMs)}  ${c.key}`),
    '  without the syscall samples: by area (self / total):',
    ...js.byArea.filter((c) => c.key !== '(idle)').slice(0, 15).map((c) => `    ${jpct(c.selfMs)} ${jpct(c.totalMs)}  ${c.key}`),
  ];
  return lines.join('\n');
}

export function profilesIn(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(path, f))
    .sort();
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const path = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--top' && args[i - 1] !== '--callers');
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) || 25 : 25;
  if (!path) {
    process.stderr.write('usage: node bench/profile.ts <file.cpuprofile | directory> [--top N]\n');
    process.exit(2);
  }
  const callersAt = args.indexOf('--callers');
  for (const f of profilesIn(path)) {
    const windows = args.includes('--all') ? undefined : windowsFor(f);
    if (callersAt >= 0) {
      const name = args[callersAt + 1] ?? '';
      const rows = callersOf(JSON.parse(readFileSync(f, 'utf8')) as Profile, name, windows).slice(0, top);
      process.stdout.write(`${f}: callers of ${name}\n${rows.map((r) => `  ${r.ms.toFixed(0).padStart(7)} ms  ${r.stack}`).join('\n')}\n\n`);
    } else process.stdout.write(summarize(f, top, windows) + '\n\n');
  }
}
