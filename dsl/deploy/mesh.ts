import { DslError } from '../errors.ts';
import { deferErrors } from './deferred.ts';
import type { MeshIR } from '../ir/index.ts';
import { assertKnownKeys } from './checks.ts';

/**
 * Options of {@link istio}: where the VirtualService applies. By default it binds to the mesh
 * (sidecars of in-cluster clients) for the deployment's own Service host.
 *
 * @example
 * ```ts
 * istio({ gateways: ['istio-ingress/public'], hosts: ['churn.api.example.com'] })
 * ```
 */
export interface IstioOptions {
  /**
   * Gateways (`namespace/name`) to bind to, in addition to the mesh. Needs `hosts`. `'mesh'`
   * alone declares that every client is in the mesh (what a KServe shadow or A/B test must say
   * explicitly, see docs/deployments.md, "Where KServe traffic is routed").
   */
  readonly gateways?: readonly string[];
  /** Client-facing hosts; default: the deployment's Service (plain server) or predictor Service (KServe). */
  readonly hosts?: readonly string[];
  /**
   * How a plain server's Rollout splits traffic (Argo Rollouts' two Istio modes). `'hosts'`
   * (default): between the Services `<name>-stable` and `<name>-canary`. `'subsets'`: between the
   * `stable` and `canary` subsets of a DestinationRule on the one Service `<name>`, whose pod
   * labels Argo Rollouts rewrites at run time; the gates then read each version by its pod
   * version label, so the new version needs its own `version`. Canary, shadow (and its `then`
   * canary) and weighted A/B tests support it; see docs/deployments.md, "Host-level vs
   * subset-level routing".
   *
   * @example
   * ```ts
   * istio({ routing: 'subsets' })
   * ```
   */
  readonly routing?: 'hosts' | 'subsets';
}

/**
 * The traffic layer of a deployment: Istio, or none.
 * @example
 * ```ts
 * const mesh: Mesh = istio({ gateways: ['istio-ingress/public'], hosts: ['churn.example.com'] });
 * ```
 */
export interface Mesh {
  readonly kind: 'mesh';
  readonly ir: MeshIR;
}

/**
 * Routes traffic between model versions with Istio. Mirroring, header/cookie routing and weighted
 * splits of plain servers need it; it is the default.
 *
 * @example
 * ```ts
 * modelDeployment('ranker', { serving, strategy, mesh: istio({ gateways: ['istio-ingress/public'], hosts: ['ranker.example.com'] }) })
 * modelDeployment('ranker', { serving, strategy: canary({ candidate: { version: 'v8', image: 'ghcr.io/acme/ranker:8' }, steps }), mesh: istio({ routing: 'subsets' }) })
 * ```
 */
export function istio(opts: IstioOptions = {}): Mesh {
  return deferErrors('mesh', () => buildIstio(opts));
}

function buildIstio(opts: IstioOptions = {}): Mesh {
  const path = ['istio()'];
  assertKnownKeys(opts, ['gateways', 'hosts', 'routing'], path, 'istio()');
  const routing = opts.routing ?? 'hosts';
  if (routing !== 'hosts' && routing !== 'subsets') {
    throw new DslError({
      path: [...path, 'routing'],
      problem: 'unknown routing mode',
      got: routing,
      fix: 'Use "hosts" (stable/canary Services, the default) or "subsets" (one Service, DestinationRule subsets)',
    });
  }
  const gateways = [...(opts.gateways ?? [])];
  const hosts = [...(opts.hosts ?? [])];
  for (const g of gateways) {
    if (!/^([a-z0-9-]+\/)?[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(g))
      throw new DslError({
        path: [...path, 'gateways'],
        problem: 'gateway must be "name" or "namespace/name"',
        got: g,
        fix: 'Use e.g. "istio-ingress/public"',
      });
  }
  for (const h of hosts) {
    if (!/^(\*\.)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(h))
      throw new DslError({
        path: [...path, 'hosts'],
        problem: 'not a valid host name',
        got: h,
        fix: 'Use e.g. "churn.api.example.com"',
      });
  }
  if (gateways.some((g) => g !== 'mesh') && hosts.length === 0) {
    throw new DslError({
      path: [...path, 'hosts'],
      problem: 'a gateway binding needs the client-facing host names',
      got: hosts,
      fix: "Add hosts: ['churn.api.example.com']",
    });
  }
  return { kind: 'mesh', ir: { kind: 'istio', gateways, hosts, routing } };
}
