import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runArgoValidateCorpus } from '../conformance/argo-validate-corpus.ts';
import { ROOT, sharedDir } from '../shared-dir.ts';
import { argoCorpusVerdicts } from './argo-lint.ts';

const bin = inject('argoLint');
const corpus = resolve(sharedDir(), 'corpus', 'argo-validate');

/**
 * Cases where Argo's validator (argo-lint, the pinned argo-workflows module) and `argosy validate`
 * (its Argo layer, same options) give different verdicts, each with the reason. docs/testing.md
 * shows the same table; a new disagreement fails until it is fixed or listed here and there.
 */
const NEWER = {
  dynamicSteps:
    'Argo accepts dynamic step names built from input parameters only after v4.0.5 (the corpus cases named 15896); Argosy follows the corpus (Argo main): valid',
  podResources:
    'pod-level resources are an Argo 4.1 feature: v4.0.5 does not know the field and does not check it; Argosy follows the corpus (Argo main): invalid',
  claims:
    'resource claims are an Argo 4.1 feature: v4.0.5 does not know the field and does not check it; Argosy follows the corpus (Argo main): invalid',
  aux: 'reserved auxiliary container names are checked since Argo 4.1, not by v4.0.5; Argosy follows the corpus (Argo main): invalid',
};
export const KNOWN_DISAGREEMENTS: Readonly<Record<string, string>> = {
  'TestDynamicStepNameWithInputParameters__dynamicStepNameWorkflow15896.yaml [Opts{}]': NEWER.dynamicSteps,
  'TestDynamicStepNameWithInputParameters__dynamicStepNameWorkflowLocal15896.yaml [Opts{}]': NEWER.dynamicSteps,
  'TestPodResourceClaimsValidation__resourceClaimsOnHTTPTemplate.yaml [Opts{}]': NEWER.claims,
  'TestPodResourceClaimsValidation__resourceClaimsOnStepsTemplate.yaml [Opts{}]': NEWER.claims,
  'TestPodResourcesValidation__podResourcesClaims.yaml [Opts{}]': NEWER.podResources,
  'TestPodResourcesValidation__podResourcesInvalidResourceName.yaml [Opts{}]': NEWER.podResources,
  'TestPodResourcesValidation__podResourcesOnHTTPTemplate.yaml [Opts{}]': NEWER.podResources,
  'TestReservedAuxContainerNames__containerSetSupervisor.yaml [Opts{}]': NEWER.aux,
  'TestReservedAuxContainerNames__sidecarWait.yaml [Opts{}]': NEWER.aux,
};

/** One case of the corpus: its file and the validator options of Argo's test. */
const key = (file: string, opts: string): string => `${file} [${opts}]`;

describe("Argo's validator and argosy validate agree, case by case, on ../shared/corpus/argo-validate", () => {
  const argo = new Map(argoCorpusVerdicts(bin, corpus).map((v) => [key(v.file, v.opts), v.error]));
  const ours = runArgoValidateCorpus(corpus);
  const rows = ours.map((r) => {
    const argoError = argo.get(key(r.file, r.opts));
    return {
      case: key(r.file, r.opts),
      corpus: r.expected,
      argo: argoError === undefined ? 'missing' : argoError === '' ? 'valid' : 'invalid',
      argosy: r.got === undefined ? 'valid' : 'invalid',
      argoError,
      argosyError: r.got,
    };
  });
  const disagreements = rows.filter((r) => r.argo !== r.argosy);
  const agree = rows.length - disagreements.length;
  console.log(
    [
      `argo-validate corpus: argo-lint and argosy validate agree on ${agree}/${rows.length} cases`,
      ...disagreements.map(
        (d) =>
          `  disagree: ${d.case}: corpus ${d.corpus}; argo-lint ${d.argo}${d.argoError ? ` (${d.argoError})` : ''}; argosy ${d.argosy}${d.argosyError ? ` (${d.argosyError})` : ''}`,
      ),
    ].join('\n'),
  );

  it('runs every case of the corpus through both validators', () => {
    expect(rows.length).toBeGreaterThanOrEqual(151);
    expect(rows.filter((r) => r.argo === 'missing')).toEqual([]);
  });

  it('disagrees only where listed, with a reason', () => {
    expect(Object.fromEntries(disagreements.map((d) => [d.case, KNOWN_DISAGREEMENTS[d.case] ?? 'UNLISTED']))).toEqual(
      KNOWN_DISAGREEMENTS,
    );
  });

  it('is reported in docs/testing.md: the count and every disagreement', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'testing.md'), 'utf8');
    expect(doc).toContain(`agree on ${agree} of ${rows.length} cases`);
    for (const d of disagreements) expect(doc).toContain(`| ${d.case.replace(/\|/g, '\\|')} |`);
  });
});
