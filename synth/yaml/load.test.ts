import { describe, expect, it } from 'vitest';
import { loadKubernetesYaml } from './load.ts';

describe('loadKubernetesYaml', () => {
  it('GIVEN YAML 1.1 scalars WHEN loaded THEN reads them as Kubernetes does', () => {
    const { documents } = loadKubernetesYaml('mode: 0755\nenabled: yes\nname: "0755"\n');
    expect(documents).toEqual([{ mode: 493, enabled: true, name: '0755' }]);
  });

  it('GIVEN several documents WHEN loaded THEN returns each and drops empty ones', () => {
    expect(loadKubernetesYaml('a: 1\n---\n---\nb: 2\n').documents).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('GIVEN an under-indented multi-line quoted scalar WHEN strict THEN it fails, WHEN lenient THEN the value matches a well-indented parse', () => {
    const bad = "spec:\n  args: ['\n  echo one;\n  echo two\n  ']\n";
    const good = "spec:\n  args: ['\n    echo one;\n    echo two\n    ']\n";
    expect(() => loadKubernetesYaml(bad)).toThrow(/deficient indentation/);
    const lenient = loadKubernetesYaml(bad, { lenient: true });
    expect(lenient.documents).toEqual(loadKubernetesYaml(good).documents);
    expect(lenient.leniencies).toEqual(['multi-line quoted scalar indented less than YAML 1.2 requires']);
  });

  it('GIVEN a duplicate key WHEN lenient THEN the last value wins and the leniency is reported', () => {
    expect(() => loadKubernetesYaml('a: 1\na: 2\n')).toThrow(/duplicated mapping key/);
    const r = loadKubernetesYaml('a: 1\na: 2\n', { lenient: true });
    expect(r.documents).toEqual([{ a: 2 }]);
    expect(r.leniencies).toEqual(['duplicate mapping key (last value wins, as in Go)']);
  });
});
