import { describe, expect, it } from 'vitest';
import { DslError } from '../errors.ts';
import { inline, template, templateRef } from './template.ts';
import { steps } from './steps.ts';
import { workflow } from './workflow.ts';

const render = (t: ReturnType<typeof template>) => t.render().ir;

describe('template()', () => {
  it("GIVEN a container spec WHEN rendered THEN it is Argo's template object with the name first-class", () => {
    const t = template('whalesay', { container: { image: 'docker/whalesay', command: ['cowsay'], args: ['hello'] } });
    expect(render(t)).toEqual({
      name: 'whalesay',
      container: { image: 'docker/whalesay', command: ['cowsay'], args: ['hello'] },
    });
  });

  it('GIVEN inputs and a body built from io handles WHEN rendered THEN references become {{inputs...}} text and inputs become lists', () => {
    const t = template(
      'print',
      {
        inputs: {
          parameters: { message: {}, level: { default: 'info', enum: ['info', 'debug'] } },
          artifacts: { data: { path: '/tmp/data' } },
        },
      },
      ({ inputs }) => ({
        container: {
          image: 'busybox',
          args: [
            inputs.parameters.message,
            `--level=${inputs.parameters.level}`,
            inputs.artifacts.data.path,
            `${inputs.parameters}`,
          ],
        },
      }),
    );
    expect(render(t)).toEqual({
      name: 'print',
      inputs: {
        parameters: [{ name: 'message' }, { name: 'level', default: 'info', enum: ['info', 'debug'] }],
        artifacts: [{ name: 'data', path: '/tmp/data' }],
      },
      container: {
        image: 'busybox',
        args: [
          '{{inputs.parameters.message}}',
          '--level={{inputs.parameters.level}}',
          '{{inputs.artifacts.data.path}}',
          '{{inputs.parameters}}',
        ],
      },
    });
  });

  it('GIVEN numbers and booleans as parameter values WHEN rendered THEN they are written as strings, as Argo stores them', () => {
    const t = template('t', { inputs: { parameters: { n: { value: 5 }, b: { default: true } } }, suspend: {} });
    expect(render(t).inputs?.parameters).toEqual([
      { name: 'n', value: '5' },
      { name: 'b', default: 'true' },
    ]);
  });

  it('GIVEN a body that runs a template declared later WHEN the workflow is built THEN it resolves (bodies are lazy)', () => {
    const main = template('main', {
      steps: steps((s) => {
        s.step('later', later);
      }),
    });
    const later = template('later', { suspend: {} });
    const wf = workflow({ metadata: { generateName: 'lazy-' }, spec: { entrypoint: main } });
    expect(wf.ir.spec).toMatchObject({
      entrypoint: 'main',
      templates: [{ name: 'main' }, { name: 'later', suspend: {} }],
    });
  });

  it('GIVEN two kinds or none WHEN rendered THEN a DslError names the template and the kinds', () => {
    const two = template('two', { container: { image: 'a' }, script: { image: 'b', source: 'x' } } as never);
    expect(() => render(two)).toThrow(DslError);
    expect(() => render(two)).toThrow(
      /template "two": a template has exactly one kind, this one has container and script/,
    );
    expect(() => render(template('none', {} as never))).toThrow(/a template needs exactly one kind/);
  });

  it('GIVEN an invalid template name WHEN declared THEN it fails at once with a suggestion', () => {
    expect(() => template('bad name', { suspend: {} })).toThrow(
      /template "bad name": template name must start with a letter or digit/,
    );
  });

  it('GIVEN a text reference to an undeclared input WHEN rendered THEN the error names the reference and the declared inputs', () => {
    const t = template('print', {
      inputs: { parameters: { message: {} } },
      container: { image: 'busybox', args: ['{{inputs.parameters.mesage}}'] },
    });
    expect(() => render(t)).toThrow(
      /"\{\{inputs.parameters.mesage\}\}" refers to "mesage", which is not one of the declared inputs.parameters \(message\)/,
    );
  });

  it('GIVEN an output path reference of the template itself WHEN rendered THEN it is checked against the declared outputs', () => {
    const ok = template('w', {}, ({ outputs }) => ({
      container: { image: 'a', args: [outputs.parameter('n').path] },
      outputs: { parameters: { n: { valueFrom: { path: '/n' } } } },
    }));
    expect(render(ok).container?.args).toEqual(['{{outputs.parameters.n.path}}']);
    const bad = template('w2', {}, ({ outputs }) => ({
      container: { image: 'a', args: [outputs.artifact('missing').path] },
    }));
    expect(() => render(bad)).toThrow(/not one of the declared outputs.artifacts \(none\)/);
  });

  it('GIVEN inline and templateRef callables WHEN run by a step THEN they render as inline and templateRef', () => {
    const main = template('main', {
      steps: steps((s) => {
        s.step('a', inline({ container: { image: 'argoproj/argosay:v2' } }));
        s.step('b', templateRef({ name: 'lib', template: 'print', clusterScope: true }), {
          arguments: { parameters: { message: 'hi' } },
        });
      }),
    });
    expect(render(main).steps).toEqual([
      [{ name: 'a', inline: { container: { image: 'argoproj/argosay:v2' } } }],
      [
        {
          name: 'b',
          templateRef: { name: 'lib', template: 'print', clusterScope: true },
          arguments: { parameters: [{ name: 'message', value: 'hi' }] },
        },
      ],
    ]);
  });

  it('GIVEN a template handle where plain data is expected WHEN rendered THEN the error points at the field', () => {
    const other = template('other', { suspend: {} });
    const t = template('t', { container: { image: 'a', args: [other as never] } });
    expect(() => render(t)).toThrow(
      /template "t" > container > args > \[0\]: expected plain data, got an object built by the DSL/,
    );
  });
});
