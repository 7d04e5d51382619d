import type { ResourcesIR } from '../../dsl/ir/index.ts';
import type { Json } from './types.ts';
import type { DslError } from '../../dsl/errors.ts';
import { throwFirst, unsupported } from './unsupported.ts';
import { quantityValue } from '../../dsl/ir/quantity-value.ts';

/**
 * KFP `ResourceSpec`: the current string fields plus the deprecated numeric ones (vCPU, decimal
 * GB, accelerator type/count), because KFP servers before 2.11 read only the deprecated fields
 * and would silently drop the GPU (kubeflow/pipelines#11374). This is what the KFP SDK writes too.
 */
export function resourceSpec(r: ResourcesIR, pipeline: string, at: readonly string[]): Json | undefined {
  throwFirst(resourceProblems(r, pipeline, at));
  const out: Json = {};
  const extended = extendedResources(r);
  for (const [field, value] of [
    ['Cpu', r.requests.cpu],
    ['Memory', r.requests.memory],
  ] as const) {
    if (value === undefined) continue;
    out[`resource${field}Request`] = value;
    out[`${field.toLowerCase()}Request`] = field === 'Cpu' ? quantityValue(value) : quantityValue(value) / 1e9;
  }
  for (const [field, value] of [
    ['Cpu', r.limits.cpu],
    ['Memory', r.limits.memory],
  ] as const) {
    if (value === undefined) continue;
    out[`resource${field}Limit`] = value;
    out[`${field.toLowerCase()}Limit`] = field === 'Cpu' ? quantityValue(value) : quantityValue(value) / 1e9;
  }
  const [accelerator] = extended;
  if (accelerator !== undefined) {
    const count = r.limits[accelerator] ?? r.requests[accelerator] ?? '1';
    out.accelerator = { resourceType: accelerator, resourceCount: count, type: accelerator, count };
  }
  return Object.keys(out).length ? out : undefined;
}

/** Resources other than cpu and memory (accelerators, ephemeral storage). */
function extendedResources(r: ResourcesIR): string[] {
  const known = new Set(['cpu', 'memory']);
  return [...new Set([...Object.keys(r.requests), ...Object.keys(r.limits)])].filter((k) => !known.has(k));
}

/** What the KFP `ResourceSpec` cannot hold: ephemeral storage, more than one accelerator. */
export function resourceProblems(r: ResourcesIR, pipeline: string, at: readonly string[]): DslError[] {
  const extended = extendedResources(r);
  const problems: DslError[] = [];
  if (extended.includes('ephemeral-storage')) {
    problems.push(
      unsupported(
        pipeline,
        [...at, 'resources'],
        'ephemeral-storage requests or limits',
        r.requests['ephemeral-storage'] ?? r.limits['ephemeral-storage'],
        'Remove ephemeralStorage, or compile this pipeline for Argo',
      ),
    );
  } else if (extended.length > 1) {
    problems.push(
      unsupported(
        pipeline,
        [...at, 'resources'],
        'more than one accelerator resource per container',
        extended,
        'Request a single accelerator type',
      ),
    );
  }
  return problems;
}
