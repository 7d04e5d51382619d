import { describe, expect, it } from 'vitest';
import { item, loopItem } from './refs.ts';
import { steps } from './steps.ts';
import { template } from './template.ts';

const echo = template('echo', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', args: [inputs.parameters.message] },
}));
const gen = template('gen', {
  script: { image: 'python', source: 'print(1)' },
  outputs: { parameters: { n: { valueFrom: { path: '/n' } } }, artifacts: { out: { path: '/out' } } },
});
const consume = template('consume', {
  inputs: { parameters: { n: {} }, artifacts: { data: { path: '/data' } } },
  container: { image: 'busybox' },
});

describe('steps()', () => {
  it('GIVEN s.step and s.parallel WHEN rendered THEN each call is one group, in order', () => {
    const t = template('main', {
      steps: steps((s) => {
        s.step('one', echo, { arguments: { parameters: { message: '1' } } });
        s.parallel((g) => {
          g.step('two-a', echo, { arguments: { parameters: { message: '2a' } } });
          g.step('two-b', echo, { arguments: { parameters: { message: '2b' } } });
        });
      }),
    });
    expect(t.render().ir.steps?.map((g) => g.map((st) => st.name))).toEqual([['one'], ['two-a', 'two-b']]);
  });

  it('GIVEN step handles WHEN their outputs feed later steps THEN the arguments reference {{steps.<name>...}}', () => {
    const t = template('main', {
      steps: steps((s) => {
        const g1 = s.step('gen', gen);
        s.step('use', consume, {
          arguments: { parameters: { n: g1.outputs.parameters.n }, artifacts: { data: g1.outputs.artifacts.out } },
          when: `${g1.outputs.result} != 0 && ${g1.status} == Succeeded`,
        });
      }),
    });
    expect(t.render().ir.steps?.[1]).toEqual([
      {
        name: 'use',
        template: 'consume',
        arguments: {
          parameters: [{ name: 'n', value: '{{steps.gen.outputs.parameters.n}}' }],
          artifacts: [{ name: 'data', from: '{{steps.gen.outputs.artifacts.out}}' }],
        },
        when: '{{steps.gen.outputs.result}} != 0 && {{steps.gen.status}} == Succeeded',
      },
    ]);
  });

  it('GIVEN loops WHEN rendered THEN withItems/withParam/withSequence pass through and item refs render', () => {
    const os = loopItem('image', 'tag');
    const t = template('main', {
      steps: steps((s) => {
        s.step('a', echo, { arguments: { parameters: { message: item } }, withItems: ['x', 1, { k: true }] });
        s.step('b', echo, { arguments: { parameters: { message: `${os.image}:${os.tag}` } }, withParam: '["a"]' });
        s.step('c', echo, { arguments: { parameters: { message: os } }, withSequence: { count: '3' } });
      }),
    });
    const [[a], [b], [c]] = t.render().ir.steps as unknown as [[object], [object], [object]];
    expect(a).toMatchObject({
      withItems: ['x', 1, { k: true }],
      arguments: { parameters: [{ name: 'message', value: '{{item}}' }] },
    });
    expect(b).toMatchObject({
      withParam: '["a"]',
      arguments: { parameters: [{ name: 'message', value: '{{item.image}}:{{item.tag}}' }] },
    });
    expect(c).toMatchObject({
      withSequence: { count: '3' },
      arguments: { parameters: [{ name: 'message', value: '{{item}}' }] },
    });
  });

  it("GIVEN hooks as a function WHEN rendered THEN the hook can pass the step's own outputs on", () => {
    const exit = template('exit', {
      inputs: { artifacts: { message: { path: '/m' } } },
      container: { image: 'busybox' },
    });
    const t = template('main', {
      steps: steps((s) => {
        s.step('step-1', gen, {
          hooks: (self) => ({
            exit: { template: exit, arguments: { artifacts: { message: self.outputs.artifacts.out } } },
          }),
        });
      }),
    });
    expect(t.render().ir.steps?.[0]?.[0]?.hooks).toEqual({
      exit: {
        template: 'exit',
        arguments: { artifacts: [{ name: 'message', from: '{{steps.step-1.outputs.artifacts.out}}' }] },
      },
    });
  });

  it('GIVEN undeclared arguments WHEN rendered THEN they are passed after the declared ones, and a declared name is refused', () => {
    const t = template('main', {
      steps: steps((s) => {
        s.step('a', echo, {
          arguments: { parameters: { message: 'm' } },
          undeclaredArguments: { parameters: { seconds: '1' } },
        });
      }),
    });
    expect(t.render().ir.steps?.[0]?.[0]?.arguments).toEqual({
      parameters: [
        { name: 'message', value: 'm' },
        { name: 'seconds', value: '1' },
      ],
    });
    const bad = template('bad', {
      steps: steps((s) => {
        s.step('a', echo, {
          arguments: { parameters: { message: 'm' } },
          undeclaredArguments: { parameters: { message: 'x' } },
        });
      }),
    });
    expect(() => bad.render()).toThrow(
      /step "a" > undeclaredArguments: "message" is a declared input of the template, not an undeclared argument/,
    );
  });

  it('GIVEN two steps with one name WHEN built THEN a DslError names the duplicate', () => {
    const t = template('main', {
      steps: steps((s) => {
        s.step('a', gen);
        s.step('a', gen);
      }),
    });
    expect(() => t.render()).toThrow(/step "a": two steps are named "a"/);
  });

  it('GIVEN two loop sources or an empty group WHEN built THEN a DslError explains the fix', () => {
    const two = template('two', {
      steps: steps((s) => {
        s.step('a', gen, { withItems: [1], withParam: '[1]' });
      }),
    });
    expect(() => two.render()).toThrow(/a step fans out over one source at most/);
    const empty = template('empty', {
      steps: steps((s) => {
        s.parallel(() => undefined);
      }),
    });
    expect(() => empty.render()).toThrow(/a parallel group has no steps/);
    expect(() => template('none', { steps: steps(() => undefined) }).render()).toThrow(/a steps template has no steps/);
  });

  it('GIVEN a text reference to an unknown step WHEN rendered THEN the lint names the known steps', () => {
    const t = template('main', {
      steps: steps((s) => {
        s.step('gen', gen);
        s.step('use', echo, { arguments: { parameters: { message: '{{steps.gne.outputs.result}}' } } });
      }),
    });
    expect(() => t.render()).toThrow(/refers to "gne", which is not one of the steps of this template \(gen, use\)/);
  });

  it('GIVEN body refs WHEN the template outputs use them THEN outputs reference the inner step', () => {
    const t = template('outer', {}, () => {
      const body = steps((s) => ({ g: s.step('gen', gen) }));
      return {
        steps: body,
        outputs: { parameters: { n: { valueFrom: { parameter: body.refs.g.outputs.parameters.n } } } },
      };
    });
    expect(t.render().ir.outputs).toEqual({
      parameters: [{ name: 'n', valueFrom: { parameter: '{{steps.gen.outputs.parameters.n}}' } }],
    });
  });
});
