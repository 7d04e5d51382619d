import type { ComponentIR, ComponentTaskIR, JsonValue, NodeIR, PipelineIR, ValueIR } from '../dsl/ir/index.ts';
import { CANDIDATE_COLUMNS } from '../components/index.ts';
import { selectedColumns } from './sql-columns.ts';

/**
 * The data flow of the reference project's pipelines, read from their IR: which task feeds which,
 * the SQL each extract runs, and the columns every dataset has, derived from what each component
 * writes. What a component writes is restated here from its script (and kept true by the scripts'
 * own tests and the cross-checks in dsrpmart-data.test.ts).
 */

/** Every component task of a pipeline, at any depth. */
export function tasksOf(p: PipelineIR): ComponentTaskIR[] {
  const visit = (nodes: readonly NodeIR[]): ComponentTaskIR[] =>
    nodes.flatMap((n): ComponentTaskIR[] => {
      if (n.kind === 'task') return n.component !== undefined ? [n] : [];
      if (n.kind === 'loop') return visit(n.body);
      if (n.kind === 'condition') return n.branches.flatMap((b) => visit(b.body));
      return [];
    });
  return visit(p.body);
}

export function componentOf(p: PipelineIR, t: ComponentTaskIR): ComponentIR {
  const c = p.components.find((x) => x.name === t.component);
  if (!c) throw new Error(`${p.name}/${t.id}: component ${t.component} missing`);
  return c;
}

/** A literal argument, or the input's default when the task leaves it out. */
export function literalArg(p: PipelineIR, t: ComponentTaskIR, input: string): JsonValue | undefined {
  const v = t.args[input];
  if (v === undefined) {
    const port = componentOf(p, t).inputs.find((x) => x.name === input);
    return port?.kind === 'param' ? port.default : undefined;
  }
  if (v.kind !== 'literal') throw new Error(`${p.name}/${t.id}: ${input} is not a literal (${v.kind})`);
  return v.value;
}

/** A string argument with its non-literal parts (loop items, parameters) rendered as `0`. */
export function textArg(p: PipelineIR, t: ComponentTaskIR, input: string): string {
  const render = (v: ValueIR): string =>
    v.kind === 'literal' ? String(v.value) : v.kind === 'concat' ? v.parts.map(render).join('') : '0';
  const v = t.args[input];
  if (v === undefined) throw new Error(`${p.name}/${t.id}: no ${input}`);
  return render(v);
}

/** The task producing an artifact argument, and which of its outputs it is. */
export function producerOf(
  p: PipelineIR,
  t: ComponentTaskIR,
  input: string,
): { readonly task: ComponentTaskIR; readonly output: string } {
  const v = t.args[input];
  if (v?.kind !== 'taskOutput') throw new Error(`${p.name}/${t.id}: ${input} is not an upstream output`);
  const task = tasksOf(p).find((x) => x.id === v.task);
  if (!task) throw new Error(`${p.name}/${t.id}: producer ${v.task} missing`);
  return { task, output: v.output };
}

/** The columns of the dataset an artifact argument carries. */
export function columnsOf(p: PipelineIR, t: ComponentTaskIR, input: string): string[] {
  const { task, output } = producerOf(p, t, input);
  const strings = (name: string) => (literalArg(p, task, name) ?? []) as string[];
  switch (`${task.component}.${output}`) {
    case 'warehouse-extract.table':
      return selectedColumns(textArg(p, task, 'sql'));
    case 'feature-engineering.train':
    case 'feature-engineering.holdout':
      return ['user_id', String(literalArg(p, task, 'itemColumn')), ...strings('features'), 'label'];
    case 'feature-engineering.latest':
      return ['user_id', String(literalArg(p, task, 'itemColumn')), ...strings('features')];
    case 'batch-predict.predictions':
      return [
        ...columnsOf(p, task, 'dataset'),
        'score',
        'ranking_score',
        ...(Number(literalArg(p, task, 'topK')) > 0 ? ['rank'] : []),
        'model_uri',
      ];
    case 'compose-notifications.candidates':
      return [...CANDIDATE_COLUMNS];
    default:
      throw new Error(
        `${p.name}/${t.id}: columns of ${task.component}.${output} are not modelled; add them to test/dsrpmart-lineage.ts`,
      );
  }
}

/** The columns a warehouse-load task writes: its rows plus the snapshot_date partition column. */
export function loadedColumns(p: PipelineIR, t: ComponentTaskIR): string[] {
  return [...new Set([...columnsOf(p, t, 'rows'), 'snapshot_date'])];
}
