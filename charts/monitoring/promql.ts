/**
 * Small PromQL and Prometheus-config helpers: durations in Prometheus syntax, label selectors and
 * alert names. Kept free of any rule semantics so they can be unit-tested on their own.
 */

const UNITS: readonly (readonly [string, number])[] = [
  ['d', 86_400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
];

/**
 * Whole seconds as a Prometheus duration, largest units first: `604800` -> `7d`, `90` -> `1m30s`,
 * `0` -> `0s`. Accepted by PromQL range selectors and by PrometheusRule `for`.
 */
export function promDuration(totalSeconds: number): string {
  let rest = Math.round(totalSeconds);
  if (rest <= 0) return '0s';
  let out = '';
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out;
}

/** A label matcher list such as `{namespace="ml",name="x"}`; values are escaped, `=~` supported via a tuple. */
export function selector(matchers: Readonly<Record<string, string | readonly ['=~', string]>>): string {
  const escape = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const parts = Object.entries(matchers).map(([k, v]) =>
    typeof v === 'string' ? `${k}="${escape(v)}"` : `${k}=~"${escape(v[1])}"`,
  );
  return `{${parts.join(',')}}`;
}

/** `ctr-categories` -> `CtrCategories`, the prefix of that model's alert names. */
export function alertPrefix(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** A number as PromQL writes it, without float noise (`0.30000000000000004` never appears). */
export function promNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}
