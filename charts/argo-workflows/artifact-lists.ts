import { DslError, seg, type PathSegment } from '../../dsl/errors.ts';
import type { ComponentIR, NodeIR, PipelineIR } from '../../dsl/ir/index.ts';

/**
 * What to do instead, for every artifact-list feature: Argo passes artifacts one by one
 * between templates and has no way to gather a loop's artifacts into one input or to fan out
 * over artifacts, short of an artifact repository layout of your own.
 */
const FIX =
  "Compile this pipeline for Kubeflow Pipelines (target: 'kfp'), collect a parameter instead (e.g. each artifact's URI), or write the fan-in with the Argo-native API (dsl/argo): key-only artifacts written under one key prefix and read back as one directory";

/**
 * Rejects the artifact-list features only Kubeflow Pipelines has, naming the pipeline, the
 * loop, task or output and the fix: loops over a list of artifacts, loops collecting artifacts,
 * and components taking an artifact list. Runs before any template is built.
 *
 * @example
 * ```ts
 * assertNoArtifactLists(pipelineIR); // throws 'pipeline "p" > loop "shards" > output "part": Argo Workflows cannot collect artifacts ...'
 * ```
 */
export function assertNoArtifactLists(p: PipelineIR, outer: readonly PathSegment[] = []): void {
  const path = [...outer, seg('pipeline', p.name)];
  const components = new Map<string, ComponentIR>(p.components.map((c) => [c.name, c]));
  const fail = (at: readonly PathSegment[], problem: string, got: unknown): never => {
    throw new DslError({ path: [...path, ...at], problem: `Argo Workflows cannot ${problem}`, got, fix: FIX });
  };
  const visit = (nodes: readonly NodeIR[]): void => {
    for (const n of nodes) {
      if (n.kind === 'loop') {
        if (n.items.kind === 'artifacts')
          fail(
            [seg('loop', n.id), 'items'],
            'loop over a list of artifacts (withItems and withParam iterate parameters)',
            `a list of ${n.items.artifactType} artifacts`,
          );
        const collected = n.collect.find((c) => c.artifact);
        if (collected)
          fail(
            [seg('loop', n.id), seg('output', collected.name)],
            'collect artifacts across loop iterations (only output parameters are aggregated)',
            `${collected.task}.outputs.${collected.output}`,
          );
        visit(n.body);
      } else if (n.kind === 'condition') n.branches.forEach((b) => visit(b.body));
      else if (n.kind === 'task' && n.component !== undefined) {
        const list = components.get(n.component)?.inputs.find((port) => port.kind === 'artifact' && port.list);
        if (list)
          fail(
            [seg('task', n.id), seg('input', list.name)],
            `pass a list of artifacts to one input (component "${n.component}")`,
            `artifact('${list.kind === 'artifact' ? list.artifactType : ''}').list()`,
          );
      }
    }
  };
  visit([...p.body, ...p.exitHandler]);
  for (const callee of p.pipelines ?? []) assertNoArtifactLists(callee, path);
}
