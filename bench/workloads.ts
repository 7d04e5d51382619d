import type { Project } from '../dsl/index.ts';
import { benchProject, deploymentsProject } from './generate.ts';

/** Tasks per generated pipeline. */
export const TASKS = 20;

/** One thing to synthesize: a generated project and the pipeline backend. */
export interface Workload {
  /** `pipelines-1000`, `pipelines-100-kfp`, `deployments-5`. */
  readonly id: string;
  readonly kind: 'pipelines' | 'deployments';
  /** Pipelines (of TASKS tasks), or copies of the deployment fixtures. */
  readonly n: number;
  readonly target: 'argo' | 'kfp';
}

export function workload(kind: Workload['kind'], n: number, target: Workload['target'] = 'argo'): Workload {
  return { id: `${kind}-${n}${target === 'kfp' ? '-kfp' : ''}`, kind, n, target };
}

/** Builds the workload's project with the DSL (the first part of the build phase). */
export function projectOf(w: Workload): Project {
  return w.kind === 'pipelines' ? benchProject(w.n, TASKS) : deploymentsProject(w.n);
}

/** Tasks or deployments in the workload, for per-unit figures. */
export function unitsOf(w: Workload): number {
  return w.kind === 'pipelines' ? w.n * TASKS : w.n * 14;
}

/** Passes a workload to a child process (bench-app.ts, in-process.ts). */
export const WORKLOAD_ENV = 'ARGOSY_BENCH_WORKLOAD';

export function workloadFromEnv(env: NodeJS.ProcessEnv = process.env): Workload {
  const raw = env[WORKLOAD_ENV];
  if (!raw) throw new Error(`${WORKLOAD_ENV} is not set (got nothing). Run the bench through \`npm run bench\``);
  return JSON.parse(raw) as Workload;
}
