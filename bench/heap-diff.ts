/**
 * What a server keeps per connection, from two V8 heap snapshots: one before and one after
 * opening N idle connections. Prints the growth per connection by object type and, optionally,
 * how one object of a type is reachable from the GC roots (who keeps it alive).
 *
 *   node --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=/tmp/snap src/main.ts start   (or any server)
 *   kill -USR2 <pid>; open N connections; kill -USR2 <pid>
 *   node bench/heap-diff.ts before.heapsnapshot after.heapsnapshot N [--retainer IncomingMessage]
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Snapshot;

/** Heap bytes and object counts by kind ("object:WebSocket", "closure", "string", ...). */
export function aggregate(s: Snapshot): { total: number; byKind: Map<string, { size: number; count: number }> } {
  const f = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const n = f.length;
  const iT = f.indexOf('type');
  const iN = f.indexOf('name');
  const iS = f.indexOf('self_size');
  const byKind = new Map<string, { size: number; count: number }>();
  let total = 0;
  for (let i = 0; i < s.nodes.length; i += n) {
    const t = types[s.nodes[i + iT]!]!;
    const name = s.strings[s.nodes[i + iN]!]!;
    // Strings, code and numbers are named by their content: group them by kind only.
    const kind = /string|code|number|closure|array|hidden/.test(t) ? t : `${t}:${name}`;
    const e = byKind.get(kind) ?? { size: 0, count: 0 };
    e.size += s.nodes[i + iS]!;
    e.count++;
    byKind.set(kind, e);
    total += s.nodes[i + iS]!;
  }
  return { total, byKind };
}

/** The shortest path of strong edges from the GC roots to one object named `name`. */
export function retainerPath(s: Snapshot, name: string, pick = 0): string[] {
  const nf = s.snapshot.meta.node_fields;
  const ef = s.snapshot.meta.edge_fields;
  const ntypes = s.snapshot.meta.node_types[0];
  const etypes = s.snapshot.meta.edge_types[0];
  const N = nf.length;
  const E = ef.length;
  const [iT, iN, iEC] = [nf.indexOf('type'), nf.indexOf('name'), nf.indexOf('edge_count')];
  const [eT, eN, eTo] = [ef.indexOf('type'), ef.indexOf('name_or_index'), ef.indexOf('to_node')];
  const count = s.nodes.length / N;
  const rev: Array<Array<[number, string]>> = Array.from({ length: count }, () => []);
  let e = 0;
  for (let from = 0; from < count; from++) {
    for (let k = 0; k < s.nodes[from * N + iEC]!; k++, e += E) {
      const et = etypes[s.edges[e + eT]!]!;
      if (et === 'weak') continue;
      const label = et === 'element' || et === 'hidden' ? `[${s.edges[e + eN]}]` : s.strings[s.edges[e + eN]!];
      rev[s.edges[e + eTo]! / N]!.push([from, `${et}:${label}`]);
    }
  }
  const nameOf = (i: number) => `${ntypes[s.nodes[i * N + iT]!]}:${s.strings[s.nodes[i * N + iN]!]}`.slice(0, 80);
  const matches: number[] = [];
  for (let i = 0; i < count; i++) if (s.strings[s.nodes[i * N + iN]!] === name && ntypes[s.nodes[i * N + iT]!] === 'object') matches.push(i);
  if (matches.length === 0) return [`no object named ${name}`];
  const start = matches[Math.min(pick, matches.length - 1)]!;
  const prev = new Map<number, [number, string] | null>([[start, null]]);
  const queue = [start];
  for (let q = 0; q < queue.length && !prev.has(0); q++) {
    for (const [p, label] of rev[queue[q]!]!) {
      if (prev.has(p)) continue;
      prev.set(p, [queue[q]!, label]);
      queue.push(p);
    }
  }
  if (!prev.has(0)) return [`${name}: not reachable from the roots through strong edges`];
  const path: string[] = [];
  for (let cur = 0; cur !== start; ) {
    const [next, label] = prev.get(cur)!;
    path.push(`${nameOf(cur)}  --${label}-->`);
    cur = next;
  }
  path.push(nameOf(start));
  return path;
}

if (import.meta.main) {
  const [before, after, nArg] = process.argv.slice(2);
  const n = Number(nArg);
  if (!before || !after || !Number.isInteger(n) || n <= 0) {
    process.stderr.write('usage: node bench/heap-diff.ts before.heapsnapshot after.heapsnapshot CONNECTIONS [--retainer NAME]\n');
    process.exit(2);
  }
  const b = load(after);
  const [x, y] = [aggregate(load(before)), aggregate(b)];
  process.stdout.write(`JS heap ${(x.total / 2 ** 20).toFixed(1)} → ${(y.total / 2 ** 20).toFixed(1)} MB: ${((y.total - x.total) / n).toFixed(0)} bytes per connection\n`);
  const rows = [...y.byKind]
    .map(([k, v]) => ({ k, size: v.size - (x.byKind.get(k)?.size ?? 0), count: v.count - (x.byKind.get(k)?.count ?? 0) }))
    .sort((p, q) => q.size - p.size)
    .slice(0, 30);
  for (const r of rows) process.stdout.write(`${(r.size / n).toFixed(0).padStart(7)} B ${(r.count / n).toFixed(2).padStart(7)} objects per connection  ${r.k}\n`);
  const at = process.argv.indexOf('--retainer');
  if (at > 0 && process.argv[at + 1]) process.stdout.write(`\nwho keeps a ${process.argv[at + 1]} alive:\n  ${retainerPath(b, process.argv[at + 1]!, 100).join('\n  ')}\n`);
}
