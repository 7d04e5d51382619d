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
