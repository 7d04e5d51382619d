import { app, environment, param, pipeline, project, type AnyPipeline, type Project } from '../dsl/index.ts';
import { echo, extract, train } from '../test/fixtures/components.ts';
import { deploymentFixtures, training } from '../test/fixtures/deployments.ts';

/**
 * A pipeline of exactly `tasks` tasks shaped like real training DAGs: extracts feed trainers,
 * reports read both, and every task after the first depends on one or two earlier ones.
 */
export function benchPipeline(name: string, tasks: number): AnyPipeline {
  return pipeline(name, { params: { date: param.string(), lr: param.float().default(0.1) } }, (p, params) => {
    const extracts = [p.task('t0', extract, { date: params.date })];
    const trains: ReturnType<typeof p.task<typeof train.inputs, typeof train.outputs>>[] = [];
    for (let i = 1; i < tasks; i++) {
      const id = `t${i}`;
      const from = extracts[i % extracts.length] as (typeof extracts)[number];
      if (i % 4 === 1)
        trains.push(p.task(id, train, { dataset: from.outputs.table, learningRate: params.lr, maxDepth: 3 + (i % 5) }));
      else if (i % 4 === 2) extracts.push(p.task(id, extract, { date: `${params.date}-${i}` }));
      else {
        const t = trains[i % Math.max(1, trains.length)];
        p.task(id, echo, { text: t ? `auc ${t.outputs.auc} rows ${from.outputs.rows}` : `rows ${from.outputs.rows}` });
      }
    }
  });
}

/** A project with `pipelines` pipelines of `tasks` tasks each, in one app and one environment. */
export function benchProject(pipelines: number, tasks: number): Project {
  const list = Array.from({ length: pipelines }, (_, i) => benchPipeline(`pipeline-${i}`, tasks));
  return project('bench', { apps: [app('bench', { pipelines: list })] });
}

/**
 * Every model deployment fixture (each delivery strategy with both serving kinds, and their
 * variants), each in an environment of its own (they share names), repeated `copies` times.
 */
export function deploymentsProject(copies: number): Project {
  const keys = Object.keys(deploymentFixtures);
  const environments = Array.from({ length: copies }, (_, i) =>
    keys.map((k) => environment(`${k}-${i}`, { namespace: `ml-${k}-${i}` })),
  ).flat();
  const content = (env: { name: string }) => {
    const key = env.name.replace(/-\d+$/, '');
    const d = deploymentFixtures[key];
    if (!d) throw new Error(`no deployment fixture "${key}"`);
    // Champion/challenger gates rely on the training pipeline's lineage.
    return { deployments: [d], ...(key.includes('champion') ? { pipelines: [training] } : {}) };
  };
  return project('bench-deployments', { environments, apps: [app('deployment', content)] });
}
