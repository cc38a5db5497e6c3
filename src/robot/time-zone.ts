/**
 * The shop's time zone as the robot uses it: a fixed offset in minutes east of UTC, the one an
 * IANA zone has at a given moment. The robot shows times and reads "yesterday", "周二" in it.
 */
const FORMATS = new Map<string, Intl.DateTimeFormat>();

function formatOf(zone: string): Intl.DateTimeFormat {
  let f = FORMATS.get(zone);
  if (!f) FORMATS.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })));
  return f;
}

/** Whether `zone` is an IANA time zone this Node knows ("Asia/Shanghai", "America/Los_Angeles", "UTC"). */
export function isTimeZone(zone: string): boolean {
  try {
    formatOf(zone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes east of UTC that `zone` is at `at` (480 for Asia/Shanghai; −480 or −420 for America/Los_Angeles). */
export function zoneOffsetMinutes(zone: string, at: Date): number {
  const parts = Object.fromEntries(formatOf(zone).formatToParts(at).map((p) => [p.type, p.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}
