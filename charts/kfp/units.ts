import { goDurationSeconds } from '../go-duration.ts';

const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The numeric value of a (validated) Kubernetes quantity: `"500m"` -> 0.5, `"1Gi"` -> 1073741824. */
export function quantityValue(q: string): number {
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/.exec(q);
  if (!m) throw new Error(`internal: not a quantity: ${q}`);
  const suffix = m[2] ?? '';
  const scale = /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : (SUFFIX[suffix] as number);
  // Rounding to 12 significant digits removes binary noise such as 0.30000000000000004.
  return Number((Number(m[1]) * scale).toPrecision(12));
}

/** A Go duration (`"1h30m"`, `"30s"`) as a protobuf Duration in ProtoJSON (`"5400s"`). */
export function protoDuration(go: string): string {
  return `${goDurationSeconds(go)}s`;
}
