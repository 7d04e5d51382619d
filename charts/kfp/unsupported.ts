import { DslError, seg, type PathSegment } from '../../dsl/errors.ts';
import type { ValueIR } from '../../dsl/ir/index.ts';

/**
 * The one error the KFP backend raises for anything the KFP v2 IR cannot express: it names the
 * pipeline, where the feature is used and the feature itself, so the capability matrix in
 * docs/kfp.md and the messages users see stay the same list.
 */
export function unsupported(
  pipeline: string,
  at: readonly PathSegment[],
  feature: string,
  got: unknown,
  fix: string,
): DslError {
  return new DslError({
    path: [seg('pipeline', pipeline), ...at],
    problem: `Kubeflow Pipelines cannot express ${feature}`,
    got,
    fix,
  });
}

/** Thrown for IR this backend does not know yet (a node, value or implementation kind added later). */
export function unknownKind(pipeline: string, at: readonly PathSegment[], what: string, kind: unknown): DslError {
  return new DslError({
    path: [seg('pipeline', pipeline), ...at],
    problem: `the KFP backend does not know ${what} kind "${String(kind)}"`,
    got: kind,
    fix: 'Compile this pipeline for Argo (target: "argo"), or teach charts/kfp/ the new kind',
  });
}

/** Throws the first of a check's problems, if any: the compile stops where `kfpSupports` would say no. */
export function throwFirst(problems: readonly DslError[]): void {
  const [first] = problems;
  if (first) throw first;
}

/** A task or group name used twice in one DAG (KFP names its groups itself). */
export function duplicateTaskName(pipeline: string, name: string): DslError {
  return unsupported(
    pipeline,
    [`task "${name}"`],
    'two tasks with the same name in one DAG',
    name,
    `Rename the task: KFP names its condition and loop groups "condition-N", "condition-branches-N" and "exit-handler-N"`,
  );
}

/** Two owners of one KFP component name (`comp-<name>`). */
export function componentNameClash(pipeline: string, name: string, other: string, owner: string): DslError {
  return unsupported(
    pipeline,
    [],
    `two KFP components named "${name}" (${other} and ${owner})`,
    name,
    'Rename the component or the loop',
  );
}

/** A runtime value KFP has no placeholder for. */
export function runtimeValueUnsupported(pipeline: string, name: string, task?: string): DslError {
  return unsupported(
    pipeline,
    task ? [`task "${task}"`] : [],
    `runtime.${name}`,
    name,
    name === 'workflowStatus' || name === 'workflowFailures'
      ? 'KFP hands exit tasks the final status only as a PipelineTaskFinalStatus struct; compile this pipeline for Argo to pass it as text'
      : 'Use runtime.workflowName, workflowUid, scheduledTime or creationTimestamp',
  );
}

/** A string template where KFP needs one task input (a loop's items, a claim name). */
export function templateValueUnsupported(pipeline: string): DslError {
  return unsupported(
    pipeline,
    [],
    'a string template in a condition or as loop items',
    'concat',
    'Compare or loop over the referenced value itself',
  );
}

/** An artifact argument that is not the output of a task, loop or branch. */
export function artifactSourceUnsupported(pipeline: string, kind: string): DslError {
  return unsupported(pipeline, [], `an artifact from a ${kind}`, kind, 'Pass an artifact output of a task');
}

/** A condition operand KFP cannot pass to a group as an input. */
export function conditionOperandUnsupported(
  pipeline: string,
  v: Extract<ValueIR, { kind: 'runtime' | 'concat' }>,
): DslError {
  return unsupported(
    pipeline,
    [],
    `a condition on ${v.kind === 'runtime' ? `runtime.${v.name}` : 'a string template'}`,
    v.kind,
    'Compare a task output or a pipeline parameter',
  );
}

/** A loop over a value that is not a list KFP can iterate. */
export function loopItemsUnsupported(pipeline: string, loop: string, kind: string): DslError {
  return unsupported(
    pipeline,
    [`loop "${loop}"`],
    `a loop over a ${kind} value`,
    kind,
    'Loop over a static list, a pipeline parameter or a task output',
  );
}
