import { describe, expect, it } from 'vitest';
import { artifact, component, param, pipeline } from '../index.ts';
import type { ParamPort } from './ports.ts';

/** Declares a component whose only input is `port`, the way a JavaScript caller might. */
const withInput = (port: unknown) =>
  component('c', { image: 'busybox:1.36', inputs: { x: port as ParamPort<unknown> }, command: ['true'] });
const withParam = (port: unknown) =>
  pipeline('p', { params: { x: port as ParamPort<unknown> } }, (p) => {
    p.task('t', component('t', { image: 'busybox:1.36', command: ['true'] }));
  });

describe('parameter defaults and enums', () => {
  it.each([
    [
      param.int().default(2.5),
      'component "c" > input "x" > default: default is not an integer (got 2.5). Use a whole number, e.g. 3.',
    ],
    [
      param.int().default('seven' as never),
      'component "c" > input "x" > default: default is not an integer (got "seven"). Use a whole number, e.g. 3.',
    ],
    [
      param.float().default(Number.NaN),
      'component "c" > input "x" > default: default is not a finite number (got NaN). Use a finite number, e.g. 0.5.',
    ],
    [
      param.float().default(Number.POSITIVE_INFINITY),
      'component "c" > input "x" > default: default is not a finite number (got Infinity). Use a finite number, e.g. 0.5.',
    ],
    [
      param.string().default(3 as never),
      'component "c" > input "x" > default: default is not a string (got 3). Use a string, e.g. "daily".',
    ],
    [
      param.bool().default('yes' as never),
      'component "c" > input "x" > default: default is not a boolean (got "yes"). Use true or false.',
    ],
    [
      param.json().default({ f: () => 1 } as never),
      'component "c" > input "x" > default: default is not JSON data (got {"f":a function}). Use plain JSON data: objects, arrays, strings, finite numbers, booleans or null.',
    ],
    [
      param.list<string>().default('a' as never),
      'component "c" > input "x" > default: the default of a param.list() is not a list (got "a"). Use an array, e.g. ["a", "b"].',
    ],
    [
      param
        .string()
        .enum(['a'])
        .default('b' as never),
      'component "c" > input "x" > default: default is not one of the enum values (got "b"). Use one of: "a".',
    ],
    [
      param
        .string()
        .default('b')
        .enum(['a'] as never),
      'component "c" > input "x" > default: default is not one of the enum values (got "b"). Use one of: "a".',
    ],
    [
      param.int().enum([1, 1.5]),
      'component "c" > input "x" > enum[1]: enum value is not an integer (got 1.5). Use a whole number, e.g. 3.',
    ],
    [
      param.string().enum([]),
      'component "c" > input "x" > enum: enum lists no values (got []). List the allowed values, e.g. .enum(["train", "test"]), or remove .enum().',
    ],
  ])(
    'GIVEN a component input %# with a bad default or enum WHEN the component is defined THEN it fails naming the input',
    (port, message) => {
      expect(() => withInput(port)).toThrow(message);
    },
  );

  it('GIVEN a pipeline parameter with a fractional int default WHEN the pipeline is defined THEN it fails naming the parameter', () => {
    expect(() => withParam(param.int().default(2.5))).toThrow(
      'pipeline "p" > param "x" > default: default is not an integer (got 2.5). Use a whole number, e.g. 3.',
    );
  });

  it('GIVEN valid defaults in either order with enum WHEN defined THEN the IR keeps them', () => {
    const c = component('ok', {
      image: 'busybox:1.36',
      inputs: {
        a: param.string().default('b').enum(['a', 'b']),
        n: param.int().enum([1, 2]).default(2),
        f: param.float().default(3),
        l: param.list<string>().default([]),
        j: param.json().default(null),
      },
      command: ['true'],
    });
    expect(c.ir.inputs.map((p) => (p.kind === 'param' ? [p.name, p.default, p.enum] : []))).toEqual([
      ['a', 'b', ['a', 'b']],
      ['n', 2, [1, 2]],
      ['f', 3, undefined],
      ['l', [], undefined],
      ['j', null, undefined],
    ]);
  });
});

describe('values that are not ports', () => {
  const withOutput = (port: unknown) =>
    component('c', { image: 'busybox:1.36', outputs: { y: port as ParamPort<unknown> }, command: ['true'] });

  it.each([
    ['a plain object', { kind: 'Dataset' }, 'component "c" > input "x": not a port (got {"kind":"Dataset"})'],
    ['a kind string', 'Dataset', 'component "c" > input "x": not a port (got "Dataset")'],
    ['null', null, 'component "c" > input "x": not a port (got null)'],
    [
      'an object with a portKind but no class',
      { portKind: 'artifact', spec: {} },
      'component "c" > input "x": not a port',
    ],
  ])(
    'GIVEN %s as an input WHEN the component is defined THEN a DslError names the component and port',
    (_n, port, message) => {
      expect(() => withInput(port)).toThrow(message);
      expect(() => withInput(port)).not.toThrow(/toIR is not a function/);
    },
  );

  it('GIVEN an unknown port as an output THEN the error names the output', () => {
    expect(() => withOutput({ kind: 'Model' })).toThrow(
      'component "c" > output "y": not a port (got {"kind":"Model"})',
    );
  });

  it('GIVEN inputs as a list THEN the error asks for named ports', () => {
    expect(() => component('c', { image: 'busybox:1.36', inputs: [param.int()] as never, command: ['true'] })).toThrow(
      'component "c" > inputs: inputs must be an object of named ports',
    );
  });

  it.each([
    [
      'an empty artifact kind',
      artifact(''),
      'component "c" > input "x": artifact kind must be a non-empty string (got "")',
    ],
    [
      'a relative .at() path',
      artifact('Model').at('models/m.bst'),
      'component "c" > input "x" > at: artifact path must be an absolute path in the container (got "models/m.bst")',
    ],
    [
      'an empty .at() path',
      artifact('Model').at(''),
      'component "c" > input "x" > at: artifact path must be an absolute path in the container (got "")',
    ],
  ])('GIVEN %s WHEN the component is defined THEN it is refused', (_n, port, message) => {
    expect(() => withInput(port)).toThrow(message);
  });

  it('GIVEN a json default that refers to itself WHEN the component is defined THEN a DslError, not a stack overflow', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => withInput(param.json().default(cyclic as never))).toThrow(
      'component "c" > input "x" > default: default is not JSON data (got {"a":1,"self":[circular]})',
    );
    const shared = { a: 1 };
    expect(withInput(param.json().default({ x: shared, y: shared })).ir.inputs[0]).toMatchObject({
      default: { x: { a: 1 }, y: { a: 1 } },
    });
  });
});
