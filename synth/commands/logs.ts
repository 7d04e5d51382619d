import { formatLogLines } from '../client/logs.ts';
import { EXIT_OK, type CommandIO } from '../report.ts';
import { connect, reportClusterError, type ClusterCommandOptions } from './cluster-cli.ts';

export interface LogsCommandOptions extends ClusterCommandOptions {
  readonly task?: string;
  readonly follow?: boolean;
}

/**
 * `argosy logs <run> [--task name] [--follow]`: the logs of a run's task pods, each line
 * prefixed with its task, as they arrive. A task whose pod has not run yet is a clear error.
 */
export async function runLogs(
  run: string,
  opts: LogsCommandOptions,
  io: CommandIO,
  cwd = process.cwd(),
): Promise<number> {
  try {
    const { client, namespace } = await connect(opts, cwd);
    const handle = client.run(run, namespace);
    for await (const line of handle.logs({
      ...(opts.task ? { task: opts.task } : {}),
      ...(opts.follow ? { follow: true } : {}),
    }))
      formatLogLines([line], opts.task ? 0 : undefined).forEach((l) => io.out(l));
    return EXIT_OK;
  } catch (e) {
    return reportClusterError(e, io);
  }
}
