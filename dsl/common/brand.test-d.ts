import { expectTypeOf, test } from 'vitest';
import { brand, brandOf, guard } from './brand.ts';
import { DslError, isDslError } from '../errors.ts';
import { isCond, type Cond } from '../pipeline/conditions.ts';
import { isArtifactRef, isParamRef, type ArtifactRef, type ParamRef } from '../pipeline/refs.ts';

class Widget {
  readonly size = 1;
}

test('a guard is a type predicate for the branded class', () => {
  const isWidget = guard<Widget>('test.Widget');
  expectTypeOf(isWidget).toEqualTypeOf<(value: unknown) => value is Widget>();
  expectTypeOf(brandOf('test.Widget')).toEqualTypeOf<symbol>();
  const value: unknown = new Widget();
  if (isWidget(value)) expectTypeOf(value).toEqualTypeOf<Widget>();
});

test('only classes are branded: a plain object or function has no prototype to carry the brand', () => {
  brand(Widget, 'test.Widget');
  // @ts-expect-error a plain object is not a class
  brand({ size: 1 }, 'test.Widget');
  // @ts-expect-error an arrow function cannot be constructed
  brand(() => new Widget(), 'test.Widget');
});

test('the guards of references and conditions narrow unknown values, keeping what the caller knew', () => {
  const value: unknown = undefined;
  if (isParamRef(value)) expectTypeOf(value).toEqualTypeOf<ParamRef<unknown>>();
  if (isArtifactRef(value)) expectTypeOf(value).toEqualTypeOf<ArtifactRef<string>>();
  if (isCond(value)) expectTypeOf(value).toEqualTypeOf<Cond>();

  const arg = undefined as unknown as ParamRef<number> | string;
  if (isParamRef(arg)) expectTypeOf(arg).toEqualTypeOf<ParamRef<number>>();
  else expectTypeOf(arg).toEqualTypeOf<string>();
});

test('a parameter reference is not an artifact reference, nor the other way round', () => {
  expectTypeOf<ParamRef<number>>().not.toExtend<ArtifactRef<string>>();
  expectTypeOf<ArtifactRef<'Dataset'>>().not.toExtend<ParamRef<unknown>>();
});

test('errors of any copy narrow by isDslError and instanceof alike', () => {
  const e: unknown = undefined;
  // @ts-expect-error an unknown error has no parts until it is narrowed
  void e.parts;
  if (isDslError(e)) expectTypeOf(e).toEqualTypeOf<DslError>();
  if (e instanceof DslError) expectTypeOf(e).toEqualTypeOf<DslError>();
});
