import { ApiObject, App, Chart, JsonPatch, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartObjects } from './chart-objects.ts';

const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 6 }),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constantFrom(null, undefined, -0),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('__proto__', 'kind', 'metadata', '1', 'value')),
      tie('node'),
      {
        maxKeys: 5,
      },
    ),
  ),
})).node;
const object = fc.record({
  kind: fc.constantFrom('Workflow', 'ConfigMap'),
  name: fc.option(fc.constantFrom('a', 'b-c'), { nil: undefined }),
  labels: fc.dictionary(fc.constantFrom('x', 'app.kubernetes.io/name'), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
  annotations: fc.option(fc.dictionary(fc.constantFrom('y', 'z'), fc.string({ maxLength: 4 })), { nil: undefined }),
  body: fc.dictionary(fc.constantFrom('spec', 'data', 'rules', 'status', 'zz'), value, { maxKeys: 3 }),
});

type Sample = typeof object extends fc.Arbitrary<infer T> ? T : never;

/** Builds the same chart twice, so the fast path and cdk8s each render one of them. */
function charts(objects: readonly Sample[] | unknown[], build = addAll): [Chart, Chart] {
  return [0, 1].map(() => {
    const chart = new Chart(new App(), 'env.app', {
      disableResourceNameHashes: true,
      labels: { team: 'ml' },
      namespace: 'ml',
    });
    build(chart, objects as Sample[]);
    return chart;
  }) as [Chart, Chart];
}

function addAll(chart: Chart, objects: readonly Sample[]): void {
  objects.forEach((o, i) => {
    const metadata = o.name
      ? { name: `${o.name}-${i}`, labels: o.labels, annotations: o.annotations }
      : { generateName: `gen-${i}-`, labels: o.labels };
    const obj = new ApiObject(chart, `${o.kind}.${i}`, { apiVersion: 'v1', kind: o.kind, metadata, ...o.body });
    // As charts/api-object.ts does for objects named by the cluster.
    if (!o.name) obj.addJsonPatch(JsonPatch.remove('/metadata/name'));
  });
}

/** The rendering as JSON text (key order included) and as a value, or the error it failed with. */
function outcome(render: () => unknown): unknown {
  try {
    const r = render();
    return { text: JSON.stringify(r), value: r };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('chart objects without the cdk8s resolve pass', () => {
  it('PROPERTY: plain objects render exactly as chart.toJson() renders them, key order included', () => {
    fc.assert(
      fc.property(fc.array(object, { maxLength: 4 }), (objects) => {
        const [fast, cdk8s] = charts(objects);
        expect(outcome(() => chartObjects(fast))).toEqual(outcome(() => cdk8s.toJson()));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('GIVEN Lazy values, cdk8s-plus constructs, dependencies, validations or nested charts beside plain objects WHEN rendered THEN the result is chart.toJson()', () => {
    const plainObject = (chart: Chart, id: string) =>
      new ApiObject(chart, id, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: id },
        data: { a: 'b', n: null },
      });
    const builds: ((chart: Chart) => void)[] = [
      (chart) =>
        new ApiObject(chart, 'lazy', {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          data: { a: Lazy.any({ produce: () => 'x' }) },
        }),
      (chart) => {
        plainObject(chart, 'before');
        new kplus.ServiceAccount(chart, 'sa', { metadata: { name: 'sa' } });
        new kplus.Service(chart, 'svc', {
          metadata: { name: 'svc' },
          ports: [{ port: 80 }],
          selector: kplus.Pods.select(chart, 'pods', { labels: { app: 'x' } }),
        });
        plainObject(chart, 'after');
      },
      (chart) => {
        const a = plainObject(chart, 'a');
        const b = plainObject(chart, 'b');
        a.addDependency(b);
      },
      (chart) => {
        plainObject(chart, 'x').node.addValidation({ validate: () => ['broken on purpose'] });
      },
      (chart) => {
        plainObject(chart, 'outer');
        plainObject(new Chart(chart, 'nested'), 'inner');
      },
    ];
    for (const build of builds) {
      const [fast, cdk8s] = charts([], (chart) => build(chart));
      expect(outcome(() => chartObjects(fast))).toEqual(outcome(() => cdk8s.toJson()));
    }
  });

  it('GIVEN a class instance in the data WHEN rendered THEN cdk8s reports it as it always did', () => {
    const [fast] = charts(
      [],
      (chart) => new ApiObject(chart, 'x', { apiVersion: 'v1', kind: 'ConfigMap', data: { when: new Date(0) } }),
    );
    expect(() => chartObjects(fast)).toThrow(/can't render non-simple object of type 'Date'/);
  });
});
