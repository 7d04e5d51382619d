import { describe, expect, it } from 'vitest';
import { kserve as kserveSpec } from './serving-kserve.ts';
import { server as serverSpec } from './serving-server.ts';
import { orThrow } from './deferred.ts';

// Strategies and servings report their mistakes where a deployment uses them; these throw them at once.
const kserve = ((opts: never) => orThrow(kserveSpec(opts))) as typeof kserveSpec;
const server = ((opts: never) => orThrow(serverSpec(opts))) as typeof serverSpec;

const ok = { format: 'xgboost', storageUri: 's3://m/v1' } as const;

describe('kserve()', () => {
  it('GIVEN defaults WHEN built THEN Standard mode, one replica and the restricted profile are used', () => {
    const k = kserve(ok).ir;
    expect([k.deploymentMode, k.minReplicas, k.security.runAsNonRoot, k.modelNameArg]).toEqual([
      'Standard',
      1,
      true,
      '--model_name',
    ]);
  });

  it('GIVEN maxReplicas below minReplicas WHEN built THEN it is rejected', () => {
    expect(() => kserve({ ...ok, minReplicas: 4, maxReplicas: 2 })).toThrow(
      /maxReplicas: maxReplicas is below minReplicas \(4\)/,
    );
  });

  it('GIVEN concurrency scaling in Standard mode WHEN built THEN Knative is required', () => {
    expect(() => kserve({ ...ok, scaleMetric: 'concurrency' })).toThrow(
      /"concurrency" scaling needs the Knative autoscaler/,
    );
    expect(kserve({ ...ok, scaleMetric: 'concurrency', deploymentMode: 'Knative' }).ir.scaleMetric).toBe('concurrency');
  });

  it.each(['models/v1', 's3 ://m', ''])('GIVEN storageUri %j WHEN built THEN a scheme is asked for', (storageUri) => {
    expect(() => kserve({ ...ok, storageUri })).toThrow(/storageUri/);
  });

  it('GIVEN the legacy mode name WHEN built THEN the current names are suggested', () => {
    expect(() => kserve({ ...ok, deploymentMode: 'RawDeployment' as never })).toThrow(/Use "Standard" or "Knative"/);
  });

  it('GIVEN a legacy framework key WHEN built THEN the unknown option is named', () => {
    expect(() => kserve({ ...ok, sklearn: {} } as never)).toThrow(/kserve\(\) has no option "sklearn"/);
  });

  it('GIVEN a secret-looking literal env WHEN built THEN it is refused', () => {
    expect(() => kserve({ ...ok, env: { API_TOKEN: 'abc' } })).toThrow(/secret-looking variable/);
  });
});

describe('server()', () => {
  it('GIVEN a port out of range WHEN built THEN it is rejected', () => {
    expect(() => server({ image: 'x:1', port: 70000 })).toThrow(/port: expected a whole number from 1 to 65535/);
  });

  it('GIVEN a probe path without a slash WHEN built THEN it is rejected', () => {
    expect(() => server({ image: 'x:1', port: 80, probes: { readiness: 'healthz' } })).toThrow(
      /probe path must start with "\/"/,
    );
  });

  it('GIVEN pod options WHEN built THEN they go through the shared pod checks', () => {
    const s = server({ image: 'x:1', port: 80, replicas: 3, resources: { cpu: 0.5 }, env: { A: '1' } }).ir;
    expect([s.replicas, s.pod.resources?.requests.cpu, s.pod.env]).toEqual([
      3,
      '500m',
      [{ name: 'A', value: [{ kind: 'text', text: '1' }] }],
    ]);
  });

  it('GIVEN storage URIs WHEN served by KServe THEN the schemes KServe loads pass and others are named', () => {
    for (const uri of [
      's3://b/m',
      'gs://b/m',
      'pvc://claim/m',
      'hf://org/model',
      'oci://ghcr.io/acme/model:1',
      'https://acct.blob.core.windows.net/c/m',
      '/mnt/models',
    ]) {
      expect(kserve({ format: 'sklearn', storageUri: uri }).ir.storageUri).toBe(uri);
    }
    expect(() => kserve({ format: 'sklearn', storageUri: 'ftp://host/m' })).toThrow(
      /kserve\(\) > storageUri: KServe cannot load this storageUri: it supports gs:\/\/, s3:\/\/.*\(got "ftp:\/\/host\/m"\)/,
    );
    expect(() => kserve({ format: 'sklearn', storageUri: 's3://' })).toThrow(/cannot load this storageUri/);
  });
});
