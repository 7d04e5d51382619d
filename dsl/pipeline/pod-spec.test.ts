import { describe, expect, it } from 'vitest';
import { component } from './component.ts';
import { volume, type VolumeSpec } from './pod-spec.ts';

const withVolume = (v: unknown) =>
  component('app', { image: 'ghcr.io/acme/x:1.0.0', command: ['true'], volumes: [v as VolumeSpec] });

describe('volume sources', () => {
  it('GIVEN named sources with dots WHEN the component builds THEN they are accepted', () => {
    const c = withVolume({ mountPath: '/cfg', source: volume.configMap('cfg.v1') });
    expect(c.ir.pod.volumes[0]?.source).toEqual({ kind: 'configMap', name: 'cfg.v1' });
  });

  it.each([
    ['no source', { mountPath: '/x' }, 'component "app" > volumes[0] > source: not a volume source (got undefined)'],
    [
      'a source of an unknown kind',
      { mountPath: '/x', source: { kind: 'hostPath', path: '/' } },
      'not a volume source (got {"kind":"hostPath","path":"/"})',
    ],
    [
      'volume.secret with an empty name',
      { mountPath: '/x', source: volume.secret('') },
      'component "app" > volumes[0] > source > secretName: volume secret name must be a non-empty string (got "")',
    ],
    [
      'volume.configMap with an empty name',
      { mountPath: '/x', source: volume.configMap('') },
      '> source > name: volume configMap name must be a non-empty string (got "")',
    ],
    [
      'volume.pvc with capitals',
      { mountPath: '/x', source: volume.pvc('Data') },
      '> source > claimName: volume pvc claim name is not a valid DNS-1123 subdomain (got "Data")',
    ],
  ])('GIVEN %s WHEN the component builds THEN a DslError names the volume and field', (_name, v, message) => {
    expect(() => withVolume(v)).toThrow(message);
  });
});

const withPod = (opts: Record<string, unknown>) =>
  component('app', { image: 'ghcr.io/acme/x:1.0.0', command: ['true'], ...(opts as object) });

describe('pod options the API server would refuse', () => {
  it('GIVEN valid options at their edges WHEN the component builds THEN they reach the IR unchanged', () => {
    const c = withPod({
      resources: {
        cpu: '500m',
        memory: '1536Mi',
        limits: { cpu: 0.5, memory: '1.5Gi' },
        gpu: { count: 1, resource: 'amd.com/gpu' },
      },
      podLabels: { 'example.com/tier': 'batch', empty: '' },
      podAnnotations: { note: 'any text, with spaces' },
      nodeSelector: { 'cloud.google.com/gke-accelerator': 'nvidia-tesla-a100' },
      tolerations: [
        { operator: 'Exists' },
        { key: 'gpu', operator: 'Equal', value: 'a100', effect: 'NoExecute', tolerationSeconds: 60 },
      ],
      security: { runAsUser: 0, runAsNonRoot: false },
      imagePullPolicy: 'IfNotPresent',
      workingDir: '/app',
      volumes: [{ mountPath: '/cfg', subPath: 'configs/a.yaml', source: volume.emptyDir({ medium: 'Memory' }) }],
    });
    expect(c.ir.pod.resources?.limits).toMatchObject({ cpu: '500m', memory: '1.5Gi', 'amd.com/gpu': '1' });
    expect(c.ir.pod.labels).toEqual({ 'example.com/tier': 'batch', empty: '' });
    expect(c.ir.pod.tolerations).toHaveLength(2);
    expect([c.ir.pod.security.runAsUser, c.ir.pod.workingDir]).toEqual([0, '/app']);
  });

  it.each([
    [
      'a cpu limit below the request',
      { resources: { cpu: '4', limits: { cpu: '1' } } },
      'component "app" > resources > limits > cpu: the limit is below the request (4) (got "1")',
    ],
    [
      'a memory limit below the request in other units',
      { resources: { memory: '2Gi', limits: { memory: '2000Mi' } } },
      '> limits > memory: the limit is below the request (2Gi) (got "2000Mi")',
    ],
    [
      'an empty GPU resource name',
      { resources: { gpu: { count: 1, resource: '' } } },
      'component "app" > resources > gpu > resource: not an extended resource name (got "")',
    ],
    [
      'a GPU resource without a vendor domain',
      { resources: { gpu: { count: 1, resource: 'gpu' } } },
      'not an extended resource name (got "gpu")',
    ],
    [
      'a label key with a space',
      { podLabels: { 'my tier': 'x' } },
      'component "app" > podLabels > label "my tier": label key is not a valid qualified name',
    ],
    [
      'a label value with a space',
      { podLabels: { tier: 'big batch' } },
      'component "app" > podLabels > label "tier": label value must be at most 63 letters',
    ],
    [
      'a number as a nodeSelector value',
      { nodeSelector: { zone: 1 } },
      'component "app" > nodeSelector > label "zone": label value must be at most 63 letters, digits, "-", "_" and "." (got 1)',
    ],
    [
      'a null annotation value',
      { podAnnotations: { note: null } },
      'component "app" > podAnnotations > annotation "note": annotation value must be a string (got null)',
    ],
    [
      'an unknown taint effect',
      { tolerations: [{ key: 'gpu', effect: 'Sometimes' }] },
      'component "app" > tolerations > [0] > effect: unknown taint effect (got "Sometimes")',
    ],
    [
      'an unknown toleration operator',
      { tolerations: [{ key: 'gpu', operator: 'In' }] },
      '> tolerations > [0] > operator: unknown toleration operator (got "In")',
    ],
    [
      'Exists with a value',
      { tolerations: [{ key: 'gpu', operator: 'Exists', value: 'a100' }] },
      '> [0] > value: a toleration with operator "Exists" matches any value',
    ],
    [
      'no key without Exists',
      { tolerations: [{ effect: 'NoSchedule' }] },
      '> [0] > key: a toleration without a key must use operator "Exists"',
    ],
    [
      'tolerationSeconds without NoExecute',
      { tolerations: [{ key: 'gpu', operator: 'Exists', tolerationSeconds: 30 }] },
      '> [0] > tolerationSeconds: tolerationSeconds is a whole number of seconds and needs effect "NoExecute"',
    ],
    [
      'a negative runAsUser',
      { security: { runAsUser: -1 } },
      'component "app" > security > runAsUser: expected a whole number from 0 to 2147483647 (got -1)',
    ],
    [
      'a fractional fsGroup',
      { security: { fsGroup: 1.5 } },
      '> security > fsGroup: expected a whole number from 0 to 2147483647 (got 1.5)',
    ],
    [
      'root with runAsNonRoot',
      { security: { runAsUser: 0, runAsNonRoot: true } },
      '> security > runAsUser: runAsUser 0 is root, which runAsNonRoot: true forbids',
    ],
    [
      'an unknown pull policy',
      { imagePullPolicy: 'Sometimes' },
      'component "app" > imagePullPolicy: unknown image pull policy (got "Sometimes")',
    ],
    [
      'a relative workingDir',
      { workingDir: 'app' },
      'component "app" > workingDir: workingDir must be an absolute path (got "app")',
    ],
    [
      'an absolute subPath',
      { volumes: [{ mountPath: '/x', subPath: '/etc', source: volume.emptyDir() }] },
      'component "app" > volumes[0] > subPath: subPath must be a relative path inside the volume, without ".." (got "/etc")',
    ],
    [
      'a subPath climbing out',
      { volumes: [{ mountPath: '/x', subPath: 'a/../../b', source: volume.emptyDir() }] },
      '> subPath: subPath must be a relative path inside the volume',
    ],
    [
      'an unknown emptyDir medium',
      { volumes: [{ mountPath: '/x', source: { kind: 'emptyDir', medium: 'Disk' } }] },
      'component "app" > volumes[0] > source > medium: unknown emptyDir medium (got "Disk")',
    ],
  ])('GIVEN %s WHEN the component builds THEN a DslError names the field', (_name, opts, message) => {
    expect(() => withPod(opts)).toThrow(message);
  });
});
