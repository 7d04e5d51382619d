import { describe, expect, it } from 'vitest';
import { deploymentObjects, promotionNodes, type FixtureObject } from '../../test/fixtures/promotion-run.ts';
import { renderDeployment } from '../commands/deployment.ts';
import { summarizeInferenceService } from './kserve-deployment.ts';
import { currentRun, runInProgress, summarizePromotion, type PromotionWorkflowJson } from './kserve-promotion.ts';

// The synthesized promotion template of the Knative canary fixture: 10 step groups, an approval
// at group 3 (approve-1) and a timed wait at group 7 (wait-2).
const template = deploymentObjects('kserve-canary-knative').find((o) => o.kind === 'WorkflowTemplate') as FixtureObject;
const RUN = 'churn-promote-x1';
const run = (
  group: number,
  phase: string,
  extra: Partial<PromotionWorkflowJson['status']> = {},
): PromotionWorkflowJson => ({
  metadata: { name: RUN, creationTimestamp: '2026-12-07T10:00:00Z' },
  spec: { workflowTemplateRef: { name: 'churn-promote' } },
  status: { phase: 'Running', nodes: promotionNodes(RUN, template, group, phase), ...extra },
});

describe('where a promotion run is, from the node tree the controller writes', () => {
  it('GIVEN a run held at its approval THEN the step, the group count and "waiting for approval" are read', () => {
    expect(summarizePromotion(run(3, 'Running'), template.spec)).toEqual({
      workflow: RUN,
      template: 'churn-promote',
      phase: 'Running',
      running: true,
      skipped: false,
      step: { index: 3, total: 10, steps: [{ name: 'approve-1', phase: 'Running' }] },
      waiting: 'approval',
    });
  });

  it('GIVEN a run in a timed wait THEN it waits on a timer; in an analysis THEN it waits on nothing', () => {
    expect(summarizePromotion(run(7, 'Running'), template.spec).waiting).toBe('timer');
    const analysing = summarizePromotion(run(4, 'Running'), template.spec);
    expect(analysing.waiting).toBeUndefined();
    expect(analysing.step?.steps).toEqual([{ name: 'canary-latest-step-1', phase: 'Running' }]);
  });

  it('GIVEN a run that found its candidate decided THEN it is skipped; a finished one is not running', () => {
    const skipped: PromotionWorkflowJson = {
      metadata: { name: RUN },
      spec: { workflowTemplateRef: { name: 'churn-promote' } },
      status: {
        phase: 'Succeeded',
        finishedAt: '2026-12-07T10:01:00Z',
        nodes: { a: { name: `${RUN}[1].run`, type: 'Skipped', phase: 'Skipped' } },
      },
    };
    expect(summarizePromotion(skipped, template.spec)).toMatchObject({ skipped: true, running: false });
    expect(summarizePromotion({ metadata: { name: RUN } }, undefined)).toEqual({
      workflow: RUN,
      template: '',
      phase: 'Pending',
      running: true,
      skipped: false,
    });
  });

  it('GIVEN several runs THEN the one in progress is current, else the newest; promote/abort need one in progress', () => {
    const done = {
      ...run(9, 'Succeeded', { phase: 'Succeeded' }),
      metadata: { name: 'churn-promote-z9', creationTimestamp: '2026-12-08T00:00:00Z' },
    };
    const runs = { templates: new Map([['churn-promote', template.spec]]), runs: [done, run(3, 'Running')] };
    expect(currentRun(runs)?.metadata.name).toBe(RUN);
    expect(() => runInProgress({ ...runs, runs: [done] }, 'churn', 'ml', 'promote')).toThrow(
      'deployment "churn": no promotion run in progress in namespace "ml" to promote (got churn-promote-z9: Succeeded). A run starts after each Argo CD sync; start one by hand with argo submit --from workflowtemplate/churn-promote -n ml',
    );
    expect(() => runInProgress({ templates: new Map(), runs: [] }, 'churn', 'ml', 'abort')).toThrow(
      'deployment "churn": no promotion WorkflowTemplate labelled argosy.dev/model-deployment=churn in namespace "ml" (got none). Apply the deployment\'s objects first (argosy apply), or check --namespace / --env',
    );
  });
});

describe('argosy status of a KServe deployment', () => {
  it('GIVEN a Standard-mode canary at 30% and a run at its approval THEN traffic, step and what to do next are shown', () => {
    const s = summarizeInferenceService(
      {
        spec: { canary: [{ trafficPercent: 30, predictor: { name: 'v43' } }] },
        status: { conditions: [{ type: 'Ready', status: 'True' }] },
      },
      'churn',
      'ml',
      summarizePromotion(run(3, 'Running'), template.spec),
    );
    expect(renderDeployment(s)).toEqual([
      'InferenceService churn (ml): Ready=True',
      '  canary traffic: 30% to v43',
      `  promotion ${RUN} (workflowtemplate/churn-promote): Running, step 4/10: approve-1 Running`,
      '  waiting for approval: argosy promote churn continues, argosy abort churn rolls back',
    ]);
  });

  it('GIVEN no run yet, or a stopping one THEN it says so', () => {
    const base = { status: { conditions: [{ type: 'Ready', status: 'False', reason: 'Loading' }] } };
    expect(renderDeployment(summarizeInferenceService(base, 'churn', 'ml')).slice(1)).toEqual([
      '  promotion: no run yet',
    ]);
    const stopping = summarizePromotion(
      { ...run(3, 'Running'), spec: { workflowTemplateRef: { name: 'churn-promote' }, shutdown: 'Stop' } },
      template.spec,
    );
    expect(renderDeployment(summarizeInferenceService(base, 'churn', 'ml', stopping))).toEqual([
      'InferenceService churn (ml): Ready=False (Loading)',
      `  promotion ${RUN} (workflowtemplate/churn-promote): Running, stopping (Stop), step 4/10: approve-1 Running`,
    ]);
  });
});
