import { DslError, seg } from '../errors.ts';
import { type ArgoCd, type ArgoCdOverrides, checkArgoCdOverrides, resolveArgoCd } from './gitops.ts';
import type { AppIR, ArgoObjectIR, EnvironmentIR, PipelineIR, ProjectIR, ScheduleIR } from '../ir/index.ts';
import { assertDnsLabel } from '../common/names.ts';
import type { Monitoring } from './monitoring.ts';
import { applyMonitoring } from '../deploy/payload-logging.ts';
import { resolveDeployments, type ModelDeployment } from '../deploy/resolve.ts';
import type { AnyPipeline } from '../pipeline/pipeline.ts';
import type { Schedule } from '../schedule/schedule.ts';
import type { ArgoObject } from '../argo/workflow.ts';

/**
 * Per-environment settings.
 *
 * @example
 * ```ts
 * environment('staging', { namespace: 'ml-staging', suspendSchedules: true })
 * ```
 */
export interface EnvironmentSpec {
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** Pause every schedule in this environment (e.g. staging runs only on demand). */
  readonly suspendSchedules?: boolean;
  /**
   * Backend for the pipelines of this environment that do not pin one with `target`; without it
   * `argosy synth --target` decides (default `argo`).
   */
  readonly pipelineBackend?: 'argo' | 'kfp';
  /** Changes to the project's Argo CD settings in this environment (e.g. no automated sync in production). */
  readonly argocd?: ArgoCdOverrides;
}

/** An environment (staging, production, ...); apps are resolved once per environment. */
export interface Environment {
  readonly kind: 'environment';
  readonly name: string;
  readonly spec: EnvironmentSpec;
}

/**
 * Declares an environment; output goes to `dist/<environment>/`.
 *
 * @example
 * ```ts
 * const production = environment('production', { namespace: 'ml-prod' });
 * ```
 */
export function environment(name: string, spec: EnvironmentSpec = {}): Environment {
  const path = [seg('environment', String(name))];
  assertDnsLabel(name, path, 'environment name');
  if (spec.namespace !== undefined) assertDnsLabel(spec.namespace, [...path, 'namespace'], 'namespace');
  if (spec.pipelineBackend !== undefined && spec.pipelineBackend !== 'argo' && spec.pipelineBackend !== 'kfp') {
    throw new DslError({
      path: [...path, 'pipelineBackend'],
      problem: 'unknown pipeline backend',
      got: spec.pipelineBackend,
      fix: 'Use "argo" or "kfp"',
    });
  }
  if (spec.argocd !== undefined) checkArgoCdOverrides(spec.argocd, [...path, 'argocd']);
  return { kind: 'environment', name, spec };
}

/** What an app contains in one environment. */
export interface AppContent {
  readonly description?: string;
  readonly pipelines?: readonly AnyPipeline[];
  readonly schedules?: readonly Schedule[];
  /** Alerts per model (latency, errors, drift, missed runs); see monitoring(). */
  readonly monitoring?: readonly Monitoring[];
  /** Model deployments (serving plus delivery strategy). */
  readonly deployments?: readonly ModelDeployment[];
  /** Argo-native objects (workflow(), workflowTemplate(), cronWorkflow(), ... from dsl/argo). */
  readonly workflows?: readonly ArgoObject[];
}

/** A unit of deployment (one folder per environment in `dist/`), e.g. one ML use case. */
export interface App {
  readonly kind: 'app';
  readonly name: string;
  readonly build: (env: Environment) => AppContent;
}

/**
 * Declares an app. Pass its content directly, or a function of the environment for
 * per-environment differences.
 *
 * @example
 * ```ts
 * export const recommendedCategories = app('recommended-categories', (env) => ({
 *   pipelines: [ctrTraining],
 *   schedules: [ctrWeekly(env)],
 * }));
 * ```
 */
export function app(name: string, content: AppContent | ((env: Environment) => AppContent)): App {
  assertDnsLabel(name, [seg('app', String(name))], 'app name');
  return { kind: 'app', name, build: typeof content === 'function' ? content : () => content };
}

/** A whole Argosy project: environments times apps. */
export interface Project {
  readonly kind: 'project';
  readonly name: string;
  readonly environments: readonly Environment[];
  readonly apps: readonly App[];
  readonly argocd?: ArgoCd;
}

/**
 * Declares the project `argosy synth` builds; export it as the default export of the app entry
 * (`pipelines/index.ts`).
 *
 * @example
 * ```ts
 * export default project('dsrpmart', {
 *   environments: [environment('staging'), environment('production')],
 *   apps: [recommendedCategories],
 * });
 * ```
 */
export function project(
  name: string,
  spec: { readonly environments?: readonly Environment[]; readonly apps: readonly App[]; readonly argocd?: ArgoCd },
): Project {
  const path = [seg('project', String(name))];
  assertDnsLabel(name, path, 'project name');
  const environments = spec.environments && spec.environments.length > 0 ? spec.environments : [environment('default')];
  unique(
    environments.map((e) => e.name),
    [...path, 'environments'],
    'environment',
  );
  unique(
    spec.apps.map((a) => a.name),
    [...path, 'apps'],
    'app',
  );
  return { kind: 'project', name, environments, apps: spec.apps, ...(spec.argocd ? { argocd: spec.argocd } : {}) };
}

function unique(names: readonly string[], path: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n))
      throw new DslError({
        path,
        problem: `two ${what}s are named "${n}"`,
        got: n,
        fix: `Give every ${what} a unique name`,
      });
    seen.add(n);
  }
}

/**
 * Resolves every app in every environment into the IR the backends read. Pure: the same project
 * always gives the same IR.
 *
 * @example
 * ```ts
 * const ir = resolveProject(project('demo', { apps: [app('a', { pipelines: [ctrTraining] })] }));
 * ir.environments[0].apps[0].pipelines[0].name; // 'ctr-training'
 * ```
 */
export function resolveProject(p: Project): ProjectIR {
  return {
    name: p.name,
    environments: p.environments.map((env): EnvironmentIR => {
      const apps = p.apps.map((a) => resolveApp(a, env));
      assertNamesUniqueInNamespace(env, apps);
      return {
        name: env.name,
        ...(env.spec.namespace ? { namespace: env.spec.namespace } : {}),
        labels: env.spec.labels ?? {},
        apps,
        ...(env.spec.pipelineBackend ? { pipelineBackend: env.spec.pipelineBackend } : {}),
        ...(p.argocd ? { argocd: resolveArgoCd(p.argocd, env.spec.argocd) } : {}),
      };
    }),
  };
}

function resolveApp(a: App, env: Environment): AppIR {
  const path = [seg('environment', env.name), seg('app', a.name)];
  const content = a.build(env);
  const pipelines = new Map<string, PipelineIR>();
  const addPipeline = (pl: AnyPipeline): void => {
    const known = pipelines.get(pl.name);
    if (known && known !== pl.ir) {
      throw new DslError({
        path: [...path, seg('pipeline', pl.name)],
        problem: 'two different pipelines have the same name',
        got: pl.name,
        fix: 'Rename one of them',
      });
    }
    pipelines.set(pl.name, pl.ir);
  };
  // A schedule or submit step without its WorkflowTemplate could never run, so the pipelines they
  // start are always included.
  const withSubmitted = (pl: AnyPipeline): void => {
    addPipeline(pl);
    (pl.submits ?? []).forEach(withSubmitted);
  };
  (content.pipelines ?? []).forEach(withSubmitted);
  (content.schedules ?? []).forEach((s) => withSubmitted(s.pipeline));
  const schedules: ScheduleIR[] = (content.schedules ?? []).map((s) =>
    env.spec.suspendSchedules ? { ...s.ir, suspend: true } : s.ir,
  );
  const monitoring = (content.monitoring ?? []).map((m) => {
    const missing = m.schedules.find((s) => !(content.schedules ?? []).includes(s));
    if (missing) {
      throw new DslError({
        path: [...path, seg('monitoring', m.name)],
        problem: `watches schedule "${missing.name}", which this app does not deploy in this environment`,
        got: missing.name,
        fix: `Add it to the app's schedules, or remove it from the monitoring`,
      });
    }
    return m.ir;
  });
  return {
    name: a.name,
    ...(content.description ? { description: content.description } : {}),
    pipelines: [...pipelines.values()],
    schedules,
    ...(monitoring.length ? { monitoring } : {}),
    deployments: applyMonitoring(
      resolveDeployments(content.deployments ?? [], [...pipelines.keys()], path),
      monitoring,
      path,
    ),
    ...(content.workflows?.length ? { workflows: argoObjects(content.workflows, path) } : {}),
  };
}

/** Argo-native objects of one app; two with the same kind and name would overwrite each other. */
function argoObjects(objects: readonly ArgoObject[], path: readonly string[]): ArgoObjectIR[] {
  const seen = new Set<string>();
  return objects.map((o, i) => {
    if (o === null || typeof o !== 'object' || !('ir' in o)) {
      throw new DslError({
        path: [...path, `workflows[${i}]`],
        problem: 'expected an Argo object',
        got: o,
        fix: 'Pass values returned by workflow(), workflowTemplate(), cronWorkflow(), ... from dsl/argo',
      });
    }
    const key = `${o.kind}/${o.name}`;
    if (seen.has(key))
      throw new DslError({
        path: [...path, `workflows[${i}]`],
        problem: `two ${o.kind} objects are named "${o.name}"`,
        got: o.name,
        fix: 'Rename one of them',
      });
    seen.add(key);
    return o.ir;
  });
}

function assertNamesUniqueInNamespace(env: Environment, apps: readonly AppIR[]): void {
  const seen = new Map<string, string>();
  const claim = (kind: string, name: string, owner: string): void => {
    const key = `${kind}/${name}`;
    const other = seen.get(key);
    if (other !== undefined && other !== owner) {
      throw new DslError({
        path: [seg('environment', env.name), seg('app', owner)],
        problem: `${kind} "${name}" is also defined by app "${other}"; both would land in the same namespace`,
        got: name,
        fix: 'Rename one of them',
      });
    }
    if (other === owner && kind === 'CronWorkflow') {
      throw new DslError({
        path: [seg('environment', env.name), seg('app', owner)],
        problem: `two schedules are named "${name}"`,
        got: name,
        fix: 'Pass a distinct `name` to schedule()',
      });
    }
    if (other === owner && kind === 'PrometheusRule') {
      throw new DslError({
        path: [seg('environment', env.name), seg('app', owner)],
        problem: `two monitorings are named "${name}"`,
        got: name,
        fix: 'Give each monitoring() its own name',
      });
    }
    seen.set(key, owner);
  };
  for (const a of apps) {
    a.pipelines.forEach((p) => claim('WorkflowTemplate', p.name, a.name));
    a.schedules.forEach((s) => claim('CronWorkflow', s.name, a.name));
    (a.monitoring ?? []).forEach((m) => claim('PrometheusRule', m.name, a.name));
    (a.workflows ?? []).forEach(
      (w) =>
        w.metadata.name !== undefined && w.kind !== 'ClusterWorkflowTemplate' && claim(w.kind, w.metadata.name, a.name),
    );
  }
  // Deployment objects must be unique even within one app (a deployment's WorkflowTemplate must not replace a pipeline's).
  for (const a of apps) {
    for (const d of a.deployments) {
      for (const o of d.objects) {
        if (seen.has(`${o.kind}/${o.name}`)) {
          throw new DslError({
            path: [seg('environment', env.name), seg('app', a.name), seg('deployment', d.name)],
            problem: `${o.kind} "${o.name}" is already defined by app "${seen.get(`${o.kind}/${o.name}`)}"; both would land in the same namespace`,
            got: o.name,
            fix: 'Rename the deployment or the other object',
          });
        }
        seen.set(`${o.kind}/${o.name}`, a.name);
      }
    }
  }
}
