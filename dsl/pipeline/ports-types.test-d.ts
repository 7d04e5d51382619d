import { describe, expectTypeOf, it } from 'vitest';
import { param, type ParamPort } from '../index.ts';

describe('parameter port defaults', () => {
  it('a default outside the enum does not compile, whichever comes first', () => {
    // @ts-expect-error Argument of type '"b"' is not assignable to parameter of type '"a"'
    param.string().enum(['a']).default('b');
    // @ts-expect-error the default must be one of the listed values
    param.string().default('b').enum(['a']);
    // @ts-expect-error the default must be one of the listed values
    param.int().default(4).enum([1, 2, 3]);
  });

  it('a default of the wrong type does not compile', () => {
    // @ts-expect-error Argument of type 'string' is not assignable to parameter of type 'number'
    param.int().default('seven');
    // @ts-expect-error Argument of type 'number' is not assignable to parameter of type 'boolean'
    param.bool().default(1);
  });

  it('a default inside the enum keeps the narrowed type and makes the port optional', () => {
    const split = param.string().default('train').enum(['train', 'test']);
    expectTypeOf(split).toExtend<ParamPort<'train' | 'test', true>>();
    expectTypeOf(param.float().default(0.05)).toExtend<ParamPort<number, true>>();
  });
});
