import { ArgoError } from './argo-error.ts';
import { show } from '../object-path.ts';
import type { Template } from './types.ts';

const FIELD_NAME = /^[a-zA-Z0-9][-a-zA-Z0-9]*$/;
const PARAM_NAME = /^[-a-zA-Z0-9_]+[-a-zA-Z0-9_]*$/;
const FIELD_MAX = 128;

/** Problems with a template/step/task name: alphanumerics and '-', starting alphanumeric, at most 128. */
export function fieldNameErrors(value: unknown): string[] {
  const name = show(value);
  const errs: string[] = [];
  if (name.length > FIELD_MAX) errs.push(`must be no more than ${FIELD_MAX} characters`);
  if (!FIELD_NAME.test(name))
    errs.push(
      "name must consist of alpha-numeric characters or '-', and must start with an alpha-numeric character (e.g. My-name1-2, 123-NAME)",
    );
  return errs;
}

/** Problems with a parameter/artifact name: alphanumerics, '_' and '-'. */
export function paramNameErrors(name: unknown): string[] {
  return PARAM_NAME.test(show(name))
    ? []
    : ["Parameter/Artifact name must consist of alpha-numeric characters, '_' or '-' e.g. my_param_1, MY-PARAM-1"];
}

/**
 * Checks a list of named items the way Argo does: every name present, valid and unique.
 * The message starts with `[i].name` so callers prefix the list's path.
 */
export function checkNames(items: readonly { name?: unknown }[], kind: 'field' | 'param'): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const name = typeof item?.name === 'string' ? item.name : '';
    if (name === '') throw new ArgoError(`[${i}].name is required`);
    const errs = kind === 'param' ? paramNameErrors(name) : fieldNameErrors(name);
    if (errs.length > 0) throw new ArgoError(`[${i}].name: '${name}' is invalid: ${errs.join(';')}`);
    if (seen.has(name)) throw new ArgoError(`[${i}].name '${name}' is not unique`);
    seen.add(name);
  });
}

export type TemplateType =
  'Container' | 'ContainerSet' | 'Steps' | 'DAG' | 'Script' | 'Resource' | 'Data' | 'Suspend' | 'HTTP' | 'Plugin';

const TYPE_FIELDS: readonly [keyof Template, TemplateType][] = [
  ['container', 'Container'],
  ['containerSet', 'ContainerSet'],
  ['steps', 'Steps'],
  ['dag', 'DAG'],
  ['script', 'Script'],
  ['resource', 'Resource'],
  ['data', 'Data'],
  ['suspend', 'Suspend'],
  ['http', 'HTTP'],
  ['plugin', 'Plugin'],
];

/** Every template type the template declares (exactly one is valid). */
export function templateTypes(t: Template): TemplateType[] {
  return TYPE_FIELDS.filter(([field]) => t[field] !== undefined && t[field] !== null).map(([, type]) => type);
}

export function templateType(t: Template): TemplateType | undefined {
  return templateTypes(t)[0];
}

/** Leaf templates do work themselves; steps, DAG and suspend templates do not. */
export function isLeaf(t: Template): boolean {
  const type = templateType(t);
  return type !== undefined && type !== 'Steps' && type !== 'DAG' && type !== 'Suspend';
}

/** Templates that run as a pod (and so have `{{pod.name}}`). */
export function isPodType(t: Template): boolean {
  const type = templateType(t);
  return type === 'Container' || type === 'ContainerSet' || type === 'Script' || type === 'Resource' || type === 'Data';
}

/** Templates whose node has `outputs.result` and `exitCode`. */
export function hasOutput(t: Template): boolean {
  if (t.container || t.script || t.data || t.http || t.plugin) return true;
  return Array.isArray(t.containerSet?.containers) && t.containerSet.containers.some((c) => c?.name === 'main');
}
