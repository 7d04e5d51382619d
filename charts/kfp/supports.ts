import type { DslError } from '../../dsl/errors.ts';
import type { ComponentIR, NodeIR, PipelineIR, TaskIR, TaskMountIR, ValueIR } from '../../dsl/ir/index.ts';
import { operands } from './dag.ts';
import { RUNTIME_PLACEHOLDERS } from './dag-scope.ts';
import { executorProblems } from './executor.ts';
import { buildTree, type KNode } from './groups.ts';
import { mountProblems } from './mounts.ts';
import { componentOwner, PVC_COMPONENTS } from './pvc-steps.ts';
import {
  artifactSourceUnsupported,
  componentNameClash,
  conditionOperandUnsupported,
  duplicateTaskName,
  loopItemsUnsupported,
  runtimeValueUnsupported,
  templateValueUnsupported,
  unsupported,
} from './unsupported.ts';

/** Whether Kubeflow Pipelines can run a pipeline, and if not, every reason why. */
export type KfpSupport =
  { readonly supported: true } | { readonly supported: false; readonly reasons: readonly DslError[] };

/**
 * Whether the KFP backend can compile a pipeline, without compiling it and without throwing:
 * every reason it cannot (the capability matrix of docs/kfp.md), each the DslError the compiler
 * would raise for it. Backend assignment asks this to keep KFP-by-default pipelines on Argo, and
 * the compiler raises the first reason, so the two never disagree.
 *
 * @example
 * ```ts
 * const support = kfpSupports(pipelineIR);
 * if (!support.supported) support.reasons.forEach((r) => console.log(r.message));
 * ```
 */
export function kfpSupports(p: PipelineIR): KfpSupport {
  const reasons: DslError[] = [];
  if (p.options.parallelism !== undefined) {
    reasons.push(
      unsupported(
        p.name,
        ['parallelism'],
        'a run-wide parallelism limit',
        p.options.parallelism,
        'Limit loops with p.forEach(..., { parallelism }) instead',
      ),
    );
  }
  const names = new Map<string, string>();
  const check = (pl: PipelineIR, prefix: string): void => {
    const tree = buildTree(pl, reasons);
    const components = new Map([...Object.values(PVC_COMPONENTS), ...pl.components].map((c) => [c.name, c]));
    const claim = (name: string, owner: string): void => {
      const other = names.get(name);
      if (other !== undefined && other !== owner) reasons.push(componentNameClash(pl.name, name, other, owner));
      else names.set(name, owner);
    };
    const visit = (nodes: readonly KNode[]): void => {
      const seen = new Set<string>();
      for (const n of nodes) {
        if (seen.has(n.name)) reasons.push(duplicateTaskName(pl.name, n.name));
        seen.add(n.name);
        if (n.kind === 'task') {
          checkTask(pl, n.task, components, p, reasons);
          if (n.task.pipeline !== undefined) claim(`comp-${n.task.pipeline}`, `pipeline "${n.task.pipeline}"`);
          else claim(...executorName(pl, n.task, components, prefix));
          continue;
        }
        for (const v of n.cond ? operands(n.cond) : [])
          if (v.kind === 'runtime' || v.kind === 'concat') reasons.push(conditionOperandUnsupported(pl.name, v));
        const items = n.loop?.items;
        if (items && items.kind !== 'static' && ['literal', 'concat', 'runtime'].includes(items.value.kind))
          reasons.push(loopItemsUnsupported(pl.name, n.loop?.id ?? n.name, items.value.kind));
        visit(n.children);
        claim(`comp-${prefix}${n.name}`, `${n.role} "${n.name}" of pipeline "${pl.name}"`);
      }
    };
    visit(tree.root);
    for (const callee of pl.pipelines ?? []) check(callee, `${callee.name}-`);
  };
  check(p, '');
  const unique = [...new Map(reasons.map((r) => [r.message, r])).values()];
  return unique.length === 0 ? { supported: true } : { supported: false, reasons: unique };
}

/** The executor component a task runs and who owns that name (per task when it overrides or mounts). */
function executorName(
  p: PipelineIR,
  t: TaskIR,
  components: ReadonlyMap<string, ComponentIR>,
  prefix: string,
): [string, string] {
  const own = t.overrides.resources !== undefined || t.overrides.timeoutSeconds !== undefined || mountsOf(t).length > 0;
  const component = t.component as string;
  const c = components.get(component);
  return own
    ? [`comp-${prefix}${component}-${t.id}`, `task "${t.id}" of pipeline "${p.name}"`]
    : [`comp-${component}`, c ? componentOwner(c) : `component "${component}"`];
}

/** The problems of one task: its component, its mounts and the values it passes. */
function checkTask(
  p: PipelineIR,
  t: TaskIR,
  components: ReadonlyMap<string, ComponentIR>,
  root: PipelineIR,
  reasons: DslError[],
): void {
  const c = t.pipeline === undefined ? components.get(t.component) : undefined;
  if (c) {
    const overrides = {
      ...(t.overrides.resources ? { resources: t.overrides.resources } : {}),
      ...(t.overrides.timeoutSeconds !== undefined ? { timeoutSeconds: t.overrides.timeoutSeconds } : {}),
    };
    // Executors are compiled with the run's options: a called pipeline runs inside its caller's run.
    reasons.push(...executorProblems(c, overrides, root.options, p.name));
  }
  for (const m of mountsOf(t)) {
    reasons.push(...mountProblems(m, p.name, [`task "${t.id}"`], createsClaim(p, m.claim)));
    reasons.push(...paramValueProblems(p, m.claim));
  }
  const ports = t.pipeline !== undefined ? (p.pipelines ?? []).find((x) => x.name === t.pipeline)?.params : c?.inputs;
  for (const port of ports ?? []) {
    const v = t.args[port.name];
    if (v === undefined) continue;
    if (port.kind === 'artifact') {
      if (!['loopItem', 'taskOutput', 'conditionOutput', 'loopOutput'].includes(v.kind))
        reasons.push(artifactSourceUnsupported(p.name, v.kind));
    } else if (v.kind === 'concat') {
      for (const part of v.parts) {
        if (part.kind === 'runtime' && RUNTIME_PLACEHOLDERS[part.name] === undefined)
          reasons.push(runtimeValueUnsupported(p.name, part.name, t.id));
        else if (part.kind !== 'literal' && part.kind !== 'runtime') reasons.push(...paramValueProblems(p, part));
      }
    } else reasons.push(...paramValueProblems(p, v));
  }
}

/** The problems of a value passed as one task input parameter. */
function paramValueProblems(p: PipelineIR, v: ValueIR): DslError[] {
  if (v.kind === 'runtime' && RUNTIME_PLACEHOLDERS[v.name] === undefined)
    return [runtimeValueUnsupported(p.name, v.name)];
  if (v.kind === 'concat') return [templateValueUnsupported(p.name)];
  return [];
}

/** Whether a claim name is the output of a `p.createPvc()` step of this pipeline. */
function createsClaim(p: PipelineIR, claim: ValueIR): boolean {
  return claim.kind === 'taskOutput' && allNodes(p).some((n) => n.kind === 'createPvc' && n.id === claim.task);
}

function mountsOf(t: TaskIR): readonly TaskMountIR[] {
  return t.pipeline === undefined ? (t.mounts ?? []) : [];
}

function allNodes(p: PipelineIR): NodeIR[] {
  const out: NodeIR[] = [...p.exitHandler];
  const walk = (nodes: readonly NodeIR[]): void => {
    for (const n of nodes) {
      out.push(n);
      if (n.kind === 'loop') walk(n.body);
      else if (n.kind === 'condition') n.branches.forEach((b) => walk(b.body));
    }
  };
  walk(p.body);
  return out;
}
