import { describe, expect, it } from 'vitest';
import { plain } from './plain.ts';
import { expr, exprPath, exprText, exprWith, item, loopItem, paramRef, refPath } from './refs.ts';
import { vars } from './vars.ts';
import { inputRefs, templateIO } from './io.ts';
import { template } from './template.ts';

describe('references', () => {
  it('GIVEN handles inside expr WHEN rendered THEN they become expression paths, indexing names that are not identifiers', () => {
    const io = templateIO<{ parameters: { foo: {}; 'week-temps': {} } }>();
    expect(expr`asInt(${io.inputs.parameters.foo}) * 10`).toBe('{{=asInt(inputs.parameters.foo) * 10}}');
    expect(exprText`jsonpath(${io.inputs.parameters['week-temps']}, '$.max')`).toBe(
      "jsonpath(inputs.parameters['week-temps'], '$.max')",
    );
    expect(exprPath('steps.flip-coin.outputs.result')).toBe("steps['flip-coin'].outputs.result");
    expect(expr`${'plain text'} + 1`).toBe('{{=plain text + 1}}');
  });

  it('GIVEN exprWith a double quote WHEN rendered THEN indexed segments use it and the text around is kept, leading space included', () => {
    const io = templateIO<{ parameters: { 'should-print': {}; plain: {} } }>();
    const dq = exprWith({ quote: '"' });
    expect(dq.expr` ${io.inputs.parameters['should-print']} == 'true'`).toBe(
      '{{= inputs.parameters["should-print"] == \'true\'}}',
    );
    expect(dq.exprText`${io.inputs.parameters.plain} != ''`).toBe("inputs.parameters.plain != ''");
    expect(exprWith({ quote: "'" }).expr`${io.inputs.parameters['should-print']}`).toBe(
      expr`${io.inputs.parameters['should-print']}`,
    );
  });

  it('GIVEN inputRefs of a parameter map WHEN another input of the same template uses one THEN it is {{inputs.parameters.<name>}} and passes the reference check', () => {
    const params = { revision: {} };
    const input = inputRefs(params);
    expect(input.revision).toBe('{{inputs.parameters.revision}}');
    const t = template('build', {
      inputs: {
        parameters: params,
        artifacts: { code: { path: '/src', git: { repo: 'https://example.com/r.git', revision: input.revision } } },
      },
      container: { image: 'golang' },
    });
    expect(t.render().ir.inputs?.artifacts?.[0]?.git?.revision).toBe('{{inputs.parameters.revision}}');
    const other = template('other', {
      inputs: { artifacts: { code: { path: '/src', git: { repo: 'r', revision: input.revision } } } },
      container: { image: 'golang' },
    });
    expect(() => other.render()).toThrow(
      /"\{\{inputs.parameters.revision\}\}" refers to "revision", which is not one of the declared inputs.parameters/,
    );
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
