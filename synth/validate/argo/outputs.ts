import { ArgoError, wrap } from './argo-error.ts';
import { show } from '../object-path.ts';
import { checkNames, isLeaf, paramNameErrors, templateType } from './names.ts';
import type { Artifact, Parameter, Template } from './types.ts';
import { list } from './types.ts';
import { isParameterRef, resolveAll, type Scope } from './variables.ts';
import type { ArgoValidator } from './validator.ts';

/** Outputs: names, references, artifact paths and where each output parameter's value comes from. */
export function checkOutputs(v: ArgoValidator, scope: Scope, t: Template): void {
  const name = show(t.name);
  const params = list<Parameter>(t.outputs?.parameters);
  const arts = list<Artifact>(t.outputs?.artifacts);
  wrap(`templates.${name}.outputs.parameters `, () => checkNames(params, 'param'));
  wrap(`templates.${name}.outputs.artifacts `, () => checkNames(arts, 'param'));
  wrap(`templates.${name}.outputs `, () =>
    resolveAll(scope, v.globals, JSON.stringify(t.outputs ?? {}), v.opts.workflowTemplateValidation === true),
  );
  for (const a of arts) {
    const ref = `outputs.artifacts.${show(a.name)}`;
    if (!isLeaf(t) && a.path)
      throw new ArgoError(`templates.${name}.${ref}.path only valid in container/script templates`);
    if (a.globalName && !isParameterRef(a.globalName)) {
      const errs = paramNameErrors(a.globalName);
      if (errs.length > 0) throw new ArgoError(`templates.${name}.${ref}.globalName: ${errs[0]}`);
    }
  }
  const type = templateType(t);
  for (const p of params) {
    const ref = `templates.${name}.outputs.parameters.${show(p.name)}`;
    const hasValue = p.value !== undefined && p.value !== null;
    if (p.valueFrom && hasValue) throw new ArgoError(`${ref} has both valueFrom and value specified. Choose one.`);
    if (!hasValue) {
      if (!p.valueFrom) throw new ArgoError(`${ref} does not have valueFrom or value specified`);
      const vf = p.valueFrom;
      const kinds =
        [vf.path, vf.jqFilter, vf.jsonPath, vf.parameter, vf.expression].filter(
          (x) => typeof x === 'string' && x !== '',
        ).length + (vf.supplied !== undefined ? 1 : 0);
      if (kinds === 0)
        throw new ArgoError(
          'valueFrom type unspecified. choose one of: path, jqFilter, jsonPath, parameter, raw, expression',
        );
      if (kinds > 1)
        throw new ArgoError(
          'multiple valueFrom types specified. choose one of: path, jqFilter, jsonPath, parameter, raw',
        );
    }
    if (p.valueFrom) {
      const vf = p.valueFrom;
      if ((type === 'Container' || type === 'ContainerSet' || type === 'Script') && !vf.path)
        throw new ArgoError(`${ref}.path must be specified for ${type} templates`);
      if (type === 'Resource' && !vf.jqFilter && !vf.jsonPath)
        throw new ArgoError(`${ref} .jqFilter or jsonPath must be specified for ${type} templates`);
      if (type === 'DAG' || type === 'Steps') {
        if (!vf.parameter && !vf.expression)
          throw new ArgoError(`${ref}.parameter or expression must be specified for ${type} templates`);
        if (vf.parameter && vf.expression)
          throw new ArgoError(
            `${ref} shouldn't have both \`from\` and \`expression\` specified in \`ValueFrom\` for ${type} templates`,
          );
      }
    }
    if (p.globalName && !isParameterRef(p.globalName)) {
      const errs = paramNameErrors(p.globalName);
      if (errs.length > 0) throw new ArgoError(`${ref}.globalName: ${errs[0]}`);
    }
  }
}
