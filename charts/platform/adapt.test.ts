import { describe, expect, it } from 'vitest';
import type { PlatformIR } from '../../dsl/ir/index.ts';
import { NEWEST_PLATFORM } from '../../dsl/ir/platform.ts';
import type { RenderedObject } from '../target.ts';
import { adaptToPlatform } from './adapt.ts';

const at = ['environment "prod"', 'app "a"'];
const argo35: PlatformIR = { ...NEWEST_PLATFORM, argoWorkflows: '3.5', istio: '1.22+' };
const argo36: PlatformIR = { ...NEWEST_PLATFORM, argoWorkflows: '3.6', istio: '1.22+' };
const argo37: PlatformIR = { ...NEWEST_PLATFORM, argoWorkflows: '3.7', istio: '1.22+' };
const newest: PlatformIR = { ...NEWEST_PLATFORM, argoWorkflows: '4.1', istio: '1.22+' };
const istio121: PlatformIR = { ...NEWEST_PLATFORM, argoWorkflows: '4.1', istio: '1.21' };

const cron = (spec: Record<string, unknown>): RenderedObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'CronWorkflow',
  metadata: { name: 'nightly' },
  spec: { workflowSpec: { workflowTemplateRef: { name: 'p' } }, ...spec },
});
const template = (t: Record<string, unknown>, spec: Record<string, unknown> = {}): RenderedObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'WorkflowTemplate',
  metadata: { name: 'p' },
  spec: { templates: [{ name: 't', ...t }], ...spec },
});
const templateOf = (o: RenderedObject): Record<string, unknown> =>
  (o.spec as { templates: Record<string, unknown>[] }).templates[0] as Record<string, unknown>;

describe('adaptToPlatform: Argo Workflows', () => {
  it('GIVEN the newest versions WHEN adapted THEN the object is returned unchanged', () => {
    const o = cron({ schedules: ['0 2 * * *', '0 3 * * *'] });
    expect(adaptToPlatform(o, newest, at)).toBe(o);
  });

  it('GIVEN Argo 3.5 and one cron WHEN adapted THEN it is the single `schedule` string', () => {
    const spec = adaptToPlatform(cron({ schedules: ['0 2 * * *'] }), argo35, at).spec as Record<string, unknown>;
    expect(spec.schedule).toBe('0 2 * * *');
    expect(spec).not.toHaveProperty('schedules');
  });

  it('GIVEN Argo 3.6 WHEN adapted THEN the `schedules` list stays', () => {
    const spec = adaptToPlatform(cron({ schedules: ['0 2 * * *'] }), argo36, at).spec as Record<string, unknown>;
    expect(spec.schedules).toEqual(['0 2 * * *']);
  });

  it('GIVEN Argo 3.5 and two crons WHEN adapted THEN the error names the feature and the minimum version', () => {
    expect(() => adaptToPlatform(cron({ schedules: ['0 2 * * *', '0 3 * * *'] }), argo35, at)).toThrow(
      /CronWorkflow "nightly" > spec\.schedules: Argo Workflows 3\.5 takes one cron expression.*3\.6 or later/,
    );
  });

  it('GIVEN Argo 3.5 and a CronWorkflow stopStrategy WHEN adapted THEN it needs 3.6', () => {
    expect(() =>
      adaptToPlatform(cron({ schedules: ['0 2 * * *'], stopStrategy: { expression: 'x' } }), argo35, at),
    ).toThrow('CronWorkflow stopStrategy needs Argo Workflows 3.6 or later');
  });

  it('GIVEN Argo 3.5 and one mutex or semaphore WHEN adapted THEN the singular forms are used, at workflow and template level', () => {
    const semaphore = { configMapKeyRef: { name: 'locks', key: 'train' } };
    const o = adaptToPlatform(
      template({ synchronization: { semaphores: [semaphore] } }, { synchronization: { mutexes: [{ name: 'm' }] } }),
      argo35,
      at,
    );
    expect((o.spec as Record<string, unknown>).synchronization).toEqual({ mutex: { name: 'm' } });
    expect(templateOf(o).synchronization).toEqual({ semaphore });
  });

  it('GIVEN Argo 3.5 and two mutexes WHEN adapted THEN the error names the minimum version', () => {
    expect(() =>
      adaptToPlatform(template({ synchronization: { mutexes: [{ name: 'a' }, { name: 'b' }] } }), argo35, at),
    ).toThrow(/templates\[0\] > synchronization > mutexes: Argo Workflows 3\.5 holds one mutex.*3\.6 or later/);
  });

  it('GIVEN Argo 3.6 and a database mutex WHEN adapted THEN it needs 3.7', () => {
    expect(() =>
      adaptToPlatform(template({ synchronization: { mutexes: [{ name: 'a', database: true }] } }), argo36, at),
    ).toThrow('a database-backed mutex needs Argo Workflows 3.7 or later');
    expect(
      templateOf(
        adaptToPlatform(template({ synchronization: { mutexes: [{ name: 'a', database: true }] } }), argo37, at),
      ).synchronization,
    ).toEqual({ mutexes: [{ name: 'a', database: true }] });
  });

  it('GIVEN a CronWorkflow with run labels on Argo 3.6 WHEN adapted THEN the labels move to the workflow spec', () => {
    const spec = adaptToPlatform(
      cron({ schedules: ['0 2 * * *'], workflowMetadata: { labels: { 'argosy.dev/schedule': 'nightly' } } }),
      argo36,
      at,
    ).spec as Record<string, unknown>;
    expect(spec).not.toHaveProperty('workflowMetadata');
    expect((spec.workflowSpec as Record<string, unknown>).workflowMetadata).toEqual({
      labels: { 'argosy.dev/schedule': 'nightly' },
    });
  });

  it('GIVEN parameter descriptions on Argo 3.7 WHEN adapted THEN they are dropped (4.0 added them)', () => {
    const o = adaptToPlatform(
      template(
        { inputs: { parameters: [{ name: 'x', description: 'the x' }] } },
        { arguments: { parameters: [{ name: 'y', value: '1', description: 'the y' }] } },
      ),
      argo37,
      at,
    );
    expect(templateOf(o).inputs).toEqual({ parameters: [{ name: 'x' }] });
    expect((o.spec as Record<string, unknown>).arguments).toEqual({ parameters: [{ name: 'y', value: '1' }] });
  });

  it('GIVEN a memoize ConfigMap without key on Argo 3.7 WHEN adapted THEN the key the older CRD requires is set', () => {
    const memoize = { key: 'k', cache: { configMap: { name: 'memo' } } };
    expect(templateOf(adaptToPlatform(template({ memoize }), argo37, at)).memoize).toEqual({
      key: 'k',
      cache: { configMap: { name: 'memo', key: 'memo' } },
    });
  });

  it('GIVEN plain withItems on Argo 3.6 WHEN adapted THEN they become withParam JSON', () => {
    const dag = { tasks: [{ name: 'shard', template: 't', withItems: ['0', '1'] }] };
    expect(templateOf(adaptToPlatform(template({ dag }), argo36, at)).dag).toEqual({
      tasks: [{ name: 'shard', template: 't', withParam: '["0","1"]' }],
    });
    expect(templateOf(adaptToPlatform(template({ dag }), argo37, at)).dag).toEqual(dag);
  });

  it('GIVEN a backoff cap no retry reaches on Argo 3.6 WHEN adapted THEN it is dropped; one that binds is an error', () => {
    const retry = (cap: string) => ({ limit: 3, backoff: { duration: '30s', factor: 2, cap } });
    expect(templateOf(adaptToPlatform(template({ retryStrategy: retry('5m') }), argo36, at)).retryStrategy).toEqual({
      limit: 3,
      backoff: { duration: '30s', factor: 2 },
    });
    expect(() => adaptToPlatform(template({ retryStrategy: retry('1m') }), argo36, at)).toThrow(
      /retryStrategy\.backoff\.cap: a backoff cap that shortens a wait \(120s uncapped\) needs Argo Workflows 3\.7/,
    );
  });
});

describe('adaptToPlatform: Istio', () => {
  it('GIVEN Istio 1.21 WHEN a VirtualService is adapted THEN it is networking.istio.io/v1beta1', () => {
    const vs: RenderedObject = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'v' },
    };
    expect(adaptToPlatform(vs, istio121, at).apiVersion).toBe('networking.istio.io/v1beta1');
    expect(adaptToPlatform(vs, newest, at).apiVersion).toBe('networking.istio.io/v1');
  });

  it('GIVEN Istio 1.21 WHEN a workflow reads a VirtualService THEN its resource manifest names v1beta1', () => {
    const manifest = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: v\n';
    const o = adaptToPlatform(template({ resource: { action: 'get', manifest } }), istio121, at);
    expect((templateOf(o).resource as { manifest: string }).manifest).toBe(
      'apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata:\n  name: v\n',
    );
  });
});
