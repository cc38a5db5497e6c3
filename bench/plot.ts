/**
 * Draws scenario (b) of a results file as an SVG: p99 latency against offered rate, one line per
 * system, both axes logarithmic, the 50 ms target as a dashed line. No dependencies.
 *
 *   node bench/plot.ts [results.json] [--out docs/benchmarks-rate.svg]
 *
 * Without a file it plots the newest one in bench/results/. A step marked invalid (generator
 * saturated) is drawn as a hollow point.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Row } from './lib/report.ts';

const COLORS: Record<string, string> = { kefu: '#d62728', 'kefu-embedded': '#ff7f0e', 'ws-echo': '#1f77b4', socketio: '#2ca02c' };
const W = 760;
const H = 460;
const M = { left: 70, right: 160, top: 40, bottom: 56 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Decades covering [lo, hi], for a log axis. */
function decades(lo: number, hi: number): [number, number] {
  return [Math.floor(Math.log10(Math.max(lo, 1e-3))), Math.ceil(Math.log10(Math.max(hi, lo * 10)))];
}

export function plotRateLatency(rows: readonly Row[], title: string): string {
  const steps = rows.filter((r) => r.scenario === 'b-step' && r.offered_per_s && r.p99_ms !== null);
  if (steps.length === 0) throw new Error('no scenario (b) steps in these results');
  const [x0, x1] = decades(Math.min(...steps.map((r) => r.offered_per_s!)), Math.max(...steps.map((r) => r.offered_per_s!)));
  const [y0, y1] = decades(Math.min(0.5, ...steps.map((r) => r.p99_ms!)), Math.max(100, ...steps.map((r) => r.p99_ms!)));
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const sx = (v: number) => M.left + ((Math.log10(v) - x0) / (x1 - x0)) * pw;
  const sy = (v: number) => M.top + ph - ((Math.log10(v) - y0) / (y1 - y0)) * ph;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${M.left}" y="22" font-size="14" font-weight="bold">${esc(title)}</text>`,
  ];
  // Grid and tick labels: 1, 2, 5 per decade.
  for (let d = x0; d <= x1; d++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** d;
      if (Math.log10(v) > x1 + 1e-9) continue;
      const x = sx(v);
      out.push(`<line x1="${x}" y1="${M.top}" x2="${x}" y2="${M.top + ph}" stroke="${m === 1 ? '#ccc' : '#eee'}"/>`);
      out.push(`<text x="${x}" y="${M.top + ph + 16}" text-anchor="middle" fill="#444">${v >= 1000 ? `${v / 1000}k` : v}</text>`);
    }
  }
  for (let d = y0; d <= y1; d++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** d;
      if (Math.log10(v) > y1 + 1e-9) continue;
      const y = sy(v);
      out.push(`<line x1="${M.left}" y1="${y}" x2="${M.left + pw}" y2="${y}" stroke="${m === 1 ? '#ccc' : '#eee'}"/>`);
      out.push(`<text x="${M.left - 6}" y="${y + 4}" text-anchor="end" fill="#444">${v}</text>`);
    }
  }
  out.push(`<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#888"/>`);
  out.push(`<text x="${M.left + pw / 2}" y="${H - 14}" text-anchor="middle">offered rate (messages per second, log scale)</text>`);
  out.push(`<text transform="translate(18 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">p99 latency (ms, log scale)</text>`);
  const target = sy(50);
  out.push(`<line x1="${M.left}" y1="${target}" x2="${M.left + pw}" y2="${target}" stroke="#000" stroke-dasharray="6 4"/>`);
  out.push(`<text x="${M.left + pw - 4}" y="${target - 5}" text-anchor="end">p99 target 50 ms</text>`);

  const systems = [...new Set(steps.map((r) => r.system))];
  systems.forEach((system, i) => {
    const color = COLORS[system] ?? '#777';
    const pts = steps.filter((r) => r.system === system).sort((a, b) => a.offered_per_s! - b.offered_per_s!);
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map((r) => `${sx(r.offered_per_s!).toFixed(1)},${sy(r.p99_ms!).toFixed(1)}`).join(' ')}"/>`);
    for (const r of pts) {
      const invalid = r.valid === false;
      out.push(`<circle cx="${sx(r.offered_per_s!).toFixed(1)}" cy="${sy(r.p99_ms!).toFixed(1)}" r="4" fill="${invalid ? 'white' : color}" stroke="${color}" stroke-width="2"><title>${esc(`${system} @${r.offered_per_s}/s: p99 ${r.p99_ms} ms${invalid ? ' (invalid: generator saturated)' : ''}`)}</title></circle>`);
    }
    const ly = M.top + 14 + i * 20;
    const measure = pts[0]?.measure === 'bot' ? ' (to robot reply)' : pts[0]?.measure === 'ack' && system.startsWith('kefu') ? ' (to ack)' : '';
    out.push(`<line x1="${M.left + pw + 12}" y1="${ly}" x2="${M.left + pw + 32}" y2="${ly}" stroke="${color}" stroke-width="2"/>`);
    out.push(`<text x="${M.left + pw + 36}" y="${ly + 4}">${esc(system + measure)}</text>`);
  });
  out.push(`<text x="${M.left + pw + 12}" y="${M.top + 14 + systems.length * 20 + 6}" fill="#666">hollow: generator</text>`);
  out.push(`<text x="${M.left + pw + 12}" y="${M.top + 14 + systems.length * 20 + 20}" fill="#666">saturated (invalid)</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const outFile = outAt >= 0 ? args[outAt + 1] : join(new URL('..', import.meta.url).pathname, 'docs/benchmarks-rate.svg');
  let file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
  if (!file) {
    const dir = new URL('results/', import.meta.url).pathname;
    const all = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    if (all.length === 0) {
      process.stderr.write('no results in bench/results/; run npm run bench first\n');
      process.exit(2);
    }
    file = join(dir, all[all.length - 1]!);
  }
  if (!outFile) {
    process.stderr.write('--out needs a file\n');
    process.exit(2);
  }
  const rows = JSON.parse(readFileSync(file, 'utf8')) as Row[];
  const name = file.split('/').pop()!.replace(/\.json$/, '');
  writeFileSync(outFile, plotRateLatency(rows, `kefu benchmark (b): p99 latency vs offered rate, ${name}`));
  process.stdout.write(`wrote ${outFile} from ${file}\n`);
}
