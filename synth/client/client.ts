import type { Environment, Project } from '../../dsl/index.ts';
import type { EnvironmentIR, ParamPortIR, ProjectIR } from '../../dsl/ir/index.ts';
import type { ParamPortMap } from '../../dsl/pipeline/ports.ts';
import type { Pipeline } from '../../dsl/pipeline/pipeline.ts';
import type { Schedule } from '../../dsl/schedule/schedule.ts';
import { contextNamespace, loadKubeConfig } from '../commands/apply-client.ts';
import { encodeArgs, type SubmitArgs } from './args.ts';
import { deploymentsApi, type DeploymentsApi } from './deployments.ts';
import { ClientError } from './errors.ts';
import { Kube, resourcePath } from './kube.ts';
import { Run, WORKFLOWS } from './run.ts';
import { runsApi, type RunsApi } from './runs.ts';
import { workflowFromCron, workflowFromTemplate, workflowInline, type ArgoObject } from './workflow-objects.ts';

export interface ClientOptions {
  /** A kubeconfig file; default: $KUBECONFIG, else ~/.kube/config, else the in-cluster config. */
  readonly kubeconfig?: string;
  /** A context of the kubeconfig; default: its current context. */
  readonly context?: string;
  /** Namespace of runs and deployments when neither the call nor its environment names one; default: the context's, else `default`. */
  readonly namespace?: string;
  /**
   * The project (the default export of pipelines/index.ts): lets `environment` be given by
   * name, and `inline` submit the synthesized WorkflowTemplate.
   */
  readonly project?: Project;
}

/** Where and how a pipeline runs; `args` comes from {@link SubmitArgs}. */
export interface SubmitPlacement {
  /** The environment whose namespace (and labels) the run gets: its object, or its name when the client has the project. */
  readonly environment?: Environment | string;
  /** Overrides the environment's namespace. */
  readonly namespace?: string;
  /** Submit the whole synthesized workflow instead of a `workflowTemplateRef` (template not applied yet; needs the project). */
  readonly inline?: boolean;
}

/** The options of `client.submit(pipeline, options)`: placement plus typed `args`. */
export type SubmitOptions<P extends ParamPortMap, A = unknown> = SubmitPlacement & SubmitArgs<P, A>;

/** A pipeline as the client needs it: its name and parameters (a `Pipeline`, or one read from the project IR). */
export interface PipelineRef {
  readonly name: string;
  readonly params: readonly ParamPortIR[];
}

/**
 * The cluster as Argosy users see it: submit and follow pipeline runs, trigger schedules, and
 * look after model deployments. Made by {@link createClient}.
 */
export interface ArgosyClient {
  /** The API server's URL. */
  readonly server: string;
  /** The kubeconfig context in use. */
  readonly context: string;
  /** The namespace used when nothing else names one. */
  readonly namespace: string;
  /**
   * Starts a run of `pipeline`; `args` is typed from its parameters, so a missing required
   * parameter, an unknown one or a value of the wrong type does not compile.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  submit<P extends ParamPortMap, A = unknown>(pipeline: Pipeline<P, any>, options: SubmitOptions<P, A>): Promise<Run>;
  /** {@link ArgosyClient.submit} for a pipeline known by name and parameters (the CLI's path); values are checked at run time. */
  submitRef(
    pipeline: PipelineRef,
    options: SubmitPlacement & { readonly args?: Readonly<Record<string, unknown>> },
  ): Promise<Run>;
  /** Starts a run of a schedule now (`argo cron trigger`): its CronWorkflow's workflow, owned by it. */
  trigger(
    schedule: Schedule | string,
    options?: { readonly environment?: Environment | string; readonly namespace?: string },
  ): Promise<Run>;
  /** A handle on a run by name (nothing is fetched until it is used). */
  run(name: string, namespace?: string): Run;
  readonly runs: RunsApi;
  readonly deployments: DeploymentsApi;
}

/**
 * Connects to a cluster through a kubeconfig context, as kubectl does (in-cluster config when
 * running in a pod). Throws a clear error when there is no kubeconfig or the context is unknown.
 *
 * @example
 * ```ts
 * import { createClient } from 'argosy/client';
 * import project, { staging } from './pipelines/index.ts';
 *
 * const client = createClient({ context: 'dev', project });
 * const run = await client.submit(discountPredictions, {
 *   environment: staging,
 *   args: { snapshotDate: '2026-12-01', outputPrefix: 's3://bucket/discounts', modelVersion: '11' },
 * });
 * console.log((await run.wait({ timeout: 3_600_000 })).phase);
 * ```
 */
export function createClient(options: ClientOptions = {}): ArgosyClient {
  const kc = loadKubeConfig({
    ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
    ...(options.context ? { context: options.context } : {}),
  });
  const kube = new Kube(kc);
  const defaultNamespace = options.namespace ?? contextNamespace(kc) ?? 'default';
  let ir: ProjectIR | undefined;
  const projectIR = async (): Promise<ProjectIR | undefined> => {
    if (!options.project) return undefined;
    if (!ir) ir = (await import('../../dsl/index.ts')).resolveProject(options.project);
    return ir;
  };
  const environmentOf = async (
    env: Environment | string | undefined,
  ): Promise<EnvironmentIR | Environment | undefined> => {
    if (env === undefined || typeof env !== 'string') return env;
    const p = await projectIR();
    if (!p)
      throw new ClientError(
        `environment "${env}": given by name, but the client has no project to look it up in (got createClient without project). Pass the Environment object, or createClient({ project })`,
        'usage',
      );
    const found = p.environments.find((e) => e.name === env);
    if (!found)
      throw new ClientError(
        `environment "${env}": not in project "${p.name}" (got ${p.environments.map((e) => e.name).join(', ')}). Pass one of them`,
        'usage',
      );
    return found;
  };
  const placement = async (
    env: Environment | string | undefined,
    namespace: string | undefined,
  ): Promise<{
    env?: EnvironmentIR | Environment;
    namespace: string;
    name?: string;
    labels: Record<string, string>;
  }> => {
    const e = await environmentOf(env);
    const envNamespace = e ? ('spec' in e ? e.spec.namespace : e.namespace) : undefined;
    const labels = e ? ('spec' in e ? { ...e.spec.labels } : { ...e.labels }) : {};
    return { ...(e ? { env: e, name: e.name } : {}), namespace: namespace ?? envNamespace ?? defaultNamespace, labels };
  };

  const inlineTemplate = async (pipeline: string, envName: string | undefined): Promise<ArgoObject> => {
    const p = await projectIR();
    if (!p)
      throw new ClientError(
        `pipeline "${pipeline}": an inline submission needs the synthesized workflow (got createClient without project). Pass createClient({ project }), or apply the WorkflowTemplate and submit without inline`,
        'usage',
      );
    const env = envName ? p.environments.find((e) => e.name === envName) : p.environments[0];
    const { renderObjects } = await import('../engine.ts');
    const objects = renderObjects({ ...p, environments: env ? [env] : [] }).flatMap((f) => f.documents) as ArgoObject[];
    const template = objects.find((o) => o.kind === 'WorkflowTemplate' && o.metadata.name === pipeline);
    if (!template)
      throw new ClientError(
        `pipeline "${pipeline}": environment "${env?.name}" synthesizes no WorkflowTemplate of that name (got ${objects
          .filter((o) => o.kind === 'WorkflowTemplate')
          .map((o) => o.metadata.name)
          .join(', ')}). Is it a KFP pipeline there? Argosy submits Argo pipelines`,
        'template-missing',
      );
    return template;
  };

  const templateApplied = async (pipeline: string, namespace: string): Promise<void> => {
    const path = resourcePath({ ...WORKFLOWS, resource: 'workflowtemplates' }, namespace, pipeline);
    const res = await kube.raw('GET', path);
    // A submitter allowed to create runs but not to read templates: let the controller check.
    if (res.status === 403 || (res.status >= 200 && res.status < 300)) return;
    if (res.status === 404)
      throw new ClientError(
        `pipeline "${pipeline}": its WorkflowTemplate is not applied in namespace "${namespace}" on ${kube.server} (got 404 NotFound). Apply it first (argosy apply dist/<environment>/<app>), or submit the whole workflow with --inline (inline: true)`,
        'template-missing',
        404,
      );
  };

  const submitRef: ArgosyClient['submitRef'] = async (pipeline, opts) => {
    const parameters = encodeArgs(pipeline.name, pipeline.params, opts.args ?? {});
    const where = await placement(opts.environment, opts.namespace);
    const meta = {
      pipeline: pipeline.name,
      namespace: where.namespace,
      ...(where.name ? { environment: where.name } : {}),
      labels: where.labels,
      parameters,
    };
    let body: ArgoObject;
    if (opts.inline) body = workflowInline(await inlineTemplate(pipeline.name, where.name), meta);
    else {
      await templateApplied(pipeline.name, where.namespace);
      body = workflowFromTemplate(meta);
    }
    const created = await kube.request<ArgoObject>(
      'POST',
      resourcePath(WORKFLOWS, where.namespace),
      { verb: 'create', group: WORKFLOWS.group, resource: WORKFLOWS.resource, namespace: where.namespace },
      body,
    );
    return new Run(kube, created.metadata.name ?? '', where.namespace);
  };

  return {
    server: kube.server,
    context: kc.getCurrentContext(),
    namespace: defaultNamespace,
    submit: (pipeline, opts) =>
      submitRef(
        { name: pipeline.name, params: pipeline.ir.params },
        opts as SubmitPlacement & { args?: Record<string, unknown> },
      ),
    submitRef,
    async trigger(schedule, opts = {}) {
      const name = typeof schedule === 'string' ? schedule : schedule.name;
      const { namespace } = await placement(opts.environment, opts.namespace);
      const crons = { ...WORKFLOWS, resource: 'cronworkflows' };
      const cron = await kube.request<ArgoObject>('GET', resourcePath(crons, namespace, name), {
        verb: 'get',
        group: crons.group,
        resource: crons.resource,
        namespace,
        name,
      });
      const created = await kube.request<ArgoObject>(
        'POST',
        resourcePath(WORKFLOWS, namespace),
        { verb: 'create', group: WORKFLOWS.group, resource: WORKFLOWS.resource, namespace },
        workflowFromCron(cron),
      );
      return new Run(kube, created.metadata.name ?? '', namespace);
    },
    run: (name, namespace) => new Run(kube, name, namespace ?? defaultNamespace),
    runs: runsApi(kube, defaultNamespace),
    deployments: deploymentsApi(kube, defaultNamespace),
  };
}
