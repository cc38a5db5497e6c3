/**
 * Result rows, the printed table, the kefu / ceiling ratios and the target verdicts.
 * One results file per run: `bench/results/<ISO timestamp>.json`, an array of Row.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { System } from './gen.ts';
import type { CpuReport } from './proc.ts';
import { GEN_SATURATED_PCT } from './proc.ts';
import type { Summary } from './stats.ts';

export interface Row {
  scenario: string;
  system: System;
  p50_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
  msgs_per_s: number | null;
  errors: number;
  kb_per_conn?: number;
  valid?: boolean;
  note?: string;
  /** Open-loop steps: the offered rate. */
  offered_per_s?: number;
  /** What the latency measures: `ack` (send → ack), `bot` (send → robot reply), `fanout`, `sync`. */
  measure?: string;
  samples?: number;
  connections?: number;
  /** (a) on kefu: send → the robot's first reply. */
  bot_p50_ms?: number | null;
  bot_p99_ms?: number | null;
  /** (b) on kefu: robot turns answered by a system notice in the step (shed or failed: each conversation handed to a person). */
  shed?: number;
  /** (b): the server's CPU per answered message in the step, ms (all its processes). */
  cpu_ms_per_msg?: number;
  /** (b) on kefu: share of the step's messages whose understanding the NLU had remembered. */
  nlu_hit_rate?: number;
  /** The soak (`--soak`): the server's resident memory before and after, and the growth. */
  rss_before_mb?: number;
  rss_after_mb?: number;
  rss_growth_pct?: number;
  server_cpu_pct?: number;
  server_sys_pct?: number;
  gen_cpu_pct?: number;
  pg_cpu_pct?: number;
  redis_cpu_pct?: number;
  machine_cpu_pct?: number;
  other_cpu_pct?: number;
}

/** A row from a latency summary and a CPU window; marks it invalid when the generator saturated. */
export function makeRow(base: Omit<Row, 'p50_ms' | 'p99_ms' | 'max_ms' | 'samples'>, s: Summary, cpu?: CpuReport): Row {
  const row: Row = { ...base, p50_ms: s.p50_ms, p99_ms: s.p99_ms, max_ms: s.max_ms, samples: s.count, ...(cpu ?? {}) };
  if (cpu && cpu.gen_cpu_pct > GEN_SATURATED_PCT) {
    row.valid = false;
    row.note = [row.note, `INVALID: generator used ${cpu.gen_cpu_pct}% of a core (> ${GEN_SATURATED_PCT}%): it, not the server, was the limit`].filter(Boolean).join('; ');
  }
  return row;
}

export function errorRow(scenario: string, system: System, e: unknown): Row {
  return { scenario, system, p50_ms: null, p99_ms: null, max_ms: null, msgs_per_s: null, errors: 1, valid: false, note: `FAILED: ${(e as Error).message.split('\n')[0]}` };
}

const fmt = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? '-' : v >= 1000 ? Math.round(v).toString() : v.toFixed(digits));

export function table(rows: readonly Row[]): string {
  const head = ['scenario', 'system', 'offered/s', 'p50 ms', 'p99 ms', 'max ms', 'msgs/s', 'err', 'KB/conn', 'srv cpu%', 'gen cpu%', 'other%', 'valid'];
  const body = rows.map((r) => [
    r.scenario,
    r.system,
    r.offered_per_s ? String(r.offered_per_s) : '',
    fmt(r.p50_ms),
    fmt(r.p99_ms),
    fmt(r.max_ms),
    r.msgs_per_s === null ? '-' : String(Math.round(r.msgs_per_s)),
    String(r.errors),
    r.kb_per_conn === undefined ? '' : r.kb_per_conn.toFixed(1),
    r.server_cpu_pct === undefined ? '' : String(r.server_cpu_pct),
    r.gen_cpu_pct === undefined ? '' : String(r.gen_cpu_pct),
    r.other_cpu_pct === undefined ? '' : String(r.other_cpu_pct),
    r.valid === false ? 'NO' : 'yes',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.scenario} ${r.system}: ${r.note}`);
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}

const find = (rows: readonly Row[], scenario: string, system: System) => rows.find((r) => r.scenario === scenario && r.system === system);

/** kefu / ceiling for every scenario both ran: p99 for latency rows, rate for throughput, KB for memory. */
export function ratios(rows: readonly Row[]): string[] {
  const out: string[] = [];
  const scenarios = [...new Set(rows.map((r) => r.scenario))].filter((s) => s !== 'b-step');
  for (const s of scenarios) {
    for (const sys of ['kefu', 'kefu-embedded'] as const) {
      const k = find(rows, s, sys);
      if (!k) continue;
      for (const ceil of ['ws-echo', 'socketio'] as const) {
        const c = find(rows, s, ceil);
        if (!c) continue;
        const parts: string[] = [];
        if (s === 'b' || s.startsWith('f')) {
          if (k.msgs_per_s && c.msgs_per_s) parts.push(`rate ${(k.msgs_per_s / c.msgs_per_s).toFixed(2)}`);
        } else if (s.startsWith('c')) {
          if (k.kb_per_conn !== undefined && c.kb_per_conn) parts.push(`memory ${(k.kb_per_conn / c.kb_per_conn).toFixed(2)}x`);
        } else {
          if (k.p99_ms && c.p99_ms) parts.push(`p99 ${(k.p99_ms / c.p99_ms).toFixed(1)}x`);
          if (k.msgs_per_s && c.msgs_per_s) parts.push(`rate ${(k.msgs_per_s / c.msgs_per_s).toFixed(2)}`);
        }
        const caveat = k.valid === false || c.valid === false ? ' (a row is invalid)' : '';
        if (parts.length) out.push(`${s.padEnd(10)} ${sys.padEnd(13)} / ${ceil.padEnd(8)}  ${parts.join(', ')}${caveat}`);
      }
    }
  }
  return out;
}

/** The brief's targets, judged on the `kefu` (real PostgreSQL + Redis) rows. */
export function verdicts(rows: readonly Row[]): string[] {
  const out: string[] = [];
  const say = (name: string, ok: boolean | undefined, detail: string) => out.push(`${ok === undefined ? 'n/a ' : ok ? 'MET ' : 'MISS'}  ${name}: ${detail}`);
  const a = find(rows, 'a', 'kefu');
  say('a  p99 <= 15 ms, zero errors', a ? a.p99_ms !== null && a.p99_ms <= 15 && a.errors === 0 : undefined, a ? `p99 ${fmt(a.p99_ms)} ms to the ack${a.bot_p99_ms != null ? `, ${fmt(a.bot_p99_ms)} ms to the robot's reply` : ''}, ${a.errors} errors` : 'not run');
  const b = find(rows, 'b', 'kefu');
  const echo = find(rows, 'b', 'ws-echo');
  const rate = b?.msgs_per_s ?? 0;
  say('b  >= 5000 msgs/s at p99 < 50 ms', b ? rate >= 5000 : undefined, b ? `${rate}/s (${b.measure ?? 'ack'} latency)` : 'not run');
  say('b  >= 2500 msgs/s at p99 < 50 ms (throughput issue)', b ? rate >= 2500 : undefined, b ? `${rate}/s` : 'not run');
  for (const [at, max] of [[50, 0.6], [500, 0.4]] as const) {
    const st = rows.find((x) => x.scenario === 'b-step' && x.system === 'kefu' && x.offered_per_s === at);
    say(`b  CPU per answered message <= ${max} ms at ${at}/s`, st?.cpu_ms_per_msg !== undefined ? st.cpu_ms_per_msg <= max : undefined, st?.cpu_ms_per_msg !== undefined ? `${st.cpu_ms_per_msg} ms` : 'not run');
  }
  const soak = find(rows, 'soak', 'kefu');
  say('soak: resident memory growth < 10 %, no error', soak ? soak.errors === 0 && (soak.rss_growth_pct ?? Infinity) < 10 : undefined, soak ? `${soak.rss_growth_pct} %, ${soak.errors} errors, ${soak.offered_per_s}/s` : 'not run (--soak)');
  say('b  >= 0.3 x ws-echo rate', b && echo?.msgs_per_s ? rate / echo.msgs_per_s >= 0.3 : undefined, b && echo?.msgs_per_s ? `${(rate / echo.msgs_per_s).toFixed(2)} (echo ${echo.msgs_per_s}/s${echo.valid === false ? ', echo row invalid' : ''})` : 'not run');
  for (const r of rows.filter((x) => x.scenario.startsWith('c-') && x.system === 'kefu')) {
    const c = find(rows, r.scenario, 'ws-echo');
    const ok = r.kb_per_conn !== undefined && c?.kb_per_conn ? r.kb_per_conn / c.kb_per_conn <= 1.5 : undefined;
    say(`${r.scenario.padEnd(3)} memory <= 1.5 x ws`, ok, r.kb_per_conn !== undefined && c?.kb_per_conn ? `${r.kb_per_conn.toFixed(1)} KB vs ${c.kb_per_conn.toFixed(1)} KB per connection` : 'not run');
  }
  const e = find(rows, 'e-c50', 'kefu');
  say('e  sync 500 p99 <= 10 ms at concurrency 50', e ? e.p99_ms !== null && e.p99_ms <= 10 && e.errors === 0 : undefined, e ? `p99 ${fmt(e.p99_ms)} ms, ${e.errors} errors` : 'not run');
  return out;
}

export function writeResults(dir: string, startedAt: Date, rows: readonly Row[]): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(rows, null, 2) + '\n');
  return file;
}
