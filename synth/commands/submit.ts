import { UsageError } from '../load-app.ts';
import { EXIT_OK, type CommandIO } from '../report.ts';
import { encodeArgs, parseCliParams } from '../client/args.ts';
import { connect, loadProjectFor, reportClusterError, type ClusterCommandOptions } from './cluster-cli.ts';
import { followRun, type FollowOptions } from './run-follow.ts';

export interface SubmitCommandOptions extends ClusterCommandOptions {
  /** `name=value` pairs. */
  readonly param?: readonly string[];
  readonly watch?: boolean;
  readonly inline?: boolean;
}

/**
 * `argosy submit <pipeline> [-p name=value ...] [--env] [--watch] [--inline]`: checks the
 * parameters against the pipeline's typed params, then starts a run of its WorkflowTemplate in
 * the environment's namespace (or of the whole synthesized workflow with --inline). With
 * --watch, follows it and exits 0 when it succeeded, 1 when it failed; 2 on usage errors.
 */
export async function runSubmit(
  pipelineName: string,
  opts: SubmitCommandOptions,
  io: CommandIO,
  cwd = process.cwd(),
  follow: Partial<FollowOptions> = {},
): Promise<number> {
  try {
    const loaded = await loadProjectFor(opts, cwd);
    const { ir } = loaded;
    const envs = opts.env ? ir.environments.filter((e) => e.name === opts.env) : ir.environments;
    const found = envs.flatMap((e) =>
      e.apps.flatMap((a) => a.pipelines.filter((p) => p.name === pipelineName).map((p) => ({ env: e, pipeline: p }))),
    );
    const first = found[0];
    if (!first) {
      const known = [...new Set(envs.flatMap((e) => e.apps.flatMap((a) => a.pipelines.map((p) => p.name))))].sort();
      throw new UsageError(
        `${pipelineName}: no pipeline of that name${opts.env ? ` in environment "${opts.env}"` : ''} (got ${known.join(', ') || 'no pipelines'}). Pass one of these`,
      );
    }
    // Checked before connecting: a mistake in the parameters never reaches the cluster.
    const values = parseCliParams(pipelineName, first.pipeline.params, opts.param ?? []);
    encodeArgs(pipelineName, first.pipeline.params, values);
    const { client } = await connect(opts, cwd, loaded);
    const run = await client.submitRef(
      { name: pipelineName, params: first.pipeline.params },
      {
        environment: first.env.name,
        ...(opts.namespace ? { namespace: opts.namespace } : {}),
        args: values,
        ...(opts.inline ? { inline: true } : {}),
      },
    );
    io.out(
      `✓ submitted ${run.name} in namespace ${run.namespace} (${opts.inline ? 'inline workflow' : `workflowTemplateRef ${pipelineName}`}, environment ${first.env.name})`,
    );
    if (!opts.watch) return EXIT_OK;
    return await followRun(run, io, { tty: io.color, ...follow });
  } catch (e) {
    return reportClusterError(e, io);
  }
}
