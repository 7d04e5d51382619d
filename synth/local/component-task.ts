import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isPython, portEnvName } from '../../dsl/pipeline/script-env.ts';
import type { CommandArgIR, ComponentIR, EnvVarIR, RetryIR, TaskOverridesIR } from '../../dsl/ir/index.ts';
import { goDurationSeconds } from '../../charts/go-duration.ts';
import {
  inputPath as containerInputPath,
  outputPath as containerOutputPath,
} from '../../charts/argo-workflows/component-io.ts';
import { cacheKey, type OutputCache } from './cache.ts';
import { containerArgs, stageDir, type ContainerMount } from './container.ts';
import { runProcess, type ProcessEnd, type ProcessGroup } from './process.ts';
import type { LocalEvent, LocalOutput, LocalTaskRecord } from './types.ts';

/** What every component task of a run shares. */
export interface TaskRuntime {
  readonly group: ProcessGroup;
  readonly cache?: OutputCache;
  readonly container?: 'docker' | 'podman';
  readonly commands: Readonly<Record<string, readonly string[]>>;
  readonly values: Readonly<Record<string, string>>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly python?: string;
  readonly namespace: string;
  readonly emit: (e: LocalEvent) => void;
  readonly acquire: () => Promise<() => void>;
  /** For tests: how long to wait before a retry (default: really wait). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A component task ready to run: its inputs resolved, its folder and record made. */
export interface ComponentTaskRun {
  readonly component: ComponentIR;
  readonly overrides: TaskOverridesIR;
  readonly inputs: Readonly<Record<string, LocalOutput>>;
  readonly record: LocalTaskRecord;
  /** Claims mounted into the task: the claim's local folder and its container path. */
  readonly mounts: readonly ContainerMount[];
}

/** Where a secret key or ConfigMap key is looked up in `values`. */
export const valueKey = (kind: 'secret' | 'configMap', name: string, key: string): string => `${kind}:${name}/${key}`;

/**
 * The value a non-literal environment variable gets locally: a variable of the same name in this
 * process's environment, else the `values` entry of its secret or ConfigMap key, else (fieldRef)
 * what the pod would say; undefined when there is none.
 */
export function externalEnv(
  e: Exclude<EnvVarIR, { value: CommandArgIR }>,
  env: Readonly<Record<string, string | undefined>>,
  values: Readonly<Record<string, string>>,
  pod: { namespace: string; name: string },
): string | undefined {
  if (env[e.name] !== undefined) return env[e.name];
  if ('secretKeyRef' in e) return values[valueKey('secret', e.secretKeyRef.name, e.secretKeyRef.key)];
  if ('configMapKeyRef' in e) return values[valueKey('configMap', e.configMapKeyRef.name, e.configMapKeyRef.key)];
  if (e.fieldRef.fieldPath === 'metadata.namespace') return pod.namespace;
  if (e.fieldRef.fieldPath === 'metadata.name') return pod.name;
  return undefined;
}

function backoffMs(retry: RetryIR, attempt: number): number {
  const b = retry.backoff;
  if (!b) return 0;
  let s = goDurationSeconds(b.duration) * (b.factor ?? 1) ** (attempt - 1);
  if (b.max) s = Math.min(s, goDurationSeconds(b.max));
  return Math.round(s * 1000);
}

/** Whether Argo's retry policy retries a failure (the program failed) or an error (it could not run). */
function retries(policy: RetryIR['policy'], failure: 'Failed' | 'Errored'): boolean {
  if (policy === 'Always') return true;
  if (policy === 'OnFailure') return failure === 'Failed';
  return failure === 'Errored';
}

const sleepFor = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Runs one component task: from the cache when an identical earlier task left its outputs,
 * else as a subprocess (a script under its interpreter, a local command override, or a container
 * under docker/podman) with Argo's environment, retried by its retry policy. Fills in the record.
 */
export async function runComponentTask(t: ComponentTaskRun, rt: TaskRuntime): Promise<void> {
  const { component: c, record } = t;
  const retry = t.overrides.retry ?? c.retry;
  const timeout = t.overrides.timeoutSeconds ?? c.timeoutSeconds;
  const cache = t.overrides.cache ?? c.cache;
  const command = rt.commands[record.id];
  const outputsDir = join(record.dir, 'outputs');
  mkdirSync(record.dir, { recursive: true });
  const useCache = rt.cache !== undefined && cache?.enabled !== false;
  const key = useCache ? cacheKey(c, t.inputs, command) : undefined;
  if (key && rt.cache) {
    const hit = rt.cache.restore(key, outputsDir, cache?.maxAge ? goDurationSeconds(cache.maxAge) : undefined);
    if (hit) {
      record.cached = true;
      record.outputs = hit;
      record.status = 'Succeeded';
      record.message = 'outputs reused from an identical earlier task';
      return;
    }
  }
  const limit = retry?.limit ?? 0;
  for (let attempt = 1; ; attempt++) {
    const release = await rt.acquire();
    let end: ProcessEnd;
    try {
      if (rt.group.isStopped) {
        record.status = 'Omitted';
        record.message = 'the run was stopped';
        return;
      }
      record.attempts = attempt;
      rmSync(outputsDir, { recursive: true, force: true });
      if (attempt > 1)
        for (const f of ['stdout.log', 'stderr.log'])
          writeFileSync(join(record.dir, f), `\n=== attempt ${attempt} ===\n`, { flag: 'a' });
      end = await execute(t, rt, outputsDir, command, timeout);
    } finally {
      release();
    }
    const failure = classify(end, timeout);
    if (!failure) {
      const collected = collectOutputs(c, outputsDir);
      if (typeof collected === 'string') {
        record.status = 'Failed';
        record.message = collected;
      } else {
        record.status = 'Succeeded';
        delete record.message;
        record.outputs = collected;
        if (key && rt.cache) rt.cache.store(key, collected);
        return;
      }
    } else {
      record.status = failure.status;
      record.message = failure.message;
    }
    if (end.code !== undefined) record.exitCode = end.code;
    const status = record.status as 'Failed' | 'Errored';
    if (attempt > limit || !retry || !retries(retry.policy, status) || rt.group.isStopped) return;
    const wait = backoffMs(retry, attempt);
    rt.emit({ kind: 'retry', task: record, waitMs: wait, reason: record.message ?? status });
    await (rt.sleep ?? sleepFor)(wait);
  }
}

function classify(
  end: ProcessEnd,
  timeout: number | undefined,
): { status: 'Failed' | 'Errored'; message: string } | undefined {
  if (end.error) return { status: 'Errored', message: `could not start: ${end.error}` };
  if (end.timedOut) return { status: 'Failed', message: `timed out after ${timeout}s (activeDeadlineSeconds)` };
  if (end.killed) return { status: 'Failed', message: 'killed' };
  if (end.code !== 0) return { status: 'Failed', message: `exited with code ${end.code}` };
  return undefined;
}

/** Reads the outputs a task wrote, or says which one is missing. */
function collectOutputs(c: ComponentIR, outputsDir: string): Record<string, LocalOutput> | string {
  const out: Record<string, LocalOutput> = {};
  for (const p of c.outputs) {
    const file = join(outputsDir, p.name);
    if (!existsSync(file)) {
      if (p.kind === 'artifact' && p.optional) continue;
      return `wrote no output "${p.name}" (its file ${file} is missing)`;
    }
    if (p.kind === 'param') {
      if (statSync(file).isDirectory()) return `output "${p.name}" is a folder; a parameter is a file`;
      // Argo reads the file as it is, less the trailing newline an echo adds.
      out[p.name] = { kind: 'param', value: readFileSync(file, 'utf8').replace(/\r?\n$/, '') };
    } else out[p.name] = { kind: 'artifact', path: file };
  }
  return out;
}

/** The text of a command-line argument or environment value, placeholders filled in. */
function renderLocal(
  arg: CommandArgIR,
  inputs: Readonly<Record<string, LocalOutput>>,
  path: (kind: 'in' | 'out', name: string) => string,
): string {
  return arg
    .map((part) => {
      switch (part.kind) {
        case 'text':
          return part.text;
        case 'inputValue': {
          const v = inputs[part.input];
          return v?.kind === 'param' ? v.value : '';
        }
        case 'inputPath':
          return path('in', part.input);
        case 'inputArtifactList': {
          const v = inputs[part.input];
          return JSON.stringify(v?.kind === 'artifacts' ? v.paths : v?.kind === 'artifact' ? [v.path] : []);
        }
        case 'outputPath':
          return path('out', part.output);
      }
    })
    .join('');
}

function portEnv(
  c: ComponentIR,
  inputs: Readonly<Record<string, LocalOutput>>,
  path: (kind: 'in' | 'out', name: string) => string,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const p of c.inputs) {
    const v = inputs[p.name];
    if (v)
      env[portEnvName('INPUT', p.name)] =
        v.kind === 'param' ? v.value : v.kind === 'artifact' ? v.path : JSON.stringify(v.paths);
  }
  for (const p of c.outputs) env[portEnvName('OUTPUT', p.name)] = path('out', p.name);
  return env;
}

function podEnv(
  t: ComponentTaskRun,
  rt: TaskRuntime,
  path: (kind: 'in' | 'out', name: string) => string,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of t.component.pod.env) {
    if ('value' in e) env[e.name] = renderLocal(e.value, t.inputs, path);
    else {
      const v = externalEnv(e, rt.env, rt.values, { namespace: rt.namespace, name: t.record.id });
      if (v !== undefined) env[e.name] = v;
    }
  }
  return env;
}

async function execute(
  t: ComponentTaskRun,
  rt: TaskRuntime,
  outputsDir: string,
  command: readonly string[] | undefined,
  timeout: number | undefined,
): Promise<ProcessEnd> {
  const { component: c, record } = t;
  const io = { cwd: record.dir, stdout: join(record.dir, 'stdout.log'), stderr: join(record.dir, 'stderr.log') };
  const timeoutMs = timeout !== undefined ? timeout * 1000 : undefined;
  const impl = c.implementation;
  if (command || impl.kind === 'script') {
    const local = (kind: 'in' | 'out', name: string): string => {
      if (kind === 'out') return join(outputsDir, name);
      const v = t.inputs[name];
      return v?.kind === 'artifact' ? v.path : '';
    };
    // A local command gets a script's contract whatever the component is: every port as INPUT_*/OUTPUT_*.
    const ports = command ? portEnv(c, t.inputs, local) : {};
    const env = { ...rt.env, ...ports, ...podEnv(t, rt, local) } as Record<string, string>;
    let argv: string[];
    if (command) argv = [...command];
    else {
      if (impl.kind !== 'script') throw new Error('internal: container without a command override');
      // As Argo's script template: the source in a file, its path after the command.
      const source = join(record.dir, 'script');
      writeFileSync(source, impl.source);
      const program = isPython(impl.command) && rt.python ? [rt.python, ...impl.command.slice(1)] : [...impl.command];
      argv = [...program, source];
    }
    // A local command runs where the user started the run, so its relative paths mean what they wrote.
    const cwd = command ? process.cwd() : record.dir;
    return runProcess(argv, { ...io, cwd, env, group: rt.group, ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
  }
  if (!rt.container) throw new Error('internal: container task without a runtime');
  const stage = join(record.dir, '.container');
  rmSync(stage, { recursive: true, force: true });
  const outs = c.outputs.map((p) => containerOutputPath(c, p.name));
  for (const o of outs) mkdirSync(stageDir(stage, dirname(o)), { recursive: true });
  const inputMounts: ContainerMount[] = c.inputs.flatMap((p) => {
    const v = t.inputs[p.name];
    return p.kind === 'artifact' && v?.kind === 'artifact'
      ? [{ host: v.path, container: containerInputPath(c, p.name), readOnly: true }]
      : [];
  });
  const inContainer = (kind: 'in' | 'out', name: string): string =>
    kind === 'in' ? containerInputPath(c, name) : containerOutputPath(c, name);
  const argv = containerArgs({
    image: c.image,
    command: impl.kind === 'container' ? impl.command.map((a) => renderLocal(a, t.inputs, inContainer)) : [],
    args: impl.kind === 'container' ? impl.args.map((a) => renderLocal(a, t.inputs, inContainer)) : [],
    env: podEnv(t, rt, inContainer),
    ...(c.pod.workingDir ? { workingDir: c.pod.workingDir } : {}),
    mounts: [...inputMounts, ...t.mounts],
    outputs: outs,
    stage,
  });
  const end = await runProcess([rt.container, ...argv], {
    ...io,
    env: rt.env,
    group: rt.group,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
  // Outputs come out of their staged folders into outputs/<name>, as for scripts.
  mkdirSync(outputsDir, { recursive: true });
  c.outputs.forEach((p, i) => {
    const o = outs[i] as string;
    const staged = join(stageDir(stage, dirname(o)), basename(o));
    if (existsSync(staged)) cpSync(staged, join(outputsDir, p.name), { recursive: true });
  });
  return end;
}
