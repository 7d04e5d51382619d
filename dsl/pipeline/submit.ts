import { bindArgs, type UseSite } from './args.ts';
import type { BuildState, StepSignature, TaskState } from './build-state.ts';
import { DslError, seg } from '../errors.ts';
import type { RetryIR, SubmitIR, TaskIR } from '../ir/index.ts';
import type { AnyPipeline } from './pipeline.ts';
import type { RetrySpec } from './policies.ts';
import { Step } from './step.ts';

/**
 * A step that starts a run of another pipeline, returned by `p.submit()`. The submitting run does
 * not wait for the started one; other steps can still be ordered after the submission itself.
 *
 * @example
 * ```ts
 * p.when(eq(check.outputs.drifted, true), (p) => {
 *   p.submit('retrain', ctrTraining, { snapshotDate: params.snapshotDate }).retry({ limit: 3, policy: 'OnError' });
 * });
 * ```
 */
export class Submission extends Step<{}> {
  /** The pipeline this step starts. */
  get pipeline(): string {
    return (this.step.submit as AnyPipeline).name;
  }

  /** Retries the submission itself, e.g. when the API server is briefly unavailable. */
  retry(spec: RetrySpec): this {
    this.task.retry(spec);
    return this;
  }
}

/**
 * The target pipeline seen as a step whose inputs are its parameters, so argument binding,
 * `.after()`, conditions and cycle checks treat a submission like any task; it has no outputs.
 */
function asStep(target: AnyPipeline): StepSignature {
  return { name: target.name, inputs: target.ir.params, outputs: [] };
}

/** Records a `p.submit()` step in the pipeline being built. */
export function addSubmit(state: BuildState, id: string, target: unknown, args: unknown, site: UseSite): TaskState {
  const path = site.path;
  if (!target || (target as AnyPipeline).kind !== 'pipeline' || !(target as AnyPipeline).ir) {
    throw new DslError({
      path,
      problem: 'p.submit() needs a pipeline to start',
      got: target,
      fix: 'Pass a value created with pipeline(), e.g. p.submit("retrain", ctrTraining, { ... })',
    });
  }
  const pipeline = target as AnyPipeline;
  if (pipeline.name === state.pipeline) {
    throw new DslError({
      path,
      problem: 'a pipeline cannot submit a run of itself',
      got: pipeline.name,
      fix: 'Submit a different pipeline; loop with p.forEach() instead',
    });
  }
  if (args !== undefined && (args === null || typeof args !== 'object' || Array.isArray(args))) {
    throw new DslError({
      path,
      problem: 'submit arguments must be an object',
      got: args,
      fix: `Pass { parameterName: value, ... } for pipeline "${pipeline.name}"`,
    });
  }
  const given = (args ?? {}) as Record<string, unknown>;
  const params = new Map(pipeline.ir.params.map((p) => [p.name, p]));
  for (const key of Object.keys(given)) {
    if (!params.has(key)) {
      throw new DslError({
        path: [...path, seg('arg', key)],
        problem: `pipeline "${pipeline.name}" has no parameter "${key}"`,
        got: given[key],
        fix: `Use one of: ${[...params.keys()].join(', ') || '(none)'}`,
      });
    }
  }
  for (const p of pipeline.ir.params) {
    if (!p.optional && given[p.name] === undefined) {
      throw new DslError({
        path: [...path, seg('arg', p.name)],
        problem: `required parameter of pipeline "${pipeline.name}" has no value`,
        got: undefined,
        fix: `Pass { ${p.name}: ... }`,
      });
    }
  }
  const step = asStep(pipeline);
  const boundArgs = bindArgs(state, step, args, site);
  const task: TaskState = {
    id,
    signature: step,
    args: boundArgs,
    groups: site.groups,
    inExitHandler: false,
    after: [],
    overrides: {},
    submit: pipeline,
  };
  state.tasks.set(id, task);
  return task;
}

/** Freezes a submission into IR; `base` is the task IR computed for it (args, after, when). */
export function submitToIR(t: TaskState, base: TaskIR): SubmitIR {
  const retry: RetryIR | undefined = t.overrides.retry;
  return {
    kind: 'submit',
    id: base.id,
    pipeline: (t.submit as AnyPipeline).name,
    args: base.args,
    after: base.after,
    ...(base.when ? { when: base.when } : {}),
    ...(retry ? { retry } : {}),
    ...(base.displayName ? { displayName: base.displayName } : {}),
  };
}
