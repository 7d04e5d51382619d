import { DslError, type PathSegment } from '../../dsl/errors.ts';
import type { CondIR, JsonValue, RuntimeValueName, ValueIR } from '../../dsl/ir/index.ts';

/** A value a DAG template needs from outside: its parent passes it in as an input. */
export interface ExternalInput {
  readonly alias: string;
  readonly kind: 'param' | 'artifact';
  readonly value: ValueIR;
}

/** Where expressions are rendered: one DAG template and the ids that are its own tasks. */
export interface TemplateScope {
  /** Task and loop ids that are tasks of this DAG template. */
  readonly local: ReadonlySet<string>;
  /** Inputs this template needs from its caller, collected while rendering. */
  readonly inputs: Map<string, ExternalInput>;
  /**
   * Where pipeline parameters come from: workflow arguments (the default), this template's own
   * inputs (the DAG template of a called pipeline) or, in that pipeline's nested templates,
   * inputs passed down like any outside value.
   */
  readonly params?: 'inputs' | 'external';
  /** The per-branch values of a `p.oneOf()` (a condition output). */
  readonly oneOf?: (condition: string, output: string) => readonly ValueIR[];
}

const RUNTIME: Record<RuntimeValueName, string> = {
  workflowName: 'workflow.name',
  workflowUid: 'workflow.uid',
  workflowNamespace: 'workflow.namespace',
  workflowStatus: 'workflow.status',
  workflowFailures: 'workflow.failures',
  scheduledTime: 'workflow.scheduledTime',
  creationTimestamp: 'workflow.creationTimestamp',
};

/** Argo parameters are strings: JSON for structured values, plain text for the rest. */
export function literalString(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The input name used when a nested template receives a value from outside. */
export function aliasFor(value: ValueIR): string {
  switch (value.kind) {
    case 'taskOutput':
      return `${value.task}-${value.output}`;
    case 'loopOutput':
      return `${value.loop}-${value.output}`;
    case 'loopItem':
      return [value.loop, 'item', ...value.path].join('-').replace(/[^A-Za-z0-9_-]/g, '_');
    case 'conditionOutput':
      return `${value.condition}-${value.output}`;
    case 'pipelineParam':
      return `params-${value.name}`;
    default:
      throw new Error(`internal: no alias for ${value.kind}`);
  }
}

function external(scope: TemplateScope, value: ValueIR, kind: 'param' | 'artifact'): string {
  const alias = aliasFor(value);
  scope.inputs.set(`${kind}:${alias}`, { alias, kind, value });
  return alias;
}

/** Renders a parameter value as an Argo template string. */
export function renderParam(value: ValueIR, scope: TemplateScope): string {
  switch (value.kind) {
    case 'literal':
      return literalString(value.value);
    case 'pipelineParam':
      if (scope.params === 'inputs') return `{{inputs.parameters.${value.name}}}`;
      return scope.params === 'external'
        ? `{{inputs.parameters.${external(scope, value, 'param')}}}`
        : `{{workflow.parameters.${value.name}}}`;
    case 'conditionOutput':
      return oneOfIsLocal(value, scope)
        ? `{{=${oneOfExpression(value, scope, 'parameters')}}}`
        : `{{inputs.parameters.${external(scope, value, 'param')}}}`;
    case 'runtime':
      return `{{${RUNTIME[value.name]}}}`;
    case 'concat':
      return value.parts.map((p) => renderParam(p, scope)).join('');
    case 'taskOutput':
      return scope.local.has(value.task)
        ? `{{tasks.${value.task}.outputs.parameters.${value.output}}}`
        : `{{inputs.parameters.${external(scope, value, 'param')}}}`;
    case 'loopOutput':
      return scope.local.has(value.loop)
        ? `{{tasks.${value.loop}.outputs.parameters.${value.output}}}`
        : `{{inputs.parameters.${external(scope, value, 'param')}}}`;
    case 'loopItem':
      return `{{inputs.parameters.${external(scope, value, 'param')}}}`;
  }
}

/** Renders the `from` of an artifact argument. */
export function renderArtifactFrom(value: ValueIR, scope: TemplateScope): string {
  if (value.kind === 'taskOutput' && scope.local.has(value.task))
    return `{{tasks.${value.task}.outputs.artifacts.${value.output}}}`;
  return `{{inputs.artifacts.${external(scope, value, 'artifact')}}}`;
}

/**
 * Where an artifact argument of a task comes from: always `from`. Argo chooses between branch
 * artifacts only in a DAG template's outputs (`fromExpression`); its validator rejects an argument
 * without `from` ("from, artifact location, or key is required"), so a p.oneOf() artifact handed
 * to a task of the same DAG cannot be written (`where` names the task for the error).
 */
export function renderArtifactArgument(
  value: ValueIR,
  scope: TemplateScope,
  where: readonly PathSegment[],
): { from: string } {
  if (value.kind === 'conditionOutput' && oneOfIsLocal(value, scope))
    throw new DslError({
      path: where,
      problem:
        "Argo cannot hand a p.oneOf() artifact to a task: it chooses between branch artifacts only in a pipeline's outputs, and its validator rejects fromExpression in task arguments",
      got: `${value.condition}.${value.output}`,
      fix: 'Return the p.oneOf() from a sub-pipeline (p.subPipeline) and pass that output on, or compile this pipeline for KFP',
    });
  return { from: renderArtifactFrom(value, scope) };
}

/** Where a DAG output artifact comes from: `from`, or `fromExpression` for a `p.oneOf()`. */
export function renderArtifactSource(
  value: ValueIR,
  scope: TemplateScope,
): { from: string } | { fromExpression: string } {
  if (value.kind === 'conditionOutput' && oneOfIsLocal(value, scope))
    return { fromExpression: oneOfExpression(value, scope, 'artifacts') };
  return { from: renderArtifactFrom(value, scope) };
}

/** Where a DAG template's output parameter comes from: `parameter`, or `expression` for a `p.oneOf()`. */
export function renderParamSource(
  value: ValueIR,
  scope: TemplateScope,
): { parameter: string } | { expression: string } {
  if (value.kind === 'conditionOutput' && oneOfIsLocal(value, scope))
    return { expression: oneOfExpression(value, scope, 'parameters') };
  return { parameter: renderParam(value, scope) };
}

function oneOfValues(value: Extract<ValueIR, { kind: 'conditionOutput' }>, scope: TemplateScope): readonly ValueIR[] {
  const values = scope.oneOf?.(value.condition, value.output);
  if (!values) throw new Error(`internal: unknown p.oneOf() ${value.condition}/${value.output}`);
  return values;
}

/** Whether every branch's producer is a task of this template (else the value comes in as an input). */
function oneOfIsLocal(value: Extract<ValueIR, { kind: 'conditionOutput' }>, scope: TemplateScope): boolean {
  return oneOfValues(value, scope).every(
    (v) => (v.kind === 'taskOutput' && scope.local.has(v.task)) || (v.kind === 'loopOutput' && scope.local.has(v.loop)),
  );
}

/**
 * A `p.oneOf()` as an Argo expression: the output of the first branch producer that succeeded,
 * else the last branch's (branches are exclusive, and skipped tasks have no outputs), e.g.
 * `tasks['heads'].status == 'Succeeded' ? tasks['heads'].outputs.parameters['text'] : tasks['tails'].outputs.parameters['text']`.
 */
function oneOfExpression(
  value: Extract<ValueIR, { kind: 'conditionOutput' }>,
  scope: TemplateScope,
  kind: 'parameters' | 'artifacts',
): string {
  const refs = oneOfValues(value, scope).map((v) => {
    if (v.kind !== 'taskOutput' && v.kind !== 'loopOutput') throw new Error(`internal: p.oneOf() over ${v.kind}`);
    const id = v.kind === 'taskOutput' ? v.task : v.loop;
    return { id, ref: `tasks['${id}'].outputs.${kind}['${v.output}']` };
  });
  const last = refs[refs.length - 1] as { ref: string };
  return (
    refs
      .slice(0, -1)
      .map((r) => `tasks['${r.id}'].status == 'Succeeded' ? ${r.ref} : `)
      .join('') + last.ref
  );
}

/** Renders a status condition in Argo's enhanced `depends` syntax. */
export function renderDepends(cond: CondIR): string {
  switch (cond.kind) {
    case 'status':
      return `${cond.task}.${cond.status}`;
    case 'not':
      return `!(${renderDepends(cond.item)})`;
    case 'and':
    case 'or':
      return `(${cond.items.map(renderDepends).join(cond.kind === 'and' ? ' && ' : ' || ')})`;
    case 'compare':
      throw new Error('internal: value condition in depends');
  }
}

function quoteGovaluate(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Renders a value condition as an Argo `when` expression (govaluate). */
export function renderWhen(cond: CondIR, scope: TemplateScope): string {
  switch (cond.kind) {
    case 'compare': {
      const side = (v: ValueIR): string => {
        if (v.kind === 'conditionOutput') {
          throw new DslError({
            path: ['when'],
            problem:
              'Argo cannot test a p.oneOf() value in a condition (its `when` does not evaluate expressions over branch outputs)',
            got: `${v.condition}.${v.output}`,
            fix: "Pass the value to a task and test that task's output, or compile this pipeline for KFP",
          });
        }
        const text = renderParam(v, scope);
        return cond.valueType === 'string' ? quoteGovaluate(text) : text;
      };
      return `${side(cond.left)} ${cond.op} ${side(cond.right)}`;
    }
    case 'not':
      return `!(${renderWhen(cond.item, scope)})`;
    case 'and':
    case 'or':
      return `(${cond.items.map((c) => renderWhen(c, scope)).join(cond.kind === 'and' ? ' && ' : ' || ')})`;
    case 'status':
      throw new Error('internal: status condition in when');
  }
}

/** Strips one pair of outer parentheses for readability at the top level. */
export function unwrap(expr: string): string {
  if (!expr.startsWith('(') || !expr.endsWith(')')) return expr;
  let depth = 0;
  for (let i = 0; i < expr.length; i++) {
    if (expr[i] === '(') depth++;
    else if (expr[i] === ')') depth--;
    if (depth === 0 && i < expr.length - 1) return expr;
  }
  return expr.slice(1, -1);
}
