import { expectTypeOf, it } from 'vitest';
import type { ArgoObjectIR, ArgoTemplateIR, ArgoWorkflowSpecIR } from '../../../dsl/ir/index.ts';
import type { ArgoObject, Template, WorkflowSpec } from './types.ts';
import type { ArgoKind } from './workflow.ts';

/** A rendered object of a kind Argo's validator checks (charts/argo-workflows/render.ts adds apiVersion). */
type Checked = Extract<ArgoObjectIR, { kind: ArgoKind }> & { readonly apiVersion: string };

it('GIVEN what dsl/argo and the pipeline lowering produce THEN the validator reads it as it is', () => {
  const template = (t: ArgoTemplateIR): Template => t;
  const spec = (s: ArgoWorkflowSpecIR): WorkflowSpec => s;
  const object = (o: Checked): ArgoObject => o;
  expectTypeOf(template).parameter(0).toEqualTypeOf<ArgoTemplateIR>();
  void [spec, object];
});

it('GIVEN a field Argo does not have THEN the validator model refuses it like the IR does', () => {
  // @ts-expect-error misspelt: the validator reads the IR's field names
  const t: Template = { name: 'main', contianer: { image: 'busybox' } };
  // @ts-expect-error a DAG task waits with `depends`, not `dependsOn`
  const s: WorkflowSpec = { templates: [{ dag: { tasks: [{ name: 'a', dependsOn: 'b' }] } }] };
  void [t, s];
});
