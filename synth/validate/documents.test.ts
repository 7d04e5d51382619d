import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadKubernetesYaml } from '../yaml/load.ts';
import { parseSource } from './documents.ts';

/** What parseSource did before it tried a strict parse first: the lenient parse alone. */
function lenientOnly(file: string, text: string): unknown {
  try {
    const { documents, leniencies } = loadKubernetesYaml(text, { lenient: true, fileName: file });
    return { documents, leniencies };
  } catch (e) {
    return { error: (e as Error).message.split('\n')[0] };
  }
}

function parsed(file: string, text: string): unknown {
  const r = parseSource(file, text);
  const error = r.problems.find((p) => p.severity === 'error');
  if (error) return { error: error.message.replace(/^not valid YAML: /, '') };
  return {
    documents: r.documents.map((d) => d.object),
    leniencies: r.problems.map((p) =>
      p.message.replace(/^YAML accepted only leniently, as Kubernetes' Go parser does: /, ''),
    ),
  };
}

describe('parseSource', () => {
  const cases: Record<string, string> = {
    'well-formed': 'a: 1\nb: [x, y]\n---\nc: {d: yes}\n',
    'a duplicate key': 'a: 1\na: 2\n',
    'an under-indented quoted scalar': "spec:\n  args: ['\n  echo one;\n  echo two\n  ']\n",
    both: "a: 1\na: 2\nspec:\n  args: ['\n  echo one;\n  echo two\n  ']\n",
    'a syntax error': 'a: [1, 2\nb: 3\n',
    'a tab in indentation': 'a:\n\tb: 1\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`GIVEN ${name} WHEN parsed THEN documents, leniencies and errors are those of a lenient parse`, () => {
      expect(parsed('f.yaml', text)).toEqual(lenientOnly('f.yaml', text));
    });
  }

  it('PROPERTY: any dumped document, with or without a duplicated key, parses as the lenient parser alone parses it', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 3 })),
        fc.boolean(),
        (doc, dup) => {
          const text =
            dump(doc) + (dup && Object.keys(doc).length > 0 ? dump({ [Object.keys(doc)[0] as string]: 1 }) : '');
          expect(parsed('f.yaml', text)).toEqual(lenientOnly('f.yaml', text));
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
