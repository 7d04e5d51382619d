import { checkParamPort } from './args.ts';
import { attachErrors, errorCount, errorsSince, markBroken, recover, report } from '../common/collect.ts';
import { isPython, portEnvName, scriptEnvErrors } from './script-env.ts';
import { toSeconds, type Duration } from '../common/duration.ts';
import { DslError, seg, type PathSegment } from '../errors.ts';
import { canonicalJson, stableHash } from '../common/hash.ts';
import type { CommandArgIR, ComponentIR, EnvVarIR, ImplementationIR, PortIR } from '../ir/index.ts';
import { assertDnsLabel, assertPortName } from '../common/names.ts';
import { assertNoTemplateBraces } from '../common/text.ts';
import { Placeholder, toCommandArg } from './placeholders.ts';
import { podToIR, type EnvValue, type PodOptions } from './pod-spec.ts';
import { assertCacheSpec, cacheToIR, retryToIR, type CacheSpec, type RetrySpec } from './policies.ts';
import { portsToIR, type ArtifactPort, type PortMap } from './ports.ts';

/**
 * Placeholders for a component's inputs: a value for parameters, a file path for artifacts, one
 * value for an artifact list (on KFP the JSON list of its artifacts).
 */
export type InputPlaceholders<I extends PortMap> = {
  readonly [K in keyof I]: I[K] extends ArtifactPort<string, boolean> ? { readonly path: Placeholder } : Placeholder;
};
/** Placeholders for a component's outputs: the file the container writes each output to. */
export type OutputPlaceholders<O extends PortMap> = { readonly [K in keyof O]: { readonly path: Placeholder } };

/** What a command function receives: typed placeholders for every declared port. */
export interface ComponentIO<I extends PortMap, O extends PortMap> {
  readonly inputs: InputPlaceholders<I>;
  readonly outputs: OutputPlaceholders<O>;
}

/** A command line: fixed strings, or a function of the typed io placeholders. */
export type CommandSpec<I extends PortMap, O extends PortMap> =
  readonly string[] | ((io: ComponentIO<I, O>) => readonly (string | number | Placeholder)[]);

/** Inline script source run by an interpreter (Argo `script` template). */
export interface ScriptSpec {
  /** The program text; read it from a file next to the component definition. */
  readonly source: string;
  /** Interpreter command; default `['python3']`. */
  readonly command?: readonly string[];
}

/**
 * Everything a component declares. Give either `command`/`args` (container) or `script`.
 * Script components receive each input as the environment variable `INPUT_<PORT>` (its value, or
 * the file path of an artifact) and write each output to the path in `OUTPUT_<PORT>`, where
 * `<PORT>` is the port name in upper snake case (`learningRate` -> `INPUT_LEARNING_RATE`,
 * `top-k` -> `INPUT_TOP_K`; see {@link portEnvName}). A Python script that reads an
 * `INPUT_*`/`OUTPUT_*` variable no port sets fails the build.
 */
export interface ComponentSpec<I extends PortMap, O extends PortMap> extends PodOptions {
  readonly image: string;
  readonly description?: string;
  readonly inputs?: I;
  readonly outputs?: O;
  readonly command?: CommandSpec<I, O>;
  readonly args?: CommandSpec<I, O>;
  readonly script?: ScriptSpec;
  readonly env?: Readonly<Record<string, EnvValue>> | ((io: ComponentIO<I, O>) => Readonly<Record<string, EnvValue>>);
  readonly retry?: RetrySpec;
  readonly timeout?: Duration;
  readonly cache?: CacheSpec<ComponentIO<I, O>>;
}

/**
 * A reusable, typed step. `I` and `O` are its input and output port maps; tasks created from it
 * get typed arguments and typed output references.
 */
export interface Component<I extends PortMap, O extends PortMap> {
  readonly kind: 'component';
  readonly name: string;
  readonly inputs: I;
  readonly outputs: O;
  readonly ir: ComponentIR;
}

/** Any component. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyComponent = Component<any, any>;

/**
 * Defines a container or script component with typed ports.
 *
 * @example
 * ```ts
 * export const trainXgboost = component('train-xgboost', {
 *   image: 'ghcr.io/acme/train-xgb:1.4.2',
 *   inputs: { dataset: artifact('Dataset'), learningRate: param.float(), maxDepth: param.int().default(6) },
 *   outputs: { model: artifact('Model'), auc: param.float() },
 *   command: (io) => ['python', 'train.py', '--data', io.inputs.dataset.path, '--lr', io.inputs.learningRate,
 *                     '--model-out', io.outputs.model.path, '--auc-out', io.outputs.auc.path],
 *   resources: { cpu: '4', memory: '16Gi', gpu: 1 },
 * });
 * ```
 */
export function component<const I extends PortMap = {}, const O extends PortMap = {}>(
  name: string,
  spec: ComponentSpec<I, O>,
): Component<I, O> {
  const before = errorCount();
  const built = recover(
    () => buildComponent(name, spec),
    () => brokenComponent(name, spec),
  );
  return attachErrors(built, errorsSince(before));
}

/** What a component that failed to build leaves behind: its name and ports, marked broken. */
function brokenComponent<I extends PortMap, O extends PortMap>(name: unknown, spec: unknown): Component<I, O> {
  const ports = (key: 'inputs' | 'outputs') =>
    ((spec !== null && typeof spec === 'object' && (spec as Record<string, unknown>)[key]) || {}) as never;
  const ir: ComponentIR = {
    name: String(name),
    image: '',
    inputs: [],
    outputs: [],
    implementation: { kind: 'container', command: [], args: [] },
    pod: podToIR({}, [seg('component', String(name))]),
    contentHash: '',
  };
  return markBroken({ kind: 'component', name: String(name), inputs: ports('inputs'), outputs: ports('outputs'), ir });
}

function buildComponent<I extends PortMap, O extends PortMap>(
  name: string,
  spec: ComponentSpec<I, O>,
): Component<I, O> {
  const path = [seg('component', String(name))];
  assertDnsLabel(name, path, 'component name');
  if (spec === null || typeof spec !== 'object') {
    throw new DslError({
      path,
      problem: 'component spec must be an object',
      got: spec,
      fix: 'Pass { image, inputs, outputs, command }',
    });
  }
  assertImage(spec.image, [...path, 'image']);
  if (spec.description) assertNoTemplateBraces(spec.description, [...path, 'description'], 'description');
  const inputs = (spec.inputs ?? {}) as I;
  const outputs = (spec.outputs ?? {}) as O;
  const inputIR = portsToIR(inputs, path, 'input');
  const outputIR = portsToIR(outputs, path, 'output');
  checkPorts(inputIR, outputIR, path);
  const io = makeIO(inputIR, outputIR) as ComponentIO<I, O>;
  const implementation = implementationToIR(spec, io, path);
  // A script reading a variable no port sets is its own mistake: the component itself still works.
  if (implementation.kind === 'script' && isPython(implementation.command))
    scriptEnvErrors(implementation.source, inputIR, outputIR, [...path, 'script', 'source']).forEach(report);
  const envSpec = typeof spec.env === 'function' ? spec.env(io) : spec.env;
  const extraEnv = implementation.kind === 'script' ? scriptEnv(inputIR, outputIR) : [];
  const pod = podToIR({ ...spec, env: envSpec }, path, extraEnv);
  assertCacheSpec(spec.cache, path);
  const keyParts =
    typeof spec.cache === 'object' && spec.cache.key
      ? spec.cache.key(io).map((v, i) => toCommandArg(v, [...path, 'cache', `key[${i}]`]))
      : [];
  const cache = cacheToIR(spec.cache as CacheSpec<never> | undefined, keyParts, path);
  if (cache?.enabled && keyParts.length === 0 && inputIR.some((p) => p.kind === 'artifact')) {
    throw new DslError({
      path: [...path, 'cache'],
      problem: 'caching a component with artifact inputs needs an explicit key, because Argo cannot hash artifacts',
      got: spec.cache,
      fix: 'Add cache: { key: (io) => [io.inputs.<param that identifies the data>] }, or disable caching',
    });
  }
  const retry = retryToIR(spec.retry, path);
  const timeoutSeconds = spec.timeout !== undefined ? toSeconds(spec.timeout, [...path, 'timeout']) : undefined;
  const body = {
    name,
    ...(spec.description ? { description: spec.description } : {}),
    image: spec.image,
    inputs: inputIR,
    outputs: outputIR,
    implementation,
    pod,
    ...(retry ? { retry } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    ...(cache ? { cache } : {}),
  };
  const ir: ComponentIR = { ...body, contentHash: stableHash(canonicalJson(body)) };
  return { kind: 'component', name, inputs, outputs, ir };
}

function assertImage(image: unknown, path: readonly PathSegment[]): void {
  if (typeof image !== 'string' || image.trim() === '' || /\s/.test(image)) {
    throw new DslError({
      path,
      problem: 'image must be a container image reference',
      got: image,
      fix: 'Use e.g. "ghcr.io/acme/train:1.4.2"',
    });
  }
  const digest = image.includes('@sha256:');
  const lastSegment = image.split('/').pop() as string;
  const tag = lastSegment.includes(':') ? lastSegment.split(':').pop() : undefined;
  if (!digest && (tag === undefined || tag === 'latest')) {
    throw new DslError({
      path,
      problem: 'image is not pinned to a version',
      got: image,
      fix: 'Add an explicit tag or digest, e.g. "python:3.12-slim"; "latest" and untagged images change under you',
    });
  }
}

function checkPorts(inputs: readonly PortIR[], outputs: readonly PortIR[], path: readonly PathSegment[]): void {
  for (const p of [...inputs, ...outputs])
    if (p.description)
      assertNoTemplateBraces(p.description, [...path, seg('port', p.name), 'description'], 'description');
  for (const p of inputs) {
    assertPortName(p.name, [...path, seg('input', p.name)]);
    if (p.kind === 'param') checkParamPort(p, [...path, seg('input', p.name)]);
  }
  for (const p of outputs) {
    assertPortName(p.name, [...path, seg('output', p.name)]);
    if (p.kind === 'artifact' && p.list) {
      throw new DslError({
        path: [...path, seg('output', p.name)],
        problem: 'a component output is one artifact, not a list',
        got: 'artifact list',
        fix: 'Declare artifact(kind) and collect it from a p.forEach() body to get a list',
      });
    }
    if (p.kind === 'param' && p.optional) {
      throw new DslError({
        path: [...path, seg('output', p.name)],
        problem: 'outputs cannot have defaults',
        got: p.default,
        fix: 'Remove .default() from the output',
      });
    }
    if (p.kind === 'param') checkParamPort(p, [...path, seg('output', p.name)]);
  }
}

function makeIO(inputs: readonly PortIR[], outputs: readonly PortIR[]): ComponentIO<PortMap, PortMap> {
  const ins: Record<string, unknown> = {};
  for (const p of inputs) {
    ins[p.name] =
      p.kind === 'artifact'
        ? p.list
          ? new Placeholder({ kind: 'inputArtifactList', input: p.name })
          : { path: new Placeholder({ kind: 'inputPath', input: p.name }) }
        : new Placeholder({ kind: 'inputValue', input: p.name });
  }
  const outs: Record<string, unknown> = {};
  for (const p of outputs) outs[p.name] = { path: new Placeholder({ kind: 'outputPath', output: p.name }) };
  return { inputs: ins, outputs: outs } as ComponentIO<PortMap, PortMap>;
}

function implementationToIR<I extends PortMap, O extends PortMap>(
  spec: ComponentSpec<I, O>,
  io: ComponentIO<I, O>,
  path: readonly PathSegment[],
): ImplementationIR {
  if (spec.script !== undefined) {
    if (spec.command !== undefined || spec.args !== undefined) {
      throw new DslError({
        path,
        problem: 'a component has both `script` and `command`/`args`',
        got: Object.keys(spec),
        fix: 'Use `script` for inline source or `command` for a container entrypoint, not both',
      });
    }
    if (typeof spec.script.source !== 'string' || spec.script.source.trim() === '') {
      throw new DslError({
        path: [...path, 'script', 'source'],
        problem: 'script source is empty',
        got: spec.script.source,
        fix: "Read the file beside the component, e.g. readFileSync(new URL('./train.py', import.meta.url), 'utf8') with readFileSync from node:fs",
      });
    }
    assertNoTemplateBraces(spec.script.source, [...path, 'script', 'source'], 'script source');
    return { kind: 'script', command: spec.script.command ?? ['python3'], source: spec.script.source };
  }
  const render = (cmd: CommandSpec<I, O> | undefined, what: string): CommandArgIR[] => {
    if (cmd === undefined) return [];
    const list = typeof cmd === 'function' ? cmd(io) : cmd;
    if (!Array.isArray(list)) {
      throw new DslError({
        path: [...path, what],
        problem: `${what} must be an array`,
        got: list,
        fix: `Return an array such as ['python', 'train.py']`,
      });
    }
    return list.map((v, i) => toCommandArg(v, [...path, `${what}[${i}]`]));
  };
  return { kind: 'container', command: render(spec.command, 'command'), args: render(spec.args, 'args') };
}

function scriptEnv(inputs: readonly PortIR[], outputs: readonly PortIR[]): EnvVarIR[] {
  return [
    ...inputs.map((p): EnvVarIR => ({
      name: portEnvName('INPUT', p.name),
      value: [
        p.kind === 'artifact'
          ? { kind: p.list ? 'inputArtifactList' : 'inputPath', input: p.name }
          : { kind: 'inputValue', input: p.name },
      ],
    })),
    ...outputs.map((p): EnvVarIR => ({
      name: portEnvName('OUTPUT', p.name),
      value: [{ kind: 'outputPath', output: p.name }],
    })),
  ];
}
