import { bindArgs, type UseSite } from './args.ts';
import type { BoundTarget } from './backend-bound.ts';
import type { BuildState, StepSignature, TaskState } from './build-state.ts';
import { DslError, seg, type PathSegment } from '../errors.ts';
import { canonicalJson } from '../common/hash.ts';
import type { ComponentIR, NodeIR, PipelineIR, PortIR } from '../ir/index.ts';
import type { AnyPipeline } from './pipeline.ts';
import { ArtifactListPort, ArtifactPort, ParamPort, type PortMap } from './ports.ts';
import { Step } from './step.ts';

/**
 * A step that runs another pipeline, returned by `p.subPipeline(id, otherPipeline, args)`. Its `outputs`
 * are typed like a component task's: the called pipeline's returned outputs.
 *
 * @example
 * ```ts
 * const features = p.subPipeline('features', featurePipeline, { day: params.day });
 * p.task('train', trainXgb, { dataset: features.outputs.table }); // ArtifactRef<'Dataset'>
 * ```
 */
export class PipelineTask<O extends PortMap, T extends BoundTarget = undefined> extends Step<O, T> {
  /** Name of the pipeline this step runs. */
  get pipeline(): string {
    return (this.step.callee as PipelineIR).name;
  }
}

/** Settings that apply to a whole run, which a pipeline running inside another run cannot have. */
const RUN_WIDE: readonly [string, (p: PipelineIR) => boolean][] = [
  ['parallelism', (p) => p.options.parallelism !== undefined],
  ['timeout', (p) => p.options.timeoutSeconds !== undefined],
  ['serviceAccount', (p) => p.options.serviceAccountName !== undefined],
  ['podLabels', (p) => Object.keys(p.options.podLabels).length > 0],
  ['podAnnotations', (p) => Object.keys(p.options.podAnnotations).length > 0],
  ['artifactRepository', (p) => p.options.artifactRepositoryRef !== undefined],
  ['nodeSelector', (p) => p.options.nodeSelector !== undefined],
  ['tolerations', (p) => p.options.tolerations.length > 0],
  ['ttlAfterFinished', (p) => p.options.ttlSecondsAfterFinished !== undefined],
  ['podGC', (p) => p.options.podGC !== undefined],
];

/** Every component a pipeline runs, its own and those of the pipelines it calls. */
export function allComponents(p: PipelineIR): ComponentIR[] {
  return [...p.components, ...(p.pipelines ?? []).flatMap(allComponents)];
}

/** Whether a body has a `p.submit()` step at any depth. */
function startsRuns(nodes: readonly NodeIR[]): boolean {
  return nodes.some(
    (n) =>
      n.kind === 'submit' ||
      (n.kind === 'loop' && startsRuns(n.body)) ||
      (n.kind === 'condition' && n.branches.some((b) => startsRuns(b.body))),
  );
}

function allPipelines(p: PipelineIR): PipelineIR[] {
  return [p, ...(p.pipelines ?? []).flatMap(allPipelines)];
}

/**
 * Checks that components and called pipelines keep unique names across the whole call tree:
 * backends share one template (Argo) or component (KFP) per name, so one name must mean one
 * definition.
 */
export function assertUniqueNames(
  state: BuildState,
  adding: { readonly components: readonly ComponentIR[]; readonly pipelines: readonly PipelineIR[] },
  path: readonly PathSegment[],
): void {
  const components = new Map<string, ComponentIR>();
  for (const c of [...state.components.values(), ...[...state.pipelines.values()].flatMap(allComponents)])
    components.set(c.name, c);
  const pipelines = new Map<string, PipelineIR>();
  for (const p of [...state.pipelines.values()].flatMap(allPipelines)) pipelines.set(p.name, p);
  for (const c of adding.components) {
    const known = components.get(c.name);
    if (known && known.contentHash !== c.contentHash) {
      throw new DslError({
        path,
        problem: `two different components are named "${c.name}"`,
        got: c.name,
        fix: 'Give each component a unique name, also across pipelines called as tasks',
      });
    }
    if (pipelines.has(c.name)) {
      throw new DslError({
        path,
        problem: `a component and a pipeline are both named "${c.name}"`,
        got: c.name,
        fix: 'Rename the component or the pipeline; a called pipeline and a component share one namespace',
      });
    }
    components.set(c.name, c);
  }
  for (const p of adding.pipelines) {
    const known = pipelines.get(p.name);
    if (p.name === state.pipeline) {
      throw new DslError({
        path,
        problem: `pipeline "${state.pipeline}" cannot run a pipeline with its own name`,
        got: p.name,
        fix: 'Rename one of the two pipelines',
      });
    }
    if (known && known !== p && canonicalJson(known) !== canonicalJson(p)) {
      throw new DslError({
        path,
        problem: `two different pipelines are named "${p.name}"`,
        got: p.name,
        fix: 'Give each pipeline a unique name',
      });
    }
    if (components.has(p.name)) {
      throw new DslError({
        path,
        problem: `a component and a pipeline are both named "${p.name}"`,
        got: p.name,
        fix: 'Rename the component or the pipeline; a called pipeline and a component share one namespace',
      });
    }
    pipelines.set(p.name, p);
  }
}

/**
 * The called pipeline seen as a step: its parameters are the inputs and its returned outputs the
 * outputs, so argument binding, output references and conditions treat it like a component task.
 */
function signature(p: PipelineIR): StepSignature {
  return { name: p.name, inputs: p.params, outputs: p.outputs.map((o) => o.port) };
}

/** Records a `p.subPipeline(id, pipeline, args)` step that runs another pipeline in the one being built. */
export function addPipelineTask(
  state: BuildState,
  id: string,
  target: AnyPipeline,
  args: unknown,
  site: UseSite,
): TaskState {
  const path = site.path;
  const callee = target.ir;
  if (site.inExitHandler) {
    throw new DslError({
      path,
      problem: 'an exit handler runs components, not pipelines',
      got: callee.name,
      fix: 'Call the pipeline from the body, or give the exit handler a component',
    });
  }
  if (callee.exitHandler.length > 0) {
    throw new DslError({
      path,
      problem: `pipeline "${callee.name}" has an exit handler, which only a whole run can have`,
      got: callee.exitHandler.map((t) => t.id),
      fix: 'Move its p.onExit() tasks to the calling pipeline',
    });
  }
  const submitting = allPipelines(callee).find((p) => startsRuns(p.body));
  if (submitting) {
    throw new DslError({
      path,
      problem: `pipeline "${submitting.name}" starts other pipelines with p.submit(), which needs a deployment (and service account) of its own`,
      got: submitting.name,
      fix: 'Call p.submit() from the calling pipeline instead',
    });
  }
  const runWide = RUN_WIDE.filter(([, set]) => set(callee)).map(([name]) => name);
  if (runWide.length > 0) {
    throw new DslError({
      path,
      problem: `pipeline "${callee.name}" sets ${runWide.join(', ')}, which apply to a whole run, and a called pipeline runs inside its caller's run`,
      got: runWide,
      fix: `Set them on the calling pipeline; to also run "${callee.name}" alone with them, wrap it: pipeline('${callee.name}-run', { ${runWide[0]}: ... }, (p, params) => { p.task('run', ${callee.name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}, params); })`,
    });
  }
  if (args !== undefined && (args === null || typeof args !== 'object' || Array.isArray(args))) {
    throw new DslError({
      path,
      problem: 'task arguments must be an object',
      got: args,
      fix: `Pass { parameterName: value, ... } for pipeline "${callee.name}"`,
    });
  }
  const known = callee.params.map((p) => p.name);
  for (const key of Object.keys((args ?? {}) as object)) {
    if (!known.includes(key)) {
      throw new DslError({
        path: [...path, seg('input', key)],
        problem: `pipeline "${callee.name}" has no parameter "${key}"`,
        got: (args as Record<string, unknown>)[key],
        fix: known.length ? `Use one of: ${known.join(', ')}` : 'This pipeline takes no parameters',
      });
    }
  }
  assertUniqueNames(state, { components: allComponents(callee), pipelines: allPipelines(callee) }, path);
  const step = signature(callee);
  const boundArgs = bindArgs(state, step, args, site);
  if (!state.pipelines.has(callee.name)) state.pipelines.set(callee.name, callee);
  const task: TaskState = {
    id,
    signature: step,
    args: boundArgs,
    groups: site.groups,
    inExitHandler: false,
    after: [],
    overrides: {},
    callee,
  };
  state.tasks.set(id, task);
  return task;
}

/** Typed output ports of a pipeline, built from its output IR (what `Pipeline.outputs` exposes). */
export function outputPorts(ports: readonly PortIR[]): PortMap {
  return Object.fromEntries(
    ports.map((p) => [
      p.name,
      p.kind === 'artifact'
        ? p.list
          ? new ArtifactListPort({
              artifactType: p.artifactType,
              ...(p.description ? { description: p.description } : {}),
            })
          : new ArtifactPort({
              artifactType: p.artifactType,
              optional: false,
              ...(p.description ? { description: p.description } : {}),
            })
        : new ParamPort({
            type: p.type,
            hasDefault: false,
            ...(p.jsonShape ? { jsonShape: p.jsonShape } : {}),
            ...(p.description ? { description: p.description } : {}),
          }),
    ]),
  );
}
