import { describe, expect, it } from 'vitest';
import { artifact, component, configMapKey, param, secretKey, volume, DslError } from '../index.ts';

const base = { image: 'python:3.12-slim', command: ['true'] } as const;

describe('component()', () => {
  it('GIVEN typed ports WHEN defined THEN the IR keeps them in order with placeholders resolved', () => {
    const c = component('train', {
      image: 'ghcr.io/acme/train:1.4.2',
      inputs: { data: artifact('Dataset'), lr: param.float().default(0.1) },
      outputs: { model: artifact('Model').at('/models/m.bst') },
      command: (io) => ['train', `--lr=${io.inputs.lr}`, io.inputs.data.path, io.outputs.model.path],
    });
    expect(c.ir.inputs.map((p) => p.name)).toEqual(['data', 'lr']);
    expect(c.ir.outputs[0]).toMatchObject({ kind: 'artifact', artifactType: 'Model', path: '/models/m.bst' });
    expect(c.ir.implementation).toEqual({
      kind: 'container',
      command: [
        [{ kind: 'text', text: 'train' }],
        [
          { kind: 'text', text: '--lr=' },
          { kind: 'inputValue', input: 'lr' },
        ],
        [{ kind: 'inputPath', input: 'data' }],
        [{ kind: 'outputPath', output: 'model' }],
      ],
      args: [],
    });
  });

  it('GIVEN the same definition twice WHEN hashed THEN the content hash is stable, and changes with the definition', () => {
    const a = component('c', { ...base, inputs: { x: param.int() } });
    const b = component('c', { ...base, inputs: { x: param.int() } });
    const c = component('c', { ...base, inputs: { x: param.float() } });
    expect(a.ir.contentHash).toBe(b.ir.contentHash);
    expect(a.ir.contentHash).not.toBe(c.ir.contentHash);
  });

  it.each([
    [
      'Train',
      /component "Train": component name is not a valid DNS-1123 label \(got "Train"\)\. Use lowercase .* e\.g\. "train"\./,
    ],
    ['a'.repeat(64), /longer than 63 characters/],
    ['-x', /not a valid DNS-1123 label/],
  ])('GIVEN the invalid name %j WHEN defined THEN a DslError names it and suggests a fix', (name, message) => {
    expect(() => component(name, base)).toThrow(message);
  });

  it.each([['python'], ['python:latest'], ['ghcr.io/acme/x']])(
    'GIVEN the unpinned image %j THEN it is rejected',
    (image) => {
      expect(() => component('c', { ...base, image })).toThrow(/image is not pinned to a version/);
    },
  );

  it('GIVEN a digest-pinned image THEN it is accepted', () => {
    expect(component('c', { ...base, image: 'ghcr.io/acme/x@sha256:0123' }).ir.image).toContain('@sha256:');
  });

  it.each([
    [{ cpu: 'lots' }, /resources > cpu: not a valid Kubernetes quantity \(got "lots"\)/],
    [{ memory: '2GB' }, /resources > memory: not a valid Kubernetes quantity \(got "2GB"\)/],
    [{ memory: 1.5 }, /fractional quantity given as a number/],
    [{ gpu: 0 }, /GPU count must be a positive integer/],
  ])('GIVEN bad resources %j THEN the error names the field', (resources, message) => {
    expect(() => component('c', { ...base, resources: resources as never })).toThrow(message);
  });

  it('GIVEN numeric CPU WHEN normalised THEN quantities are strings and limits default to requests', () => {
    const c = component('c', { ...base, resources: { cpu: 0.25, memory: '512Mi', gpu: 2, limits: { cpu: 1 } } });
    expect(c.ir.pod.resources).toEqual({
      requests: { cpu: '250m', memory: '512Mi', 'nvidia.com/gpu': '2' },
      limits: { cpu: '1', memory: '512Mi', 'nvidia.com/gpu': '2' },
    });
  });

  it('GIVEN env from literals, secrets and config maps THEN secret values never appear', () => {
    const c = component('c', {
      ...base,
      env: { MODE: 'fast', TOKEN: secretKey('s', 'token'), URL: configMapKey('cfg', 'url') },
    });
    expect(c.ir.pod.env).toEqual([
      { name: 'MODE', value: [{ kind: 'text', text: 'fast' }] },
      { name: 'TOKEN', secretKeyRef: { name: 's', key: 'token' } },
      { name: 'URL', configMapKeyRef: { name: 'cfg', key: 'url' } },
    ]);
  });

  it('GIVEN a literal value for a secret-looking variable THEN it is rejected without echoing the value', () => {
    const attempt = () => component('c', { ...base, env: { DB_PASSWORD: 'hunter2' } });
    expect(attempt).toThrow(/env "DB_PASSWORD": a secret-looking variable has a literal value.*\(got "<redacted>"\)/);
    expect(attempt).not.toThrow(/hunter2/);
  });

  it('GIVEN a script component THEN inputs and outputs are exposed as environment variables', () => {
    const c = component('s', {
      image: 'python:3.12-slim',
      inputs: { learningRate: param.float(), data: artifact('Dataset') },
      outputs: { model: artifact('Model') },
      script: { source: 'print(1)\n' },
    });
    expect(c.ir.pod.env.map((e) => e.name)).toEqual(['INPUT_LEARNING_RATE', 'INPUT_DATA', 'OUTPUT_MODEL']);
    expect(c.ir.implementation).toEqual({ kind: 'script', command: ['python3'], source: 'print(1)\n' });
  });

  it('GIVEN both script and command THEN the conflict is reported', () => {
    expect(() => component('c', { image: 'python:3.12-slim', command: ['x'], script: { source: 'x' } })).toThrow(
      /both `script` and `command`/,
    );
  });

  it('GIVEN "{{" in a literal THEN it is rejected because Argo would substitute it', () => {
    expect(() => component('c', { ...base, command: ['echo', '{{oops}}'] })).toThrow(/contains "\{\{"/);
    expect(() => component('c', { image: 'python:3.12-slim', script: { source: 'print(f"{{x}}")' } })).toThrow(
      /script source contains "\{\{"/,
    );
  });

  it('GIVEN caching on a component with artifact inputs and no key THEN it asks for an explicit key', () => {
    expect(() => component('c', { ...base, inputs: { d: artifact('Dataset') }, cache: true })).toThrow(
      /needs an explicit key/,
    );
    const keyed = component('c', {
      ...base,
      inputs: { d: artifact('Dataset'), day: param.string() },
      cache: { key: (io) => [io.inputs.day] },
    });
    expect(keyed.ir.cache).toEqual({
      enabled: true,
      maxAge: '168h',
      keyParts: [[{ kind: 'inputValue', input: 'day' }]],
    });
  });

  it('GIVEN volumes THEN names are derived and duplicates rejected', () => {
    const c = component('c', {
      ...base,
      volumes: [
        { mountPath: '/data', source: volume.pvc('feature.store') },
        { mountPath: '/tmp/x', source: volume.emptyDir({ medium: 'Memory', sizeLimit: '1Gi' }) },
      ],
    });
    expect(c.ir.pod.volumes.map((v) => v.name)).toEqual(['pvc-feature-store', 'scratch']);
    expect(() =>
      component('c', {
        ...base,
        volumes: [
          { mountPath: '/a', source: volume.emptyDir() },
          { mountPath: '/b', source: volume.emptyDir() },
        ],
      }),
    ).toThrow(/two volumes have the same name/);
    expect(() => component('c', { ...base, volumes: [{ mountPath: 'data', source: volume.emptyDir() }] })).toThrow(
      /mountPath must be an absolute path/,
    );
  });

  it('GIVEN retry options THEN they are validated', () => {
    expect(component('c', { ...base, retry: 2 }).ir.retry).toEqual({ limit: 2, policy: 'OnFailure' });
    expect(() => component('c', { ...base, retry: { limit: -1 } })).toThrow(
      /retry > limit: retry limit must be an integer/,
    );
    expect(() => component('c', { ...base, retry: { limit: 1, backoff: { duration: 'soon' } } })).toThrow(
      /backoff > duration: not a valid duration/,
    );
  });

  it('THEN every error is a DslError', () => {
    try {
      component('Bad', base);
    } catch (e) {
      expect(e).toBeInstanceOf(DslError);
      return;
    }
    throw new Error('expected a DslError');
  });
});
