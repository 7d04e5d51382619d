import { load } from 'js-yaml';
import { ArgoError, wrap } from './argo-error.ts';
import { show } from '../object-path.ts';
import type { TemplateContext } from './context.ts';
import { templateType } from './names.ts';
import type { Artifact, Container, Template } from './types.ts';
import { list } from './types.ts';
import { isPlaceholder, placeholder, resolveAll, type Scope } from './variables.ts';
import type { ArgoValidator } from './validator.ts';

/** Checks of templates that do the work (container, script, resource, ...). */
export function checkLeaf(v: ArgoValidator, scope: Scope, ctx: TemplateContext, t: Template): void {
  const name = show(t.name);
  wrap(`templates.${name}: `, () =>
    resolveAll(scope, v.globals, JSON.stringify(t), v.opts.workflowTemplateValidation === true),
  );
  const defaults = ctx.base.spec.templateDefaults;
  if (t.container) {
    const mounts = new Map<string, string>();
    list<{ name?: string; mountPath?: string }>(t.container.volumeMounts).forEach((m, i) => {
      const prev = mounts.get(show(m.mountPath));
      if (prev)
        throw new ArgoError(
          `templates.${name}.container.volumeMounts[${i}].mountPath '${show(m.mountPath)}' already mounted in ${prev}`,
        );
      mounts.set(show(m.mountPath), `container.volumeMounts.${show(m.name)}`);
    });
    list<Artifact>(t.inputs?.artifacts).forEach((a, i) => {
      const prev = mounts.get(show(a.path));
      if (prev)
        throw new ArgoError(
          `templates.${name}.inputs.artifacts[${i}].path '${show(a.path)}' already mounted in ${prev}`,
        );
      mounts.set(show(a.path), `inputs.artifacts.${show(a.name)}`);
    });
    if (!t.container.image && !(defaults?.container as Container | undefined)?.image)
      throw new ArgoError(`templates.${name}.container.image may not be empty`);
  }
  if (t.containerSet) checkContainerSet(t, name);
  if (t.resource) checkResource(t, name);
  if (t.script && !t.script.image && !(defaults?.script as Container | undefined)?.image)
    throw new ArgoError(`templates.${name}.script.image may not be empty`);
  if (t.activeDeadlineSeconds !== undefined) {
    const ads = t.activeDeadlineSeconds;
    const ok =
      (typeof ads === 'number' && Number.isInteger(ads) && ads >= 0) ||
      (typeof ads === 'string' && (/^\d+$/.test(ads) || /^\{\{.+\}\}$/.test(ads) || isPlaceholder(ads)));
    if (!ok)
      throw new ArgoError(`templates.${name}.activeDeadlineSeconds must be a positive integer > 0 or an argo variable`);
  }
  if (t.parallelism !== undefined)
    throw new ArgoError(`templates.${name}.parallelism is only valid for steps and dag templates`);
}

function checkContainerSet(t: Template, name: string): void {
  const containers = list<Container>(t.containerSet?.containers);
  const names = new Set(containers.map((c) => c.name));
  for (const c of containers) {
    for (const dep of list<string>(c.dependencies)) {
      if (!names.has(dep))
        throw new ArgoError(
          `templates.${name}.containerSet.containers.${show(c.name)} dependency '${show(dep)}' not defined`,
        );
    }
  }
  const io = list(t.inputs?.artifacts).length + list(t.outputs?.parameters).length + list(t.outputs?.artifacts).length;
  if (io > 0 && !names.has('main'))
    throw new ArgoError(
      `templates.${name}.containerSet.containers must have a container named "main" for input or output`,
    );
}

function checkResource(t: Template, name: string): void {
  const r = t.resource ?? {};
  const action = show(r.action ?? '');
  if (!isPlaceholder(action) && !['get', 'create', 'apply', 'delete', 'replace', 'patch'].includes(action)) {
    throw new ArgoError(`templates.${name}.resource.action must be one of: get, create, apply, delete, replace, patch`);
  }
  if (action === 'delete' || action === 'get') return;
  if (!r.manifest && !r.manifestFrom)
    throw new ArgoError(
      `either templates.${name}.resource.manifest or templates.${name}.resource.manifestFrom must be specified`,
    );
  if (r.manifest && r.manifestFrom)
    throw new ArgoError(
      "shouldn't have both `manifest` and `manifestFrom` specified in `Manifest` for resource template",
    );
  const art = r.manifestFrom?.artifact?.name;
  if (art !== undefined && !list<Artifact>(t.inputs?.artifacts).some((a) => a.name === art))
    throw new ArgoError(`artifact ${show(art)} in \`manifestFrom\` refer to a non-exist artifact`);
  if (typeof r.manifest === 'string' && !isPlaceholder(r.manifest)) {
    // Expressions are only evaluated at run time; stand-ins keep the YAML check meaningful.
    const text = r.manifest.replace(/\{\{\s*=\s*(.+?)\s*\}\}/g, () => placeholder());
    try {
      load(text);
    } catch {
      throw new ArgoError(`templates.${name}.resource.manifest must be a valid yaml`);
    }
  }
}

const RESERVED = new Set(['wait', 'supervisor', 'init']);

function isReserved(n: unknown): boolean {
  return (
    typeof n === 'string' && (RESERVED.has(n) || n.startsWith('artifact-plugin-') || n.startsWith('init-artifact-'))
  );
}

/** Argo adds its own containers to every pod; user containers must not take their names. */
export function checkReservedNames(t: Template): void {
  const groups: [string, Container[]][] = [
    ['sidecars', list<Container>(t.sidecars)],
    ['initContainers', list<Container>(t.initContainers)],
    ['containerSet.containers', list<Container>(t.containerSet?.containers)],
  ];
  for (const [field, cs] of groups) {
    cs.forEach((c, i) => {
      if (isReserved(c?.name))
        throw new ArgoError(
          `templates.${show(t.name)}.${field}[${i}].name '${show(c.name)}' is a reserved Argo container name`,
        );
    });
  }
}

const POD_LEVEL_RESOURCES = /^(cpu|memory|hugepages-.+)$/;

/** Pod-level resources only exist for templates that create a pod, and only for cpu/memory/hugepages. */
export function checkPodResources(t: Template, where: string): void {
  const type = templateType(t);
  if (list(t.resourceClaims).length > 0 && (type === 'HTTP' || type === 'Plugin'))
    throw new ArgoError(`${where}.resourceClaims is not supported for ${type} templates`);
  if (!t.podResources) return;
  if (type === 'HTTP' || type === 'Plugin')
    throw new ArgoError(`${where}.podResources is not supported for ${type} templates`);
  checkPodResourceSpec(t.podResources, where);
}

export function checkPodResourceSpec(r: NonNullable<Template['podResources']>, where: string): void {
  if (list(r.claims).length > 0) throw new ArgoError(`${where}.podResources.claims is not supported`);
  for (const key of [...Object.keys(r.limits ?? {}), ...Object.keys(r.requests ?? {})]) {
    if (!POD_LEVEL_RESOURCES.test(key))
      throw new ArgoError(`${where}.podResources: "${key}" is not a valid pod-level resource`);
  }
}

const METRIC_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Prometheus metrics a template emits: valid names and labels, help text and a value. */
export function checkMetrics(t: Template, name: string): void {
  for (const m of list<NonNullable<NonNullable<Template['metrics']>['prometheus']>[number]>(t.metrics?.prometheus)) {
    if (!METRIC_NAME.test(show(m.name)))
      throw new ArgoError(
        `templates.${name} metric name '${show(m.name)}' is invalid. Metric names must contain alphanumeric characters or '_'`,
      );
    for (const l of list<{ key?: string }>(m.labels)) {
      if (!METRIC_NAME.test(show(l.key)))
        throw new ArgoError(
          `metric label '${show(l.key)}' is invalid: keys may only contain alphanumeric characters or '_'`,
        );
    }
    if (!m.help)
      throw new ArgoError(`templates.${name} metric '${show(m.name)}' must contain a help string under 'help: ' field`);
    const fail = (msg: string): never => {
      throw new ArgoError(`templates.${name} metric '${show(m.name)}' error: ${msg}`);
    };
    if (m.gauge) {
      if (!m.gauge.value) fail('missing gauge.value');
      if (m.gauge.realtime && show(m.gauge.value).includes('resourcesDuration.'))
        fail("'resourcesDuration.*' metrics cannot be used in real-time");
    } else if (m.counter) {
      if (!m.counter.value) fail('missing counter.value');
    } else if (m.histogram) {
      if (!m.histogram.value) fail('missing histogram.value');
      if (list(m.histogram.buckets).length === 0) fail('histogram must have at least one bucket');
    } else {
      fail('metric must have one of gauge, counter, or histogram');
    }
  }
}
