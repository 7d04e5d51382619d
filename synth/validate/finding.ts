/**
 * The layers of `argosy validate`, in the order they run; each can be skipped by name. `stubs`
 * runs only with `--stubs` (drift of typed stubs from the templates they describe).
 */
export const LAYERS = ['yaml', 'schema', 'argo', 'rollouts', 'metadata', 'policy', 'size', 'kfp', 'stubs'] as const;

/** Which check produced a finding. */
export type Layer = (typeof LAYERS)[number];

/** Where a finding comes from: a layer of `argosy validate`, or the API server (`argosy apply`). */
export type FindingSource = Layer | 'apiserver';

/**
 * A rule id, `<layer>/<rule>`. Each layer module exports the ids it emits (SCHEMA_RULES, ...),
 * and `--skip` accepts exactly those, so a rule cannot be emitted without being skippable.
 */
export type RuleId = `${FindingSource}/${string}`;

export type Severity = 'error' | 'warning';

/** One problem found in one object. */
export interface Finding {
  readonly severity: Severity;
  readonly layer: FindingSource;
  /** Stable rule id, e.g. `policy/pinned-image`, usable in `--skip`. */
  readonly rule: RuleId;
  /** Where in the object, dotted (`spec.templates[2].container.image`); empty for the whole object. */
  readonly path: string;
  readonly message: string;
}

/** A YAML document from an input file, with what was found in it. */
export interface DocumentReport {
  readonly file: string;
  /** 0-based position of the document in its file. */
  readonly index: number;
  readonly kind: string;
  readonly name: string;
  readonly findings: readonly Finding[];
}

export function errorCount(reports: readonly DocumentReport[]): number {
  return reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
}

export function warningCount(reports: readonly DocumentReport[]): number {
  return reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
}
