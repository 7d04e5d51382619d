import { attachedErrors, attachErrors, errorCount, errorsSince, isBroken, recover, report } from '../common/collect.ts';
import { DslError, seg } from '../errors.ts';
import { type ArgoCd, type ArgoCdOverrides, checkArgoCdOverrides, resolveArgoCd } from './gitops.ts';
import type {
  AppIR,
  ArgoObjectIR,
  DeploymentIR,
  EnvironmentIR,
  MonitoringIR,
  PipelineIR,
  ProjectIR,
  ScheduleIR,
} from '../ir/index.ts';
import { assertDnsLabel } from '../common/names.ts';
import type { Monitoring } from './monitoring.ts';
import { applyMonitoring } from '../deploy/payload-logging.ts';
import { resolveDeployments, type ModelDeployment } from '../deploy/resolve.ts';
import type { AnyPipeline } from '../pipeline/pipeline.ts';
import type { Schedule } from '../schedule/schedule.ts';
import type { ArgoObject } from '../argo/workflow.ts';
import { resolvePlatform, type Platform } from './platform.ts';

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
  const before = errorCount();
  const path = [seg('environment', String(name))];
  // Each setting is checked on its own: while a build collects errors, all of them are reported.
  const check = (fn: () => unknown): unknown => recover(fn, () => undefined);
  check(() => assertDnsLabel(name, path, 'environment name'));
  if (spec.namespace !== undefined) check(() => assertDnsLabel(spec.namespace, [...path, 'namespace'], 'namespace'));
  if (spec.pipelineBackend !== undefined && spec.pipelineBackend !== 'argo' && spec.pipelineBackend !== 'kfp') {
    report(
      new DslError({
        path: [...path, 'pipelineBackend'],
        problem: 'unknown pipeline backend',
        got: spec.pipelineBackend,
        fix: 'Use "argo" or "kfp"',
      }),
    );
  }
  if (spec.argocd !== undefined) check(() => checkArgoCdOverrides(spec.argocd as ArgoCdOverrides, [...path, 'argocd']));
  return attachErrors({ kind: 'environment', name, spec }, errorsSince(before));
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
  const before = errorCount();
  recover(
    () => assertDnsLabel(name, [seg('app', String(name))], 'app name'),
    () => undefined,
  );
  const built: App = { kind: 'app', name, build: typeof content === 'function' ? content : () => content };
  return attachErrors(built, errorsSince(before));
}

/** A whole Argosy project: environments times apps. */
export interface Project {
  readonly kind: 'project';
  readonly name: string;
  readonly environments: readonly Environment[];
  readonly apps: readonly App[];
  readonly argocd?: ArgoCd;
  /** The platform versions the output targets (default: the newest of each). */
  readonly platform?: Platform;
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
  spec: {
    readonly environments?: readonly Environment[];
    readonly apps: readonly App[];
    readonly argocd?: ArgoCd;
    /** Platform versions, e.g. `{ argoWorkflows: '3.5', istio: '1.21' }`; default the newest. */
    readonly platform?: Platform;
  },
): Project {
  const before = errorCount();
  const path = [seg('project', String(name))];
  recover(
    () => assertDnsLabel(name, path, 'project name'),
    () => undefined,
  );
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
  const built: Project = {
    kind: 'project',
    name,
    environments,
    apps: spec.apps,
    ...(spec.argocd ? { argocd: spec.argocd } : {}),
    ...(spec.platform ? { platform: spec.platform } : {}),
  };
  if (spec.platform !== undefined) resolvePlatform(spec.platform, [...path, 'platform']);
  return attachErrors(built, errorsSince(before));
}

function unique(names: readonly string[], path: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n))
      report(
        new DslError({
          path,
          problem: `two ${what}s are named "${n}"`,
          got: n,
          fix: `Give every ${what} a unique name`,
        }),
      );
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
  // Mistakes made while the project's values were built, possibly by an earlier build that
  // loaded its modules: reported again (once), so a stand-in is never resolved as if it worked.
  [p, ...p.environments, ...p.apps].forEach(reportAttached);
  const platform = p.platform ? resolvePlatform(p.platform, [seg('project', p.name), 'platform']) : undefined;
  return {
    name: p.name,
    ...(platform ? { platform } : {}),
    environments: p.environments.map((env): EnvironmentIR => {
      // Each app is resolved on its own, so the mistakes of every app (and environment) are reported.
      const resolved = p.apps.map((a) =>
        recover(
          () => resolveApp(a, env),
          () => undefined,
        ),
      );
      const apps = resolved.filter((a): a is AppIR => a !== undefined);
      if (apps.length === resolved.length) assertNamesUniqueInNamespace(env, apps);
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

/** Reports the mistakes attached to a value (see attachErrors). */
function reportAttached(value: unknown): void {
  attachedErrors(value).forEach(report);
}

function resolveApp(a: App, env: Environment): AppIR {
  const path = [seg('environment', env.name), seg('app', a.name)];
  const content = a.build(env);
  for (const list of [content.pipelines, content.schedules, content.deployments, content.monitoring])
    (list ?? []).forEach(reportAttached);
  const pipelines = new Map<string, PipelineIR>();
  const addPipeline = (pl: AnyPipeline): void => {
    const known = pipelines.get(pl.name);
    if (known && known !== pl.ir && !isBroken(pl)) {
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
  const watched = (content.monitoring ?? []).filter((m) => !isBroken(m));
  const monitoring = watched.map((m) => {
    const missing = m.schedules.find((s) => !(content.schedules ?? []).includes(s));
    if (missing) {
      report(
        new DslError({
          path: [...path, seg('monitoring', m.name)],
          problem: `watches schedule "${missing.name}", which this app does not deploy in this environment`,
          got: missing.name,
          fix: `Add it to the app's schedules, or remove it from the monitoring`,
        }),
      );
    }
    return m.ir;
  });
  return {
    name: a.name,
    ...(content.description ? { description: content.description } : {}),
    pipelines: [...pipelines.values()],
    schedules,
    ...(monitoring.length ? { monitoring } : {}),
    deployments: deploymentsOf(content, [...pipelines.keys()], monitoring, path),
    ...(content.workflows?.length ? { workflows: argoObjects(content.workflows, path) } : {}),
  };
}

/**
 * The app's deployments with their monitoring applied. One that failed to build has its mistake
 * recorded already: the rest are still checked, and the monitoring of the app is left alone.
 */
function deploymentsOf(
  content: AppContent,
  pipelines: readonly string[],
  monitoring: readonly MonitoringIR[],
  path: readonly string[],
): DeploymentIR[] {
  const all = content.deployments ?? [];
  const built = all.filter((d) => !isBroken(d));
  const resolved = resolveDeployments(built, pipelines, path);
  return built.length === all.length ? applyMonitoring(resolved, monitoring, path) : resolved;
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
      report(
        new DslError({
          path: [seg('environment', env.name), seg('app', owner)],
          problem: `${kind} "${name}" is also defined by app "${other}"; both would land in the same namespace`,
          got: name,
          fix: 'Rename one of them',
        }),
      );
    }
    if (other === owner && kind === 'CronWorkflow') {
      report(
        new DslError({
          path: [seg('environment', env.name), seg('app', owner)],
          problem: `two schedules are named "${name}"`,
          got: name,
          fix: 'Pass a distinct `name` to schedule()',
        }),
      );
    }
    if (other === owner && kind === 'PrometheusRule') {
      report(
        new DslError({
          path: [seg('environment', env.name), seg('app', owner)],
          problem: `two monitorings are named "${name}"`,
          got: name,
          fix: 'Give each monitoring() its own name',
        }),
      );
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
          report(
            new DslError({
              path: [seg('environment', env.name), seg('app', a.name), seg('deployment', d.name)],
              problem: `${o.kind} "${o.name}" is already defined by app "${seen.get(`${o.kind}/${o.name}`)}"; both would land in the same namespace`,
              got: o.name,
              fix: 'Rename the deployment or the other object',
            }),
          );
        }
        seen.set(`${o.kind}/${o.name}`, a.name);
      }
    }
  }
}
