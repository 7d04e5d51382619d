import type { AnalysisIR, AnalysisRole, ArgoTemplateIR, ArmArgsIR, DeploymentIR } from '../../dsl/ir/index.ts';
import { manifestText } from '../k8s/manifest.ts';
import { analysisSpec } from '../analysis/analysis-template.ts';
import { goDurationSeconds } from '../go-duration.ts';
import type { AnalysisRun } from '../imports/argo-rollouts.ts';
import { KSERVE_API_VERSION } from './inference-service.ts';
import { warmedUp } from '../../dsl/ir/analysis-window.ts';

/** The resource name `kubectl patch` takes for an InferenceService. */
export const ISVC_RESOURCE = 'inferenceservice.serving.kserve.io';

/** One JSON-patch operation (RFC 6902) of a resource template. */
export interface PatchOp {
  readonly op: 'add' | 'remove' | 'replace' | 'test';
  readonly path: string;
  readonly value?: unknown;
}

/** An InferenceService by name, as {@link WorkflowBuilder.get} reads it. */
export const inferenceServiceRef = (
  name: string,
): { readonly apiVersion: string; readonly kind: string; readonly name: string } => ({
  apiVersion: KSERVE_API_VERSION,
  kind: 'InferenceService',
  name,
});

/** One Argo step: a named call of a template, optionally with parameters or a condition. */
export interface WfStep {
  readonly name: string;
  readonly template: string;
  readonly arguments?: { readonly parameters: readonly { readonly name: string; readonly value: string }[] };
  readonly when?: string;
  readonly continueOn?: { readonly failed?: boolean; readonly error?: boolean };
}

/** How long a human may take over a manual approval before the workflow's deadline rolls back. */
const APPROVAL_SECONDS = 72 * 3600;
/** How long new model pods may take to load and become ready before the step fails. */
const READY_SECONDS = 1800;

/** Upper bound of an analysis run: its longest metric's delay plus count x interval. */
function analysisSeconds(a: AnalysisIR): number {
  return Math.max(
    0,
    ...a.metrics.map(
      (m) =>
        Math.ceil(m.initialDelay === undefined ? 0 : goDurationSeconds(m.initialDelay)) +
        (m.count ?? 1) * (m.intervalSeconds ?? 0),
    ),
  );
}

/** Builds the templates of a promotion/evaluation workflow, each defined once by name. */
export class WorkflowBuilder {
  readonly templates = new Map<string, ArgoTemplateIR>();
  readonly groups: WfStep[][] = [];
  /** Worst-case duration of the groups added so far, for activeDeadlineSeconds. */
  budgetSeconds = 0;
  private readonly cost = new Map<string, number>();
  constructor(private readonly d: DeploymentIR) {}

  /** Adds a group of steps that run in parallel after the previous group. */
  then(...steps: WfStep[]): this {
    if (steps.length) {
      this.groups.push(steps);
      this.budgetSeconds += Math.max(0, ...steps.map((s) => this.cost.get(s.name) ?? 0));
    }
    return this;
  }

  define(name: string, body: Omit<ArgoTemplateIR, 'name'>): string {
    if (!this.templates.has(name)) this.templates.set(name, { name, ...body });
    return name;
  }

  private costs(step: WfStep, secondsNeeded: number): WfStep {
    this.cost.set(step.name, secondsNeeded);
    return step;
  }

  /** Waits a fixed time (Argo suspend with a duration); `seconds` is the same duration as the IR counts it. */
  wait(stepName: string, duration: string, seconds: number): WfStep {
    this.define('wait', {
      inputs: { parameters: [{ name: 'duration' }] },
      suspend: { duration: '{{inputs.parameters.duration}}' },
    });
    return this.costs(
      { name: stepName, template: 'wait', arguments: { parameters: [{ name: 'duration', value: duration }] } },
      seconds,
    );
  }

  /** Waits for a human: `argo resume` continues, `argo stop` rolls back. */
  approve(stepName: string): WfStep {
    this.define('approve', { suspend: {} });
    return this.costs({ name: stepName, template: 'approve' }, APPROVAL_SECONDS);
  }

  /**
   * Creates an AnalysisRun for one arm, owned by the workflow (a stopped workflow's run is
   * garbage-collected with it), and waits for its verdict; anything but Successful fails the
   * step. `service` overrides the arm's Service (Knative: the revision read at run time).
   */
  analyze(
    stepName: string,
    template: string,
    role: AnalysisRole,
    a: AnalysisIR,
    arm: ArmArgsIR,
    service?: { readonly input: string; readonly value: string },
  ): WfStep {
    const run = warmedUp(a);
    const bound = service ? { ...arm, service: `{{inputs.parameters.${service.input}}}` } : arm;
    this.define(template, {
      ...(service ? { inputs: { parameters: [{ name: service.input }] } } : {}),
      resource: {
        action: 'create',
        setOwnerReference: true,
        successCondition: 'status.phase == Successful',
        failureCondition: 'status.phase in (Failed,Error,Inconclusive)',
        manifest: analysisRunManifest(this.d, role, run, bound),
      },
    });
    return this.costs(
      {
        name: stepName,
        template,
        ...(service ? { arguments: { parameters: [{ name: service.input, value: service.value }] } } : {}),
      },
      analysisSeconds(run),
    );
  }

  /** A JSON patch of one object the workflow owns a field of; `{{inputs.parameters.percent}}` may appear unquoted. */
  patch(template: string, resource: string, objectName: string, ops: readonly PatchOp[], withPercent: boolean): string {
    const manifest = JSON.stringify(ops).replace(/"__PERCENT__"/g, '{{inputs.parameters.percent}}');
    return this.define(template, {
      ...(withPercent ? { inputs: { parameters: [{ name: 'percent' }] } } : {}),
      resource: { action: 'patch', mergeStrategy: 'json', flags: [resource, objectName], manifest },
    });
  }

  /**
   * Reads an object and waits until `condition` (Argo's label-selector syntax over JSON paths)
   * holds; READY_SECONDS bound the wait. `outputs` are JSONPath reads exposed as parameters.
   */
  get(
    template: string,
    object: { readonly apiVersion: string; readonly kind: string; readonly name: string },
    opts: {
      readonly condition?: string;
      readonly failure?: string;
      readonly outputs?: Readonly<Record<string, string>>;
      readonly inputs?: readonly string[];
    } = {},
  ): string {
    const outputs = Object.entries(opts.outputs ?? {});
    return this.define(template, {
      ...(opts.inputs?.length ? { inputs: { parameters: opts.inputs.map((name) => ({ name })) } } : {}),
      ...(opts.condition ? { activeDeadlineSeconds: READY_SECONDS } : {}),
      resource: {
        action: 'get',
        ...(opts.condition ? { successCondition: opts.condition } : {}),
        ...(opts.failure ? { failureCondition: opts.failure } : {}),
        manifest: manifestText({ apiVersion: object.apiVersion, kind: object.kind, metadata: { name: object.name } }),
      },
      ...(outputs.length
        ? {
            outputs: {
              parameters: outputs.map(([name, jsonPath]) => ({ name, valueFrom: { jsonPath, default: '' } })),
            },
          }
        : {}),
    });
  }

  /** A step calling `template` that counts READY_SECONDS against the deadline. */
  waitStep(step: WfStep): WfStep {
    return this.costs(step, READY_SECONDS);
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
  const spec = JSON.parse(bind(JSON.stringify(analysisSpec(a)))) as AnalysisRun['spec'];
  const run: AnalysisRun = {
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
  return manifestText(run);
}
