import { SCRIPT_BOOTSTRAP } from '../../../charts/kfp/executor.ts';
import { RESOURCE_IMAGES } from '../../../charts/kfp/pvc-steps.ts';

type Obj = { [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const DEPRECATED_RESOURCE_FIELDS = ['cpuLimit', 'cpuRequest', 'memoryLimit', 'memoryRequest'];
const DEPRECATED_NAME_FIELDS = ['secretName', 'configMapName'];

/**
 * Brings an upstream (KFP SDK) and an Argosy PipelineSpec + PlatformSpec into one comparable
 * shape. Every rule is listed in docs/kfp.md ("Equivalence normalization"):
 *
 * 1. `sdkVersion` is dropped (`kfp-2.x` vs `argosy-x`).
 * 2. Components and executors are inlined into the tasks that use them, with the platform
 *    config of their executor: naming and deduplication differ (the SDK writes one
 *    `comp-x`, `comp-x-2`, ... per use, Argosy one per component).
 * 3. `taskInfo.name` equal to the task's key (the default display name) is dropped.
 * 4. Container command lines are compared by the KFP placeholders they contain, in order: the
 *    shell text around them is the component author's code, which this repository does not copy.
 *    An artifact's `.uri` placeholder counts as its `.path` (Argosy writes paths only).
 *    Python-function executors (the SDK's `kfp.dsl.executor_main` bootstrap) and Argosy script
 *    executors both become `<python function>` plus the ports the executor hands the program,
 *    sorted: every declared port for the SDK's `{{$}}` (the whole executor input), the ports
 *    named by the `INPUT_*`/`OUTPUT_*` placeholders for Argosy. Their interfaces are compared in full.
 * 5. Images are compared without tag or digest: upstream examples use unpinned images, which
 *    Argosy refuses.
 * 6. `dependentTasks` are sorted, static iterator items are compared as parsed JSON.
 * 7. `isOptional` is implied by `defaultValue` (older SDKs did not write it).
 * 8. Deprecated duplicates that only some SDK versions write are dropped on both sides: the
 *    numeric `cpuLimit`/`memoryLimit`/... and accelerator `type`/`count` beside their string
 *    successors, and `secretName`/`configMapName`/PVC `constant` beside `*NameParameter`.
 *    With `keepDeprecatedResources` (the test sets it when the upstream file has them) the
 *    numeric resource fields and accelerator `type`/`count` are compared as well.
 * 9. The kfp-kubernetes CreatePVC/DeletePVC interfaces (`argostub/*` executors) are compared
 *    without their port descriptions: those are the upstream docstrings, which Argosy does not
 *    copy; names, types, optionality and defaults are still compared.
 */
export function normalizeKfp(
  documents: readonly unknown[],
  opts: { readonly keepDeprecatedResources?: boolean } = {},
): Obj {
  const [spec, platform] = documents as Obj[];
  const s = structuredClone(spec) as Obj;
  const k8s: Obj = (platform as Obj | undefined)?.platforms?.kubernetes?.deploymentSpec?.executors ?? {};
  const components: Obj = s.components ?? {};
  const executors: Obj = s.deploymentSpec?.executors ?? {};
  const inline = (comp: Obj): Obj => {
    const out: Obj = { ...comp };
    if (out.dag) out.dag = { ...out.dag, tasks: mapValues(out.dag.tasks ?? {}, (t, name) => task(t, name)) };
    if (out.executorLabel !== undefined) {
      const label = out.executorLabel as string;
      delete out.executorLabel;
      out.executor = executor(structuredClone(executors[label]), out, opts.keepDeprecatedResources ?? false);
      if (k8s[label]) out.kubernetes = platformConfig(structuredClone(k8s[label]));
      if ((Object.values(RESOURCE_IMAGES) as string[]).includes(executors[label]?.container?.image)) {
        for (const defs of [out.inputDefinitions, out.outputDefinitions]) {
          for (const group of [defs?.parameters, defs?.artifacts])
            for (const d of Object.values<Obj>(group ?? {})) delete d.description;
        }
      }
    }
    for (const defs of [out.inputDefinitions?.parameters])
      for (const d of Object.values<Obj>(defs ?? {})) if (d.defaultValue !== undefined) delete d.isOptional;
    return out;
  };
  const task = (t: Obj, name: string): Obj => {
    const out: Obj = { ...t, component: inline(components[t.componentRef.name]) };
    delete out.componentRef;
    if (out.taskInfo?.name === name) delete out.taskInfo;
    if (out.dependentTasks) out.dependentTasks = [...out.dependentTasks].sort();
    if (out.parameterIterator?.items?.raw !== undefined)
      out.parameterIterator = { ...out.parameterIterator, items: { raw: JSON.parse(out.parameterIterator.items.raw) } };
    return out;
  };
  const root = inline(s.root);
  for (const d of Object.values<Obj>(root.inputDefinitions?.parameters ?? {}))
    if (d.defaultValue !== undefined) delete d.isOptional;
  return {
    pipelineInfo: s.pipelineInfo,
    schemaVersion: s.schemaVersion,
    root,
    ...(s.defaultPipelineRoot ? { defaultPipelineRoot: s.defaultPipelineRoot } : {}),
    ...((platform as Obj | undefined)?.platforms?.kubernetes?.pipelineConfig
      ? { pipelineConfig: (platform as Obj).platforms.kubernetes.pipelineConfig }
      : {}),
  };
}

/** `{{$.inputs.parameters['x']}}` and the like: the port, without its accessor (`.path`, `.uri`, `.output_file`). */
const PORT_PLACEHOLDER = /\{\{\$\.(inputs|outputs)\.(parameters|artifacts)\['([^']+)'\][^}]*\}\}/g;

function executor(e: Obj, comp: Obj, keepDeprecated: boolean): Obj {
  const c: Obj | undefined = e?.container;
  if (!c) return e;
  const out: Obj = {
    ...c,
    image: String(c.image)
      .replace(/@sha256:[0-9a-f]+$/, '')
      .replace(/:[^/:]+$/, ''),
  };
  const lines: string[] = [...(c.command ?? []), ...(c.args ?? [])];
  delete out.command;
  delete out.args;
  if (lines.some((l) => l.includes('kfp.dsl.executor_main')) || lines.includes(SCRIPT_BOOTSTRAP)) {
    out.program = '<python function>';
    out.ports = portsHandedOver(lines, comp);
  } else {
    // An artifact's `.uri` counts as its `.path`: Argosy has only the path (Argo has no URI placeholder).
    const placeholders = lines.flatMap((l) =>
      [...l.matchAll(/\{\{\$[^}]*\}\}/g)].map((m) =>
        m[0].replace(/^(\{\{\$\.(?:inputs|outputs)\.artifacts\['[^']+'\])\.uri\}\}$/, '$1.path}}'),
      ),
    );
    if (placeholders.length) out.placeholders = placeholders;
  }
  if (out.resources) {
    const r = { ...out.resources };
    if (!keepDeprecated) {
      for (const f of DEPRECATED_RESOURCE_FIELDS) delete r[f];
      if (r.accelerator)
        r.accelerator = {
          resourceType: r.accelerator.resourceType ?? r.accelerator.type,
          resourceCount: r.accelerator.resourceCount ?? r.accelerator.count,
        };
    }
    out.resources = r;
  }
  return { container: out };
}

/** The ports a function executor's program receives: all of them through `{{$}}`, else those its placeholders name. */
function portsHandedOver(lines: readonly string[], comp: Obj): string[] {
  const ports = new Set<string>();
  if (lines.some((l) => l.includes('{{$}}'))) {
    for (const dir of ['inputs', 'outputs'] as const) {
      const defs: Obj = comp[dir === 'inputs' ? 'inputDefinitions' : 'outputDefinitions'] ?? {};
      for (const kind of ['parameters', 'artifacts'] as const)
        for (const k of Object.keys(defs[kind] ?? {})) ports.add(`${dir}.${kind}['${k}']`);
    }
  }
  for (const l of lines) for (const m of l.matchAll(PORT_PLACEHOLDER)) ports.add(`${m[1]}.${m[2]}['${m[3]}']`);
  return [...ports].sort();
}

function platformConfig(cfg: Obj): Obj {
  for (const list of [
    cfg.secretAsEnv,
    cfg.secretAsVolume,
    cfg.configMapAsEnv,
    cfg.configMapAsVolume,
    cfg.imagePullSecret,
  ]) {
    for (const item of list ?? []) for (const f of DEPRECATED_NAME_FIELDS) delete item[f];
  }
  for (const m of cfg.pvcMount ?? []) {
    delete m.constant;
    delete m.taskOutputParameter;
    delete m.componentInputParameter;
  }
  return cfg;
}

function mapValues(o: Obj, f: (v: Obj, k: string) => Obj): Obj {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as Obj, k)]));
}
