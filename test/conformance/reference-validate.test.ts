import { describe, expect, it } from 'vitest';
import referenceProject from '../../pipelines/index.ts';
import { synthesize } from '../../synth/engine.ts';
import { validateSources } from '../../synth/validate/validate.ts';

// The schema layer is covered by schemas.test.ts; compiling the big CRD schemas twice would only cost CI time.
describe('the reference project passes the semantic, policy and size layers of argosy validate', () => {
  it('has no findings in Argo, metadata, policy and size layers', () => {
    const { files } = synthesize(referenceProject);
    const documents = files.flatMap((f) => f.documents.map((object, index) => ({ file: f.path, index, object })));
    const reports = validateSources({ documents, problems: [], files: files.length }, { skip: ['schema'] });
    expect(reports.flatMap((r) => r.findings.map((f) => `${r.file}: ${f.rule} ${f.path} ${f.message}`))).toEqual([]);
  });
});
