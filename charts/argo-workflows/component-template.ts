import type {
  ArgoInputsIR,
  ArgoOutputsIR,
  ArgoRetryStrategy,
  ArgoTemplateIR,
  CommandArgIR,
  ComponentIR,
  KubeContainer,
  RetryIR,
  TaskOverridesIR,
  VolumeIR,
} from '../../dsl/ir/index.ts';
import { containerSecurity, renderMount } from '../k8s/pod.ts';
import { inputPath, outputPath, podTemplateFields, renderArg, renderEnv } from './component-io.ts';
import { literalString } from './expressions.ts';

/**
 * A claim mounted into one task (`task.mount()`): a template volume `name`, whose claim is a
 * literal or, when `input` is set, the template input parameter of the same name.
 */
export interface ArgoMount {
  readonly name: string;
  readonly input: boolean;
  readonly claimName: string;
  readonly mountPath: string;
  readonly subPath?: string;
  readonly readOnly: boolean;
}

/** A component with any per-task overrides and mounts applied: what one Argo template must express. */
export interface EffectiveComponent {
  readonly component: ComponentIR;
  readonly overrides: TaskOverridesIR;
  readonly mounts?: readonly ArgoMount[];
}

export function hasOverrides(o: TaskOverridesIR): boolean {
  return o.retry !== undefined || o.timeoutSeconds !== undefined || o.cache !== undefined || o.resources !== undefined;
}

/** ConfigMap holding a component's memoized results; one per component keeps each under 1 MiB longer. */
export function memoConfigMap(component: string): string {
  return `memo-${component}`.slice(0, 63).replace(/-+$/, '');
}

/**
 * The memoization key: component name, content hash (a changed component never reuses old
 * results) and a SHA-256 of the parameter inputs, so long values (SQL text) stay within the
 * 253-character ConfigMap key limit.
 */
function memoizeKey(c: ComponentIR, keyParts: readonly CommandArgIR[]): string {
  const parts = [
    ...c.inputs.flatMap((p) => (p.kind === 'param' ? [`inputs.parameters['${p.name}']`] : [])),
    ...keyParts.map((k) =>
      JSON.stringify(renderArg(c, k)).replace(
        /\{\{inputs\.parameters\.([A-Za-z0-9_-]+)\}\}/g,
        `" + inputs.parameters['$1'] + "`,
      ),
    ),
  ];
  const prefix = `${c.name}-${c.contentHash.slice(0, 12)}`;
  return parts.length ? `${prefix}-{{=sprig.sha256sum(${parts.join(" + '|' + ")})}}` : prefix;
}

/** Renders a container or script template for a component. */
export function componentTemplate(
  name: string,
  { component: c, overrides, mounts = [] }: EffectiveComponent,
): ArgoTemplateIR {
  // Mounted claims are PVC volumes of this template only, rendered like the component's own.
  const mounted = mounts.map((m): VolumeIR => ({
    name: m.name,
    mountPath: m.mountPath,
    readOnly: m.readOnly,
    ...(m.subPath ? { subPath: m.subPath } : {}),
    source: { kind: 'pvc', claimName: m.claimName, ...(m.readOnly ? { readOnly: true } : {}) },
  }));
  const pod = mounted.length ? { ...c.pod, volumes: [...c.pod.volumes, ...mounted] } : c.pod;
  const impl = c.implementation;
  const claimInputs = mounts.filter((m) => m.input).map((m) => ({ name: m.name }));
  const resources = overrides.resources ?? pod.resources;
  const retry = overrides.retry ?? c.retry;
  const timeout = overrides.timeoutSeconds ?? c.timeoutSeconds;
  const cache = overrides.cache ?? c.cache;
  const inputs: ArgoInputsIR = {
    ...(c.inputs.some((p) => p.kind === 'param') || claimInputs.length
      ? {
          parameters: [
            ...c.inputs.flatMap((p) =>
              p.kind === 'param'
                ? [
                    {
                      name: p.name,
                      ...(p.default !== undefined ? { default: literalString(p.default) } : {}),
                      ...(p.enum ? { enum: p.enum.map(literalString) } : {}),
                      ...(p.description ? { description: p.description } : {}),
                    },
                  ]
                : [],
            ),
            ...claimInputs,
          ],
        }
      : {}),
    ...(c.inputs.some((p) => p.kind === 'artifact')
      ? {
          artifacts: c.inputs.flatMap((p) =>
            p.kind === 'artifact'
              ? [{ name: p.name, path: inputPath(c, p.name), ...(p.optional ? { optional: true } : {}) }]
              : [],
          ),
        }
      : {}),
  };
  const outputs: ArgoOutputsIR = {
    ...(c.outputs.some((p) => p.kind === 'param')
      ? {
          parameters: c.outputs.flatMap((p) =>
            p.kind === 'param' ? [{ name: p.name, valueFrom: { path: outputPath(c, p.name) } }] : [],
          ),
        }
      : {}),
    ...(c.outputs.some((p) => p.kind === 'artifact')
      ? {
          artifacts: c.outputs.flatMap((p) =>
            p.kind === 'artifact' ? [{ name: p.name, path: outputPath(c, p.name) }] : [],
          ),
        }
      : {}),
  };
  const container: KubeContainer = {
    name: 'main',
    image: c.image,
    ...(pod.imagePullPolicy ? { imagePullPolicy: pod.imagePullPolicy } : {}),
    ...(pod.workingDir ? { workingDir: pod.workingDir } : {}),
    ...(pod.env.length ? { env: renderEnv(c, pod.env) } : {}),
    ...(resources ? { resources: { requests: resources.requests, limits: resources.limits } } : {}),
    securityContext: containerSecurity(pod.security),
    ...(pod.volumes.length ? { volumeMounts: pod.volumes.map(renderMount) } : {}),
  };
  const body: Pick<ArgoTemplateIR, 'script' | 'container'> =
    impl.kind === 'script'
      ? { script: { ...container, command: impl.command, source: impl.source } }
      : {
          container: {
            ...container,
            ...(impl.command.length ? { command: impl.command.map((a) => renderArg(c, a)) } : {}),
            ...(impl.args.length ? { args: impl.args.map((a) => renderArg(c, a)) } : {}),
          },
        };
  const memoKey = memoizeKey(c, cache?.keyParts ?? []);
  return {
    name,
    ...(Object.keys(inputs).length ? { inputs } : {}),
    ...(Object.keys(outputs).length ? { outputs } : {}),
    ...body,
    ...podTemplateFields(pod),
    ...(retry ? { retryStrategy: retryStrategy(retry) } : {}),
    ...(timeout !== undefined ? { activeDeadlineSeconds: timeout } : {}),
    ...(cache?.enabled
      ? { memoize: { key: memoKey, maxAge: cache.maxAge, cache: { configMap: { name: memoConfigMap(c.name) } } } }
      : {}),
  };
}

/** Argo `retryStrategy` for a retry policy (shared by component and submit templates). */
export function retryStrategy(retry: RetryIR): ArgoRetryStrategy {
  const b = retry.backoff;
  return {
    limit: retry.limit,
    retryPolicy: retry.policy,
    ...(b
      ? {
          backoff: {
            duration: b.duration,
            ...(b.factor !== undefined ? { factor: b.factor } : {}),
            ...(b.max ? { cap: b.max } : {}),
          },
        }
      : {}),
  };
}
