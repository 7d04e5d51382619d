import type { Target } from '../target.ts';
import { addObject } from '../api-object.ts';
import { clusterIpService, serviceAccount } from '../core-objects.ts';
import { deploymentAnalyses } from '../../dsl/ir/strategy.ts';
import { warmedUp } from '../../dsl/ir/analysis-window.ts';
import type { AnalysisRole } from '../../dsl/ir/index.ts';
import { analysisTemplate } from '../analysis/analysis-template.ts';
import { DEPLOYMENT_LABEL, SERVICE_PORT } from '../k8s/serving.ts';
import { rollout } from './rollout.ts';
import { experimentPodMonitor } from './pod-monitor.ts';

/**
 * Analyses a Rollout starts right after it moved traffic (setWeight, setMirrorRoute, a header
 * route, the switch to the new version): they get the warm-up. The offline gate and the
 * pre-promotion checks run before any traffic moves; the A/B decision waits out the test.
 */
const AFTER_TRAFFIC_CHANGE: ReadonlySet<AnalysisRole> = new Set(['canary', 'shadow', 'guardrails', 'post-promotion']);

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
        const run = d.serving.kind === 'server' && AFTER_TRAFFIC_CHANGE.has(role) ? warmedUp(a, 'tolerate-one') : a;
        if (name) addObject(ctx.chart, analysisTemplate(name, run, namespace, d.labels));
      }
      const s = d.serving;
      if (s.kind !== 'server') continue;
      addObject(ctx.chart, rollout(d, s, namespace));
      const monitor = experimentPodMonitor(d, s, namespace);
      if (monitor) addObject(ctx.chart, monitor);
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
