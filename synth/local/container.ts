import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import type { ContainerRuntimeChoice } from './types.ts';

/**
 * The container runtime that answers: `docker` then `podman` for `auto`, the named one, or
 * undefined. A client whose daemon is down does not count (`<runtime> info` must succeed).
 *
 * @example
 * ```ts
 * detectRuntime('auto'); // 'docker' on a machine with a running Docker daemon
 * ```
 */
export function detectRuntime(choice: ContainerRuntimeChoice = 'auto'): 'docker' | 'podman' | undefined {
  if (choice === 'none') return undefined;
  const candidates = choice === 'auto' ? (['docker', 'podman'] as const) : [choice];
  for (const c of candidates) {
    const r = spawnSync(c, ['info', '--format', '{{json .}}'], { stdio: 'ignore', timeout: 15_000 });
    if (r.status === 0) return c;
  }
  return undefined;
}

/** One file or folder of a container task: where it is here and where the container sees it. */
export interface ContainerMount {
  readonly host: string;
  readonly container: string;
  readonly readOnly: boolean;
}

/** What a container task needs: image, command, environment and the paths it reads and writes. */
export interface ContainerRun {
  readonly image: string;
  readonly command: readonly string[];
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly workingDir?: string;
  /** Input artifacts (read-only) and claims, mounted at their container paths. */
  readonly mounts: readonly ContainerMount[];
  /** Output files by container path; their folders are mounted from `stage` and copied out after. */
  readonly outputs: readonly string[];
  /** Host folder the output folders are staged in. */
  readonly stage: string;
}

/** Host folder that stands for one container folder an output is written to. */
export function stageDir(stage: string, containerDir: string): string {
  return join(stage, containerDir.replace(/[^A-Za-z0-9._-]+/g, '_'));
}

/**
 * The `docker run` (or `podman run`) arguments of a container task: removed when done, the
 * environment, read-only inputs and one writable folder per output folder, the image's entry
 * point replaced only when the component has a command (as Kubernetes does).
 *
 * @example
 * ```ts
 * containerArgs({ image: 'python:3.12', command: ['python', '-c', 'print(1)'], args: [], env: {}, mounts: [], outputs: [], stage: '/tmp/s' });
 * // ['run', '--rm', '--entrypoint', 'python', 'python:3.12', '-c', 'print(1)']
 * ```
 */
export function containerArgs(run: ContainerRun): string[] {
  const argv = ['run', '--rm'];
  for (const [k, v] of Object.entries(run.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    argv.push('-e', `${k}=${v}`);
  for (const m of run.mounts) argv.push('-v', `${m.host}:${m.container}${m.readOnly ? ':ro' : ''}`);
  for (const dir of [...new Set(run.outputs.map((o) => dirname(o)))].sort())
    argv.push('-v', `${stageDir(run.stage, dir)}:${dir}`);
  if (run.workingDir) argv.push('-w', run.workingDir);
  const [entry, ...rest] = run.command;
  if (entry !== undefined) argv.push('--entrypoint', entry);
  argv.push(run.image, ...rest, ...run.args);
  return argv;
}
