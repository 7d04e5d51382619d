import { describe, expect, it } from 'vitest';
import referenceProject from '../pipelines/index.ts';
import { synthesize } from '../synth/engine.ts';

/**
 * The DSRPMart delivery path, checked on the synthesized YAML: alerts watch Services that exist,
 * payload logging is on wherever a monitoring declares a sink, Argo CD applies what an object
 * uses before it, and keeps the fields controllers move at run time.
 */
type Obj = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
};
type Predictor = { name?: string; logger?: { url: string } };

const { files } = synthesize(referenceProject);
const objects = files.flatMap((f) =>
  (f.documents as Obj[]).map((obj) => ({
    env: f.path.split('/')[0] as string,
    app: f.path.split('/')[1] as string,
    obj,
  })),
);
const apps = [...new Set(objects.filter((o) => o.app !== 'argocd').map((o) => `${o.env}/${o.app}`))];
const of = (key: string) => objects.filter((o) => `${o.env}/${o.app}` === key).map((o) => o.obj);
const wave = (o: Obj) => Number(o.metadata.annotations?.['argocd.argoproj.io/sync-wave']);

/** The Services an app's objects create: its own Service objects and the predictor Services KServe derives from each InferenceService. */
function servicesOf(objs: readonly Obj[]): Set<string> {
  const out = new Set<string>();
  for (const o of objs) {
    if (o.kind === 'Service') out.add(o.metadata.name);
    if (o.kind !== 'InferenceService') continue;
    const predictors = [
      o.spec?.predictor as Predictor,
      ...((o.spec?.canary as { predictor: Predictor }[] | undefined) ?? []).map((c) => c.predictor),
    ];
    for (const p of predictors)
      out.add(p.name ? `${o.metadata.name}-${p.name}-predictor` : `${o.metadata.name}-predictor`);
  }
  return out;
}

describe('DSRPMart delivery', () => {
  it('GIVEN the endpoint alerts WHEN compared with the deployed objects THEN every Service they watch is created by the same app', () => {
    let watched = 0;
    for (const key of apps) {
      const objs = of(key);
      const exprs = objs
        .filter((o) => o.kind === 'PrometheusRule')
        .flatMap((o) => JSON.stringify(o.spec).match(/destination_service_name=~?\\"[^\\]+\\"/g) ?? []);
      const names = exprs.flatMap((e) => (e.split('\\"')[1] ?? '').split('|'));
      const exist = servicesOf(objs);
      for (const n of names) expect(exist, `${key}: alert watches ${n}`).toContain(n);
      watched += names.length;
    }
    expect(watched).toBeGreaterThan(0);
  });

  it('GIVEN the apps whose monitoring declares a payload sink THEN every predictor logs its payloads and the ranker gets the sink in its environment', () => {
    const isvcs = objects.filter((o) => o.obj.kind === 'InferenceService');
    expect(isvcs.length).toBeGreaterThanOrEqual(6);
    for (const { env, obj } of isvcs) {
      const predictors = [
        obj.spec?.predictor as Predictor,
        ...((obj.spec?.canary as { predictor: Predictor }[] | undefined) ?? []).map((c) => c.predictor),
      ];
      for (const p of predictors)
        expect(p.logger?.url, `${env}/${obj.metadata.name}`).toBe(
          env === 'production'
            ? 'http://payload-logger.ml-logging.svc.cluster.local'
            : 'http://payload-logger.ml-logging-staging.svc.cluster.local',
        );
    }
    for (const { obj } of objects.filter((o) => o.obj.kind === 'Rollout')) {
      const env = JSON.stringify(obj.spec);
      expect(env).toContain('"name":"ARGOSY_PAYLOAD_LOG_URL"');
    }
  });

  it('GIVEN Argo CD sync waves THEN templates, Services, accounts and RBAC are applied before the workloads and schedules that use them', () => {
    const first = [
      'AnalysisTemplate',
      'Service',
      'ServiceAccount',
      'Role',
      'RoleBinding',
      'WorkflowTemplate',
      'VirtualService',
    ];
    const users = ['Rollout', 'InferenceService', 'CronWorkflow'];
    for (const key of apps) {
      const objs = of(key);
      const before = objs.filter((o) => first.includes(o.kind));
      const after = objs.filter((o) => users.includes(o.kind));
      if (!before.length || !after.length) continue;
      expect(Math.max(...before.map(wave)), key).toBeLessThan(Math.min(...after.map(wave)));
      // RBAC exists before the templates that run under it.
      const rbac = objs.filter((o) => ['ServiceAccount', 'Role', 'RoleBinding'].includes(o.kind)).map(wave);
      const templates = objs.filter((o) => o.kind === 'WorkflowTemplate').map(wave);
      if (rbac.length && templates.length) expect(Math.max(...rbac), key).toBeLessThan(Math.min(...templates));
    }
  });

  it('GIVEN the Applications THEN each deployment app ignores exactly the fields its controllers move and keeps them on sync', () => {
    const applications = objects.filter((o) => o.obj.kind === 'Application').map((o) => o.obj);
    const expected: Record<string, string[]> = {
      'production-search': [
        'InferenceService/search-retriever: .spec.canary[].trafficPercent ; .metadata.annotations["argosy.dev/decided"]',
      ],
      'production-recommended-categories': [
        'VirtualService/ctr-categories: .spec.http[].route[].weight ; .metadata.annotations["argosy.dev/decided"]',
      ],
      'production-product-recommendations': [
        'VirtualService/product-ranker: .spec.http[].route[].weight ; .spec.http[] | select(.name == "mirror")',
      ],
      'production-discounts': [
        'VirtualService/discount-optimizer: .spec.http[].mirrorPercentage ; .metadata.annotations["argosy.dev/decided"]',
      ],
      'staging-product-recommendations': [
        'VirtualService/product-ranker: .spec.http[].route[].weight ; .spec.http[] | select(.name == "mirror")',
      ],
      'staging-search': [
        'InferenceService/search-retriever: .spec.canary[].trafficPercent ; .metadata.annotations["argosy.dev/decided"]',
      ],
    };
    for (const [name, entries] of Object.entries(expected)) {
      const app = applications.find((a) => a.metadata.name === name);
      const spec = app?.spec as {
        ignoreDifferences?: { kind: string; name: string; jqPathExpressions?: string[] }[];
        syncPolicy: { syncOptions: string[] };
      };
      const listed = (spec.ignoreDifferences ?? [])
        .filter((e) => e.jqPathExpressions)
        .map((e) => `${e.kind}/${e.name}: ${(e.jqPathExpressions ?? []).join(' ; ')}`);
      expect(listed, name).toEqual(entries);
      expect(spec.syncPolicy.syncOptions, name).toContain('RespectIgnoreDifferences=true');
    }
  });
});
