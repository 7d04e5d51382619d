import { resolve } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { SchemaRegistry } from '../../synth/validate/schema-registry.ts';
import { randomPipeline, stepRecipe } from '../random-pipeline.ts';
import { synthApp } from '../render.ts';
import { sharedDir } from '../shared-dir.ts';

const registry = new SchemaRegistry(resolve(sharedDir(), 'schemas'));

it('PROPERTY: every random pipeline synthesizes to a strict-valid WorkflowTemplate', () => {
  fc.assert(
    fc.property(fc.array(stepRecipe, { minLength: 1, maxLength: 12 }), (steps) => {
      for (const f of synthApp({ pipelines: [randomPipeline('random', steps)] })) {
        expect(registry.validate(f.documents[0] as { apiVersion: string; kind: string })).toEqual([]);
      }
    }),
    { numRuns: 60 },
  );
});
