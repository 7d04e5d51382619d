import { editDistance } from '../common/did-you-mean.ts';
import { DslError, type PathSegment } from '../errors.ts';

/** Zone names Intl knows (canonical CLDR ids) plus the UTC spellings it leaves out of the list. */
let known: readonly string[] | undefined;
function knownZones(): readonly string[] {
  known ??= [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC', 'GMT', 'Etc/GMT'];
  return known;
}

/**
 * Whether Intl accepts the name (it also takes aliases such as `Asia/Kolkata` or `US/Eastern`
 * that are not in its canonical list) and returns what it resolves to.
 */
function resolveZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Argo loads zones from tzdata files by exact name, so `europe/berlin` would fail there. */
const TZDATA_CASE = /^(?:[A-Z][A-Za-z0-9_+-]*)(?:\/[A-Z][A-Za-z0-9_+-]*){0,2}$/;

/** The zone the user probably meant: same city, or a close spelling. */
function suggest(name: string): string | undefined {
  const resolved = resolveZone(name);
  if (resolved !== undefined) return resolved;
  const zones = knownZones();
  const city = name.split('/').pop()?.toLowerCase() ?? '';
  const sameCity = zones.find((z) => z.split('/').pop()?.toLowerCase() === city);
  if (sameCity) return sameCity;
  let best: { zone: string; d: number } | undefined;
  for (const zone of zones) {
    const d = editDistance(name, zone);
    if (!best || d < best.d) best = { zone, d };
  }
  return best && best.d <= Math.max(2, Math.floor(name.length / 4)) ? best.zone : undefined;
}

/**
 * Checks a time zone name the way the Argo controller will load it: an IANA zone Intl knows,
 * spelt with tzdata's capitalisation. Returns the name unchanged.
 */
export function assertTimezone(value: unknown, path: readonly PathSegment[]): string {
  if (
    typeof value === 'string' &&
    TZDATA_CASE.test(value) &&
    (knownZones().includes(value) || resolveZone(value) !== undefined)
  )
    return value;
  const hint = typeof value === 'string' ? suggest(value) : undefined;
  throw new DslError({
    path,
    problem: 'not an IANA time zone name',
    got: value,
    fix: hint
      ? `Did you mean "${hint}"?`
      : 'Use e.g. "Europe/Berlin" or "UTC" (see the tz database list of zone names)',
  });
}
