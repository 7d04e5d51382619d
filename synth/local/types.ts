import type { JsonValue } from '../../dsl/ir/index.ts';

/** What a step of a local run ended as: Argo's node phases, so `when`/`depends` read the same. */
export type LocalStatus = 'Succeeded' | 'Failed' | 'Errored' | 'Skipped' | 'Omitted';

/** One output of a finished task: a parameter's value, or the file or folder an artifact is in. */
export type LocalOutput =
  | { readonly kind: 'param'; readonly value: string }
  | { readonly kind: 'artifact'; readonly path: string }
  | { readonly kind: 'artifacts'; readonly paths: readonly string[] };

/** One step of a local run, as `run.json` records it. */
export interface LocalTaskRecord {
  /** Path of the step: its id, prefixed by the loops (`loop[2]`) and called pipelines around it. */
  readonly path: string;
  readonly id: string;
  readonly kind: 'component' | 'loop' | 'pipeline' | 'submit' | 'createPvc' | 'deletePvc';
  readonly component?: string;
  status: LocalStatus;
  /** Why it was skipped, omitted or failed. */
  message?: string;
  /** Folder with the step's outputs/, stdout.log and stderr.log. */
  readonly dir: string;
  attempts: number;
  cached: boolean;
  startedAt?: string;
  finishedAt?: string;
  exitCode?: number;
  inputs: Record<string, string>;
  outputs: Record<string, LocalOutput>;
}

/** What `run.json` holds: the run, its parameters, every step and the pipeline's outputs. */
export interface LocalRunRecord {
  readonly pipeline: string;
  readonly runId: string;
  readonly workdir: string;
  readonly params: Readonly<Record<string, JsonValue>>;
  status: 'Running' | 'Succeeded' | 'Failed';
  message?: string;
  readonly startedAt: string;
  finishedAt?: string;
  /** Steps in the order they finished. */
  readonly tasks: LocalTaskRecord[];
  outputs: Record<string, LocalOutput>;
}

/** A progress event: the CLI draws a live tree or plain lines from these. */
export type LocalEvent =
  | { readonly kind: 'start'; readonly task: LocalTaskRecord }
  | { readonly kind: 'retry'; readonly task: LocalTaskRecord; readonly waitMs: number; readonly reason: string }
  | { readonly kind: 'end'; readonly task: LocalTaskRecord };

/** Which container runtime runs container components: found on PATH, named, or none. */
export type ContainerRuntimeChoice = 'auto' | 'docker' | 'podman' | 'none';

/** How a local run behaves; every field has a default. */
export interface LocalRunOptions {
  /** Where the run's folders go (default `.argosy/runs/<pipeline>-<time>` under the current directory). */
  readonly workdir?: string;
  /** Tasks running at once (default: the CPU count, or the pipeline's own parallelism when lower). */
  readonly parallelism?: number;
  /** Reuse no earlier outputs (and record none). */
  readonly noCache?: boolean;
  /** Where cached outputs live (default `.argosy/cache` under the current directory). */
  readonly cacheDir?: string;
  /** Container runtime for container components (default `auto`: docker, then podman, when one answers). */
  readonly containerRuntime?: ContainerRuntimeChoice;
  /**
   * Local commands that run a step instead of its container (or script), by step id, with the
   * same `INPUT_*`/`OUTPUT_*` environment a script gets, e.g.
   * `{ extract: ['python3', 'fake_extract.py'] }`.
   */
  readonly commands?: Readonly<Record<string, readonly string[]>>;
  /**
   * Values of secrets and ConfigMap keys the components read, `{ "<name>/<key>": value }`; an
   * environment variable of the same name as the container's variable wins.
   */
  readonly values?: Readonly<Record<string, string>>;
  /** The interpreter for Python scripts (default: the script's own command, e.g. `python3`). */
  readonly python?: string;
  /** Environment the steps inherit (default: this process's). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Progress callback. */
  readonly onEvent?: (event: LocalEvent) => void;
}

/** The result of {@link runLocal}: the record written to `run.json`, and where that is. */
export interface LocalRunResult {
  readonly ok: boolean;
  readonly record: LocalRunRecord;
  readonly recordPath: string;
}
