import { describe, expect, it } from 'vitest';
import { plain } from './plain.ts';
import { expr, exprPath, exprText, item, loopItem, paramRef, refPath } from './refs.ts';
import { vars } from './vars.ts';
import { templateIO } from './io.ts';

describe('references', () => {
  it('GIVEN handles inside expr WHEN rendered THEN they become expression paths, indexing names that are not identifiers', () => {
    const io = templateIO<{ parameters: { foo: {}; 'week-temps': {} } }>();
    expect(expr`asInt(${io.inputs.parameters.foo}) * 10`).toBe('{{=asInt(inputs.parameters.foo) * 10}}');
    expect(exprText`jsonpath(${io.inputs.parameters['week-temps']}, '$.max')`).toBe("jsonpath(inputs.parameters['week-temps'], '$.max')");
    expect(exprPath('steps.flip-coin.outputs.result')).toBe("steps['flip-coin'].outputs.result");
    expect(expr`${'plain text'} + 1`).toBe('{{=plain text + 1}}');
  });

  it('GIVEN references with fields WHEN used as text THEN they are the {{...}} string everywhere', () => {
    const os = loopItem('image', 'tag');
    expect(`${os}`).toBe('{{item}}');
    expect(String(os)).toBe('{{item}}');
    expect(os.image).toBe('{{item.image}}');
    expect(plain({ v: os, list: [os, item] }, [])).toEqual({ v: '{{item}}', list: ['{{item}}', '{{item}}'] });
    expect(vars.workflow.creationTimestamp.RFC3339).toBe('{{workflow.creationTimestamp.RFC3339}}');
    expect(`${vars.workflow.creationTimestamp}`).toBe('{{workflow.creationTimestamp}}');
    expect(vars.workflow.annotation('example.io/owner')).toBe('{{workflow.annotations.example.io/owner}}');
    expect(vars.workflow.outputs.artifact('x')).toBe('{{workflow.outputs.artifacts.x}}');
  });

  it('GIVEN a reference WHEN its path is asked THEN only a single {{path}} tag has one', () => {
    expect(refPath(paramRef('inputs.parameters.x'))).toBe('inputs.parameters.x');
    expect(refPath('a {{x}}')).toBeUndefined();
    expect(refPath('{{=x}}')).toBeUndefined();
  });

  it('GIVEN a function or a non-finite number in DSL data WHEN copied to IR THEN the error names the field', () => {
    expect(() => plain({ a: { b: () => 1 } }, ['template "t"'])).toThrow(/template "t" > a > b: expected plain data/);
    expect(() => plain({ n: Number.NaN }, [])).toThrow(/n: numbers must be finite/);
  });
});
