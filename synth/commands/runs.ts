import type { RunPhase } from '../client/run-status.ts';
import { EXIT_OK, type CommandIO } from '../report.ts';
import { UsageError } from '../load-app.ts';
import { connect, reportClusterError, type ClusterCommandOptions } from './cluster-cli.ts';
import { duration, renderRunTree } from './run-render.ts';
import { exitCodeOf, followRun, type FollowOptions } from './run-follow.ts';

export interface RunsCommandOptions extends ClusterCommandOptions {
  readonly pipeline?: string;
  readonly phase?: string;
  readonly limit?: number;
  readonly watch?: boolean;
}

const PHASES: readonly RunPhase[] = ['Pending', 'Running', 'Succeeded', 'Failed', 'Error'];

/** Columns padded to the widest cell, as kubectl prints tables. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * `argosy runs list|get|delete|stop|retry [name]`: the runs of a namespace (--namespace, --env's,
 * else the context's). `get` prints the task tree and exits with the run's phase (0 Succeeded,
 * 1 Failed/Error or not finished); `retry` starts a new run with the same arguments.
 */
export async function runRuns(
  action: string,
  name: string | undefined,
  opts: RunsCommandOptions,
  io: CommandIO,
  cwd = process.cwd(),
  now: () => Date = () => new Date(),
  follow: Partial<FollowOptions> = {},
): Promise<number> {
  try {
    if (!['list', 'get', 'delete', 'stop', 'retry'].includes(action))
      throw new UsageError(`runs ${action}: no such action (got ${action}). Pass list, get, delete, stop or retry`);
    if (action !== 'list' && !name)
      throw new UsageError(`runs ${action}: needs the run's name (got none). Pass argosy runs ${action} <name>`);
    if (opts.phase && !PHASES.includes(opts.phase as RunPhase))
      throw new UsageError(
        `--phase ${opts.phase}: not a run phase (got ${opts.phase}). Pass one of ${PHASES.join(', ')}`,
      );
    const { client, namespace } = await connect(opts, cwd);
    const run = name ?? '';
    switch (action) {
      case 'list': {
        const runs = await client.runs.list({
          namespace,
          ...(opts.pipeline ? { pipeline: opts.pipeline } : {}),
          ...(opts.phase ? { phase: opts.phase as RunPhase } : {}),
          ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
        });
        if (runs.length === 0) {
          io.err(
            `no runs in namespace ${namespace}${opts.pipeline ? ` of pipeline ${opts.pipeline}` : ''}${opts.phase ? ` in phase ${opts.phase}` : ''}`,
          );
          return EXIT_OK;
        }
        table([
          ['NAME', 'PIPELINE', 'PHASE', 'PROGRESS', 'STARTED', 'DURATION'],
          ...runs.map((r) => [
            r.name,
            r.pipeline ?? '',
            r.phase,
            r.progress ?? '',
            r.startedAt ?? r.createdAt ?? '',
            duration(r.startedAt, r.finishedAt, now()),
          ]),
        ]).forEach((l) => io.out(l));
        return EXIT_OK;
      }
      case 'get': {
        const { run: handle, status } = await client.runs.get(run, namespace);
        if (opts.watch) return await followRun(handle, io, { tty: io.color, ...follow });
        renderRunTree(status, now()).forEach((l) => io.out(l));
        const outputs = Object.entries(status.outputs);
        if (outputs.length > 0) io.out(`  outputs: ${outputs.map(([k, v]) => `${k}=${v}`).join(', ')}`);
        return exitCodeOf(status);
      }
      case 'delete':
        await client.runs.delete(run, namespace);
        io.out(`✓ deleted run ${run} in namespace ${namespace}`);
        return EXIT_OK;
      case 'stop':
        await client.run(run, namespace).stop();
        io.out(`✓ stopping run ${run}: no new tasks start; running ones finish and the exit handler runs`);
        return EXIT_OK;
      default: {
        const again = await client.run(run, namespace).retry();
        io.out(`✓ retried run ${run} as ${again.name} in namespace ${namespace} (same spec and arguments)`);
        if (opts.watch) return await followRun(again, io, { tty: io.color, ...follow });
        return EXIT_OK;
      }
    }
  } catch (e) {
    return reportClusterError(e, io);
  }
}
