import type { ArgoArtifactLocation } from '../../../dsl/ir/index.ts';
import { ArgoError, wrap } from './argo-error.ts';
import { show } from '../object-path.ts';
import { checkNames } from './names.ts';
import type { Arguments, Artifact, Parameter } from './types.ts';
import { list } from './types.ts';
import { hasVariable, placeholder } from './variables.ts';

/**
 * The arguments a workflow, step or task passes, as the template checks read them: shared by the
 * validator, the steps/DAG checks and the workflow checks, so none of them imports another.
 */

/** Supplies the arguments a template is called with. */
export interface ArgsProvider {
  param(name: string): Parameter | undefined;
  artifact(name: string): Artifact | undefined;
}

/** Stand-in arguments: every parameter has some value, every artifact is passed. */
export const FAKE_ARGS: ArgsProvider = {
  param: (name) => ({ name, value: placeholder() }),
  artifact: (name) => ({ name }),
};

/**
 * The arguments a step or task passes. Values that still reference the caller's variables are
 * checked in the caller's scope, so the callee sees a stand-in value instead.
 */
export function argsOf(a: Arguments | undefined): ArgsProvider {
  return {
    param: (name) => {
      const p = list<Parameter>(a?.parameters).find((x) => x?.name === name);
      return p && typeof p.value === 'string' && hasVariable(p.value) ? { ...p, value: placeholder() } : p;
    },
    artifact: (name) => list<Artifact>(a?.artifacts).find((p) => p?.name === name),
  };
}

const LOCATIONS: readonly (keyof ArgoArtifactLocation)[] = [
  's3',
  'git',
  'http',
  'artifactory',
  'hdfs',
  'raw',
  'oss',
  'gcs',
  'azure',
  'plugin',
];

export function hasLocation(a: Artifact): boolean {
  return LOCATIONS.some((l) => a[l] !== undefined && a[l] !== null);
}

/** Parameter values as Argo's AnyString renders them. */
export function valueString(v: unknown): string {
  return show(v);
}

/** Argument checks shared by the workflow, steps and tasks: names, values, enums, artifact sources. */
export function checkArguments(prefix: string, a: Arguments | undefined, allowEmptyValues: boolean): void {
  const params = list<Parameter>(a?.parameters);
  const arts = list<Artifact>(a?.artifacts);
  wrap(`${prefix}parameters`, () => checkNames(params, 'param'));
  wrap(`${prefix}artifacts`, () => checkNames(arts, 'param'));
  for (const p of params) {
    const hasValue = p.value !== undefined && p.value !== null;
    if (!p.valueFrom && !hasValue && !allowEmptyValues)
      throw new ArgoError(`${prefix}${show(p.name)}.value or ${prefix}${show(p.name)}.valueFrom is required`);
    if (p.valueFrom) {
      const vf = p.valueFrom;
      const ok =
        vf.configMapKeyRef !== undefined ||
        (typeof vf.event === 'string' && vf.event !== '') ||
        vf.supplied !== undefined;
      if (!ok || vf.path || vf.jsonPath || vf.parameter || vf.expression)
        throw new ArgoError(`${prefix}${show(p.name)}.valueFrom only allows: default, configMapKeyRef and supplied`);
    }
    if (p.enum !== undefined) {
      if (!Array.isArray(p.enum) || p.enum.length === 0)
        throw new ArgoError(`${prefix}${show(p.name)}.enum should contain at least one value`);
      if (!hasValue) {
        if (allowEmptyValues) return;
        throw new ArgoError(`${prefix}${show(p.name)}.value is required`);
      }
      if (!p.enum.map(valueString).includes(valueString(p.value)))
        throw new ArgoError(`${prefix}${show(p.name)}.value should be present in ${prefix}${show(p.name)}.enum list`);
    }
  }
  for (const art of arts) {
    // As Argo: fromExpression alone does not count (it is a DAG/steps output field, not an argument source).
    if (!art.from && !hasLocation(art))
      throw new ArgoError(`${prefix}${show(art.name)}.from, artifact location, or key is required`);
    if (art.from && art.fromExpression)
      throw new ArgoError(`${prefix}${show(art.name)} shouldn't have both \`from\` and \`fromExpression\` in Artifact`);
  }
}
