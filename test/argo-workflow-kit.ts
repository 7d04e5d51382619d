import { storeOf } from '../synth/validate/argo/context.ts';
import type { ArgoObject, Template } from '../synth/validate/argo/types.ts';
import { argoVerdict } from '../synth/validate/argo/workflow.ts';

/**
 * Builders for the Argo semantic-rule tables (synth/validate/argo/workflow*.test.ts): a Workflow
 * around some templates, a container template, a DAG, and the validator's verdict on one object.
 *
 * @example
 * ```ts
 * expect(verdict(wf([echo('main')]))).toBeUndefined();
 * ```
 */
export const wf = (templates: unknown[], spec: Record<string, unknown> = {}): ArgoObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Workflow',
  metadata: { name: 'wf' },
  spec: { entrypoint: 'main', templates: templates as Template[], ...spec },
});

/** A container template that echoes; `extra` overrides or adds fields. */
export const echo = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name,
  container: { image: 'alpine:3.20', command: ['echo'] },
  ...extra,
});

/** A DAG template of the given tasks. */
export const dag = (tasks: unknown[], name = 'main'): Record<string, unknown> => ({ name, dag: { tasks } });

/** The first semantic error of `o`, with `templates` as the WorkflowTemplates it may reference. */
export const verdict = (o: ArgoObject, templates: ArgoObject[] = []): string | undefined =>
  argoVerdict(
    o,
    storeOf(
      templates.map((t) => ({ kind: 'WorkflowTemplate' as const, name: String(t.metadata?.name), spec: t.spec ?? {} })),
    ),
  );

/** One rule: a workflow Argo accepts, and the smallest change that breaks the rule. */
export interface RuleCase {
  readonly rule: string;
  readonly ok: ArgoObject;
  readonly bad: ArgoObject;
  readonly error: string;
  readonly templates?: ArgoObject[];
}
