import { ArgoError } from './argo-error.ts';
import { show } from '../object-path.ts';
import type { Template, TemplateHolder, WorkflowSpec } from './types.ts';
import { list } from './types.ts';

/** Where templates live: the Workflow being checked, or a (Cluster)WorkflowTemplate it references. */
export interface TemplateSource {
  readonly kind: 'Workflow' | 'WorkflowTemplate' | 'ClusterWorkflowTemplate';
  readonly name: string;
  readonly spec: WorkflowSpec;
  readonly namespace?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
}

/** The WorkflowTemplates and ClusterWorkflowTemplates `templateRef`s may point at. */
export interface TemplateStore {
  /** A WorkflowTemplate in `namespace` (else any namespace), or a ClusterWorkflowTemplate. */
  get(name: string, clusterScope: boolean, namespace?: string): TemplateSource | undefined;
}

/**
 * A store over a list of objects (the tree being validated). One tree often holds several
 * environments, so a namespaced reference prefers the template in the referrer's namespace.
 */
export function storeOf(sources: readonly TemplateSource[]): TemplateStore {
  return {
    get: (name, cluster, namespace) => {
      const candidates = sources.filter((s) => s.name === name && (s.kind === 'ClusterWorkflowTemplate') === cluster);
      return candidates.find((s) => cluster || s.namespace === namespace) ?? candidates[0];
    },
  };
}

export function notFound(name: string, cluster: boolean): ArgoError {
  return new ArgoError(`${cluster ? 'clusterworkflowtemplates' : 'workflowtemplates'}.argoproj.io "${name}" not found`);
}

/** Resolves template names and references relative to the object that holds them. */
export class TemplateContext {
  constructor(
    readonly base: TemplateSource,
    readonly store: TemplateStore,
  ) {}

  /** Key for "already validated" bookkeeping: the same name in two objects is two templates. */
  get scope(): string {
    return `${this.base.kind}/${show(this.base.name)}`;
  }

  byName(name: string): Template | undefined {
    return list<Template>(this.base.spec.templates).find((t) => t?.name === name);
  }

  /** The template a holder points at and the context it must be checked in. */
  resolve(holder: TemplateHolder): { ctx: TemplateContext; template: Template } {
    if (holder.templateRef) {
      const ref = holder.templateRef;
      const source = this.store.get(show(ref.name), ref.clusterScope === true, this.base.namespace);
      const template = source && list<Template>(source.spec.templates).find((t) => t?.name === ref.template);
      if (!source || !template)
        throw new ArgoError(`template reference ${show(ref.name)}.${show(ref.template)} not found`);
      return { ctx: new TemplateContext(source, this.store), template };
    }
    if (holder.inline) return { ctx: this, template: holder.inline };
    const template = typeof holder.template === 'string' ? this.byName(holder.template) : undefined;
    if (!template) throw new ArgoError(`template name '${show(holder.template ?? '')}' undefined`);
    return { ctx: this, template };
  }
}
