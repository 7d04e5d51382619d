import { DslError, seg } from '../../dsl/errors.ts';
import { RESOURCE_IMAGES } from './pvc-steps.ts';
import type { CompiledKfpPipeline } from './pipeline-spec.ts';
import type { Json } from './types.ts';

type Spec = { [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const keys = (o: unknown): string[] => (o && typeof o === 'object' ? Object.keys(o) : []);

/**
 * Referential lint of a compiled PipelineSpec: what protobuf parsing cannot see and the KFP API
 * server only reports at run creation. Checks component, executor and platform references,
 * sibling references (dependencies, producers, DAG outputs), inputs against the parent's and the
 * callee's definitions, iterator and trigger inputs, required inputs, and cycles. Returns
 * findings as `<where>: <problem>` lines.
 *
 * @example
 * ```ts
 * expect(kfpLintFindings(compileKfpPipeline(p, { toolVersion: '0.1.0' }))).toEqual([]);
 * ```
 */
export function kfpLintFindings({
  pipelineSpec,
  platformSpec,
}: CompiledKfpPipeline | { pipelineSpec: Json; platformSpec?: Json }): string[] {
  const spec = pipelineSpec as Spec;
  const out: string[] = [];
  const components: Record<string, Spec> = spec.components ?? {};
  const executors: Record<string, Spec> = spec.deploymentSpec?.executors ?? {};
  const used = new Set<string>();
  const usedExecutors = new Set<string>();
  const platform: Record<string, Spec> =
    (platformSpec as Spec | undefined)?.platforms?.kubernetes?.deploymentSpec?.executors ?? {};
  const visitDag = (owner: string, comp: Spec): void => {
    const tasks: Record<string, Spec> = comp.dag?.tasks ?? {};
    const ownParams = new Set(keys(comp.inputDefinitions?.parameters));
    const ownArtifacts = new Set(keys(comp.inputDefinitions?.artifacts));
    const outputsOf = (task: string): { params: Set<string>; artifacts: Set<string> } => {
      const callee = components[tasks[task]?.componentRef?.name];
      return {
        params: new Set(keys(callee?.outputDefinitions?.parameters)),
        artifacts: new Set(keys(callee?.outputDefinitions?.artifacts)),
      };
    };
    for (const [name, t] of Object.entries(tasks)) {
      const at = `${owner} > task ${name}`;
      const ref: string = t.componentRef?.name;
      const callee = components[ref];
      const deps = new Set<string>(t.dependentTasks ?? []);
      for (const d of deps)
        if (!(d in tasks)) out.push(`${at}: dependentTasks names "${d}", which is not a sibling task`);
      if (deps.has(name)) out.push(`${at}: depends on itself`);
      if (!callee) {
        out.push(`${at}: componentRef "${ref}" is not a component`);
        continue;
      }
      used.add(ref);
      const params: Record<string, Spec> = t.inputs?.parameters ?? {};
      const artifacts: Record<string, Spec> = t.inputs?.artifacts ?? {};
      const calleeParams = new Set(keys(callee.inputDefinitions?.parameters));
      const calleeArtifacts = new Set(keys(callee.inputDefinitions?.artifacts));
      // Extra inputs are fine when a placeholder reads them (string templates, resource fields).
      const constants =
        Object.values(params)
          .map((p) => JSON.stringify(p.runtimeValue?.constant ?? ''))
          .join(' ') + JSON.stringify(executors[callee.executorLabel] ?? {});
      for (const [k, p] of Object.entries(params)) {
        // KFP ignores undeclared constant inputs (the SDK writes some); undeclared references must be read by a placeholder.
        if (!calleeParams.has(k) && p.runtimeValue === undefined && !constants.includes(`['${k}']`))
          out.push(`${at}: input parameter "${k}" is not declared by ${ref}`);
        if (p.componentInputParameter !== undefined && !ownParams.has(p.componentInputParameter))
          out.push(`${at}: componentInputParameter "${p.componentInputParameter}" is not an input of ${owner}`);
        const producer = p.taskOutputParameter;
        if (producer) {
          if (!(producer.producerTask in tasks))
            out.push(`${at}: producerTask "${producer.producerTask}" is not a sibling task`);
          else if (!outputsOf(producer.producerTask).params.has(producer.outputParameterKey))
            out.push(`${at}: "${producer.producerTask}" has no output parameter "${producer.outputParameterKey}"`);
          if (!deps.has(producer.producerTask))
            out.push(`${at}: reads "${producer.producerTask}" without depending on it`);
        }
      }
      for (const [k, a] of Object.entries(artifacts)) {
        if (!calleeArtifacts.has(k)) out.push(`${at}: input artifact "${k}" is not declared by ${ref}`);
        if (a.componentInputArtifact !== undefined && !ownArtifacts.has(a.componentInputArtifact))
          out.push(`${at}: componentInputArtifact "${a.componentInputArtifact}" is not an input of ${owner}`);
        const producer = a.taskOutputArtifact;
        if (producer) {
          if (!(producer.producerTask in tasks))
            out.push(`${at}: producerTask "${producer.producerTask}" is not a sibling task`);
          else if (!outputsOf(producer.producerTask).artifacts.has(producer.outputArtifactKey))
            out.push(`${at}: "${producer.producerTask}" has no output artifact "${producer.outputArtifactKey}"`);
          if (!deps.has(producer.producerTask))
            out.push(`${at}: reads "${producer.producerTask}" without depending on it`);
        }
      }
      // A mounted claim named by a value reads it in this DAG like an input does.
      for (const m of (platform[callee.executorLabel]?.pvcMount ?? []) as Spec[]) {
        const name: Spec | undefined = m.pvcNameParameter;
        if (name?.componentInputParameter !== undefined && !ownParams.has(name.componentInputParameter))
          out.push(`${at}: pvcMount reads "${name.componentInputParameter}", which is not an input of ${owner}`);
        const producer = name?.taskOutputParameter;
        if (
          producer &&
          (!(producer.producerTask in tasks) ||
            !outputsOf(producer.producerTask).params.has(producer.outputParameterKey))
        )
          out.push(`${at}: pvcMount reads a missing output "${producer.producerTask}.${producer.outputParameterKey}"`);
        if (producer && !deps.has(producer.producerTask))
          out.push(`${at}: pvcMount reads "${producer.producerTask}" without depending on it`);
      }
      const iterator = t.parameterIterator ?? t.artifactIterator;
      if (iterator) {
        if (!calleeParams.has(iterator.itemInput) && !calleeArtifacts.has(iterator.itemInput))
          out.push(`${at}: iterator item input "${iterator.itemInput}" is not declared by ${ref}`);
        if (iterator.items?.inputParameter !== undefined && !(iterator.items.inputParameter in params))
          out.push(`${at}: iterator reads "${iterator.items.inputParameter}", which is not a task input`);
        if (iterator.items?.inputArtifact !== undefined && !(iterator.items.inputArtifact in artifacts))
          out.push(`${at}: iterator reads "${iterator.items.inputArtifact}", which is not a task input`);
        if (iterator.items?.raw !== undefined) {
          try {
            if (!Array.isArray(JSON.parse(iterator.items.raw))) out.push(`${at}: iterator items are not a JSON list`);
          } catch {
            out.push(`${at}: iterator items are not JSON`);
          }
        }
      }
      for (const m of String(t.triggerPolicy?.condition ?? '').matchAll(/parameter_values\['([^']+)'\]/g)) {
        if (!((m[1] as string) in params)) out.push(`${at}: condition reads "${m[1]}", which is not a task input`);
      }
      for (const [k, def] of Object.entries<Spec>(callee.inputDefinitions?.parameters ?? {})) {
        if (!def.isOptional && def.defaultValue === undefined && !(k in params) && iterator?.itemInput !== k)
          out.push(`${at}: required input parameter "${k}" of ${ref} is not set`);
      }
      for (const [k, def] of Object.entries<Spec>(callee.inputDefinitions?.artifacts ?? {})) {
        if (!def.isOptional && !(k in artifacts) && iterator?.itemInput !== k)
          out.push(`${at}: required input artifact "${k}" of ${ref} is not set`);
      }
    }
    for (const [k, o] of Object.entries<Spec>(comp.dag?.outputs?.parameters ?? {})) {
      const sels: Spec[] = o.valueFromParameter ? [o.valueFromParameter] : (o.valueFromOneof?.parameterSelectors ?? []);
      if (
        sels.length === 0 ||
        sels.some(
          (sel) =>
            !(sel.producerSubtask in tasks) || !outputsOf(sel.producerSubtask).params.has(sel.outputParameterKey),
        )
      )
        out.push(`${owner}: DAG output "${k}" selects a missing task output`);
      if (!(k in (comp.outputDefinitions?.parameters ?? {})))
        out.push(`${owner}: DAG output "${k}" is not in outputDefinitions`);
    }
    for (const [k, o] of Object.entries<Spec>(comp.dag?.outputs?.artifacts ?? {})) {
      for (const sel of o.artifactSelectors ?? [])
        if (!(sel.producerSubtask in tasks) || !outputsOf(sel.producerSubtask).artifacts.has(sel.outputArtifactKey))
          out.push(`${owner}: DAG output "${k}" selects a missing task artifact`);
      if (!(k in (comp.outputDefinitions?.artifacts ?? {})))
        out.push(`${owner}: DAG output "${k}" is not in outputDefinitions`);
    }
    const cycle = findCycle(
      Object.fromEntries(Object.entries(tasks).map(([n, t]) => [n, (t.dependentTasks ?? []) as string[]])),
    );
    if (cycle) out.push(`${owner}: tasks depend on each other in a cycle: ${cycle.join(' -> ')}`);
  };
  if (!spec.root?.dag) out.push('root: missing DAG');
  else visitDag('root', spec.root);
  for (const [name, c] of Object.entries(components)) {
    if (c.dag) visitDag(name, c);
    else if (c.executorLabel === undefined) out.push(`${name}: neither dag nor executorLabel`);
    else if (!(c.executorLabel in executors)) out.push(`${name}: executorLabel "${c.executorLabel}" has no executor`);
    else {
      usedExecutors.add(c.executorLabel);
      out.push(...executorPortFindings(name, c, executors[c.executorLabel]));
    }
  }
  for (const name of Object.keys(components)) if (!used.has(name)) out.push(`${name}: component is never used`);
  for (const label of Object.keys(executors))
    if (!usedExecutors.has(label)) out.push(`${label}: executor is never used`);
  for (const label of Object.keys(platform)) if (!(label in executors)) out.push(`platform ${label}: no such executor`);
  return out;
}

/** `{{$.inputs.parameters['x']}}`, `{{$.outputs.artifacts['y'].path}}`, ...: direction, kind and port name. */
const PORT_PLACEHOLDER = /\{\{\$\.(inputs|outputs)\.(parameters|artifacts)\['([^']+)'\][^}]*\}\}/g;

/**
 * Every port of an executor component must reach the container through a placeholder in its
 * command, arguments or environment (`{{$}}`, the whole executor input, counts for all), and no
 * placeholder may name a port the component does not declare: KFP gives a container nothing
 * else, so a port without one can never be read or written. Resource fields are not scanned;
 * their placeholders read the task's own inputs. The PVC stubs run no container.
 */
function executorPortFindings(name: string, comp: Spec, executor: Spec | undefined): string[] {
  const c: Spec | undefined = executor?.container;
  if (!c || (Object.values(RESOURCE_IMAGES) as string[]).includes(c.image)) return [];
  const text = [
    ...(c.command ?? []),
    ...(c.args ?? []),
    ...((c.env ?? []) as Spec[]).map((e) => String(e.value ?? '')),
  ].join('\n');
  const declared = new Map<string, string>();
  for (const dir of ['input', 'output'] as const) {
    const defs: Spec = comp[`${dir}Definitions`] ?? {};
    for (const kind of ['parameters', 'artifacts'] as const)
      for (const k of keys(defs[kind]))
        declared.set(`${dir}s.${kind}['${k}']`, `${dir} ${kind === 'parameters' ? 'parameter' : 'artifact'} "${k}"`);
  }
  const out: string[] = [];
  const referenced = new Set<string>();
  for (const m of text.matchAll(PORT_PLACEHOLDER)) {
    const key = `${m[1]}.${m[2]}['${m[3]}']`;
    referenced.add(key);
    if (!declared.has(key))
      out.push(`${name}: executor placeholder ${m[0]} names a port the component does not declare`);
  }
  if (text.includes('{{$}}')) return out;
  for (const [key, what] of declared)
    if (!referenced.has(key)) out.push(`${name}: ${what} has no placeholder in the executor's command, args or env`);
  return out;
}

/** Throws when the lint finds anything: a compiler bug, reported with the pipeline's name. */
export function lintKfpPipeline(compiled: CompiledKfpPipeline, pipeline: string): void {
  const findings = kfpLintFindings(compiled);
  if (findings.length > 0) {
    throw new DslError({
      path: [seg('pipeline', pipeline)],
      problem: `the compiled KFP IR has dangling references (an Argosy bug): ${findings.join('; ')}`,
      got: findings.length,
      fix: 'Report this with the pipeline definition; compile it for Argo meanwhile',
    });
  }
}

function findCycle(edges: Record<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const dfs = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'visiting') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'visiting');
    stack.push(n);
    for (const d of edges[n] ?? []) {
      const c = dfs(d);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of Object.keys(edges).sort()) {
    const c = dfs(n);
    if (c) return c;
  }
  return undefined;
}
