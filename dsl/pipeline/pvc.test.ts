import { describe, expect, it } from 'vitest';
import { echo } from '../../test/fixtures/components.ts';
import { component, eq, param, pipeline, volume, type PipelineBuilder, type PvcSpec } from '../index.ts';
import type { ComponentTaskIR, CreatePvcIR, DeletePvcIR } from '../ir/index.ts';

const build = (fn: (p: PipelineBuilder) => void) => pipeline('p', { params: { claim: param.string() } }, (p) => fn(p));
const spec: PvcSpec = { nameSuffix: '-scratch', size: '5Gi', accessModes: ['ReadWriteOnce'] };

describe('p.createPvc() / p.deletePvc() / task.mount()', () => {
  it('GIVEN a created, mounted and deleted claim THEN the IR has claim-operation nodes, the mounts and no components for them', () => {
    const pl = pipeline('pvc', {}, (p) => {
      const claim = p.createPvc('make', { ...spec, storageClass: 'standard', annotations: { a: 'b' } });
      const w = p.task('write', echo, { text: 'x' }).mount(claim, '/data', { subPath: 'run' });
      p.deletePvc('drop', claim).after(w).cache(false);
    });
    const [make, write, drop] = pl.ir.body as [CreatePvcIR, ComponentTaskIR, DeletePvcIR];
    expect(make).toEqual({
      kind: 'createPvc',
      id: 'make',
      claimName: { suffix: '-scratch' },
      size: { kind: 'literal', value: '5Gi' },
      accessModes: ['ReadWriteOnce'],
      storageClass: { kind: 'literal', value: 'standard' },
      annotations: { a: 'b' },
      after: [],
    });
    expect(write?.mounts).toEqual([
      {
        claim: { kind: 'taskOutput', task: 'make', output: 'name' },
        mountPath: '/data',
        subPath: 'run',
        readOnly: false,
      },
    ]);
    expect(drop).toEqual({
      kind: 'deletePvc',
      id: 'drop',
      claim: { kind: 'taskOutput', task: 'make', output: 'name' },
      after: ['write'],
      cache: false,
    });
    expect(pl.ir.components.map((c) => c.name)).toEqual(['echo']);
  });

  it('GIVEN claim fields from parameters THEN they stay values, checked like task inputs', () => {
    const pl = pipeline(
      'pvc',
      { params: { claim: param.string(), size: param.string(), n: param.int() } },
      (p, params) => {
        const fixed = p.createPvc('fixed', { name: params.claim, size: params.size, accessModes: ['ReadWriteMany'] });
        p.deletePvc('drop', fixed).displayName('Drop it').when(eq(params.size, '1Gi'));
      },
    );
    expect(pl.ir.body[0]).toMatchObject({
      claimName: { value: { kind: 'pipelineParam', name: 'claim' } },
      size: { kind: 'pipelineParam', name: 'size' },
    });
    expect(pl.ir.body[1]).toMatchObject({ kind: 'deletePvc', displayName: 'Drop it', when: { kind: 'compare' } });
    expect(() =>
      pipeline('pvc', { params: { n: param.int() } }, (p, params) => {
        p.createPvc('c', { nameSuffix: '-x', size: params.n as never, accessModes: ['ReadWriteOnce'] });
      }),
    ).toThrow('pipeline "pvc" > task "c" > size: expected string (got "an int reference").');
  });

  it('GIVEN an existing claim by name or parameter THEN it is mounted without a create step', () => {
    const pl = build((p) => {
      p.task('a', echo, { text: 'a' }).mount('feature-store', '/fs', { readOnly: true });
    });
    expect((pl.ir.body[0] as ComponentTaskIR).mounts).toEqual([
      { claim: { kind: 'literal', value: 'feature-store' }, mountPath: '/fs', readOnly: true },
    ]);
    const byParam = pipeline('by-param', { params: { claim: param.string() } }, (p, params) => {
      p.task('a', echo, { text: 'a' }).mount(params.claim, '/data');
    });
    expect((byParam.ir.body[0] as ComponentTaskIR).mounts?.[0]?.claim).toEqual({
      kind: 'pipelineParam',
      name: 'claim',
    });
  });

  it('GIVEN an invalid claim spec THEN the field is named', () => {
    expect(() =>
      build((p) => {
        p.createPvc('c', { ...spec, name: 'fixed' });
      }),
    ).toThrow(
      'pipeline "p" > task "c": give exactly one of `name` and `nameSuffix` (got {"name":"fixed","nameSuffix":"-scratch"}). Use nameSuffix for a claim per run, or name for a fixed claim.',
    );
    expect(() =>
      build((p) => {
        p.createPvc('c', { ...spec, size: '5 gigs' });
      }),
    ).toThrow(/task "c" > size: not a valid Kubernetes quantity/);
    expect(() =>
      build((p) => {
        p.createPvc('c', { ...spec, accessModes: [] });
      }),
    ).toThrow(/task "c" > accessModes: access modes must be a non-empty list/);
    expect(() =>
      build((p) => {
        p.createPvc('c', { ...spec, nameSuffix: '_Bad' });
      }),
    ).toThrow(/task "c" > nameSuffix: the name suffix must hold lowercase letters/);
    expect(() =>
      build((p) => {
        p.createPvc('c', {
          nameSuffix: '-x',
          size: '1Gi',
          accessModes: ['ReadWriteOnce'],
          dataSource: { kind: 'VolumeSnapshot' } as never,
        });
      }),
    ).toThrow(/dataSource needs a kind and a name/);
  });

  it('GIVEN a bad mount THEN path, clash and claim are checked', () => {
    const withVolume = component('vol', {
      image: 'busybox:1.36',
      command: ['true'],
      volumes: [{ mountPath: '/data', source: volume.emptyDir() }],
    });
    expect(() =>
      build((p) => {
        p.task('a', echo, { text: 'a' }).mount('c', 'data');
      }),
    ).toThrow(/task "a" > mount > mountPath: mount path must be an absolute path \(got "data"\)/);
    expect(() =>
      build((p) => {
        p.task('a', withVolume).mount('c', '/data');
      }),
    ).toThrow(/something is already mounted at this path \(got "\/data"\)/);
    expect(() =>
      build((p) => {
        p.task('a', echo, { text: 'a' }).mount('c', '/d', { subPath: '../etc' });
      }),
    ).toThrow(/subPath must be a relative path inside the claim/);
    expect(() =>
      build((p) => {
        p.task('a', echo, { text: 'a' }).mount(42 as never, '/d');
      }),
    ).toThrow(/expected a claim: the result of p\.createPvc\(\), a string parameter or a claim name \(got 42\)/);
    expect(() =>
      build((p) => {
        p.task('a', echo, { text: 'a' }).mount('Not_A_Name', '/d');
      }),
    ).toThrow(/claim name is not a valid DNS-1123 label/);
  });

  it('GIVEN a claim read by the exit handler or outside its branch THEN visibility rules apply as for any output', () => {
    expect(() =>
      build((p) => {
        const c = p.createPvc('c', spec);
        p.onExit('bye', echo, { text: 'bye' }).mount(c, '/data');
      }),
    ).toThrow(/the exit handler cannot read task outputs/);
  });

  it('GIVEN a mount closing a cycle THEN the cycle is reported', () => {
    expect(() =>
      build((p) => {
        const c = p.createPvc('c', spec);
        const t = p.task('t', echo, { text: 'x' }).mount(c, '/data');
        c.after(t);
      }),
    ).toThrow(/tasks depend on each other in a cycle/);
  });
});
