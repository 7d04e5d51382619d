import { describe, expectTypeOf, it } from 'vitest';
import {
  and,
  dag,
  inline,
  inputRefs,
  loopItem,
  steps,
  template,
  templateRef,
  workflow,
  workflowArguments,
  workflowTemplate,
  type ArtifactRef,
  type ParamRef,
} from './index.ts';

const echo = template(
  'echo',
  { inputs: { parameters: { message: {}, level: { default: 'info' } } } },
  ({ inputs }) => ({
    container: { image: 'busybox', args: [inputs.parameters.message, inputs.parameters.level] },
  }),
);
const gen = template('gen', {
  script: { image: 'python', source: 'print(1)' },
  outputs: { parameters: { n: { valueFrom: { path: '/n' } } }, artifacts: { out: { path: '/out' } } },
});
const consume = template('consume', {
  inputs: { artifacts: { data: { path: '/data' } }, parameters: { n: {} } },
  container: { image: 'busybox' },
});

describe('Argo-native DSL types', () => {
  it('io handles exist only for declared inputs', () => {
    template('t', { inputs: { parameters: { message: {} } } }, ({ inputs }) => {
      expectTypeOf(inputs.parameters.message).toEqualTypeOf<ParamRef>();
      // @ts-expect-error misspelt input
      void inputs.parameters.mesage;
      // @ts-expect-error no artifacts declared
      void inputs.artifacts.data;
      return { suspend: {} };
    });
  });

  it('a template has exactly one kind', () => {
    // @ts-expect-error container and script together
    template('two', { container: { image: 'a' }, script: { image: 'b', source: 'x' } });
    // @ts-expect-error unknown template field
    template('typo', { contianer: { image: 'a' } });
  });

  it('step arguments are checked against the template inputs', () => {
    steps((s) => {
      s.step('ok', echo, { arguments: { parameters: { message: 'hi' } } });
      s.step('ok-with-optional', echo, { arguments: { parameters: { message: 'hi', level: 'debug' } } });
      // @ts-expect-error required input "message" is missing
      s.step('missing', echo, { arguments: { parameters: { level: 'debug' } } });
      // @ts-expect-error arguments are required when the template has required inputs
      s.step('no-args', echo);
      // @ts-expect-error unknown input
      s.step('unknown', echo, { arguments: { parameters: { message: 'hi', colour: 'red' } } });
      s.step('no-inputs', gen);
      // @ts-expect-error the template declares no inputs, so any argument is a mistake
      s.step('no-inputs-with-args', gen, { arguments: { parameters: { seconds: '1' } } });
      s.step('stated-explicitly', gen, { undeclaredArguments: { parameters: { seconds: '1' } } });
    });
  });

  it('outputs are typed and artifacts only accept artifact references', () => {
    steps((s) => {
      const g = s.step('gen', gen);
      expectTypeOf(g.outputs.parameters.n).toEqualTypeOf<ParamRef>();
      expectTypeOf(g.outputs.artifacts.out).toEqualTypeOf<ArtifactRef>();
      // @ts-expect-error misspelt output
      void g.outputs.parameters.m;
      s.step('use', consume, {
        arguments: { parameters: { n: g.outputs.parameters.n }, artifacts: { data: g.outputs.artifacts.out } },
      });
      // @ts-expect-error a parameter reference is not an artifact
      s.step('wrong', consume, { arguments: { parameters: { n: '1' }, artifacts: { data: g.outputs.parameters.n } } });
    });
  });

  it('depends takes task handles of a DAG, not text', () => {
    dag((d) => {
      const A = d.task('A', gen);
      const B = d.task('B', gen, { depends: A });
      d.task('C', gen, { depends: and(A, B.failed) });
      // @ts-expect-error depends is built from handles
      d.task('D', gen, { depends: 'A && B' });
    });
  });

  it('loop items declare their fields', () => {
    const os = loopItem('image', 'tag');
    expectTypeOf(os.image).toEqualTypeOf<ParamRef>();
    // @ts-expect-error undeclared item field
    void os.version;
  });

  it('inputRefs gives references only to the parameters it was given', () => {
    const input = inputRefs({ revision: {} });
    expectTypeOf(input.revision).toEqualTypeOf<ParamRef>();
    // @ts-expect-error not one of the parameters
    void input.revison;
  });

  it('workflow arguments give typed references', () => {
    const args = workflowArguments({ parameters: { message: 'hello' } });
    expectTypeOf(args.parameters.message).toEqualTypeOf<ParamRef>();
    // @ts-expect-error undeclared workflow parameter
    void args.parameters.messag;
  });

  it('templateRef of a WorkflowTemplate keeps the template types; an external one accepts any names', () => {
    const wt = workflowTemplate({ metadata: { name: 'lib' }, spec: { templates: [echo] } });
    steps((s) => {
      s.step('typed', wt.templateRef(echo), { arguments: { parameters: { message: 'x' } } });
      // @ts-expect-error still typed through the reference
      s.step('typed-missing', wt.templateRef(echo), { arguments: { parameters: {} } });
      s.step('external', templateRef({ name: 'lib', template: 'anything' }), {
        arguments: { parameters: { whatever: 'x' } },
      });
      s.step('inline', inline({ container: { image: 'busybox' } }));
    });
  });

  it('the entrypoint is a template object and metadata needs a name or a generateName', () => {
    workflow({ metadata: { generateName: 'x-' }, spec: { entrypoint: gen } });
    // @ts-expect-error entrypoint by name
    workflow({ metadata: { generateName: 'x-' }, spec: { entrypoint: 'gen' } });
    // @ts-expect-error v3 singular synchronization fields are gone in v4
    workflow({ metadata: { name: 'x' }, spec: { synchronization: { mutex: { name: 'm' } } } });
  });
});
