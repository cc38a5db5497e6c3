/**
 * The blind set of danger reports (src/robot/eval/blind-dangers/): each line a buyer's message with the group a careful
 * shop assistant would put it in, written from a brief by someone who had not read the rules. What the robot's danger
 * reading (`safetyOf`, the one the queue and the robot share) makes of each: read at all, read as its group, or read where
 * nothing was (a false alarm, which hands over as urgent). Run once per release (`npm run eval:bot -- --dangers`); its
 * numbers go into docs/robot-evaluation.md and are never tuned to. Pure but for reading the file.
 */
import { safetyOf, type SafetyKind } from '../safety.ts';
import { DANGER_GROUPS, type DangerGroup, type DangerLine } from '../danger-model.ts';

export { DANGER_GROUPS, readDangerSet, type DangerGroup, type DangerLine } from '../danger-model.ts';

/** The group of each advice the robot gives (a small part with a young child is the person's; frostbite is an injury). */
const GROUP_OF: Readonly<Record<SafetyKind, DangerGroup>> = {
  device: 'fire',
  fire: 'fire',
  gas: 'gas',
  air: 'fumes',
  emergency: 'person',
  battery: 'person',
  doctor: 'person',
  choking: 'person',
  headInjury: 'person',
  smallPart: 'person',
  shock: 'injury',
  eye: 'eye',
  injury: 'injury',
  cold: 'injury',
  fraud: 'scam',
  pet: 'pet',
  petEmergency: 'pet',
  reaction: 'reaction',
  fall: 'structure',
  tipped: 'structure',
  broke: 'structure',
  spoiled: 'spoiled',
};

export interface Tally {
  n: number;
  /** Read as some danger (for `none`: a false alarm). */
  read: number;
  /** Read as its own group. */
  right: number;
}
export interface DangerReport {
  readonly groups: Record<DangerGroup, Tally>;
  readonly langs: Record<'zh' | 'en', { dangers: Tally; none: Tally }>;
}

const tally = (): Tally => ({ n: 0, read: 0, right: 0 });

/** Each line read once; `read` is the reading under test (safetyOf by default). */
export function evaluateDangers(lines: readonly DangerLine[], read: (text: string) => SafetyKind | undefined = safetyOf): DangerReport {
  const groups = Object.fromEntries(DANGER_GROUPS.map((g) => [g, tally()])) as Record<DangerGroup, Tally>;
  const langs = { zh: { dangers: tally(), none: tally() }, en: { dangers: tally(), none: tally() } };
  for (const line of lines) {
    const kind = read(line.text);
    const got = kind === undefined ? 'none' : GROUP_OF[kind];
    for (const t of [groups[line.group], line.group === 'none' ? langs[line.lang].none : langs[line.lang].dangers]) {
      t.n++;
      if (kind !== undefined) t.read++;
      if (got === line.group) t.right++;
    }
  }
  return { groups, langs };
}

const pct = (a: number, b: number): string => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);

/** The report: per language the dangers read and read as their group, the look-alikes read as dangers; then per group. */
export function formatDangers(r: DangerReport): string {
  const out: string[] = [];
  for (const [lang, t] of Object.entries(r.langs)) {
    out.push(`[${lang}] dangers read ${pct(t.dangers.read, t.dangers.n)} (as their group ${pct(t.dangers.right, t.dangers.n)}) of ${t.dangers.n}; false alarms ${pct(t.none.read, t.none.n)} of ${t.none.n}`);
  }
  for (const g of DANGER_GROUPS) {
    const t = r.groups[g];
    out.push(g === 'none' ? `  none: read as a danger ${t.read} of ${t.n}` : `  ${g}: read ${t.read} of ${t.n}, as ${g} ${t.right}`);
  }
  return out.join('\n');
}
