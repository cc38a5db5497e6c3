/**
 * The shop's time zone as the robot uses it: a fixed offset in minutes east of UTC, the one an
 * IANA zone has at a given moment. The robot shows times and reads "yesterday", "周二" in it.
 */
const FORMATS = new Map<string, Intl.DateTimeFormat>();

// Kept by canonical name only: Intl takes any letter case and aliases, and a shop's admin sets the
// name, so a cache keyed by what was typed grew without bound (found in review: 20,000 spellings of one zone, 552 MB).
function formatOf(zone: string): Intl.DateTimeFormat {
  let f = FORMATS.get(zone);
  if (f) return f;
  f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const canonical = f.resolvedOptions().timeZone;
  const known = FORMATS.get(canonical);
  if (known) return known;
  FORMATS.set(canonical, f);
  return f;
}

/**
 * The IANA name Node knows `zone` by ("america/new_york" → "America/New_York"), or undefined when it
 * is none: an offset such as "+08:00" is no zone (it knows no daylight saving).
 */
export function canonicalTimeZone(zone: string): string | undefined {
  if (!/^[A-Za-z]/.test(zone.trim())) return undefined;
  try {
    const name = formatOf(zone.trim()).resolvedOptions().timeZone;
    return /^[+-]/.test(name) ? undefined : name;
  } catch {
    return undefined;
  }
}

/** Whether `zone` is an IANA time zone this Node knows ("Asia/Shanghai", "America/Los_Angeles", "UTC"). */
export function isTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== undefined;
}

/** Minutes east of UTC that `zone` is at `at` (480 for Asia/Shanghai; −480 or −420 for America/Los_Angeles). */
export function zoneOffsetMinutes(zone: string, at: Date): number {
  const parts = Object.fromEntries(formatOf(zone).formatToParts(at).map((p) => [p.type, p.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}
