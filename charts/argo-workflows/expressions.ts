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
    case 'taskOutput': return `${value.task}-${value.output}`;
    case 'loopOutput': return `${value.loop}-${value.output}`;
    case 'loopItem': return [value.loop, 'item', ...value.path].join('-').replace(/[^A-Za-z0-9_-]/g, '_');
    default: throw new Error(`internal: no alias for ${value.kind}`);
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
    case 'literal': return literalString(value.value);
    case 'pipelineParam': return `{{workflow.parameters.${value.name}}}`;
    case 'runtime': return `{{${RUNTIME[value.name]}}}`;
    case 'concat': return value.parts.map((p) => renderParam(p, scope)).join('');
    case 'taskOutput':
      return scope.local.has(value.task) ? `{{tasks.${value.task}.outputs.parameters.${value.output}}}` : `{{inputs.parameters.${external(scope, value, 'param')}}}`;
    case 'loopOutput':
      return scope.local.has(value.loop) ? `{{tasks.${value.loop}.outputs.parameters.${value.output}}}` : `{{inputs.parameters.${external(scope, value, 'param')}}}`;
    case 'loopItem':
      return `{{inputs.parameters.${external(scope, value, 'param')}}}`;
  }
}

/** Renders the `from` of an artifact argument. */
export function renderArtifactFrom(value: ValueIR, scope: TemplateScope): string {
  if (value.kind === 'taskOutput' && scope.local.has(value.task)) return `{{tasks.${value.task}.outputs.artifacts.${value.output}}}`;
  return `{{inputs.artifacts.${external(scope, value, 'artifact')}}}`;
}

type CondClass = 'status' | 'value' | 'mixed';

export function classify(cond: CondIR): CondClass {
  switch (cond.kind) {
    case 'status': return 'status';
    case 'compare': return 'value';
    case 'not': return classify(cond.item);
    case 'and':
    case 'or': {
      const kinds = new Set(cond.items.map(classify));
      return kinds.size === 1 ? ([...kinds][0] as CondClass) : 'mixed';
    }
  }
}

/** Splits a condition into top-level conjuncts so status and value parts can go to `depends` and `when`. */
export function conjuncts(cond: CondIR | undefined): CondIR[] {
  if (!cond) return [];
  return cond.kind === 'and' ? cond.items.flatMap(conjuncts) : [cond];
}

/** Renders a status condition in Argo's enhanced `depends` syntax. */
export function renderDepends(cond: CondIR): string {
  switch (cond.kind) {
    case 'status': return `${cond.task}.${cond.status}`;
    case 'not': return `!(${renderDepends(cond.item)})`;
    case 'and':
    case 'or': return `(${cond.items.map(renderDepends).join(cond.kind === 'and' ? ' && ' : ' || ')})`;
    case 'compare': throw new Error('internal: value condition in depends');
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
        const text = renderParam(v, scope);
        return cond.valueType === 'string' ? quoteGovaluate(text) : text;
      };
      return `${side(cond.left)} ${cond.op} ${side(cond.right)}`;
    }
    case 'not': return `!(${renderWhen(cond.item, scope)})`;
    case 'and':
    case 'or': return `(${cond.items.map((c) => renderWhen(c, scope)).join(cond.kind === 'and' ? ' && ' : ' || ')})`;
    case 'status': throw new Error('internal: status condition in when');
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
