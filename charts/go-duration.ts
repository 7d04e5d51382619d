const GO_UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/**
 * The seconds of a Go duration the DSL validated (`"1h30m"` -> 5400, `"250ms"` -> 0.25), every
 * unit Go accepts, rounded to nanoseconds so `"1.1h"` is 3960 rather than 3960.0000000000005.
 *
 * @example
 * ```ts
 * goDurationSeconds('1h30m'); // 5400
 * ```
 */
export function goDurationSeconds(go: string): number {
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
  let consumed = 0;
  for (let m = re.exec(go); m; m = re.exec(go)) {
    total += Number(m[1]) * (GO_UNITS[m[2] as string] as number);
    consumed += m[0].length;
  }
  if (consumed !== go.length || go.length === 0) throw new Error(`internal: not a Go duration: ${go}`);
  return Number(total.toFixed(9));
}
