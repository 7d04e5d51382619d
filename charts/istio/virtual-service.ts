import type { AbTestIR, DeploymentIR, ShadowIR } from '../../dsl/ir/index.ts';
import type { ObjectSpec } from '../api-object.ts';
import { SERVICE_PORT } from '../argo-rollouts/pod-template.ts';
import { onlineStrategy } from '../../dsl/ir/strategy.ts';
import { runtimeOwnedAnnotation } from '../deployment-sync.ts';
import { ISTIO_API_VERSION, SUBSETS } from './istio-api.ts';

type Route = Record<string, unknown>;
const dest = (host: string, weight?: number, port?: number, subset?: string): Route => ({
  destination: { host, ...(subset ? { subset } : {}), ...(port ? { port: { number: port } } : {}) },
  ...(weight !== undefined ? { weight } : {}),
});

function binding(d: DeploymentIR, defaultHost: string): Record<string, unknown> {
  const mesh = d.mesh.kind === 'istio' ? d.mesh : { gateways: [], hosts: [] };
  return {
    hosts: mesh.hosts.length ? mesh.hosts : [defaultHost],
    // Binding to a gateway replaces the implicit "mesh"; keep in-cluster callers routed too.
    ...(mesh.gateways.length ? { gateways: [...mesh.gateways, 'mesh'] } : {}),
  };
}

/**
 * Plain server: the route Argo Rollouts edits. It starts 100/0 between the stable and canary
 * Services (subset-level routing: the `stable` and `canary` subsets of the one Service);
 * Rollouts moves the weights and adds its managed mirror/header routes in front.
 */
function rolloutRoutes(d: DeploymentIR, port: number): Route[] {
  if (d.names.destinationRule) {
    const host = d.names.service as string;
    return [{ name: 'primary', route: [dest(host, 100, port, SUBSETS.stable), dest(host, 0, port, SUBSETS.canary)] }];
  }
  return [
    {
      name: 'primary',
      route: [dest(d.names.stableService as string, 100, port), dest(d.names.canaryService as string, 0, port)],
    },
  ];
}

/** KServe shadow: the champion answers, each challenger receives a copy it answers into the void. */
function shadowRoutes(d: DeploymentIR, s: ShadowIR): Route[] {
  const p = d.names.predictorServices;
  const primary = p?.primary as string;
  const hosts = s.challengers.map((c) => p?.byName[c.name] as string);
  const mirror =
    hosts.length === 1
      ? { mirror: { host: hosts[0] }, mirrorPercentage: { value: s.mirrorPercent } }
      : { mirrors: hosts.map((host) => ({ destination: { host }, percentage: { value: s.mirrorPercent } })) };
  return [{ name: 'primary', route: [dest(primary)], ...mirror }];
}

/** KServe A/B: a sticky header/cookie match to the candidate, or a weighted split. */
function abRoutes(d: DeploymentIR, ab: AbTestIR): Route[] {
  const p = d.names.predictorServices;
  const primary = p?.primary as string;
  const candidate = ab.variants.find((v) => v.name !== ab.primary);
  const candidateHost = p?.byName[candidate?.name ?? ''] as string;
  if (ab.assignBy.kind === 'weight') {
    const primaryWeight = ab.variants.find((v) => v.name === ab.primary)?.weight;
    return [{ name: 'primary', route: [dest(primary, primaryWeight), dest(candidateHost, candidate?.weight)] }];
  }
  const match =
    ab.assignBy.kind === 'header'
      ? { headers: { [ab.assignBy.name]: { exact: candidate?.name } } }
      : { headers: { cookie: { regex: `^(.*?;\\s*)?${ab.assignBy.name}=${candidate?.name}(;.*)?$` } } };
  // The cohort route keeps the primary as a 0 % destination so a rollback is a weight change.
  return [
    { name: `ab-${candidate?.name}`, match: [match], route: [dest(candidateHost, 100), dest(primary, 0)] },
    { name: 'primary', route: [dest(primary)] },
  ];
}

/** The deployment's VirtualService, when its strategy routes traffic through Istio. */
export function virtualService(d: DeploymentIR, namespace: string | undefined): ObjectSpec | undefined {
  const name = d.names.virtualService;
  if (!name) return undefined;
  const e = onlineStrategy(d.strategy);
  let spec: Record<string, unknown>;
  if (d.serving.kind === 'server') {
    spec = { ...binding(d, d.names.service as string), http: rolloutRoutes(d, SERVICE_PORT) };
  } else {
    const primary = d.names.predictorServices?.primary as string;
    spec = {
      ...binding(d, primary),
      http: e.kind === 'shadow' ? shadowRoutes(d, e) : e.kind === 'abTest' ? abRoutes(d, e) : [],
    };
  }
  const owned = runtimeOwnedAnnotation(d, 'VirtualService', name);
  return {
    apiVersion: ISTIO_API_VERSION,
    kind: 'VirtualService',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      labels: { ...d.labels },
      ...(Object.keys(owned).length ? { annotations: owned } : {}),
    },
    spec,
  };
}
