import type { Project } from '../../dsl/index.ts';
import type { EnvironmentIR, ProjectIR } from '../../dsl/ir/index.ts';
import { buildProject } from '../build-project.ts';
import { createClient, type ArgosyClient } from '../client/client.ts';
import { ClientError } from '../client/errors.ts';
import { appEntry, UsageError } from '../load-app.ts';
import { EXIT_FINDINGS, EXIT_USAGE, reportError, type CommandIO } from '../report.ts';

/** The options every command that talks to a cluster takes. */
export interface ClusterCommandOptions {
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly namespace?: string;
  /** An environment of the project: its namespace is used (needs --app's project). */
  readonly env?: string;
  readonly app?: string;
}

export interface Connection {
  readonly client: ArgosyClient;
  /** The namespace commands act in: --namespace, else --env's, else the context's. */
  readonly namespace: string;
  readonly project?: Project;
  readonly ir?: ProjectIR;
  readonly env?: EnvironmentIR;
}

/** The project and the `--env` environment, loaded from `--app` (default pipelines/index.ts). */
export async function loadProjectFor(
  opts: ClusterCommandOptions,
  cwd: string,
): Promise<{ project: Project; ir: ProjectIR; env?: EnvironmentIR }> {
  const { project, ir } = await buildProject(appEntry(opts.app, cwd), cwd);
  if (!opts.env) return { project, ir };
  const env = ir.environments.find((e) => e.name === opts.env);
  if (!env)
    throw new UsageError(
      `--env ${opts.env}: no such environment (got ${ir.environments.map((e) => e.name).join(', ')}). Pass one of them`,
    );
  return { project, ir, env };
}

/**
 * Connects as the options say; loads the project only when it is needed (`--env`, or a
 * `loaded` one for commands that read pipelines), so `argosy runs list` works anywhere.
 */
export async function connect(
  opts: ClusterCommandOptions,
  cwd: string,
  loaded?: { project: Project; ir: ProjectIR; env?: EnvironmentIR },
): Promise<Connection> {
  const p = loaded ?? (opts.env ? await loadProjectFor(opts, cwd) : undefined);
  const client = createClient({
    ...(opts.kubeconfig ? { kubeconfig: opts.kubeconfig } : {}),
    ...(opts.context ? { context: opts.context } : {}),
    ...(opts.namespace ? { namespace: opts.namespace } : {}),
    ...(p ? { project: p.project } : {}),
  });
  const namespace = opts.namespace ?? p?.env?.namespace ?? client.namespace;
  return { client, namespace, ...(p ? { project: p.project, ir: p.ir } : {}), ...(p?.env ? { env: p.env } : {}) };
}

/**
 * A cluster command's error as one `✗` line: a refusal or a missing object exits 1, a mistake in
 * the command line (bad parameters, an unknown environment) exits 2.
 */
export function reportClusterError(e: unknown, io: CommandIO): number {
  if (e instanceof ClientError) {
    const lines = e.message.split('\n');
    const first = lines[0] ?? '';
    io.err(`✗ ${first}${/[.:?]$/.test(first) ? '' : '.'}`);
    lines.slice(1).forEach((l) => io.err(l));
    return e.reason === 'invalid-args' || e.reason === 'usage' ? EXIT_USAGE : EXIT_FINDINGS;
  }
  return reportError(e, io);
}
