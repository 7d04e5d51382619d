import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { loadAll } from 'js-yaml';
import ts from 'typescript';

/**
 * The custom resource kinds charts/ writes (or embeds, like the AnalysisRuns of a KServe
 * promotion workflow), grouped into one generated module each. The Argo Workflows kinds are
 * typed by dsl/ir/argo-*.ts instead.
 */
export const CRD_MODULES: readonly CrdModule[] = [
  {
    file: 'argo-rollouts.ts',
    kinds: [
      {
        crd: 'argo-rollouts.rollout.yaml',
        kind: 'Rollout',
        version: 'v1alpha1',
        names: {
          'spec.strategy': 'RolloutStrategy',
          'spec.strategy.canary': 'CanaryStrategy',
          'spec.strategy.canary.steps[]': 'CanaryStep',
          'spec.strategy.canary.steps[].analysis': 'RolloutAnalysis',
          'spec.strategy.canary.steps[].experiment': 'RolloutExperimentStep',
          'spec.strategy.canary.trafficRouting': 'RolloutTrafficRouting',
          'spec.strategy.canary.analysis': 'RolloutAnalysisBackground',
          'spec.strategy.blueGreen': 'BlueGreenStrategy',
          'spec.template': 'PodTemplateSpec',
          'spec.template.spec': 'PodSpec',
          'spec.template.spec.containers[]': 'Container',
          'spec.template.spec.containers[].env[]': 'EnvVar',
          'spec.template.spec.containers[].livenessProbe': 'Probe',
          'spec.template.spec.containers[].resources': 'ResourceRequirements',
          'spec.template.spec.containers[].securityContext': 'SecurityContext',
          'spec.template.spec.securityContext': 'PodSecurityContext',
        },
      },
      {
        crd: 'argo-rollouts.analysis-template.yaml',
        kind: 'AnalysisTemplate',
        version: 'v1alpha1',
        names: { 'spec.metrics[]': 'Metric', 'spec.metrics[].provider': 'MetricProvider' },
      },
      {
        crd: 'argo-rollouts.analysis-run.yaml',
        kind: 'AnalysisRun',
        version: 'v1alpha1',
        names: { 'spec.metrics[]': 'Metric', 'spec.metrics[].provider': 'MetricProvider' },
      },
    ],
  },
  {
    file: 'kserve.ts',
    kinds: [
      {
        crd: 'kserve.inferenceservices.yaml',
        kind: 'InferenceService',
        version: 'v1beta1',
        names: {
          'spec.predictor': 'PredictorSpec',
          'spec.predictor.model': 'ModelSpec',
          'spec.canary[]': 'CanaryPredictor',
          'spec.canary[].predictor': 'CanaryPredictorSpec',
          'spec.transformer': 'TransformerSpec',
        },
      },
    ],
  },
  {
    file: 'istio.ts',
    kinds: [
      {
        crd: 'istio.all.yaml',
        kind: 'VirtualService',
        version: 'v1',
        names: { 'spec.http[]': 'HTTPRoute', 'spec.http[].route[]': 'HTTPRouteDestination' },
      },
      { crd: 'istio.all.yaml', kind: 'DestinationRule', version: 'v1', names: { 'spec.subsets[]': 'Subset' } },
    ],
  },
  {
    file: 'argo-cd.ts',
    kinds: [
      {
        crd: 'argo-cd.application.yaml',
        kind: 'Application',
        version: 'v1alpha1',
        names: { 'spec.ignoreDifferences[]': 'ResourceIgnoreDifferences', 'spec.syncPolicy': 'SyncPolicy' },
      },
    ],
  },
  {
    file: 'prometheus-operator.ts',
    kinds: [
      {
        crd: 'prometheus-operator.prometheusrules.yaml',
        kind: 'PrometheusRule',
        version: 'v1',
        names: { 'spec.groups[]': 'RuleGroup', 'spec.groups[].rules[]': 'Rule' },
      },
    ],
  },
];

export interface CrdModule {
  /** File name under charts/imports/. */
  readonly file: string;
  readonly kinds: readonly CrdKind[];
}

export interface CrdKind {
  readonly crd: string;
  readonly kind: string;
  readonly version: string;
  /** Upstream type names for schemas charts/ refers to, by path (`spec.http[]`: an item of spec.http). */
  readonly names?: Readonly<Record<string, string>>;
}

type Schema = Record<string, unknown> & {
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
  description?: string;
  required?: string[];
};

interface Crd {
  readonly spec: {
    readonly group: string;
    readonly names: { readonly kind: string };
    readonly versions: readonly { readonly name: string; readonly schema?: { readonly openAPIV3Schema: Schema } }[];
  };
}

/** ../shared/crds (or `$ARGOSY_SHARED/crds`); generating without it is an error, never a silent skip. */
export function crdDir(root: string): string {
  const shared = process.env.ARGOSY_SHARED ? resolve(process.env.ARGOSY_SHARED) : resolve(root, '..', 'shared');
  const dir = resolve(shared, 'crds');
  if (!existsSync(dir)) {
    throw new Error(
      `${dir}: upstream CRDs not found. Check out ../shared beside the project or set ARGOSY_SHARED; the generated types are built from them.`,
    );
  }
  return dir;
}

function readCrd(dir: string, file: string, kind: string, version: string): { group: string; schema: Schema } {
  const docs = loadAll(readFileSync(resolve(dir, file), 'utf8')) as Crd[];
  const crd = docs.find((d) => d?.spec?.names?.kind === kind);
  const schema = crd?.spec.versions.find((v) => v.name === version)?.schema?.openAPIV3Schema;
  if (!crd || !schema) throw new Error(`${file}: no ${kind} ${version} with an openAPIV3Schema`);
  return { group: crd.spec.group, schema: structuredClone(schema) };
}

/**
 * Makes a structural schema say what the API server does: fields outside `properties` are pruned,
 * so an object accepts only its declared fields (a misspelt field is a type error), unless it
 * preserves unknown fields. Only the first paragraph of each description is kept.
 */
function normalize(s: Schema): Schema {
  const out: Schema = { ...s };
  if (typeof out.description === 'string') out.description = out.description.split('\n\n')[0]?.trim() ?? '';
  if (out.properties)
    out.properties = Object.fromEntries(Object.entries(out.properties).map(([k, v]) => [k, normalize(v)]));
  if (out.items && typeof out.items === 'object') out.items = normalize(out.items);
  if (out.additionalProperties && typeof out.additionalProperties === 'object')
    out.additionalProperties = normalize(out.additionalProperties);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = out[key];
    // Istio's oneOf alternatives only say which fields exclude each other; the properties carry the types.
    if (Array.isArray(list) && out.properties) delete out[key];
    else if (Array.isArray(list)) out[key] = (list as Schema[]).map(normalize);
  }
  // Without a type the schema says nothing about the value (Argo Rollouts trims pod volumes like this).
  if (out['x-kubernetes-preserve-unknown-fields'] === true && out.type === undefined && !out.properties)
    return { ...(out.description ? { description: out.description } : {}), tsType: 'unknown' };
  if (out['x-kubernetes-preserve-unknown-fields'] === true && out.additionalProperties === undefined)
    out.additionalProperties = true;
  else if (out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );

const pascal = (s: string): string =>
  s
    .replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))
    .replace(/^./, (c) => c.toUpperCase());
const singular = (s: string): string => (s.endsWith('ies') ? `${s.slice(0, -3)}y` : s.replace(/(?<!s)s$/, ''));

/** Object schemas big enough to be worth a name of their own when they occur more than once. */
const isShared = (s: Schema): boolean => s.properties !== undefined && canonical(s).length > 400;

/**
 * Gives every object schema that occurs more than once (a container, a probe, a metric) one
 * named definition, so the generated module declares it once: the InferenceService CRD repeats
 * the container schema for every framework.
 */
function hoist(roots: readonly { name: string; schema: Schema }[]): Record<string, Schema> {
  const body = (s: Schema): string => canonical({ ...s, description: undefined, title: undefined });
  const seen = new Map<string, { count: number; name: string; titled: boolean }>();
  const taken = new Set(roots.map((r) => r.name));
  const count = (s: Schema, name: string): void => {
    if (isShared(s)) {
      const key = body(s);
      const known = seen.get(key);
      const title = typeof s.title === 'string' ? s.title : undefined;
      if (!known) seen.set(key, { count: 1, name: title ?? name, titled: title !== undefined });
      else {
        known.count += 1;
        // A name given in CRD_MODULES wins over one derived from where the schema first occurs.
        if (title && !known.titled) Object.assign(known, { name: title, titled: true });
      }
    }
    for (const [k, v] of Object.entries(s.properties ?? {})) count(v, pascal(k));
    if (s.items) count(s.items, singular(name));
    if (s.additionalProperties && typeof s.additionalProperties === 'object') count(s.additionalProperties, name);
  };
  for (const r of roots) count(r.schema, r.name);
  const names = new Map<string, string>();
  for (const [key, v] of [...seen.entries()].filter(([, v]) => v.count > 1)) {
    let name = v.name;
    for (let i = 2; taken.has(name); i++) name = `${v.name}${i}`;
    taken.add(name);
    names.set(key, name);
  }
  const definitions: Record<string, Schema> = {};
  const replace = (s: Schema, top = false): Schema => {
    const name = !top && isShared(s) ? names.get(body(s)) : undefined;
    if (name) {
      if (!definitions[name]) definitions[name] = { ...replace(s, true), title: name, description: s.description };
      return { $ref: `#/definitions/${name}` };
    }
    const out: Schema = { ...s };
    if (s.properties)
      out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, replace(v)]));
    if (s.items) out.items = replace(s.items);
    if (s.additionalProperties && typeof s.additionalProperties === 'object')
      out.additionalProperties = replace(s.additionalProperties);
    return out;
  };
  for (const r of roots) r.schema.properties = replace(r.schema, true).properties;
  return Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)));
}

/** Titles the schemas at `names` (paths as in {@link CrdKind.names}), so they become named interfaces. */
function nameAt(schema: Schema, names: Readonly<Record<string, string>>): void {
  for (const [path, title] of Object.entries(names)) {
    let at: Schema | undefined = schema;
    for (const part of path.split('.')) {
      const key = part.replace(/\[\]$/, '');
      at = at?.properties?.[key];
      if (part.endsWith('[]')) at = at?.items;
    }
    if (!at) throw new Error(`no schema at ${path}`);
    at.title = title;
  }
}

/** The object as Argosy writes it: a fixed apiVersion and kind, Kubernetes metadata, no status. */
function objectSchema(group: string, kind: string, version: string, schema: Schema): Schema {
  const props = { ...(schema.properties ?? {}) };
  delete props.status;
  delete props.apiVersion;
  delete props.kind;
  delete props.metadata;
  return {
    ...schema,
    title: kind,
    description: `${kind} (${group}/${version}) as Argosy writes it: generated from the upstream CRD's openAPIV3Schema, without status.`,
    required: ['apiVersion', 'kind', 'metadata', ...(schema.required ?? []).filter((r) => r in props)],
    properties: {
      apiVersion: { const: `${group}/${version}`, type: 'string' },
      kind: { const: kind, type: 'string' },
      metadata: { tsType: 'ObjectMeta' },
      ...Object.fromEntries(
        Object.entries(props).map(([k, v]) => [k, k === 'spec' ? { ...v, title: `${kind}Spec` } : v]),
      ),
    },
    additionalProperties: false,
  };
}

/** Arrays become readonly, so the IR's readonly lists can be written into objects without copies. */
function readonlyArrays(source: string): string {
  const file = ts.createSourceFile('generated.ts', source, ts.ScriptTarget.ES2022, true);
  const transform: ts.TransformerFactory<ts.SourceFile> = (ctx) => {
    const visit = (node: ts.Node): ts.Node => {
      const next = ts.visitEachChild(node, visit, ctx);
      return ts.isArrayTypeNode(next) ? ctx.factory.createTypeOperatorNode(ts.SyntaxKind.ReadonlyKeyword, next) : next;
    };
    return (sf) => ts.visitEachChild(sf, visit, ctx);
  };
  const [out] = ts.transform(file, [transform]).transformed;
  return ts.createPrinter({ newLine: ts.NewLineKind.LineFeed }).printFile(out as ts.SourceFile);
}

/** One generated module: every kind of `m` as an interface, shared sub-schemas named once. */
export async function generateModule(crds: string, m: CrdModule): Promise<string> {
  const roots = m.kinds.map(({ crd, kind, version, names }) => {
    const { group, schema } = readCrd(crds, crd, kind, version);
    const normalized = normalize(schema);
    nameAt(normalized, names ?? {});
    return { name: kind, group, version, schema: objectSchema(group, kind, version, normalized) };
  });
  const definitions = hoist(roots);
  const sources = m.kinds.map((k) => `${k.crd} (${k.kind} ${k.version})`);
  const hash = createHash('sha256');
  for (const k of m.kinds) hash.update(readFileSync(resolve(crds, k.crd)));
  const root: JSONSchema = {
    title: `${m.file.replace(/\.ts$/, '')}-kinds`,
    description: 'Every kind of this module.',
    definitions: { ...Object.fromEntries(roots.map((r) => [r.name, r.schema])), ...definitions },
    anyOf: roots.map((r) => ({ $ref: `#/definitions/${r.name}` })),
  } as JSONSchema;
  const body = await compile(root, 'Root', {
    bannerComment: '',
    additionalProperties: false,
    unreachableDefinitions: false,
    declareExternallyReferenced: true,
    format: false,
    strictIndexSignatures: false,
    ignoreMinAndMaxItems: true,
  });
  const typed = readonlyArrays(body);
  return [
    '// Generated by `npm run gen:types` from ../shared/crds; do not edit.',
    `// Sources: ${sources.join(', ')}; sha256 ${hash.digest('hex').slice(0, 16)}.`,
    "import type { ObjectMeta } from '../api-object.ts';",
    '',
    typed,
  ].join('\n');
}
