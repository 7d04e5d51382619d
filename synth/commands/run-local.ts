import { availableParallelism } from 'node:os';
import { buildProject } from '../build-project.ts';
import { appEntry, UsageError } from '../load-app.ts';
import { LocalRunError, parseParamFlags, runLocalIR } from '../local/index.ts';
import { plainProgress, summary, treeProgress } from '../local/progress.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, reportError, type CommandIO } from '../report.ts';

export interface RunCommandOptions {
  readonly local?: boolean;
  readonly app?: string;
  readonly env?: string;
  readonly param?: readonly string[];
  readonly workdir?: string;
  readonly parallelism?: string;
  readonly cache?: boolean;
  readonly cacheDir?: string;
  readonly containers?: boolean;
  readonly command?: readonly string[];
  readonly value?: readonly string[];
  readonly python?: string;
}

function pairs(flag: string, list: readonly string[] | undefined, example: string): [string, string][] {
  return (list ?? []).map((s) => {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UsageError(`${flag} ${s}: not <name>=<value> (got "${s}"). Pass ${flag} ${example}`);
    return [s.slice(0, eq), s.slice(eq + 1)];
  });
}

/**
 * `argosy run --local <pipeline>`: runs a pipeline of the project on this machine (see
 * synth/local), with progress (a live tree on a terminal, plain lines otherwise) and a summary.
 * Exit 0 when the run succeeded, 1 when it failed or could not start, 2 for a usage mistake.
 */
export async function runRunLocal(
  name: string,
  opts: RunCommandOptions,
  io: CommandIO & { readonly write?: (text: string) => void; readonly tty?: boolean },
  cwd = process.cwd(),
): Promise<number> {
  try {
    if (!opts.local)
      throw new UsageError(
        `run ${name}: only local runs are supported (got no --local). Pass --local, or deploy with \`argosy apply\` and submit on the cluster`,
      );
    const parallelism = opts.parallelism === undefined ? undefined : Number(opts.parallelism);
    if (parallelism !== undefined && (!Number.isInteger(parallelism) || parallelism < 1))
      throw new UsageError(
        `--parallelism: not a whole number of at least 1 (got ${opts.parallelism}). Pass e.g. --parallelism ${availableParallelism()}`,
      );
    const { ir } = await buildProject(appEntry(opts.app, cwd), cwd);
    const envs = opts.env ? ir.environments.filter((e) => e.name === opts.env) : ir.environments;
    if (opts.env && !envs.length)
      throw new UsageError(
        `--env ${opts.env}: no such environment (got ${ir.environments.map((e) => e.name).join(', ')}). Pass one of them`,
      );
    const pipeline = envs.flatMap((e) => e.apps.flatMap((a) => a.pipelines)).find((p) => p.name === name);
    if (!pipeline) {
      const known = [...new Set(envs.flatMap((e) => e.apps.flatMap((a) => a.pipelines.map((p) => p.name))))].sort();
      throw new UsageError(
        `run --local ${name}: no pipeline by that name (got ${known.join(', ') || 'none'}). Pass one of these`,
      );
    }
    const args = parseParamFlags(name, pipeline.params, opts.param ?? []);
    const commands = Object.fromEntries(
      pairs('--command', opts.command, 'extract="python3 fake_extract.py"').map(([k, v]) => [
        k,
        v.split(/\s+/).filter(Boolean),
      ]),
    );
    const values = Object.fromEntries(pairs('--value', opts.value, 'secret:mlflow/token=abc'));
    for (const key of Object.keys(values))
      if (!/^(secret|configMap):[^/]+\/.+$/.test(key))
        throw new UsageError(
          `--value ${key}: not secret:<name>/<key> or configMap:<name>/<key> (got "${key}"). Pass e.g. --value configMap:mlflow/tracking-uri=http://localhost:5000`,
        );
    const live = io.tty && io.write;
    const onEvent = live ? treeProgress(io.write as (t: string) => void) : plainProgress(io.out);
    const { ok, record, recordPath } = await runLocalIR(pipeline, args, {
      ...(opts.workdir ? { workdir: opts.workdir } : {}),
      ...(parallelism ? { parallelism } : {}),
      noCache: opts.cache === false,
      ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}),
      containerRuntime: opts.containers === false ? 'none' : 'auto',
      commands,
      values,
      ...(opts.python ? { python: opts.python } : {}),
      onEvent,
    });
    summary(record, recordPath, cwd).forEach((l) => io.out(l));
    return ok ? EXIT_OK : EXIT_FINDINGS;
  } catch (e) {
    if (e instanceof LocalRunError) {
      io.err(`✗ ${e.message}`);
      return EXIT_FINDINGS;
    }
    const code = reportError(e, io);
    return code === EXIT_USAGE ? EXIT_USAGE : code;
  }
}
