import { ARGO_RULES, argoLayer } from './argo-layer.ts';
import { ROLLOUTS_RULES, rolloutsLayer } from './rollouts-layer.ts';
import type { SourceSet } from './documents.ts';
import { type DocumentReport, type Finding, type Layer, LAYERS, type RuleId, type Severity } from './finding.ts';
import { KFP_RULES, kfpIdentities, kfpLayer } from './kfp/kfp-layer.ts';
import type { KfpProtoChecker } from './kfp/proto-check.ts';
import { METADATA_RULES, metadataFindings } from './metadata-rules.ts';
import { identity, obj } from './object-path.ts';
import { POLICY_RULE_IDS, policyFindings } from './policy/policy-layer.ts';
import { SCHEMA_RULES, schemaLayer } from './schema-layer.ts';
import type { SchemaRegistry } from './schema-registry.ts';
import { SIZE_RULES, sizeFindings } from './size-budget.ts';
import { leapYearWarning } from '../schedule-warnings.ts';
import { STUB_RULES } from '../import/stub-drift.ts';

export interface ValidateOptions {
  /** Schemas for the schema layer; without one only built-in kinds are schema-checked. */
  readonly registry?: SchemaRegistry;
  /** Layers (`schema`, `argo`, `policy`, ...) or rule ids (`policy/resources`) not to run. */
  readonly skip?: readonly string[];
  /** Severity of policy findings: errors by default, warnings while a team adopts them. */
  readonly policySeverity?: Severity;
  /**
   * References to (Cluster)WorkflowTemplates that are not among the inputs: errors (default,
   * as `argo lint --offline`), or warnings when validating part of a tree.
   */
  readonly externalRefs?: 'error' | 'warn';
  /** Strict ProtoJSON parsing of KFP documents; without it they are linted only. */
  readonly kfpProtos?: KfpProtoChecker;
}

/** The rule id of input that is not YAML (reported by this module, from the parser's problems). */
export const YAML_RULES = { parse: 'yaml/parse' } as const;

/** Every rule id a finding can carry, from the layers that emit them. */
export const RULE_IDS: readonly RuleId[] = [
  ...Object.values(YAML_RULES),
  ...Object.values(SCHEMA_RULES),
  ...Object.values(ARGO_RULES),
  ...Object.values(ROLLOUTS_RULES),
  ...Object.values(KFP_RULES),
  ...Object.values(METADATA_RULES),
  ...POLICY_RULE_IDS,
  ...Object.values(SIZE_RULES),
];

/**
 * What `--skip` accepts: the layers, and every rule id a finding can carry (the layers' and
 * `stubs/drift`, which `argosy validate --stubs` adds outside these layers), except YAML parse
 * errors: a file that does not parse was not checked at all, so skipping them would let a broken
 * tree pass CI with "0 objects checked".
 */
export const SKIPPABLE: readonly string[] = [...LAYERS, ...RULE_IDS, ...Object.values(STUB_RULES)].filter(
  (id) => id !== 'yaml' && id !== YAML_RULES.parse,
);

/**
 * Runs every layer over the parsed input and groups the findings per document, in input order.
 * Layers: metadata (API server rules), schema (strict CRD schemas), argo (Argo's own semantic
 * rules), policy (PSS restricted, pinned images, resources, inline secrets), size (etcd budget).
 * KFP documents (PipelineSpec, PlatformSpec, recurring-run bodies), recognized by their shape
 * since they have no apiVersion/kind, get the kfp layer instead of the Kubernetes ones.
 */
export function validateSources(sources: SourceSet, opts: ValidateOptions = {}): DocumentReport[] {
  const skip = new Set(opts.skip ?? []);
  const finish = otherLayers(sources, opts);
  return finish(skip.has('schema') ? [] : schemaLayer(opts.registry, schemaInputs(sources)));
}

/**
 * `validateSources` with the same findings, for the CLI: the large schema validators run in
 * worker threads (see SchemaRegistry.validateAllAsync), so memory stays bounded, while this
 * thread runs the other layers: both cores work.
 */
export async function validateSourcesAsync(sources: SourceSet, opts: ValidateOptions = {}): Promise<DocumentReport[]> {
  const skip = new Set(opts.skip ?? []);
  if (skip.has('schema')) return otherLayers(sources, opts)([]);
  const objects = schemaInputs(sources);
  // Started first: the workers validate while the other layers run here.
  const checked = opts.registry?.validateAllAsync(objects.map(obj));
  // Handled below; this only keeps a failure from counting as unhandled while this thread is busy.
  checked?.catch(() => undefined);
  const finish = otherLayers(sources, opts);
  return finish(schemaLayer(opts.registry, objects, await checked));
}

/** What the schema layer checks: every Kubernetes document (KFP documents have no apiVersion/kind). */
function schemaInputs(sources: SourceSet): unknown[] {
  const kfpDocs = kfpIdentities(sources.documents);
  return sources.documents.map((d) => (kfpDocs.has(d) ? undefined : d.object));
}

/**
 * Runs every layer but the schema one; the result puts the schema layer's findings (aligned
 * with the documents) in their place and groups everything per document, in input order.
 */
function otherLayers(sources: SourceSet, opts: ValidateOptions): (schema: readonly Finding[][]) => DocumentReport[] {
  const skip = new Set(opts.skip ?? []);
  const on = (layer: Layer): boolean => !skip.has(layer);
  const argo = on('argo')
    ? argoLayer(
        sources.documents.map((d) => d.object),
        opts.externalRefs ? { externalRefs: opts.externalRefs } : {},
      )
    : new Map<unknown, Finding[]>();
  const rollouts = on('rollouts')
    ? rolloutsLayer(sources.documents.map((d) => d.object))
    : new Map<unknown, Finding[]>();
  const kfpDocs = kfpIdentities(sources.documents);
  const kfp = on('kfp')
    ? kfpLayer(sources.documents, opts.kfpProtos ? { protos: opts.kfpProtos } : {})
    : new Map<unknown, Finding[]>();
  const problems: DocumentReport[] = sources.problems.map((p) => ({
    file: p.file,
    index: -1,
    kind: '(file)',
    name: '',
    findings: [{ severity: p.severity, layer: 'yaml', rule: YAML_RULES.parse, path: '', message: p.message }],
  }));
  // Per document: the findings before the schema layer's (metadata) and after them.
  const parts = sources.documents.map((d) => {
    const asKfp = kfpDocs.get(d);
    const before: Finding[] = [];
    const after: Finding[] = [];
    if (!asKfp) {
      if (on('metadata')) before.push(...metadataFindings(d.object));
      after.push(...(argo.get(d.object) ?? []));
      if (on('argo')) after.push(...leapYearFindings(d.object));
      after.push(...(rollouts.get(d.object) ?? []));
      if (on('policy')) after.push(...policyFindings(d.object, opts.policySeverity ?? 'error', skip));
      if (on('size')) after.push(...sizeFindings(d.object));
    }
    after.push(...(kfp.get(d) ?? []));
    return { d, id: asKfp ?? identity(d.object), before, after, kubernetes: !asKfp };
  });
  return (schema) => [
    ...problems,
    ...parts.map(({ d, id, before, after, kubernetes }, i) => ({
      file: d.file,
      index: d.index,
      kind: id.kind,
      name: id.name,
      findings: [...before, ...(kubernetes ? (schema[i] ?? []) : []), ...after].filter((f) => !skip.has(f.rule)),
    })),
  ];
}

/** Warnings for a CronWorkflow's schedules that fire only on February 29. */
function leapYearFindings(o: unknown): Finding[] {
  const x = obj(o);
  if (x.kind !== 'CronWorkflow' || typeof x.apiVersion !== 'string' || !x.apiVersion.startsWith('argoproj.io/'))
    return [];
  const spec = obj(x.spec);
  const schedules: [unknown, string][] = Array.isArray(spec.schedules)
    ? spec.schedules.map((s, i): [unknown, string] => [s, `spec.schedules[${i}]`])
    : [];
  if (typeof spec.schedule === 'string') schedules.push([spec.schedule, 'spec.schedule']);
  return schedules.flatMap(([s, path]) => {
    const message = typeof s === 'string' ? leapYearWarning(s) : undefined;
    return message
      ? [{ severity: 'warning' as const, layer: 'argo' as const, rule: ARGO_RULES.semantics, path, message }]
      : [];
  });
}
