import { describe, expect, it } from 'vitest';
import { modelDeployment } from './model-deployment.ts';
import { kserve } from './serving-kserve.ts';
import { server } from './serving-server.ts';
import { shadow } from './strategy-shadow.ts';

const srv = server({ image: 'ghcr.io/acme/ranker:7', port: 8080 });
const isvc = (logger = true) => kserve({ format: 'sklearn', storageUri: 's3://m/v1', ...(logger ? { logger: { url: 'http://sink' } } : {}) });

describe('shadow()', () => {
  it.each([-1, 100.5, Number.NaN])('GIVEN mirrorPercent %s WHEN built THEN it must lie in [0, 100]', (p) => {
    expect(() => shadow({ mirrorPercent: p, duration: '1h' })).toThrow(/mirrorPercent: expected a number from 0 to 100/);
  });

  it('GIVEN a plain server and a fractional mirror percent WHEN deployed THEN Rollouts whole percents are required', () => {
    expect(() => modelDeployment('r', { serving: srv, strategy: shadow({ mirrorPercent: 12.5, duration: '1h' }) })).toThrow(/mirrors whole percents/);
  });

  it('GIVEN mesh "none" WHEN a plain server shadows THEN Istio is required', () => {
    expect(() => modelDeployment('r', { serving: srv, strategy: shadow({ mirrorPercent: 10, duration: '1h' }), mesh: 'none' })).toThrow(/deployment "r" > mesh: mirroring traffic \(Rollout setMirrorRoute\) needs Istio/);
  });

  it('GIVEN KServe without a payload logger WHEN shadowed THEN the logger is asked for', () => {
    expect(() => modelDeployment('m', { serving: isvc(false), strategy: shadow({ challenger: { storageUri: 's3://m/v2' }, mirrorPercent: 10, duration: '1h' }) })).toThrow(/serving > logger: a KServe shadow logs the payloads/);
  });

  it('GIVEN KServe in Knative mode WHEN shadowed THEN Standard mode is required', () => {
    const knative = kserve({ format: 'sklearn', storageUri: 's3://m/v1', deploymentMode: 'Knative', logger: { url: 'http://sink' } });
    expect(() => modelDeployment('m', { serving: knative, strategy: shadow({ mirrorPercent: 10, duration: '1h' }) })).toThrow(/shadow on KServe needs Standard mode/);
  });

  it('GIVEN a challenger image for a KServe model WHEN deployed THEN storageUri is suggested', () => {
    expect(() => modelDeployment('m', { serving: isvc(), strategy: shadow({ challenger: { image: 'x:1' }, mirrorPercent: 10, duration: '1h' }) })).toThrow(/image belongs to plain servers/);
  });

  it('GIVEN a valid KServe shadow WHEN deployed THEN a challenger InferenceService and a VirtualService are planned', () => {
    const d = modelDeployment('churn', { serving: isvc(), strategy: shadow({ challenger: { storageUri: 's3://m/v2' }, mirrorPercent: 25, duration: '2h' }) });
    expect(d.ir.objects).toEqual([
      { kind: 'InferenceService', name: 'churn' },
      { kind: 'InferenceService', name: 'churn-challenger' },
      { kind: 'VirtualService', name: 'churn' },
    ]);
  });
});
