import type {
  CommandArgIR,
  CommandPartIR,
  ComponentIR,
  EnvVarIR,
  PipelineOptionsIR,
  TaskOverridesIR,
} from '../../dsl/ir/index.ts';
import type { DslError } from '../../dsl/errors.ts';
import { executorConfig, platformProblems } from './platform.ts';
import { pvcOperationOf, RESOURCE_IMAGES } from './pvc-steps.ts';
import { resourceProblems, resourceSpec } from './resources.ts';
import { artifactDefinition, definitions, paramDefinition, type Json } from './types.ts';
import { throwFirst, unknownKind, unsupported } from './unsupported.ts';

/**
 * How script components run on KFP: the source is written to a temporary file and the
 * interpreter runs it, exactly as Argo's `script` template does. `$0` is the source; the
 * arguments are `env INPUT_..=<placeholder> ... <interpreter>`, so the I/O variables reach the
 * script with the values KFP's launcher substitutes into arguments.
 */
export const SCRIPT_BOOTSTRAP =
  'program="$(mktemp -d)/script"\nprintf \'%s\' "$0" > "$program"\nexec "$@" "$program"\n';

/** One compiled component: its spec (without `executorLabel`), executor and Kubernetes config. */
export interface CompiledExecutor {
  readonly spec: Json;
  readonly executor: Json;
  readonly kubernetes: Json;
}

/** Interfaces of a component: input and output definitions (shared by executors and DAG components). */
export function componentInterface(c: ComponentIR): Json {
  const ins = definitions(
    Object.fromEntries(c.inputs.flatMap((p) => (p.kind === 'param' ? [[p.name, paramDefinition(p, 'input')]] : []))),
    Object.fromEntries(
      c.inputs.flatMap((p) => (p.kind === 'artifact' ? [[p.name, artifactDefinition(p, 'input')]] : [])),
    ),
  );
  const outs = definitions(
    Object.fromEntries(c.outputs.flatMap((p) => (p.kind === 'param' ? [[p.name, paramDefinition(p, 'output')]] : []))),
    Object.fromEntries(
      c.outputs.flatMap((p) => (p.kind === 'artifact' ? [[p.name, artifactDefinition(p, 'output')]] : [])),
    ),
  );
  return { ...(ins ? { inputDefinitions: ins } : {}), ...(outs ? { outputDefinitions: outs } : {}) };
}

/** Compiles a component with a task's resource and timeout overrides applied. */
export function compileExecutor(
  c: ComponentIR,
  overrides: TaskOverridesIR,
  options: PipelineOptionsIR,
  pipeline: string,
): CompiledExecutor {
  const at = [`component "${c.name}"`];
  const pvc = pvcOperationOf(c);
  if (pvc) {
    return { spec: componentInterface(c), executor: { container: { image: RESOURCE_IMAGES[pvc] } }, kubernetes: {} };
  }
  throwFirst(executorProblems(c, overrides, options, pipeline));
  const part = (x: CommandPartIR): string => placeholder(c, x, pipeline, at);
  const arg = (a: CommandArgIR): string => a.map(part).join('');
  const staticEnv: Json[] = [];
  const dynamicEnv: string[] = [];
  for (const e of c.pod.env) {
    if (!('value' in e)) continue;
    if (e.value.every((x) => x.kind === 'text')) staticEnv.push({ name: e.name, value: arg(e.value) });
    else dynamicEnv.push(`${e.name}=${arg(e.value)}`);
  }
  const impl = c.implementation;
  let command: string[];
  let args: string[];
  switch (impl.kind) {
    case 'script':
      command = ['sh', '-ec', SCRIPT_BOOTSTRAP, impl.source];
      args = ['env', ...dynamicEnv, ...impl.command];
      break;
    case 'container':
      command = impl.command.map(arg);
      args = impl.args.map(arg);
      if (dynamicEnv.length > 0) command = ['env', ...dynamicEnv, ...command];
      break;
    default:
      throw unknownKind(pipeline, at, 'implementation', (impl as { kind: unknown }).kind);
  }
  const resources = overrides.resources ?? c.pod.resources;
  const res = resources ? resourceSpec(resources, pipeline, at) : undefined;
  const container: Json = {
    image: c.image,
    ...(command.length ? { command } : {}),
    ...(args.length ? { args } : {}),
    ...(staticEnv.length ? { env: staticEnv } : {}),
    ...(res ? { resources: res } : {}),
  };
  const timeout = overrides.timeoutSeconds ?? c.timeoutSeconds;
  return {
    spec: componentInterface(c),
    executor: { container },
    kubernetes: executorConfig(c.pod, options, timeout, pipeline, at),
  };
}

/**
 * What KFP cannot run of a component (with a task's resource overrides): artifacts at fixed
 * paths (KFP chooses them), placeholder-valued env on a container that relies on its image's
 * entrypoint (they are set with `env` before the command), a port the container never receives
 * (KFP hands a container nothing but what its placeholders carry; Argo's fixed /tmp paths do not
 * exist there), and what the resource and platform specs cannot hold.
 */
export function executorProblems(
  c: ComponentIR,
  overrides: TaskOverridesIR,
  options: PipelineOptionsIR,
  pipeline: string,
): DslError[] {
  const at = [`component "${c.name}"`];
  const impl = c.implementation;
  if (pvcOperationOf(c) !== undefined) return [];
  const problems = [...c.inputs, ...c.outputs].flatMap((p) =>
    p.kind === 'artifact' && p.path !== undefined
      ? [
          unsupported(
            pipeline,
            [...at, `port "${p.name}"`],
            'a fixed artifact path (.at())',
            p.path,
            'Read and write the artifact at io.inputs.<name>.path / io.outputs.<name>.path, which KFP chooses',
          ),
        ]
      : [],
  );
  if (impl.kind === 'container') {
    if (impl.command.length === 0 && envNames(c.pod.env).length > 0) {
      problems.push(
        unsupported(
          pipeline,
          [...at, 'env'],
          'environment variables holding input values or paths when the image entrypoint is used',
          envNames(c.pod.env),
          'Give the component an explicit command, or pass the values as arguments',
        ),
      );
    }
    const missing = unreachedPorts(c);
    const [first] = missing;
    if (first) {
      const [dir, name] = first;
      problems.push(
        unsupported(
          pipeline,
          [...at, `${dir === 'in' ? 'input' : 'output'} "${name}"`],
          `a port the container never receives (KFP passes values and paths only through placeholders)`,
          missing.map(([d, n]) => `${d === 'in' ? 'inputs' : 'outputs'}.${n}`),
          `Use ${dir === 'in' ? `io.inputs.${name}` : `io.outputs.${name}.path`} in the command, args or env, or remove the port`,
        ),
      );
    }
  }
  const resources = overrides.resources ?? c.pod.resources;
  return [
    ...problems,
    ...(resources ? resourceProblems(resources, pipeline, at) : []),
    ...platformProblems(c.pod, options, pipeline, at),
  ];
}

/** The ports of a container component that its command, args and env never mention. */
function unreachedPorts(c: ComponentIR): (readonly ['in' | 'out', string])[] {
  const impl = c.implementation as Extract<ComponentIR['implementation'], { kind: 'container' }>;
  const parts = [...impl.command, ...impl.args, ...c.pod.env.flatMap((e) => ('value' in e ? [e.value] : []))].flat();
  const used = new Set(
    parts.map((x) =>
      x.kind === 'inputValue' || x.kind === 'inputPath' || x.kind === 'inputArtifactList'
        ? `in:${x.input}`
        : x.kind === 'outputPath'
          ? `out:${x.output}`
          : '',
    ),
  );
  return [...c.inputs.map((p) => ['in', p.name] as const), ...c.outputs.map((p) => ['out', p.name] as const)].filter(
    ([d, n]) => !used.has(`${d}:${n}`),
  );
}

function envNames(env: readonly EnvVarIR[]): string[] {
  return env.filter((e) => 'value' in e && e.value.some((x) => x.kind !== 'text')).map((e) => e.name);
}

function placeholder(c: ComponentIR, x: CommandPartIR, pipeline: string, at: readonly string[]): string {
  switch (x.kind) {
    case 'text':
      return x.text;
    case 'inputValue':
      return `{{$.inputs.parameters['${x.input}']}}`;
    case 'inputPath':
      return `{{$.inputs.artifacts['${x.input}'].path}}`;
    // The whole list: KFP substitutes the JSON list of the artifacts (name, uri, metadata).
    case 'inputArtifactList':
      return `{{$.inputs.artifacts['${x.input}']}}`;
    case 'outputPath': {
      const port = c.outputs.find((p) => p.name === x.output);
      return port?.kind === 'artifact'
        ? `{{$.outputs.artifacts['${x.output}'].path}}`
        : `{{$.outputs.parameters['${x.output}'].output_file}}`;
    }
    default:
      throw unknownKind(pipeline, at, 'command placeholder', (x as { kind: unknown }).kind);
  }
}
