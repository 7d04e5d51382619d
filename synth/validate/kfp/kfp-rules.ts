import { KFP_SCHEMA_VERSION, kfpLintFindings } from '../../../charts/kfp/index.ts';
import { isObject, obj, show } from '../object-path.ts';

/** One problem of a KFP document; `path` is dotted from the document's top (empty for all of it). */
export interface KfpProblem {
  readonly path: string;
  readonly message: string;
  /** Errors unless said otherwise: what KFP accepts but probably does not mean. */
  readonly severity?: 'warning';
}

const at = (base: string, path: string): string => (base && path ? `${base}.${path}` : base || path);

/**
 * What the KFP API server checks when a pipeline is uploaded or run inline
 * (backend/src/apiserver/template/v2_template.go): the schema version it understands, a
 * pipeline name, and a root DAG. `base` locates a spec embedded in another document.
 */
export function pipelineSpecUploadProblems(spec: unknown, base = ''): KfpProblem[] {
  const s = obj(spec);
  const out: KfpProblem[] = [];
  if (s.schemaVersion !== KFP_SCHEMA_VERSION) {
    out.push({
      path: at(base, 'schemaVersion'),
      message: `schemaVersion must be ${KFP_SCHEMA_VERSION}, the IR version the KFP API server accepts (got ${JSON.stringify(show(s.schemaVersion ?? null))}). Compile the pipeline with a KFP v2 compiler or \`argosy synth --target kfp\``,
    });
  }
  const name = obj(s.pipelineInfo).name;
  if (typeof name !== 'string' || name === '') {
    out.push({
      path: at(base, 'pipelineInfo.name'),
      message: `pipelineInfo.name must not be empty: the API server refuses a pipeline without a name (got ${JSON.stringify(show(name ?? null))}). Name the pipeline`,
    });
  }
  if (!isObject(s.root))
    out.push({
      path: at(base, 'root'),
      message: `root is missing, so the pipeline has no DAG to run (got ${JSON.stringify(show(s.root ?? null))}). Add root.dag with the pipeline's tasks`,
    });
  return out;
}

/** A PlatformSpec without `platforms.kubernetes` is silently dropped by the API server. */
export function platformSpecProblems(platform: unknown, base = ''): KfpProblem[] {
  const platforms = obj(obj(platform).platforms);
  if (isObject(platforms.kubernetes)) return [];
  return [
    {
      path: at(base, 'platforms.kubernetes'),
      message: `the PlatformSpec has no platforms.kubernetes, so KFP ignores it and its settings are lost (got platforms ${JSON.stringify(Object.keys(platforms))}). Put the Kubernetes settings under platforms.kubernetes`,
    },
  ];
}

/**
 * The referential lint `argosy synth` runs on every PipelineSpec it compiles (charts/kfp/lint.ts):
 * component, executor, platform and sibling-task references, inputs and outputs, iterators,
 * cycles and executor placeholders. Its findings name where they are (`root > task x: ...`).
 */
export function pipelineLintProblems(spec: unknown, platform: unknown, base = ''): KfpProblem[] {
  try {
    const findings = kfpLintFindings({
      pipelineSpec: obj(spec),
      ...(isObject(platform) ? { platformSpec: platform } : {}),
    });
    return findings.map((message) => ({ path: base, message }));
  } catch (e) {
    // Wrong types (a list where a mapping belongs) must not stop the other documents' checks.
    return [
      {
        path: base,
        message: `could not be linted: ${show((e as Error)?.message ?? e)}. Check that components, root and deploymentSpec are mappings`,
      },
    ];
  }
}
