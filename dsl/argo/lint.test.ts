import { describe, expect, it } from 'vitest';
import { checkTemplateReferences, references } from './lint.ts';

describe('template reference check', () => {
  it('GIVEN plain tags and expressions WHEN parsed THEN scoped references are found with their names', () => {
    expect(
      references(
        "{{inputs.parameters.a}} {{= inputs.parameters['b-c'] + steps.x.outputs.result }} {{tasks.y.ip}} {{workflow.name}}",
      ).map((r) => `${r.scope}:${r.name}`),
    ).toEqual(['inputs.parameters:a', 'inputs.parameters:b-c', 'steps:x', 'tasks:y']);
    expect(references('{{item.steps.x}} steps.x.outputs')).toEqual([]);
  });

  it('GIVEN references to what a template has WHEN checked THEN nothing is reported, including {{steps.name}}', () => {
    expect(() =>
      checkTemplateReferences(
        {
          name: 't',
          inputs: { parameters: [{ name: 'a' }] },
          steps: [
            [
              {
                name: 's',
                template: 'x',
                arguments: { parameters: [{ name: 'p', value: '{{inputs.parameters.a}} {{steps.name}}' }] },
              },
            ],
          ],
        },
        [],
      ),
    ).not.toThrow();
  });

  it('GIVEN an inline template WHEN checked THEN its own scope is skipped (it is checked when it renders)', () => {
    expect(() =>
      checkTemplateReferences(
        { name: 't', steps: [[{ name: 's', inline: { container: { image: '{{inputs.parameters.tag}}' } } }]] },
        [],
      ),
    ).not.toThrow();
  });

  it('GIVEN an expression field WHEN it names an unknown step THEN it is checked like a {{= }} tag', () => {
    const t = {
      name: 't',
      steps: [[{ name: 'flip-coin', template: 'x' }]],
      outputs: {
        parameters: [
          {
            name: 'r',
            valueFrom: { expression: "steps['flip-coin'].outputs.result == 'heads' ? steps.heads.outputs.result : ''" },
          },
        ],
      },
    };
    expect(() => checkTemplateReferences(t, [])).toThrow(
      /refers to "heads", which is not one of the steps of this template \(flip-coin\)/,
    );
  });

  it('GIVEN a DAG template WHEN a task reference is unknown THEN the error lists the tasks', () => {
    expect(() =>
      checkTemplateReferences(
        {
          name: 't',
          dag: {
            tasks: [
              { name: 'A', template: 'x' },
              { name: 'B', template: 'x', when: '{{tasks.a.outputs.result}} == 1' },
            ],
          },
        },
        ['template "t"'],
      ),
    ).toThrow(
      /template "t": "\{\{tasks.a.outputs.result\}\}" refers to "a", which is not one of the tasks of this DAG \(A, B\)/,
    );
  });
});
