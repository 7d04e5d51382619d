import { describe, expect, it } from 'vitest';
import { component, param, pipeline } from '../index.ts';
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
