import type { PathSegment } from '../../dsl/errors.ts';
import type {
  ArgoArgumentsIR,
  ArgoArtifactIR,
  ArgoDagTaskIR,
  ArgoInputsIR,
  ArgoOutputsIR,
  ArgoParameterIR,
  LoopIR,
  ParamPortIR,
  ValueIR,
} from '../../dsl/ir/index.ts';
import {
  literalString,
  renderArtifactArgument,
  renderArtifactSource,
  renderParam,
  renderParamSource,
  type ExternalInput,
  type TemplateScope,
} from './expressions.ts';

/** What DAG templates pass and return: the inputs, arguments and outputs of the lowering. */

/** `{ parameters, artifacts }` with the empty lists left out; undefined when both are empty. */
export function ioOf(
  parameters: readonly ArgoParameterIR[],
  artifacts: readonly ArgoArtifactIR[],
): { parameters?: readonly ArgoParameterIR[]; artifacts?: readonly ArgoArtifactIR[] } | undefined {
  return parameters.length || artifacts.length
    ? { ...(parameters.length ? { parameters } : {}), ...(artifacts.length ? { artifacts } : {}) }
    : undefined;
}

/** A DAG task's `arguments`, left out when it passes nothing. */
export function argumentsOf(
  parameters: readonly ArgoParameterIR[],
  artifacts: readonly ArgoArtifactIR[] = [],
): Pick<ArgoDagTaskIR, 'arguments'> {
  const args: ArgoArgumentsIR | undefined = ioOf(parameters, artifacts);
  return args ? { arguments: args } : {};
}

/** A pipeline parameter as an Argo parameter: a workflow argument, or an input of a called pipeline's DAG. */
export function pipelineParameter(param: ParamPortIR): ArgoParameterIR {
  return {
    name: param.name,
    ...(param.default !== undefined ? { value: literalString(param.default) } : {}),
    ...(param.enum ? { enum: param.enum.map(literalString) } : {}),
    ...(param.description ? { description: param.description } : {}),
  };
}

/** The inputs of a nested DAG template: one per value it reads from outside. */
export function inputsOf(inputs: readonly ExternalInput[]): ArgoInputsIR | undefined {
  return ioOf(
    inputs.filter((i) => i.kind === 'param').map((i) => ({ name: i.alias })),
    inputs.filter((i) => i.kind === 'artifact').map((i) => ({ name: i.alias })),
  );
}

/** Arguments a caller passes to a nested template; the current loop's item comes from `{{item}}`. */
export function invokeArgs(
  inputs: readonly ExternalInput[],
  scope: TemplateScope,
  loop: LoopIR | undefined,
  where: readonly PathSegment[],
): Pick<ArgoDagTaskIR, 'arguments'> {
  const params: ArgoParameterIR[] = [];
  const artifacts: ArgoArtifactIR[] = [];
  for (const i of inputs) {
    if (i.kind === 'artifact') artifacts.push({ name: i.alias, ...renderArtifactArgument(i.value, scope, where) });
    else if (loop && i.value.kind === 'loopItem' && i.value.loop === loop.id)
      params.push({ name: i.alias, value: `{{${['item', ...i.value.path].join('.')}}}` });
    else params.push({ name: i.alias, value: renderParam(i.value, scope) });
  }
  return argumentsOf(params, artifacts);
}

/** How a DAG task iterates a loop's items. */
export function iteration(loop: LoopIR, scope: TemplateScope): Pick<ArgoDagTaskIR, 'withItems' | 'withParam'> {
  return loop.items.kind === 'static'
    ? { withItems: loop.items.values }
    : { withParam: renderParam(loop.items.value, scope) };
}

/** What a loop's wrapper returns: its body's collected outputs, read from the looping task. */
export function collectOf(loop: LoopIR, scope: TemplateScope): ArgoOutputsIR | undefined {
  return outputsOf(
    loop.collect.map((c) => ({
      name: c.name,
      kind: 'param' as const,
      value: { kind: 'loopOutput', loop: loop.id, output: c.name },
    })),
    scope,
  );
}

/** The outputs of a DAG template: parameters from `parameter`/`expression`, artifacts from `from`/`fromExpression`. */
export function outputsOf(
  outputs: readonly { name: string; kind: 'param' | 'artifact'; value: ValueIR }[],
  scope: TemplateScope,
): ArgoOutputsIR | undefined {
  return ioOf(
    outputs
      .filter((o) => o.kind === 'param')
      .map((o) => ({ name: o.name, valueFrom: renderParamSource(o.value, scope) })),
    outputs
      .filter((o) => o.kind === 'artifact')
      .map((o) => ({ name: o.name, ...renderArtifactSource(o.value, scope) })),
  );
}
