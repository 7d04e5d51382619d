import { describe, expect, it } from 'vitest';
import { NEWEST_PLATFORM } from '../../dsl/ir/platform.ts';
import type { RenderedObject } from '../target.ts';
import { adaptKServe } from './kserve.ts';
import { adaptToPlatform } from './adapt.ts';

const at = ['environment "prod"', 'app "a"', 'InferenceService "churn"'];
const isvc = (mode: string, spec: Record<string, unknown> = {}): RenderedObject => ({
  apiVersion: 'serving.kserve.io/v1beta1',
  kind: 'InferenceService',
  metadata: { name: 'churn', annotations: { 'serving.kserve.io/deploymentMode': mode, team: 'ml' } },
  spec: { predictor: { model: { modelFormat: { name: 'sklearn' }, storageUri: 's3://m/1' } }, ...spec },
});
const modeOf = (o: RenderedObject): string | undefined => o.metadata.annotations?.['serving.kserve.io/deploymentMode'];

describe('adaptKServe', () => {
  it('GIVEN KServe 0.15 WHEN a Standard InferenceService is adapted THEN the annotation says RawDeployment (the name before 0.16)', () => {
    const out = adaptKServe(isvc('Standard'), '0.15', at);
    expect(modeOf(out)).toBe('RawDeployment');
    expect(out.metadata.annotations?.team).toBe('ml');
  });

  it('GIVEN KServe 0.13 WHEN a Knative InferenceService is adapted THEN the annotation says Serverless', () => {
    expect(modeOf(adaptKServe(isvc('Knative'), '0.13', at))).toBe('Serverless');
  });

  it('GIVEN KServe 0.20 WHEN adapted THEN the renamed values stay', () => {
    const o = isvc('Standard');
    expect(adaptKServe(o, '0.20', at)).toBe(o);
  });

  it('GIVEN KServe 0.15 WHEN an InferenceService lists spec.canary[] THEN the error names the field, the minimum and the alternatives', () => {
    const o = isvc('Standard', { canary: [{ trafficPercent: 0, predictor: { name: 'v2' } }] });
    expect(() => adaptKServe(o, '0.15', at)).toThrow(
      'environment "prod" > app "a" > InferenceService "churn" > spec.canary: spec.canary[] (a Standard-mode canary) needs KServe 0.20 or later (got "kserve 0.15"). Target kserve 0.20 or later, use deploymentMode: "Knative" (canaryTrafficPercent), or serve it with server() (Argo Rollouts).',
    );
  });

  it('GIVEN another kind WHEN adapted THEN it is untouched', () => {
    const vs: RenderedObject = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'v' },
    };
    expect(adaptKServe(vs, '0.13', at)).toBe(vs);
  });

  it('GIVEN only an older KServe WHEN adaptToPlatform runs THEN the annotation is rewritten (the fast path does not skip it)', () => {
    expect(modeOf(adaptToPlatform(isvc('Standard'), { ...NEWEST_PLATFORM, kserve: '0.15' }, at.slice(0, 2)))).toBe(
      'RawDeployment',
    );
  });
});
