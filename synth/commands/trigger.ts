import { EXIT_OK, type CommandIO } from '../report.ts';
import { connect, reportClusterError, type ClusterCommandOptions } from './cluster-cli.ts';
import { followRun, type FollowOptions } from './run-follow.ts';

export interface TriggerCommandOptions extends ClusterCommandOptions {
  readonly watch?: boolean;
}

/**
 * `argosy trigger <schedule> [--watch]`: starts a run of a schedule now, as `argo cron trigger`
 * does (the CronWorkflow's workflow, owned by it, with its scheduled-time annotation).
 */
export async function runTrigger(
  schedule: string,
  opts: TriggerCommandOptions,
  io: CommandIO,
  cwd = process.cwd(),
  follow: Partial<FollowOptions> = {},
): Promise<number> {
  try {
    const { client, namespace } = await connect(opts, cwd);
    const run = await client.trigger(schedule, { namespace });
    io.out(`✓ triggered ${run.name} from schedule ${schedule} in namespace ${namespace}`);
    if (!opts.watch) return EXIT_OK;
    return await followRun(run, io, { tty: io.color, ...follow });
  } catch (e) {
    return reportClusterError(e, io);
  }
}
