import { describe, expect, it } from 'vitest';
import { synthesize } from '../../synth/engine.ts';
import { deploymentFixtures, fixtureProject } from '../../test/fixtures/deployments.ts';

type Obj = {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec: Record<string, unknown>;
};
type Dest = { destination: { host: string; subset?: string }; weight?: number };
type Istio = {
  virtualService: { name: string; routes: string[] };
  destinationRule?: { name: string; canarySubsetName: string; stableSubsetName: string };
};
type Canary = { canaryService?: string; stableService?: string; trafficRouting?: { istio?: Istio } };

const objectsOf = (key: string): Obj[] => synthesize(fixtureProject(key)).files.flatMap((f) => f.documents as Obj[]);
const find = (objs: Obj[], kind: string): Obj[] => objs.filter((o) => o.kind === kind);
const serverKeys = Object.keys(deploymentFixtures).filter((k) => k.startsWith('server-'));
const subsetKeys = serverKeys.filter((k) => k.endsWith('-subsets'));

describe('subset-level routing objects', () => {
  it('GIVEN the fixtures THEN canary, shadow and weighted A/B are covered with subset-level routing', () => {
    expect(subsetKeys.sort()).toEqual([
      'server-ab-test-weighted-subsets',
      'server-canary-subsets',
      'server-shadow-subsets',
    ]);
  });

  it.each(subsetKeys)(
    'GIVEN %s WHEN synthesized THEN the Rollout, VirtualService, DestinationRule and the one Service agree as Argo Rollouts validates them',
    (key) => {
      const objs = objectsOf(key);
      const [rule] = find(objs, 'DestinationRule');
      const services = find(objs, 'Service').map((s) => s.metadata.name);
      const canary = (find(objs, 'Rollout')[0]?.spec.strategy as { canary: Canary }).canary;
      const istio = canary.trafficRouting?.istio;
      expect(services).toEqual(['ranker']);
      expect(canary).not.toHaveProperty('canaryService');
      expect(canary).not.toHaveProperty('stableService');
      expect(istio?.destinationRule).toEqual({
        name: rule?.metadata.name,
        canarySubsetName: 'canary',
        stableSubsetName: 'stable',
      });
      // Both subsets start with the Rollout's pod selector only; the controller adds the ReplicaSet hash.
      expect(rule?.spec).toEqual({
        host: 'ranker',
        subsets: [
          { name: 'stable', labels: { 'argosy.dev/model-deployment': 'ranker' } },
          { name: 'canary', labels: { 'argosy.dev/model-deployment': 'ranker' } },
        ],
      });
      expect(rule?.spec).not.toHaveProperty('trafficPolicy');
      expect(rule?.metadata.annotations?.['argosy.dev/runtime-owned-fields']).toContain(
        '.spec.subsets[].labels["rollouts-pod-template-hash"]',
      );
      // Rollouts requires the stable and canary subset in every route it moves weights on.
      const vs = find(objs, 'VirtualService').find((v) => v.metadata.name === istio?.virtualService.name);
      const routes = (vs?.spec.http as { name: string; route: Dest[] }[]).filter((r) =>
        istio?.virtualService.routes.includes(r.name),
      );
      expect(routes.length).toBeGreaterThan(0);
      for (const r of routes) {
        expect(r.route.map((d) => [d.destination.host, d.destination.subset, d.weight])).toEqual([
          ['ranker', 'stable', 100],
          ['ranker', 'canary', 0],
        ]);
      }
    },
  );

  it.each(serverKeys.filter((k) => !k.endsWith('-subsets')))(
    'GIVEN host-level %s WHEN synthesized THEN no DestinationRule is written and no route names a subset',
    (key) => {
      const objs = objectsOf(key);
      expect(find(objs, 'DestinationRule')).toEqual([]);
      expect(JSON.stringify(find(objs, 'VirtualService'))).not.toContain('"subset"');
    },
  );
});
