import type { Target } from '../target.ts';
import { addObject } from '../api-object.ts';
import { clusterIpService, serviceAccount } from '../core-objects.ts';
import { deploymentAnalyses } from '../../dsl/ir/strategy.ts';
import { analysisTemplate } from '../analysis/analysis-template.ts';
import { DEPLOYMENT_LABEL, SERVICE_PORT } from '../k8s/serving.ts';
import { rollout } from './rollout.ts';

/**
 * Argo Rollouts: for plain-server deployments a Rollout, its Services and the pods'
 * ServiceAccount; for every deployment one AnalysisTemplate per gate.
 * @example
 * ```ts
 * argoRolloutsTarget.render(ctx);
 * ```
 */
export const argoRolloutsTarget: Target = {
  name: 'argo-rollouts',
  render(ctx) {
    const namespace = ctx.env.namespace;
    for (const d of ctx.app.deployments) {
      for (const [role, a] of deploymentAnalyses(d)) {
        const name = d.names.analysisTemplates[role];
        if (name) addObject(ctx.chart, analysisTemplate(name, a, namespace, d.labels));
      }
      const s = d.serving;
      if (s.kind !== 'server') continue;
      addObject(ctx.chart, rollout(d, s, namespace));
      const port = { name: s.protocol, port: SERVICE_PORT, targetPort: s.port };
      const selector = { [DEPLOYMENT_LABEL]: d.name };
      for (const name of [d.names.service, d.names.canaryService, d.names.stableService, d.names.previewService]) {
        if (name) clusterIpService(ctx.chart, { name, namespace, labels: d.labels }, selector, port);
      }
      if (d.names.serviceAccount)
        serviceAccount(ctx.chart, { name: d.names.serviceAccount, namespace, labels: d.labels }, false);
    }
  },
};
