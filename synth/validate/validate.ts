import { ARGO_RULES, argoLayer } from './argo-layer.ts';
import type { SourceSet } from './documents.ts';
import { type DocumentReport, type Finding, type Layer, LAYERS, type RuleId, type Severity } from './finding.ts';
import { KFP_RULES, kfpIdentities, kfpLayer } from './kfp/kfp-layer.ts';
import type { KfpProtoChecker } from './kfp/proto-check.ts';
import { METADATA_RULES, metadataFindings } from './metadata-rules.ts';
import { identity } from './object-path.ts';
import { POLICY_RULE_IDS, policyFindings } from './policy/policy-layer.ts';
import { SCHEMA_RULES, schemaFindings } from './schema-layer.ts';
import type { SchemaRegistry } from './schema-registry.ts';
import { SIZE_RULES, sizeFindings } from './size-budget.ts';

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
  ...Object.values(KFP_RULES),
  ...Object.values(METADATA_RULES),
  ...POLICY_RULE_IDS,
  ...Object.values(SIZE_RULES),
];

/**
 * What `--skip` accepts: the layers, and every rule id a finding can carry, except YAML parse
 * errors: a file that does not parse was not checked at all, so skipping them would let a broken
 * tree pass CI with "0 objects checked".
 */
export const SKIPPABLE: readonly string[] = [...LAYERS, ...RULE_IDS].filter(
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
  const on = (layer: Layer): boolean => !skip.has(layer);
  const argo = on('argo')
    ? argoLayer(
        sources.documents.map((d) => d.object),
        opts.externalRefs ? { externalRefs: opts.externalRefs } : {},
      )
    : new Map<unknown, Finding[]>();
  const kfpDocs = kfpIdentities(sources.documents);
  const kfp = on('kfp')
    ? kfpLayer(sources.documents, opts.kfpProtos ? { protos: opts.kfpProtos } : {})
    : new Map<unknown, Finding[]>();
  const reports: DocumentReport[] = [];
  for (const p of sources.problems) {
    reports.push({
      file: p.file,
      index: -1,
      kind: '(file)',
      name: '',
      findings: [{ severity: p.severity, layer: 'yaml', rule: YAML_RULES.parse, path: '', message: p.message }],
    });
  }
  for (const d of sources.documents) {
    const findings: Finding[] = [];
    const asKfp = kfpDocs.get(d);
    if (!asKfp) {
      if (on('metadata')) findings.push(...metadataFindings(d.object));
      if (on('schema')) findings.push(...schemaFindings(opts.registry, d.object));
      findings.push(...(argo.get(d.object) ?? []));
      if (on('policy')) findings.push(...policyFindings(d.object, opts.policySeverity ?? 'error', skip));
      if (on('size')) findings.push(...sizeFindings(d.object));
    }
    findings.push(...(kfp.get(d) ?? []));
    const id = asKfp ?? identity(d.object);
    reports.push({
      file: d.file,
      index: d.index,
      kind: id.kind,
      name: id.name,
      findings: findings.filter((f) => !skip.has(f.rule)),
    });
  }
  return reports;
}
