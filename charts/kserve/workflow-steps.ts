import type { AnalysisIR, AnalysisRole, ArmArgsIR, DeploymentIR } from '../../dsl/ir/index.ts';
import { dump } from 'js-yaml';
import { analysisSpec } from '../argo-rollouts/analysis-template.ts';

/** One Argo step: a named call of a template, optionally with parameters or a condition. */
export interface WfStep {
  readonly name: string;
  readonly template: string;
  readonly arguments?: { readonly parameters: readonly { readonly name: string; readonly value: string }[] };
  readonly when?: string;
}

/** Builds the templates of a promotion/evaluation workflow, each defined once by name. */
export class WorkflowBuilder {
  readonly templates = new Map<string, Record<string, unknown>>();
  readonly groups: WfStep[][] = [];

  constructor(private readonly d: DeploymentIR) {}

  /** Adds a group of steps that run in parallel after the previous group. */
  then(...steps: WfStep[]): this {
    if (steps.length) this.groups.push(steps);
    return this;
  }

  define(name: string, body: Record<string, unknown>): string {
    if (!this.templates.has(name)) this.templates.set(name, { name, ...body });
    return name;
  }

  /** Waits a fixed time (Argo suspend with a duration). */
  wait(stepName: string, duration: string): WfStep {
    this.define('wait', { inputs: { parameters: [{ name: 'duration' }] }, suspend: { duration: '{{inputs.parameters.duration}}' } });
    return { name: stepName, template: 'wait', arguments: { parameters: [{ name: 'duration', value: duration }] } };
  }

  /** Waits for a human: `argo resume` continues, `argo stop` rolls back. */
  approve(stepName: string): WfStep {
    this.define('approve', { suspend: {} });
    return { name: stepName, template: 'approve' };
  }

  /** Creates an AnalysisRun for one arm and waits for its verdict; anything but Successful fails the step. */
  analyze(stepName: string, template: string, role: AnalysisRole, a: AnalysisIR, arm: ArmArgsIR): WfStep {
    this.define(template, { resource: { action: 'create', successCondition: 'status.phase == Successful', failureCondition: 'status.phase in (Failed,Error,Inconclusive)', manifest: analysisRunManifest(this.d, role, a, arm) } });
    return { name: stepName, template };
  }

  /** A JSON patch of one object the workflow owns a field of; `{{inputs.parameters.percent}}` may appear unquoted. */
  patch(template: string, resource: string, objectName: string, ops: readonly Record<string, unknown>[], withPercent: boolean): string {
    const manifest = JSON.stringify(ops).replace(/"__PERCENT__"/g, '{{inputs.parameters.percent}}');
    return this.define(template, {
      ...(withPercent ? { inputs: { parameters: [{ name: 'percent' }] } } : {}),
      resource: { action: 'patch', mergeStrategy: 'json', flags: [resource, objectName], manifest },
    });
  }
}

/** The placeholder a patch uses for the `percent` parameter. */
export const PERCENT = '__PERCENT__';

/**
 * An AnalysisRun equivalent to the generated AnalysisTemplate with its arguments bound: the
 * arm's Services as literals and the namespace from the workflow. Bound here because an
 * AnalysisRun cannot reference a template.
 */
export function analysisRunManifest(d: DeploymentIR, role: AnalysisRole, a: AnalysisIR, arm: ArmArgsIR): string {
  const bind = (text: string): string =>
    text
      .replace(/\{\{args\.service\}\}/g, arm.service)
      .replace(/\{\{args\.baseline-service\}\}/g, arm.baselineService ?? '')
      .replace(/\{\{args\.namespace\}\}/g, '{{workflow.namespace}}');
  const spec = JSON.parse(bind(JSON.stringify(analysisSpec(a)))) as Record<string, unknown>;
  const run = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisRun',
    metadata: {
      generateName: `${d.name}-${role}-`,
      labels: {
        'argosy.dev/model-deployment': d.name,
        'argosy.dev/analysis-template': d.names.analysisTemplates[role] ?? '',
        'argosy.dev/arm': arm.arm,
        'argosy.dev/workflow': '{{workflow.name}}',
      },
    },
    spec,
  };
  return dump(run, { sortKeys: true, lineWidth: -1, noRefs: true });
}
