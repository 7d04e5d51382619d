import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { storeOf, type TemplateSource } from '../../synth/validate/argo/context.ts';
import type { ArgoObject } from '../../synth/validate/argo/types.ts';
import { type ArgoKind, argoVerdict } from '../../synth/validate/argo/workflow.ts';
import { loadKubernetesYaml } from '../../synth/yaml/load.ts';

interface Expectation {
  readonly opts: string;
  readonly expect: 'valid' | 'invalid';
  readonly errorMatch?: 'contains' | 'equals' | null;
  readonly errorText?: string | string[];
}

interface Entry {
  readonly file: string;
  readonly role: 'subject' | 'context';
  readonly unmarshalledAs: ArgoKind;
  readonly expectations?: readonly Expectation[];
  readonly requiresTemplates?: readonly string[];
}

/** One subject of Argo's validator tests, with our verdict next to Argo's. */
export interface CaseResult {
  readonly file: string;
  readonly opts: string;
  readonly expected: 'valid' | 'invalid';
  readonly got: string | undefined;
  readonly verdictAgrees: boolean;
  readonly messageAgrees: boolean;
  readonly expectedText?: string;
}

function readObject(dir: string, file: string): ArgoObject {
  return loadKubernetesYaml(readFileSync(join(dir, file), 'utf8'), { lenient: true, fileName: file })
    .documents[0] as ArgoObject;
}

function source(obj: ArgoObject, kind: TemplateSource['kind']): TemplateSource {
  return { kind, name: obj.metadata?.name ?? '', spec: obj.spec ?? {} };
}

/** Runs every subject of ../shared/corpus/argo-validate through the semantic layer. */
export function runArgoValidateCorpus(dir: string): CaseResult[] {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { entries: Entry[] };
  const results: CaseResult[] = [];
  for (const e of index.entries.filter((x) => x.role === 'subject')) {
    const obj = readObject(dir, e.file);
    const store = storeOf((e.requiresTemplates ?? []).map((f) => source(readObject(dir, f), 'WorkflowTemplate')));
    for (const x of e.expectations ?? []) {
      const opts = { lint: x.opts.includes('Lint: true'), submit: x.opts.includes('Submit: true') };
      const got = argoVerdict(obj, store, opts, e.unmarshalledAs);
      const verdictAgrees = (got === undefined) === (x.expect === 'valid');
      const texts = x.errorText === undefined ? [] : Array.isArray(x.errorText) ? x.errorText : [x.errorText];
      const messageAgrees =
        verdictAgrees &&
        (x.expect === 'valid' ||
          !x.errorMatch ||
          (x.errorMatch === 'equals' ? got === texts[0] : texts.every((t) => got?.includes(t))));
      results.push({
        file: e.file,
        opts: x.opts,
        expected: x.expect,
        got,
        verdictAgrees,
        messageAgrees,
        ...(texts.length ? { expectedText: texts.join(' … ') } : {}),
      });
    }
  }
  return results;
}
