import { ApiObject } from 'cdk8s';
import { DslError, seg } from '../../dsl/errors.ts';
import { addObject } from '../api-object.ts';
import { appIgnoreDifferences } from '../deployment-sync.ts';
import type { Target } from '../target.ts';
import { application } from './application.ts';
import { builtInIgnoreDifferences, mergeIgnoreDifferences } from './controller-owned.ts';
import { rootApplication, ROOT_APP, rootApplicationName } from './root-application.ts';
import { SYNC_WAVE_ANNOTATION, syncWave } from './sync-waves.ts';

const DIR = 'argocd';

/**
 * Argo CD delivery, when the project declares `argocd`: a sync wave on every object of every
 * app (by kind, so dependencies apply first), one Application per environment and app in
 * `dist/<environment>/argocd/`, and beside them the environment's root Application (app of
 * apps) that syncs that directory. Keep this target last: it annotates what the others rendered.
 * @example
 * ```ts
 * export const targets = [argoWorkflowsTarget, argoSchedulesTarget, argoCdTarget];
 * ```
 */
export const argoCdTarget: Target = {
  name: 'argocd',
  environmentDir: DIR,
  render(ctx) {
    if (!ctx.env.argocd) return;
    for (const child of ctx.chart.node.findAll()) {
      if (!(child instanceof ApiObject)) continue;
      // A wave a target set on purpose wins over the default for its kind.
      const annotations = (child.metadata.toJson() as { annotations?: Record<string, string> }).annotations ?? {};
      if (annotations[SYNC_WAVE_ANNOTATION] === undefined)
        child.metadata.addAnnotation(SYNC_WAVE_ANNOTATION, String(syncWave(child.kind)));
    }
  },
  renderEnvironment(ctx) {
    const cd = ctx.env.argocd;
    if (!cd) return;
    for (const { app, objects, otherFiles } of ctx.apps) {
      if (app.name === DIR) {
        throw new DslError({
          path: [seg('environment', ctx.env.name), seg('app', app.name)],
          problem: `the app name "${DIR}" is taken by the Argo CD Applications directory`,
          got: app.name,
          fix: 'Rename the app',
        });
      }
      if (app.name === ROOT_APP) {
        throw new DslError({
          path: [seg('environment', ctx.env.name), seg('app', app.name)],
          problem: `the app name "${ROOT_APP}" is taken: its Application would be named ${rootApplicationName(ctx.env)}, like the environment's root Application`,
          got: app.name,
          fix: 'Rename the app',
        });
      }
      const contributed = ctx.targets.flatMap((t) => t.ignoreDifferences?.(objects) ?? []);
      // The deployments know exactly which fields their controllers and promotion workflows move.
      const ignore = mergeIgnoreDifferences([
        ...builtInIgnoreDifferences(objects),
        ...appIgnoreDifferences(app),
        ...contributed,
      ]);
      addObject(ctx.chart, application(cd, ctx.env, app, ignore, otherFiles));
    }
    addObject(ctx.chart, rootApplication(cd, ctx.env, DIR));
  },
};
