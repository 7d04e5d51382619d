import type { PipelineIR } from '../../dsl/ir/index.ts';
import { DagLowering } from './dag.ts';
import { buildTree } from './groups.ts';
import type { Json } from './types.ts';
import { DslErrors } from '../../dsl/errors.ts';
import { kfpSupports } from './supports.ts';

/** The KFP IR schema version the API server accepts ("KFP only supports schema version 2.1.0"). */
export const KFP_SCHEMA_VERSION = '2.1.0';

/** A compiled pipeline: the PipelineSpec and, when any Kubernetes setting is used, the PlatformSpec. */
export interface CompiledKfpPipeline {
  readonly pipelineSpec: Json;
  readonly platformSpec?: Json;
}

/**
 * Compiles one pipeline to KFP v2 IR (canonical ProtoJSON as plain objects; the serializer sorts
 * keys). Throws a DslError naming the pipeline for anything KFP cannot express (`kfpSupports`
 * lists it; several at once are thrown together as DslErrors).
 *
 * @example
 * ```ts
 * const { pipelineSpec, platformSpec } = compileKfpPipeline(pipelineIR, { toolVersion: '0.1.0' });
 * ```
 */
export function compileKfpPipeline(p: PipelineIR, opts: { readonly toolVersion: string }): CompiledKfpPipeline {
  const support = kfpSupports(p);
  if (!support.supported) {
    const [only] = support.reasons;
    throw support.reasons.length === 1 && only ? only : new DslErrors(support.reasons);
  }
  const o = p.options;
  const lowered = new DagLowering(p, buildTree(p)).lower();
  const pipelineSpec: Json = {
    pipelineInfo: { name: p.name, ...(p.description ? { description: p.description } : {}) },
    schemaVersion: KFP_SCHEMA_VERSION,
    sdkVersion: `argosy-${opts.toolVersion}`,
    components: lowered.components,
    deploymentSpec: { executors: lowered.executors },
    root: lowered.root,
  };
  const pipelineConfig: Json = {
    ...(o.timeoutSeconds !== undefined ? { activeDeadlineSeconds: o.timeoutSeconds } : {}),
    ...(o.ttlSecondsAfterFinished !== undefined ? { resourceTtlOnCompletion: o.ttlSecondsAfterFinished } : {}),
  };
  const hasExecutors = Object.keys(lowered.kubernetes).length > 0;
  if (!hasExecutors && Object.keys(pipelineConfig).length === 0) return { pipelineSpec };
  return {
    pipelineSpec,
    platformSpec: {
      platforms: {
        kubernetes: {
          ...(hasExecutors ? { deploymentSpec: { executors: lowered.kubernetes } } : {}),
          ...(Object.keys(pipelineConfig).length ? { pipelineConfig } : {}),
        },
      },
    },
  };
}

/** The file a pipeline's IR is written to inside `dist/<environment>/<app>/`. */
export function kfpFileName(pipeline: string): string {
  return `pipelinespec.${pipeline}.yaml`;
}
