import type { ComponentIR, DeploymentIR, NodeIR, PipelineIR, ProjectIR, ResourcesIR } from '../dsl/ir/index.ts';

/** What `argosy validate`'s policy/resources rule requires of every container. */
function missing(r: ResourcesIR | undefined): string[] {
  return [
    ...(r?.requests.cpu === undefined ? ['requests.cpu'] : []),
    ...(r?.requests.memory === undefined ? ['requests.memory'] : []),
    ...(r?.limits.memory === undefined ? ['limits.memory'] : []),
  ];
}

/**
 * Components whose pods would run without cpu/memory requests or a memory limit: they
 * synthesize fine, but `argosy validate` fails them (policy/resources) and the scheduler
 * cannot place them well. One warning per component, naming the first task that runs it.
 */
export function resourceWarnings(ir: ProjectIR): string[] {
  const warned = new Map<string, string>();
  const visitPipeline = (p: PipelineIR, seen: Set<string>): void => {
    if (seen.has(p.name)) return;
    seen.add(p.name);
    const components = new Map<string, ComponentIR>(p.components.map((c) => [c.name, c]));
    const visit = (nodes: readonly NodeIR[]): void => {
      for (const n of nodes) {
        if (n.kind === 'loop') visit(n.body);
        else if (n.kind === 'condition') n.branches.forEach((b) => visit(b.body));
        else if (n.kind === 'task' && n.pipeline !== undefined) {
          const callee = (p.pipelines ?? []).find((c) => c.name === n.pipeline);
          if (callee) visitPipeline(callee, seen);
        } else if (n.kind === 'task') {
          const c = components.get(n.component);
          if (!c || warned.has(c.name)) continue;
          const gaps = missing(n.overrides.resources ?? c.pod.resources);
          if (gaps.length > 0) {
            warned.set(
              c.name,
              `component "${c.name}" (task "${n.id}" of pipeline "${p.name}") sets no ${gaps.join(', ')}, so \`argosy validate\` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task`,
            );
          }
        }
      }
    };
    visit([...p.body, ...p.exitHandler]);
  };
  for (const env of ir.environments)
    for (const app of env.apps) for (const p of app.pipelines) visitPipeline(p, new Set());
  const deployments = new Map<string, string[]>();
  for (const env of ir.environments)
    for (const app of env.apps)
      for (const d of app.deployments) if (!deployments.has(d.name)) deployments.set(d.name, deploymentWarnings(d));
  return [...warned.values(), ...[...deployments.values()].flat()];
}

/**
 * The model-server containers of a deployment that `argosy validate` would fail for the same
 * reason. Candidates inherit the serving resources, so the serving spec is where to set them.
 */
function deploymentWarnings(d: DeploymentIR): string[] {
  const s = d.serving;
  const sites: [string, ResourcesIR | undefined, string][] =
    s.kind === 'kserve'
      ? [
          ['KServe predictor', s.resources, 'kserve({ resources })'],
          ...(s.transformer
            ? [
                ['KServe transformer', s.transformer.resources, 'kserve({ transformer: { resources } })'] as [
                  string,
                  ResourcesIR | undefined,
                  string,
                ],
              ]
            : []),
        ]
      : [['model server', s.pod.resources, 'server({ resources })']];
  return sites.flatMap(([what, r, where]) => {
    const gaps = missing(r);
    return gaps.length === 0
      ? []
      : [
          `deployment "${d.name}" (${what}) sets no ${gaps.join(', ')}, so \`argosy validate\` reports policy/resources on its pods. Set resources: { cpu, memory } in ${where}`,
        ];
  });
}
