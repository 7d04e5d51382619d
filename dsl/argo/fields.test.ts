import { describe, expect, it } from 'vitest';
import { synthesize } from '../../synth/engine.ts';
import { loadKubernetesYaml } from '../../synth/yaml/load.ts';
import { app, project } from '../project/project.ts';
import { template } from './template.ts';
import { vars } from './vars.ts';
import { workflow, type ArgoObject } from './workflow.ts';

/**
 * One test per group of Argo fields the Argo-native API passes through: each builds an object,
 * synthesizes it through the engine and reads the written YAML back, so the assertion is on what
 * Argo would read. (The upstream examples cover these too, but only in `npm run test:conformance`.)
 */
function renderedSpec(o: ArgoObject): Record<string, unknown> & { templates?: Record<string, unknown>[] } {
  const { files } = synthesize(project('fields', { apps: [app('a', { workflows: [o] })] }));
  expect(files).toHaveLength(1);
  const [doc] = loadKubernetesYaml((files[0] as { content: string }).content).documents as { spec: never }[];
  return (doc as { spec: Record<string, unknown> & { templates?: Record<string, unknown>[] } }).spec;
}

const hello = template('hello', { container: { image: 'busybox', args: ['hello'] } });
const run = (spec: Record<string, unknown>) =>
  workflow({ metadata: { generateName: 'fields-' }, spec: { entrypoint: hello, ...spec } });

describe('Argo field groups, as written to YAML', () => {
  it('GIVEN v4 synchronization lists at workflow and template level WHEN synthesized THEN mutexes and semaphores are lists, database ones included', () => {
    const locked = template('locked', {
      container: { image: 'busybox' },
      synchronization: {
        mutexes: [{ name: 'tmpl-lock' }, { name: 'db-lock', database: true }],
        semaphores: [{ database: { key: 'pool' } }],
      },
    });
    const spec = renderedSpec(
      workflow({
        metadata: { generateName: 'sync-' },
        spec: {
          entrypoint: locked,
          synchronization: {
            mutexes: [{ name: 'wf-lock', namespace: 'argo' }],
            semaphores: [{ configMapKeyRef: { name: 'limits', key: 'workflow' } }],
          },
        },
      }),
    );
    expect(spec.synchronization).toEqual({
      mutexes: [{ name: 'wf-lock', namespace: 'argo' }],
      semaphores: [{ configMapKeyRef: { name: 'limits', key: 'workflow' } }],
    });
    expect(spec.templates?.[0]?.synchronization).toEqual({
      mutexes: [{ name: 'tmpl-lock' }, { name: 'db-lock', database: true }],
      semaphores: [{ database: { key: 'pool' } }],
    });
  });

  it('GIVEN memoize with a key built from an input WHEN synthesized THEN key, maxAge and the cache ConfigMap are written', () => {
    const cached = template('cached', { inputs: { parameters: { day: {} } } }, ({ inputs }) => ({
      container: { image: 'busybox' },
      memoize: { key: inputs.parameters.day, maxAge: '10s', cache: { configMap: { name: 'memo-cache', key: 'day' } } },
    }));
    const spec = renderedSpec(
      workflow({
        metadata: { generateName: 'memo-' },
        spec: { entrypoint: cached, arguments: { parameters: { day: 'monday' } } },
      }),
    );
    expect(spec.templates?.[0]?.memoize).toEqual({
      key: '{{inputs.parameters.day}}',
      maxAge: '10s',
      cache: { configMap: { name: 'memo-cache', key: 'day' } },
    });
  });

  it('GIVEN gauge, counter and histogram metrics WHEN synthesized THEN each keeps its kind, labels and condition', () => {
    const measured = template('measured', {
      container: { image: 'busybox' },
      metrics: {
        prometheus: [
          {
            name: 'duration',
            help: 'How long it ran',
            labels: [{ key: 'team', value: 'ml' }],
            gauge: { value: vars.duration, realtime: true },
          },
          { name: 'failures', help: 'Failed runs', when: `${vars.status} == Failed`, counter: { value: '1' } },
          { name: 'latency', help: 'Run time', histogram: { value: vars.duration, buckets: [1, 5, 10] } },
        ],
      },
    });
    const spec = renderedSpec(
      workflow({
        metadata: { generateName: 'metrics-' },
        spec: {
          entrypoint: measured,
          metrics: {
            prometheus: [
              {
                name: 'wf_duration',
                help: 'Workflow run time',
                gauge: { value: vars.workflow.duration, realtime: false },
              },
            ],
          },
        },
      }),
    );
    expect(spec.metrics).toEqual({
      prometheus: [
        { name: 'wf_duration', help: 'Workflow run time', gauge: { value: '{{workflow.duration}}', realtime: false } },
      ],
    });
    expect(spec.templates?.[0]?.metrics).toEqual({
      prometheus: [
        {
          name: 'duration',
          help: 'How long it ran',
          labels: [{ key: 'team', value: 'ml' }],
          gauge: { value: '{{duration}}', realtime: true },
        },
        { name: 'failures', help: 'Failed runs', when: '{{status}} == Failed', counter: { value: '1' } },
        { name: 'latency', help: 'Run time', histogram: { value: '{{duration}}', buckets: [1, 5, 10] } },
      ],
    });
  });

  it('GIVEN podGC and ttlStrategy WHEN synthesized THEN strategy, selector, delay and the three TTLs are written as given', () => {
    const spec = renderedSpec(
      run({
        podGC: {
          strategy: 'OnPodSuccess',
          labelSelector: { matchLabels: { 'should-be-deleted': 'true' } },
          deleteDelayDuration: '30s',
        },
        ttlStrategy: { secondsAfterCompletion: 10, secondsAfterSuccess: 5, secondsAfterFailure: 500 },
      }),
    );
    expect(spec.podGC).toEqual({
      strategy: 'OnPodSuccess',
      labelSelector: { matchLabels: { 'should-be-deleted': 'true' } },
      deleteDelayDuration: '30s',
    });
    expect(spec.ttlStrategy).toEqual({ secondsAfterCompletion: 10, secondsAfterSuccess: 5, secondsAfterFailure: 500 });
  });

  it('GIVEN artifactGC on the workflow and on an artifact WHEN synthesized THEN both levels are written', () => {
    const produce = template('produce', {
      container: { image: 'busybox' },
      outputs: {
        artifacts: { kept: { path: '/tmp/kept', s3: { key: 'kept.txt' }, artifactGC: { strategy: 'Never' } } },
      },
    });
    const spec = renderedSpec(
      workflow({
        metadata: { generateName: 'gc-' },
        spec: {
          entrypoint: produce,
          artifactGC: {
            strategy: 'OnWorkflowDeletion',
            serviceAccountName: 'gc',
            podMetadata: { labels: { gc: 'yes' } },
          },
        },
      }),
    );
    expect(spec.artifactGC).toEqual({
      strategy: 'OnWorkflowDeletion',
      serviceAccountName: 'gc',
      podMetadata: { labels: { gc: 'yes' } },
    });
    expect((spec.templates?.[0]?.outputs as { artifacts: unknown[] }).artifacts).toEqual([
      { name: 'kept', path: '/tmp/kept', s3: { key: 'kept.txt' }, artifactGC: { strategy: 'Never' } },
    ]);
  });

  it('GIVEN one input artifact per location WHEN synthesized THEN each location keeps its own fields, in declaration order', () => {
    const secret = (name: string) => ({ name: 'creds', key: name });
    const locations = {
      s3: {
        path: '/s3',
        s3: {
          endpoint: 'minio:9000',
          bucket: 'b',
          key: 'k',
          insecure: true,
          accessKeySecret: secret('access'),
          secretKeySecret: secret('secret'),
        },
      },
      gcs: { path: '/gcs', gcs: { bucket: 'b', key: 'k', serviceAccountKeySecret: secret('sa') } },
      git: {
        path: '/git',
        git: { repo: 'https://example.com/r.git', revision: 'main', depth: 1, usernameSecret: secret('user') },
      },
      http: {
        path: '/http',
        http: {
          url: 'https://example.com/f',
          headers: [{ name: 'Accept', value: 'text/plain' }],
          auth: { basicAuth: { usernameSecret: secret('u'), passwordSecret: secret('p') } },
        },
      },
      raw: { path: '/raw', raw: { data: 'inline text' } },
      azure: {
        path: '/azure',
        azure: {
          endpoint: 'https://acct.blob.core.windows.net',
          container: 'c',
          blob: 'b',
          accountKeySecret: secret('key'),
        },
      },
      hdfs: { path: '/hdfs', hdfs: { addresses: ['nn:8020'], path: '/data/f', hdfsUser: 'root', force: true } },
      oss: {
        path: '/oss',
        oss: {
          endpoint: 'http://oss:8080',
          bucket: 'b',
          key: 'k',
          accessKeySecret: secret('access'),
          secretKeySecret: secret('secret'),
        },
      },
      artifactory: {
        path: '/artifactory',
        artifactory: { url: 'http://artifactory/repo/f', usernameSecret: secret('u'), passwordSecret: secret('p') },
      },
    } as const;
    const everywhere = template('everywhere', { container: { image: 'busybox' }, inputs: { artifacts: locations } });
    const artifacts = (
      renderedSpec(workflow({ metadata: { generateName: 'loc-' }, spec: { entrypoint: everywhere } })).templates?.[0]
        ?.inputs as { artifacts: Record<string, unknown>[] }
    ).artifacts;
    expect(artifacts.map((a) => a.name)).toEqual([
      's3',
      'gcs',
      'git',
      'http',
      'raw',
      'azure',
      'hdfs',
      'oss',
      'artifactory',
    ]);
    expect(artifacts.map((a) => Object.keys(a).sort())).toEqual(
      artifacts.map((a) => ['name', 'path', a.name as string].sort()),
    );
    expect(artifacts).toEqual(Object.entries(locations).map(([name, decl]) => ({ name, ...decl })));
    expect(artifacts[0]).toEqual({
      name: 's3',
      path: '/s3',
      s3: {
        endpoint: 'minio:9000',
        bucket: 'b',
        key: 'k',
        insecure: true,
        accessKeySecret: secret('access'),
        secretKeySecret: secret('secret'),
      },
    });
    expect(artifacts[3]).toEqual({
      name: 'http',
      path: '/http',
      http: {
        url: 'https://example.com/f',
        headers: [{ name: 'Accept', value: 'text/plain' }],
        auth: { basicAuth: { usernameSecret: secret('u'), passwordSecret: secret('p') } },
      },
    });
    expect(artifacts[4]).toEqual({ name: 'raw', path: '/raw', raw: { data: 'inline text' } });
    expect(artifacts[6]).toEqual({
      name: 'hdfs',
      path: '/hdfs',
      hdfs: { addresses: ['nn:8020'], path: '/data/f', hdfsUser: 'root', force: true },
    });
  });

  it('GIVEN an artifact with two locations WHEN built without types THEN a DslError names both', () => {
    const two = template('two', {
      container: { image: 'busybox' },
      inputs: { artifacts: { a: { path: '/a', s3: { key: 'k' }, gcs: { key: 'k' } } as never } },
    });
    expect(() => workflow({ metadata: { generateName: 'two-' }, spec: { entrypoint: two } })).toThrow(
      /artifact "a": an artifact has one location, this one has s3 and gcs/,
    );
  });
});

describe('parameter and artifact names', () => {
  it('GIVEN an integer-like name WHEN built THEN a DslError explains that JavaScript would reorder it', () => {
    const numbered = template('numbered', {
      inputs: { parameters: { first: { default: 'a' }, 2: { default: 'b' } } },
      container: { image: 'busybox' },
    });
    expect(() => workflow({ metadata: { generateName: 'n-' }, spec: { entrypoint: numbered } })).toThrow(
      /parameter "2": parameter and artifact names that are plain integers would be reordered/,
    );
    expect(() => run({ arguments: { artifacts: { 10: { raw: { data: 'x' } } } } })).toThrow(
      /artifact "10": parameter and artifact names that are plain integers/,
    );
  });

  it('GIVEN names that only look numeric WHEN built THEN they keep their written order', () => {
    const spec = renderedSpec(run({ arguments: { parameters: { b: '1', '01': '2', '1a': '3', 'p-1': '4' } } }));
    expect((spec.arguments as { parameters: { name: string }[] }).parameters.map((p) => p.name)).toEqual([
      'b',
      '01',
      '1a',
      'p-1',
    ]);
  });
});
