/**
 * deploy/ stays true to kefu (docs/deployment.md):
 *
 * - every metric the Grafana dashboard and the Prometheus alerts query is one a running kefu
 *   exposes on /metrics (an embedded node started in this process), histograms as
 *   `_bucket`/`_sum`/`_count`, and every label they match on is one that metric has; the only
 *   outside metrics are listed in EXTERNAL with where they come from;
 * - the YAML files (compose, Kubernetes, alerts) are read by a small parser written here for the
 *   subset of YAML they use: block mappings and sequences, plain and quoted scalars, `|`/`>`
 *   block scalars, one-line flow collections that are valid JSON, `---` documents. Anything
 *   else (anchors, tags, tabs, multi-line plain scalars, duplicate keys, YAML 1.1 booleans such
 *   as `yes`) fails the test rather than being guessed. This proves the files are well-formed
 *   within that subset and have the structure checked below; it is not a full YAML parser, and
 *   Prometheus, Compose and Kubernetes validate their own schemas beyond what is checked here
 *   (`promtool check rules` runs below when promtool is installed);
 * - every alert has summary, description and a runbook_url naming the heading of its own
 *   section of docs/deployment.md;
 * - the Dockerfile's CMD runs a file that exists, its HEALTHCHECK script (run here against the
 *   node) exits 0 when /healthz answers and 1 when nothing listens, and what it copies exists
 *   and is not excluded by its ignore file; nothing in bin/ or src/ imports a devDependency
 *   (the image installs with --omit=dev);
 * - the variables the compose file and the Kubernetes ConfigMap set are kefu's, and their values
 *   pass kefu's own configuration check (with generated secrets for the placeholders);
 * - nginx.conf keeps /im's read timeout above kefu's heartbeat and sets the headers it must.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, globSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNode, type Node } from '../support/kefu.ts';
import { CONFIG_KEYS, loadConfig } from '../../src/config/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

// ---------------------------------------------------------------------------------------------
// A parser for the subset of YAML deploy/ uses (see the header).

type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml };
type YMap = { [key: string]: Yaml };

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#\-[{&*!|>%@`][^:#]*?|-[^\s:#][^:#]*?):(?=\s|$)\s*/;

class YamlSubset {
  readonly #lines: string[];
  #i = 0;

  constructor(text: string) {
    this.#lines = text.replace(/\r\n/g, '\n').split('\n');
  }

  static documents(text: string): Yaml[] {
    return new YamlSubset(text).#documents();
  }

  #fail(why: string): never {
    throw new Error(`YAML line ${this.#i + 1}: ${why}: ${JSON.stringify(this.#lines[this.#i] ?? '<end>')}`);
  }

  #skip(): void {
    while (this.#i < this.#lines.length && /^\s*(#.*)?$/.test(this.#lines[this.#i]!)) this.#i++;
  }

  #indent(line: string): number {
    const n = /^ */.exec(line)![0].length;
    if (line[n] === '\t') this.#fail('tab in indentation');
    return n;
  }

  #atEnd(): boolean {
    this.#skip();
    return this.#i >= this.#lines.length || /^(---|\.\.\.)\s*$/.test(this.#lines[this.#i]!);
  }

  #documents(): Yaml[] {
    const docs: Yaml[] = [];
    for (;;) {
      this.#skip();
      if (this.#i >= this.#lines.length) return docs;
      if (/^---\s*$/.test(this.#lines[this.#i]!)) {
        this.#i++;
        continue;
      }
      const indent = this.#indent(this.#lines[this.#i]!);
      if (indent !== 0) this.#fail('a document must start at column 0');
      docs.push(this.#node(0));
    }
  }

  #node(indent: number): Yaml {
    const text = this.#lines[this.#i]!.slice(indent);
    return text === '-' || text.startsWith('- ') ? this.#seq(indent) : this.#map(indent);
  }

  #seq(indent: number): Yaml[] {
    const items: Yaml[] = [];
    while (!this.#atEnd()) {
      const line = this.#lines[this.#i]!;
      const n = this.#indent(line);
      if (n < indent) break;
      if (n > indent) this.#fail('unexpected indentation in a sequence');
      const text = line.slice(indent);
      if (!(text === '-' || text.startsWith('- '))) this.#fail('a mapping key where a sequence item was expected');
      const rest = text.slice(1).trimStart();
      if (rest === '' || rest.startsWith('#')) {
        this.#i++;
        items.push(this.#nested(indent));
      } else if (KEY.test(rest)) {
        // `- key: value` opens a mapping whose keys sit at the column of `key`.
        const col = indent + (text.length - rest.length);
        this.#lines[this.#i] = ' '.repeat(col) + rest;
        items.push(this.#map(col));
      } else {
        this.#i++;
        items.push(this.#value(rest, indent));
      }
    }
    return items;
  }

  #map(indent: number): YMap {
    const obj: YMap = {};
    while (!this.#atEnd()) {
      const line = this.#lines[this.#i]!;
      const n = this.#indent(line);
      if (n < indent) break;
      if (n > indent) this.#fail('unexpected indentation in a mapping');
      const text = line.slice(indent);
      if (text.startsWith('- ') || text === '-') this.#fail('a sequence at the indentation of its key (indent it)');
      const m = KEY.exec(text);
      if (!m) this.#fail('not a `key: value` line');
      const raw = m[1]!.trim();
      const k = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
      if (k === '<<') this.#fail('merge keys are not supported');
      if (Object.hasOwn(obj, k)) this.#fail(`duplicate key ${k}`);
      this.#i++;
      obj[k] = this.#value(text.slice(m[0].length), indent);
    }
    return obj;
  }

  /** The value after `key:` or `- `, `this.#i` already on the next line. */
  #value(raw: string, indent: number): Yaml {
    const rest = raw.trim();
    if (rest === '' || rest.startsWith('#')) return this.#nested(indent);
    const block = /^([|>])([-+]?)\s*(#.*)?$/.exec(rest);
    if (block) return this.#block(block[1] as '|' | '>', block[2]!, indent);
    return this.#scalar(rest);
  }

  /** A block nested under the current key, or null when nothing is indented below it. */
  #nested(indent: number): Yaml {
    if (this.#atEnd()) return null;
    const n = this.#indent(this.#lines[this.#i]!);
    return n > indent ? this.#node(n) : null;
  }

  #block(style: '|' | '>', chomp: string, indent: number): string {
    if (chomp === '+') this.#fail('keep chomping (|+) is not supported');
    const body: string[] = [];
    let col = -1;
    while (this.#i < this.#lines.length) {
      const line = this.#lines[this.#i]!;
      if (line.trim() === '') {
        body.push('');
        this.#i++;
        continue;
      }
      const n = this.#indent(line);
      if (n <= indent) break;
      if (col < 0) col = n;
      if (n < col) this.#fail('block scalar line less indented than its first line');
      body.push(line.slice(col));
      this.#i++;
    }
    while (body.length && body[body.length - 1] === '') body.pop();
    const text = style === '|' ? body.join('\n') : body.reduce((acc, l, j) => (j === 0 ? l : l === '' ? `${acc}\n` : acc.endsWith('\n') ? acc + l : `${acc} ${l}`), '');
    return chomp === '-' ? text : `${text}\n`;
  }

  #scalar(raw: string): Yaml {
    const s = raw.trim();
    const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*(#.*)?$/.exec(s);
    if (quoted) {
      const q = quoted[1]!;
      return q.startsWith('"') ? (JSON.parse(q) as string) : q.slice(1, -1).replace(/''/g, "'");
    }
    if (s.startsWith('"') || s.startsWith("'")) this.#fail('unterminated or multi-line quoted scalar');
    if (s.startsWith('[') || s.startsWith('{')) {
      const flow = s.replace(/\s+#.*$/, '');
      try {
        return JSON.parse(flow) as Yaml;
      } catch {
        this.#fail('flow collection that is not valid JSON (not supported here)');
      }
    }
    if (/^[&*!%@`]/.test(s)) this.#fail('anchors, aliases, tags and reserved indicators are not supported');
    const plain = s.replace(/\s+#.*$/, '');
    if (/:\s/.test(plain) || plain.endsWith(':')) this.#fail('": " inside a plain scalar');
    if (/^(true|false)$/.test(plain)) return plain === 'true';
    if (/^(null|~)$/.test(plain)) return null;
    if (/^(yes|no|on|off|y|n)$/i.test(plain)) this.#fail('YAML 1.1 boolean: quote it');
    if (/^-?(0|[1-9]\d*)$/.test(plain)) return Number(plain);
    if (/^-?\d+\.\d+$/.test(plain)) return Number(plain);
    if (/^-?\d+(:\d+)+$/.test(plain) || /^0\d+$/.test(plain)) this.#fail('sexagesimal or octal-looking number: quote it');
    // A plain scalar ends at its line (this.#i is on the next one): a more indented line that is
    // neither a key nor an item would continue it.
    const next = this.#lines[this.#i];
    const own = this.#lines[this.#i - 1] ?? '';
    if (next !== undefined && !/^\s*(#.*)?$/.test(next) && this.#indent(next) > this.#indent(own) && !KEY.test(next.trim()) && !next.trim().startsWith('- ')) {
      this.#fail('multi-line plain scalar (not supported here)');
    }
    return plain;
  }
}

const yamlDocs = (p: string) => YamlSubset.documents(read(p));
const isMap = (v: Yaml | undefined): v is YMap => typeof v === 'object' && v !== null && !Array.isArray(v);
const map = (v: Yaml | undefined, what: string): YMap => {
  assert.ok(isMap(v), `${what} is a mapping`);
  return v;
};
const list = (v: Yaml | undefined, what: string): Yaml[] => {
  assert.ok(Array.isArray(v), `${what} is a sequence`);
  return v;
};

test('the YAML subset parser reads what it claims and refuses the rest', () => {
  const doc = YamlSubset.documents(
    'a: 1\nb: "x: y" # c\nc:\n  - d\n  - e: f\n    g: [1, "2"]\nh: |-\n  one\n  two\ni: >-\n  three\n  four\nj: {}\nk: 0.0.0.0\n---\n- z\n',
  );
  assert.deepEqual(doc, [{ a: 1, b: 'x: y', c: ['d', { e: 'f', g: [1, '2'] }], h: 'one\ntwo', i: 'three four', j: {}, k: '0.0.0.0' }, ['z']]);
  for (const bad of ['a: &x 1\n', 'a: 1\na: 2\n', 'a: yes\n', 'a:\n\t- b\n', 'a: [b, c]\n', 'a: b: c\n', 'a: one\n  two\n', 'a:\n- b\n']) {
    assert.throws(() => YamlSubset.documents(bad), /YAML line/, JSON.stringify(bad));
  }
});

// ---------------------------------------------------------------------------------------------
// PromQL: the metric names and matched labels of an expression.

/** Metrics that are not kefu's, and where they come from. */
const EXTERNAL: Record<string, string> = {
  up: "Prometheus's own series per scrape target",
  kube_pod_status_ready: 'kube-state-metrics (Kubernetes pod readiness)',
};
/** Labels Prometheus adds to every series of a target, or that only exist in a query's result. */
const TARGET_LABELS = new Set(['job', 'instance', 'pod', 'namespace']);
const NOT_METRICS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'inf', 'nan']);

interface Selector {
  readonly name: string;
  readonly labels: readonly string[];
}

function selectors(expr: string): Selector[] {
  const e = expr
    .replace(/\[[^\]]*\]/g, ' ') // ranges, with Grafana's $__rate_interval and $__range
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const out: Selector[] = [];
  const token = /"(?:[^"\\]|\\.)*"|\{[^}]*\}|\d+(?:\.\d+)?(?:e[+-]?\d+)?|([A-Za-z_:][A-Za-z0-9_:]*)\s*(\{[^}]*\})?(\s*\()?/g;
  for (const m of e.matchAll(token)) {
    const [, name, matchers, call] = m;
    if (m[0].startsWith('{')) throw new Error(`a selector without a metric name in ${expr}`);
    if (!name || call || NOT_METRICS.has(name.toLowerCase())) continue;
    const labels = [...(matchers ?? '').matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*(?:=~|!~|!=|=)\s*"/g)].map((l) => l[1]!);
    out.push({ name, labels });
  }
  return out;
}

test('the PromQL reader finds metric names and matched labels, not functions or grouping labels', () => {
  assert.deepEqual(
    selectors('histogram_quantile(0.99, sum by (le, version) (rate(kefu_bot_answer_seconds_bucket{job="kefu", version=~"v.*"}[$__rate_interval]))) > 1e9 and on () up == 0'),
    [
      { name: 'kefu_bot_answer_seconds_bucket', labels: ['job', 'version'] },
      { name: 'up', labels: [] },
    ],
  );
});

// ---------------------------------------------------------------------------------------------
// A running kefu: what /metrics exposes, with each metric's labels.

let node: Node;
/** Series names a query may use → the labels of that series. */
const exposed = new Map<string, Set<string>>();

before(async () => {
  node = await startNode({});
  const text = await (await fetch(`${node.url}/metrics`)).text();
  for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    const [, name, type] = m as unknown as [string, string, string];
    const metric = node.rt.metrics.registry.getSingleMetric(name) as { labelNames?: readonly string[] } | undefined;
    const labels = new Set([...(metric?.labelNames ?? []), ...TARGET_LABELS]);
    // Labels that only appear with samples (metrics registered without labelNames but set with some).
    const sampleLabels = new RegExp(`^${name}(?:_bucket|_sum|_count)?\\{([^}]*)\\}`, 'gm');
    for (const s of text.matchAll(sampleLabels)) for (const l of s[1]!.matchAll(/([A-Za-z_]\w*)="/g)) labels.add(l[1]!);
    if (type === 'histogram') {
      exposed.set(`${name}_bucket`, new Set([...labels, 'le']));
      exposed.set(`${name}_sum`, labels);
      exposed.set(`${name}_count`, labels);
    } else if (type === 'summary') {
      exposed.set(name, new Set([...labels, 'quantile']));
      exposed.set(`${name}_sum`, labels);
      exposed.set(`${name}_count`, labels);
    } else {
      exposed.set(name, labels);
    }
  }
});

after(async () => {
  await node?.close();
});

/** Problems with the metrics of a set of expressions, as lines. */
function metricProblems(where: string, exprs: readonly string[]): string[] {
  const problems: string[] = [];
  for (const expr of exprs) {
    for (const s of selectors(expr)) {
      if (EXTERNAL[s.name]) continue;
      const labels = exposed.get(s.name);
      if (!labels) {
        const hint = exposed.has(`${s.name}_bucket`) ? ' (a histogram: use _bucket, _sum or _count)' : '';
        problems.push(`${where}: ${s.name} is not exposed by kefu${hint}`);
        continue;
      }
      for (const l of s.labels) if (!labels.has(l)) problems.push(`${where}: ${s.name} has no label ${l}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

describe('grafana-dashboard.json', () => {
  const dashboard = JSON.parse(read('deploy/grafana-dashboard.json')) as { panels: Panel[]; templating: { list: { query?: unknown; definition?: string }[] } };
  interface Panel {
    id: number;
    type: string;
    title: string;
    gridPos?: unknown;
    targets?: { expr?: string }[];
    panels?: Panel[];
  }
  const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
  const exprs = panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr ?? ''));

  test('every metric and label it queries is exposed by kefu', () => {
    assert.ok(exprs.length >= 20, `the dashboard has queries (found ${exprs.length})`);
    const templ = dashboard.templating.list.flatMap((v) => {
      const m = /label_values\((.+),\s*(\w+)\)/.exec(v.definition ?? '');
      return m ? [`${m[1]}{${m[2]}=""}`.replace(/\}\{/, ', ')] : [];
    });
    assert.deepEqual(metricProblems('dashboard', [...exprs, ...templ]), []);
  });

  test('it covers what the deployment issue asks for', () => {
    const used = new Set(exprs.flatMap((e) => selectors(e).map((s) => s.name.replace(/_(bucket|sum|count)$/, ''))));
    const wanted = [
      'kefu_ws_connections', 'kefu_messages_total', 'kefu_message_latency_seconds', 'kefu_bot_answer_seconds', 'kefu_shop_backlog',
      'kefu_work_rejected_total', 'kefu_commands', 'kefu_routing_assignments_total', 'kefu_first_response_seconds', 'kefu_ratings_total',
      'kefu_conversations_closed_total', 'kefu_robot_failures_total', 'kefu_event_listener_errors_total', 'nodejs_eventloop_lag_p99_seconds',
      'process_resident_memory_bytes',
      // Operations (issue #14): sockets by device, shedding, routing wait, REST, Redis, the pool, backups.
      'kefu_ws_connections_by_device', 'kefu_robot_shed_total', 'kefu_robot_shop_backlog', 'kefu_routing_wait_seconds',
      'kefu_http_requests_total', 'kefu_redis_ping_seconds', 'kefu_redis_memory_bytes', 'kefu_redis_circuit_open',
      'kefu_db_pool_connections', 'kefu_db_pool_waiting', 'kefu_backup_last_success_timestamp_seconds',
    ];
    assert.deepEqual(wanted.filter((w) => !used.has(w)), []);
    assert.ok(exprs.some((e) => /kefu_ratings_total\{[^}]*score=~"4\|5"/.test(e)), 'CSAT: share of scores 4-5');
    assert.ok(exprs.some((e) => /kefu_conversations_closed_total\{[^}]*handled_by="robot"/.test(e)), 'containment: handled_by="robot" over all');
  });

  test('panels are well-formed: unique ids, a position, a query per target', () => {
    const ids = panels.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length, 'unique panel ids');
    for (const p of panels) {
      assert.ok(p.gridPos, `${p.title} has a gridPos`);
      if (p.type !== 'row') assert.ok((p.targets ?? []).length > 0 && p.targets!.every((t) => t.expr && t.expr.trim()), `${p.title} has queries`);
    }
  });
});

describe('prometheus-alerts.yml', () => {
  interface Rule {
    alert?: string;
    expr?: string;
    for?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  }
  const rules = (): Rule[] => {
    const docs = yamlDocs('deploy/prometheus-alerts.yml');
    assert.equal(docs.length, 1);
    return list(map(docs[0], 'the file').groups, 'groups').flatMap((g) => {
      const group = map(g, 'a group');
      assert.equal(typeof group.name, 'string', 'every group has a name');
      return list(group.rules, `rules of ${String(group.name)}`) as unknown as Rule[];
    });
  };

  test('parses (YAML subset) into groups of alert rules with severity, summary, description, runbook_url', () => {
    const all = rules();
    assert.ok(all.length >= 11);
    for (const r of all) {
      assert.match(r.alert ?? '', /^Kefu[A-Z][A-Za-z]+$/, 'alert name');
      assert.ok(typeof r.expr === 'string' && r.expr.trim(), `${r.alert}: expr`);
      if (r.for !== undefined) assert.match(r.for, /^\d+[smh]$/, `${r.alert}: for`);
      assert.ok(['warning', 'critical'].includes(r.labels?.severity ?? ''), `${r.alert}: severity`);
      for (const a of ['summary', 'description', 'runbook_url']) assert.ok(r.annotations?.[a]?.trim(), `${r.alert}: annotation ${a}`);
    }
    const names = new Set(all.map((r) => r.alert));
    const wanted = ['KefuDown', 'KefuNotReady', 'KefuAckLatencyHigh', 'KefuRobotAnswersSlow', 'KefuWorkRejected', 'KefuShopBacklogGrowing', 'KefuCommandsDead', 'KefuRobotFailuresRising', 'KefuEventLoopLagHigh', 'KefuMemoryGrowth', 'KefuFirstResponseSlow'];
    assert.deepEqual(wanted.filter((w) => !names.has(w)), []);
  });

  test('every metric and label it queries is exposed by kefu (or listed as external)', () => {
    assert.deepEqual(metricProblems('alerts', rules().map((r) => r.expr!)), []);
    const external = new Set(rules().flatMap((r) => selectors(r.expr!).map((s) => s.name)).filter((n) => EXTERNAL[n]));
    assert.deepEqual([...external].sort(), Object.keys(EXTERNAL).sort(), 'EXTERNAL lists only what the alerts use');
  });

  test('every runbook_url names the heading of its own alert in docs/deployment.md', () => {
    const slug = (h: string) => h.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const headings = new Set([...read('docs/deployment.md').matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1]!)));
    for (const r of rules()) {
      const m = /^docs\/deployment\.md#(.+)$/.exec(r.annotations!.runbook_url!);
      assert.ok(m, `${r.alert}: runbook_url is docs/deployment.md#<heading> (got ${r.annotations!.runbook_url})`);
      assert.ok(headings.has(m[1]!), `${r.alert}: docs/deployment.md has no heading #${m[1]}`);
      assert.equal(m[1], slug(r.alert!), `${r.alert}: its runbook is its own section`);
    }
  });

  const promtool = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  test('promtool check rules accepts it', { skip: promtool.status === 0 ? false : 'promtool is not installed' }, () => {
    const r = spawnSync('promtool', ['check', 'rules', join(ROOT, 'deploy/prometheus-alerts.yml')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});

// ---------------------------------------------------------------------------------------------

/** Dockerfile instructions, continuation lines joined, comments dropped. */
function dockerfile(): { op: string; args: string }[] {
  const out: { op: string; args: string }[] = [];
  let cur = '';
  for (const line of read('deploy/Dockerfile').split('\n')) {
    if (/^\s*#/.test(line)) continue;
    cur += line.replace(/\\$/, ' ');
    if (line.endsWith('\\')) continue;
    const m = /^\s*(\w+)\s+(.*)$/.exec(cur);
    if (m) out.push({ op: m[1]!.toUpperCase(), args: m[2]!.trim() });
    cur = '';
  }
  return out;
}

const freePort = () =>
  new Promise<number>((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });

describe('Dockerfile', () => {
  const ins = dockerfile();
  const one = (op: string) => ins.filter((i) => i.op === op).at(-1)?.args ?? '';

  test('runs bin/kefu.js start --workers auto, as a non-root user, on a node:24 slim base', () => {
    const cmd = JSON.parse(one('CMD')) as string[];
    assert.deepEqual(cmd, ['node', 'bin/kefu.js', 'start', '--workers', 'auto']);
    assert.ok(existsSync(join(ROOT, cmd[1]!)), 'the CMD file exists');
    for (const from of ins.filter((i) => i.op === 'FROM')) assert.match(from.args, /^node:24[\w.-]*slim\b/);
    assert.ok(one('USER') && !/^(root|0)(:|$)/.test(one('USER')), 'a non-root USER');
    assert.match(one('EXPOSE'), /\b8080\b/);
    assert.ok(ins.some((i) => i.op === 'ENV' && /\bKEFU_HOST=0\.0\.0\.0\b/.test(i.args)), 'KEFU_HOST=0.0.0.0');
    assert.ok(ins.some((i) => i.op === 'RUN' && /\bnpm ci\b.*--omit=dev/.test(i.args)), 'npm ci --omit=dev');
    // The robot's caches are built after the sources are in and while the build can still write node_modules.
    const at = (pred: (i: { op: string; args: string }) => boolean) => ins.findLastIndex(pred);
    const warm = at((i) => i.op === 'RUN' && /\bnode bin\/kefu\.js warm\b/.test(i.args));
    assert.ok(warm > at((i) => i.op === 'COPY' && /^src\b/.test(i.args)) && warm < at((i) => i.op === 'USER'), 'kefu warm after COPY src, before USER');
  });

  test('copies only files that exist and that its ignore file lets through', () => {
    const ignore = read('deploy/Dockerfile.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    assert.equal(ignore[0], '*', 'the ignore file excludes everything first');
    const copies = ins.filter((i) => i.op === 'COPY' && !i.args.startsWith('--from'));
    const sources = copies.flatMap((c) => c.args.split(/\s+/).filter((a) => !a.startsWith('--')).slice(0, -1));
    assert.ok(sources.length >= 4);
    // A source is let through by its own line, or by a re-included folder above it (`!src/**`).
    const throughFolder = (src: string) => ignore.some((l) => l.startsWith('!') && l.endsWith('/**') && src.startsWith(l.slice(1, -2)));
    for (const src of sources) {
      assert.ok(existsSync(join(ROOT, src)), `COPY ${src} exists`);
      assert.ok(ignore.includes(`!${src.replace(/\/$/, '')}`) || ignore.includes(`!${src.replace(/\/?$/, '/')}`) || throughFolder(src), `${src} is re-included by the ignore file`);
    }
    for (const dir of sources.filter((s) => !s.includes('.'))) assert.ok(ignore.includes(`!${dir}/**`) || throughFolder(dir), `${dir}/** is re-included`);
    assert.deepEqual(sources.filter((s) => /node_modules|^data|^test|^bench/.test(s)), [], 'no tests, benchmarks, data or host node_modules');
  });

  test('nothing in bin/ or src/ imports a devDependency (the image installs with --omit=dev)', () => {
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const wrong: string[] = [];
    for (const f of globSync(['bin/**/*.js', 'bin/**/*.ts', 'src/**/*.ts', 'src/**/*.js'], { cwd: ROOT })) {
      const text = read(f);
      for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'".][^'"]*)['"]/gm)) {
        const spec = m[1]!;
        if (spec.startsWith('node:')) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!pkg.dependencies[name]) wrong.push(`${f}: ${spec}${pkg.devDependencies[name] ? ' (a devDependency)' : ' (not a dependency)'}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('its HEALTHCHECK script exits 0 against a live /healthz and 1 when nothing listens', async () => {
    const hc = one('HEALTHCHECK');
    const m = /\bCMD\s+(\[.*\])\s*$/.exec(hc);
    assert.ok(m, 'HEALTHCHECK CMD in exec form');
    const argv = JSON.parse(m[1]!) as string[];
    assert.equal(argv[0], 'node');
    assert.equal(argv[1], '-e');
    assert.match(argv[2]!, /\/healthz/);
    // Asynchronously: the node answering it runs in this very process.
    const run = (port: string) =>
      new Promise<number | null>((res) => {
        const child = execFile(process.execPath, argv.slice(1), { env: { KEFU_PORT: port }, timeout: 15_000 });
        child.on('exit', (code) => res(code));
      });
    assert.equal(await run(new URL(node.url).port), 0);
    assert.equal(await run(String(await freePort())), 1);
  });
});

// ---------------------------------------------------------------------------------------------

/** Generated values that kefu's configuration accepts, for the placeholders of deploy/. */
function productionSecrets(): Record<string, string> {
  return {
    KEFU_DATABASE_URL: 'postgres://kefu:pw@db:5432/kefu',
    KEFU_REDIS_URL: 'redis://cache:6379',
    KEFU_PLATFORM_WEBHOOK_SECRET: randomBytes(24).toString('base64url'),
    KEFU_PII_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    KEFU_OPS_TOKEN: randomBytes(24).toString('hex'),
    POSTGRES_PASSWORD: 'pw',
  };
}

describe('docker-compose.yml', () => {
  const compose = () => map(yamlDocs('deploy/docker-compose.yml')[0], 'the compose file');
  const services = () => map(compose().services, 'services');

  test('parses (YAML subset): kefu behind nginx, on healthy PostgreSQL 15 and Redis 7', () => {
    const s = services();
    for (const name of ['kefu', 'db', 'cache', 'nginx']) assert.ok(isMap(s[name]), `service ${name}`);
    assert.match(String(map(s.db, 'db').image), /^postgres:15\b/);
    assert.match(String(map(s.cache, 'cache').image), /^redis:7\b/);
    for (const dep of ['db', 'cache']) {
      assert.ok(list(map(map(s[dep], dep).healthcheck, `${dep} healthcheck`).test, `${dep} healthcheck test`).length > 1);
      assert.equal(map(map(map(s.kefu, 'kefu').depends_on, 'kefu depends_on')[dep], dep).condition, 'service_healthy', `kefu waits for ${dep} to be healthy`);
    }
    const kefu = map(s.kefu, 'kefu');
    const command = (kefu.command ?? []) as string[];
    assert.ok(map(kefu.deploy, 'deploy').replicas === 2 || command.join(' ').includes('--workers auto'), 'two replicas or --workers auto');
    assert.ok(existsSync(join(ROOT, 'deploy', String(map(kefu.build, 'build').context), String(map(kefu.build, 'build').dockerfile))), 'the Dockerfile it builds exists');
    if (command.length) assert.ok(existsSync(join(ROOT, command[1]!)), 'its command runs a file that exists');
    const mounts = list(map(s.nginx, 'nginx').volumes, 'nginx volumes').map(String);
    assert.ok(mounts.some((v) => v.startsWith('./nginx.conf:')) && existsSync(join(ROOT, 'deploy/nginx.conf')), 'nginx gets deploy/nginx.conf');
  });

  test("kefu's environment: production, the required secrets as ${VAR:?} placeholders, only kefu's variables", () => {
    const env = map(map(services().kefu, 'kefu').environment, 'kefu environment') as Record<string, string>;
    assert.equal(env.NODE_ENV, 'production');
    for (const k of ['KEFU_DATABASE_URL', 'KEFU_REDIS_URL']) assert.ok(env[k], k);
    for (const k of ['KEFU_OAUTH_JWKS_URL', 'KEFU_OAUTH_ISSUER', 'KEFU_PLATFORM_WEBHOOK_SECRET', 'KEFU_PII_KEYS']) assert.match(env[k] ?? '', new RegExp(`^\\$\\{${k}:\\?`), `${k} is required`);
    const unknown = Object.keys(env).filter((k) => k !== 'NODE_ENV' && !(CONFIG_KEYS as readonly string[]).includes(k));
    assert.deepEqual(unknown, [], 'variables kefu does not read');
  });

  test('with deploy/env.example filled in, the environment passes kefu\'s configuration check', () => {
    const example = Object.fromEntries(
      read('deploy/env.example').split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    const vars = { ...example, ...Object.fromEntries(Object.entries(productionSecrets()).filter(([k]) => k in example && !example[k])) };
    const env = map(map(services().kefu, 'kefu').environment, 'kefu environment') as Record<string, string>;
    const missing: string[] = [];
    // Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR:?error}.
    const interpolate = (v: string) =>
      String(v).replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_all, name: string, op?: string, arg?: string) => {
        const val = vars[name];
        if (val) return val;
        if (op === '?' || op === undefined) missing.push(name);
        return op === '-' ? (arg ?? '') : '';
      });
    const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(v)]));
    assert.deepEqual([...new Set(missing)], [], 'every variable the compose file requires is in deploy/env.example');
    const cfg = loadConfig(resolved);
    assert.equal(cfg.production, true);
    assert.equal(cfg.database.kind, 'postgres');
    assert.equal(cfg.cache.kind, 'redis');
    const stop = String(map(services().kefu, 'kefu').stop_grace_period);
    assert.ok(Number(/^(\d+)s$/.exec(stop)?.[1]) * 1000 > cfg.shutdownGraceMs + 2000, 'stop_grace_period exceeds KEFU_SHUTDOWN_GRACE_MS and its 2 s margin');
  });
});

// ---------------------------------------------------------------------------------------------

describe('kubernetes.yaml', () => {
  const objects = () => yamlDocs('deploy/kubernetes.yaml').map((d) => map(d, 'a document'));
  const kind = (k: string) => {
    const found = objects().filter((o) => o.kind === k);
    assert.ok(found.length >= 1, `a ${k}`);
    return found[0]!;
  };
  const at = (v: Yaml | undefined, ...path: (string | number)[]): Yaml | undefined => path.reduce<Yaml | undefined>((acc, p) => (acc === null || acc === undefined ? undefined : (acc as Record<string | number, Yaml>)[p]), v);

  test('parses (YAML subset): ConfigMap, Secret, Deployment, Service, PodDisruptionBudget', () => {
    const kinds = objects().map((o) => o.kind);
    for (const k of ['ConfigMap', 'Secret', 'Deployment', 'Service', 'PodDisruptionBudget']) assert.ok(kinds.includes(k), k);
    for (const o of objects()) assert.ok(at(o, 'apiVersion') && at(o, 'metadata', 'name'), `${String(o.kind)} has apiVersion and a name`);
  });

  test('the Deployment: 3 replicas, /readyz and /healthz probes, preStop, grace above kefu\'s, non-root, read-only, emptyDir data dir', () => {
    const dep = kind('Deployment');
    assert.equal(at(dep, 'spec', 'replicas'), 3);
    const pod = map(at(dep, 'spec', 'template', 'spec'), 'pod spec');
    const c = map(list(pod.containers, 'containers')[0], 'the kefu container');
    assert.equal(at(c, 'readinessProbe', 'httpGet', 'path'), '/readyz');
    assert.equal(at(c, 'livenessProbe', 'httpGet', 'path'), '/healthz');
    const portName = at(c, 'readinessProbe', 'httpGet', 'port');
    assert.ok(list(c.ports, 'ports').some((p) => at(p, 'name') === portName || at(p, 'containerPort') === portName), 'the probes name a container port');
    assert.ok(existsSync(join(ROOT, String(at(c, 'command', 1)))), 'its command runs a file that exists');
    const preStop = list(at(c, 'lifecycle', 'preStop', 'exec', 'command'), 'preStop command').map(String);
    assert.equal(preStop[0], 'sleep');
    const sleepS = Number(preStop[1]);
    assert.ok(sleepS >= 5);
    const cm = map(kind('ConfigMap').data, 'ConfigMap data') as Record<string, string>;
    const graceMs = Number(cm.KEFU_SHUTDOWN_GRACE_MS ?? 10_000);
    assert.ok(Number(pod.terminationGracePeriodSeconds) * 1000 > sleepS * 1000 + graceMs + 2000, 'terminationGracePeriodSeconds exceeds preStop + KEFU_SHUTDOWN_GRACE_MS + 2 s');
    assert.ok(at(c, 'resources', 'requests', 'cpu') && at(c, 'resources', 'requests', 'memory') && at(c, 'resources', 'limits', 'memory'), 'resources');
    assert.equal(at(pod, 'securityContext', 'runAsNonRoot'), true);
    assert.notEqual(at(pod, 'securityContext', 'runAsUser'), 0);
    assert.equal(at(c, 'securityContext', 'readOnlyRootFilesystem'), true);
    assert.equal(at(c, 'securityContext', 'allowPrivilegeEscalation'), false);
    const mount = list(c.volumeMounts, 'volumeMounts').find((v) => at(v, 'mountPath') === cm.KEFU_DATA_DIR);
    assert.ok(mount, 'KEFU_DATA_DIR is a mounted volume');
    const vol = list(pod.volumes, 'volumes').find((v) => at(v, 'name') === at(mount, 'name'));
    assert.ok(vol && at(vol, 'emptyDir') !== undefined, 'KEFU_DATA_DIR is an emptyDir');
    const refs = list(c.envFrom, 'envFrom').map((e) => String(at(e, 'configMapRef', 'name') ?? at(e, 'secretRef', 'name')));
    assert.deepEqual(refs.sort(), [String(at(kind('ConfigMap'), 'metadata', 'name')), String(at(kind('Secret'), 'metadata', 'name'))].sort());
  });

  test('the Service and the PodDisruptionBudget select the Deployment\'s pods; minAvailable below replicas', () => {
    const labels = map(at(kind('Deployment'), 'spec', 'template', 'metadata', 'labels'), 'pod labels');
    const matches = (sel: Yaml | undefined) => Object.entries(map(sel, 'selector')).every(([k, v]) => labels[k] === v);
    assert.ok(matches(at(kind('Service'), 'spec', 'selector')), 'Service selector');
    assert.equal(at(kind('Service'), 'spec', 'sessionAffinity') ?? 'None', 'None', 'no session affinity');
    const pdb = kind('PodDisruptionBudget');
    assert.ok(matches(at(pdb, 'spec', 'selector', 'matchLabels')), 'PDB selector');
    const min = Number(at(pdb, 'spec', 'minAvailable'));
    assert.ok(min >= 1 && min < Number(at(kind('Deployment'), 'spec', 'replicas')));
  });

  test("the ConfigMap and Secret hold only kefu's variables, and pass its configuration check with real secrets", () => {
    const cm = map(kind('ConfigMap').data, 'ConfigMap data') as Record<string, string>;
    const secret = map(kind('Secret').stringData, 'Secret stringData') as Record<string, string>;
    const unknown = [...Object.keys(cm), ...Object.keys(secret)].filter((k) => k !== 'NODE_ENV' && !(CONFIG_KEYS as readonly string[]).includes(k));
    assert.deepEqual(unknown, []);
    assert.throws(() => loadConfig({ ...cm, ...secret }), /KEFU_/, 'the skeleton\'s CHANGE_ME values are refused');
    const gen = productionSecrets();
    const cfg = loadConfig({ ...cm, ...Object.fromEntries(Object.keys(secret).map((k) => [k, gen[k] ?? secret[k]!])) });
    assert.equal(cfg.production, true);
    assert.equal(cfg.host, '0.0.0.0');
  });
});

// ---------------------------------------------------------------------------------------------

describe('nginx.conf', () => {
  const conf = read('deploy/nginx.conf').replace(/#.*$/gm, '');
  /** The body of the first block that starts with `head` (braces matched). */
  const block = (head: RegExp): string => {
    const m = head.exec(conf);
    assert.ok(m, `a block ${head}`);
    let depth = 0;
    for (let i = conf.indexOf('{', m.index); i < conf.length; i++) {
      if (conf[i] === '{') depth++;
      else if (conf[i] === '}' && --depth === 0) return conf.slice(conf.indexOf('{', m.index) + 1, i);
    }
    throw new Error('unbalanced braces');
  };

  test('/im: read timeout above kefu\'s heartbeat, no buffering; WebSocket and trace headers; 1m bodies; TLS; no stickiness', () => {
    const heartbeatMs = Number(/const HEARTBEAT_MS = ([\d_]+);/.exec(read('src/gateway/gateway.ts'))?.[1]?.replace(/_/g, ''));
    assert.ok(heartbeatMs > 0, 'the heartbeat is found in src/gateway/gateway.ts');
    const im = block(/location\s*=\s*\/im\s*\{/);
    const timeout = Number(/proxy_read_timeout\s+(\d+)s;/.exec(im)?.[1]);
    assert.ok(timeout * 1000 > heartbeatMs, `proxy_read_timeout ${timeout}s above the ${heartbeatMs / 1000}s heartbeat`);
    assert.match(im, /proxy_buffering\s+off;/);
    const tls = block(/server\s*\{(?=[^}]*listen\s+443\s+ssl)/);
    for (const h of [/proxy_set_header\s+Upgrade\s+\$http_upgrade;/, /proxy_set_header\s+Connection\s+\$connection_upgrade;/, /proxy_set_header\s+X-Forwarded-For\s/, /proxy_set_header\s+X-Forwarded-Proto\s/, /proxy_set_header\s+X-Request-Id\s/, /proxy_set_header\s+traceparent\s/]) {
      assert.match(tls, h);
    }
    // A location with a proxy_set_header of its own would silently drop the server's headers.
    assert.doesNotMatch(im, /proxy_set_header/);
    assert.match(tls, /client_max_body_size\s+1m;/);
    assert.match(tls, /ssl_certificate\s+\S+;/);
    assert.doesNotMatch(conf, /\b(ip_hash|sticky|hash\s+\$)/);
  });
});
