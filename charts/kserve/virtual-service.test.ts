import { describe, expect, it } from 'vitest';
import { istio, kserve, modelDeployment, shadow, type ModelDeployment } from '../../dsl/index.ts';
import { synthApp } from '../../test/render.ts';

const isvc = kserve({ format: 'sklearn', storageUri: 's3://m/v1', logger: { url: 'http://sink' } });
const strategy = shadow({ challenger: { storageUri: 's3://m/v2' }, mirrorPercent: 10, duration: '1h' });
const synthesizeDeployment = (d: ModelDeployment) =>
  synthApp({ deployments: [d] }).flatMap((f) => f.documents as { kind: string; spec?: unknown }[]);

describe('the VirtualService of a KServe side-by-side strategy', () => {
  it('GIVEN an ingress gateway and a host WHEN synthesized THEN the VirtualService binds gateway and mesh and keeps the predictor host', () => {
    // GIVEN
    const mesh = istio({ gateways: ['istio-ingress/public'], hosts: ['m.example.com'] });
    // WHEN
    const d = modelDeployment('m', { serving: isvc, strategy, mesh });
    // THEN
    const vs = synthesizeDeployment(d).find((o) => o.kind === 'VirtualService') as {
      spec: { hosts: string[]; gateways: string[] };
    };
    expect(vs.spec.gateways).toEqual(['istio-ingress/public', 'mesh']);
    expect(vs.spec.hosts).toEqual(['m.example.com', 'm-predictor']);
  });

  it("GIVEN gateways: ['mesh'] WHEN synthesized THEN the VirtualService is the mesh-only default", () => {
    const d = modelDeployment('m', { serving: isvc, strategy, mesh: istio({ gateways: ['mesh'] }) });
    const vs = synthesizeDeployment(d).find((o) => o.kind === 'VirtualService') as {
      spec: { hosts: string[]; gateways?: string[] };
    };
    expect(vs.spec).toMatchObject({ hosts: ['m-predictor'] });
    expect(vs.spec.gateways).toBeUndefined();
  });
});
