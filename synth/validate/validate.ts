import { argoLayer } from './argo-layer.ts';
import type { SourceSet } from './documents.ts';
import type { DocumentReport, Finding, Layer, Severity } from './finding.ts';
import { kfpIdentities, kfpLayer } from './kfp/kfp-layer.ts';
import type { KfpProtoChecker } from './kfp/proto-check.ts';
import { metadataFindings } from './metadata-rules.ts';
import { identity } from './object-path.ts';
import { policyFindings } from './policy/policy-layer.ts';
import { POLICY_RULES } from './policy/rules.ts';
import { schemaFindings } from './schema-layer.ts';
import type { SchemaRegistry } from './schema-registry.ts';
import { sizeFindings } from './size-budget.ts';

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

/** What `--skip` accepts: the layers, and every rule id a finding can carry. */
export const SKIPPABLE: readonly string[] = [
  'yaml', 'schema', 'argo', 'metadata', 'policy', 'size', 'kfp',
  'yaml/parse', 'schema/strict', 'schema/missing', 'argo/semantics', 'argo/external-ref',
  'kfp/upload', 'kfp/lint', 'kfp/proto', 'kfp/recurring-run',
  ...['object', 'api-version', 'kind', 'name', 'labels', 'annotations'].map((r) => `metadata/${r}`),
  ...POLICY_RULES.map((r) => r.id),
  'size/budget',
];

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
  const argo = on('argo') ? argoLayer(sources.documents.map((d) => d.object), opts.externalRefs ? { externalRefs: opts.externalRefs } : {}) : new Map<unknown, Finding[]>();
  const kfpDocs = kfpIdentities(sources.documents);
  const kfp = on('kfp') ? kfpLayer(sources.documents, opts.kfpProtos ? { protos: opts.kfpProtos } : {}) : new Map<unknown, Finding[]>();
  const reports: DocumentReport[] = [];
  for (const p of sources.problems) {
    reports.push({ file: p.file, index: -1, kind: '(file)', name: '', findings: [{ severity: p.severity, layer: 'yaml', rule: 'yaml/parse', path: '', message: p.message }] });
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
    reports.push({ file: d.file, index: d.index, kind: id.kind, name: id.name, findings: findings.filter((f) => !skip.has(f.rule)) });
  }
  return reports;
}
