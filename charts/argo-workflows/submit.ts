import { DslError, seg } from '../../dsl/errors.ts';
import type { ArgoObjectIR, ArgoTemplateIR, PipelineIR, ScheduleIR, SubmitIR } from '../../dsl/ir/index.ts';
import { submitSteps } from '../../dsl/ir/nodes.ts';
import { retryStrategy } from './component-template.ts';
import { renderArgoObject } from '../../dsl/ir/argo-object.ts';
import { manifestText } from '../k8s/manifest.ts';

/**
 * The service account a pipeline's submit steps run under: it may create Workflows and nothing
 * else, so the rest of the pipeline keeps its own (usually broader) account.
 */
export function submitterServiceAccount(pipeline: string): string {
  return `${pipeline}-submitter`;
}

/** Longest Workflow name Argo accepts (its names become pod label values). */
const MAX_WORKFLOW_NAME = 63;
/** What a CronWorkflow appends to its name for each run: `-` and the scheduled Unix time. */
const CRON_RUN_SUFFIX = '-1234567890'.length;

/**
 * Submit steps outside loops start a Workflow named after the submitting run, `<run name>-<step
 * id>`, so a retry of the step after a create that succeeded is refused by the API server
 * (AlreadyExists) instead of starting a second run. Submits in loops (and in called pipelines,
 * which may be called twice) run more than once per run and keep a generated name.
 */
function deterministicName(s: SubmitIR, inLoop: boolean): string | undefined {
  return inLoop ? undefined : `{{workflow.name}}-${s.id}`;
}

/**
 * A schedule's runs are named `<schedule>-<unix time>`; the Workflows their top-level submit
 * steps create add `-<step id>`, which must stay within Argo's 63 characters.
 */
export function checkSubmitNames(schedule: ScheduleIR, p: PipelineIR): void {
  for (const { submit: s } of submitSteps(p).filter((x) => !x.inLoop)) {
    const longest = schedule.name.length + CRON_RUN_SUFFIX + 1 + s.id.length;
    if (longest > MAX_WORKFLOW_NAME) {
      throw new DslError({
        path: [seg('schedule', schedule.name), seg('submit', s.id)],
        problem: `the Workflow this submit step starts is named <run>-${s.id}, up to ${longest} characters for runs of this schedule; Argo allows ${MAX_WORKFLOW_NAME}`,
        got: schedule.name,
        fix: `Shorten the schedule name to at most ${MAX_WORKFLOW_NAME - CRON_RUN_SUFFIX - 1 - s.id.length} characters or the submit id`,
      });
    }
  }
}

/**
 * The Workflow a submit step creates: a run of the target's WorkflowTemplate with the step's
 * inputs as arguments, labelled like `argo submit --from workflowtemplate/<name>` does. The
 * created run is not owned by the submitting one, so cleaning up the submitter (TTL, podGC)
 * never deletes the run it started.
 */
function workflowManifest(s: SubmitIR, argNames: readonly string[], inLoop: boolean): string {
  const name = deterministicName(s, inLoop);
  const run: ArgoObjectIR = {
    kind: 'Workflow',
    metadata: {
      ...(name ? { name } : { generateName: `${s.pipeline}-` }),
      labels: { 'argosy.dev/submitted-by': '{{workflow.name}}', 'workflows.argoproj.io/workflow-template': s.pipeline },
    },
    spec: {
      workflowTemplateRef: { name: s.pipeline },
      ...(argNames.length
        ? { arguments: { parameters: argNames.map((name) => ({ name, value: `{{inputs.parameters.${name}}}` })) } }
        : {}),
    },
  };
  // The run is created in the submitting Workflow's namespace, so the manifest names none.
  return manifestText(renderArgoObject(run, undefined));
}

/**
 * An Argo `resource` template creating the target's Workflow. The step's arguments arrive as
 * template inputs, so the DAG task renders them like any other parameter (loop items, upstream
 * outputs) and the manifest only ever sees `{{inputs.parameters.*}}`.
 */
export function submitTemplate(name: string, pipeline: string, s: SubmitIR, inLoop: boolean): ArgoTemplateIR {
  const argNames = Object.keys(s.args);
  return {
    name,
    ...(argNames.length ? { inputs: { parameters: argNames.map((n) => ({ name: n })) } } : {}),
    serviceAccountName: submitterServiceAccount(pipeline),
    resource: { action: 'create', manifest: workflowManifest(s, argNames, inLoop) },
    ...(s.retry ? { retryStrategy: retryStrategy(s.retry) } : {}),
  };
}
