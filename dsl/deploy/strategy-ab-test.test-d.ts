import { expectTypeOf, test } from 'vitest';
import { abMetric } from './ab-metric.ts';
import { abTest, header, type AbTestStrategy } from './strategy-ab-test.ts';

const primaryMetric = abMetric.rate({
  name: 'conversion',
  runner: { image: 'python:3.12-slim', script: 'print(1)' },
  successes: () => 's',
  trials: () => 't',
});
const common = { assignBy: header('x-arm'), duration: '7d', primaryMetric, minSamplesPerArm: 100 };

test('variant names are inferred from `variants`', () => {
  const t = abTest({
    ...common,
    variants: { control: {}, treatment: { model: { image: 'x:2' } } },
    primary: 'control',
  });
  expectTypeOf(t).toEqualTypeOf<AbTestStrategy<'control' | 'treatment'>>();
});

test('a typo in `primary` does not compile', () => {
  // @ts-expect-error "contrl" is not one of the variants
  abTest({ ...common, variants: { control: {}, treatment: {} }, primary: 'contrl' });
});

test('`primary` does not widen the variant set', () => {
  // @ts-expect-error "other" must not be inferred as a new variant name
  abTest({ ...common, variants: { a: {}, b: {} }, primary: 'other' });
});
