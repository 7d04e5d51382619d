import { expectTypeOf, test } from 'vitest';
import { uploadToKfp, type KfpUploadInput, type KfpUploadStep } from './index.ts';

test('uploadToKfp resolves to steps discriminated by kind', () => {
  const input: KfpUploadInput = { pipelines: [], recurringRuns: [] };
  expectTypeOf(uploadToKfp({ host: 'http://localhost:8888' }, input)).resolves.toEqualTypeOf<KfpUploadStep[]>();
  const step = {} as KfpUploadStep;
  if (step.kind === 'version-created') expectTypeOf(step.versionId).toBeString();
  // @ts-expect-error a created pipeline has no version name
  if (step.kind === 'pipeline-created') void step.version;
  // @ts-expect-error the host is required
  void uploadToKfp({ token: 't' }, input);
  // @ts-expect-error namespaces are strings
  void uploadToKfp({ host: 'h' }, input, { namespace: 1 });
});
