// Binary and decimal suffixes of resource.Quantity.
const SCALE: Readonly<Record<string, number>> = {
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

/**
 * The numeric value of a quantity the DSL's `quantity()` accepted (NaN for anything else): limits are
 * compared with requests by value, and KFP wants CPU and memory as numbers.
 *
 * @example
 * ```ts
 * quantityValue('500m'); // 0.5
 * quantityValue('1536Mi'); // 1610612736
 * ```
 */
export function quantityValue(q: string): number {
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(.*)$/.exec(q);
  if (!m) return Number.NaN;
  const suffix = m[2] ?? '';
  const scale = /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : SCALE[suffix];
  if (scale === undefined) return Number.NaN;
  // Rounding to 12 significant digits removes binary noise such as 0.30000000000000004.
  return Number((Number(m[1]) * scale).toPrecision(12));
}
