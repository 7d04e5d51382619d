import * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { attributesOf } from './structure.ts';

type ModelClass = { attributeTypeMap?: readonly { readonly type: string }[] };
const classes = k8s as unknown as Record<string, ModelClass | undefined>;

/** Every model type reachable from a type through its fields (`Array<V1Container>` -> V1Container). */
function reachable(root: string): string[] {
  const seen = new Set<string>();
  const visit = (type: string): void => {
    for (const name of type.match(/\w+/g) ?? []) {
      if (seen.has(name) || !classes[name]?.attributeTypeMap) continue;
      seen.add(name);
      for (const a of classes[name]?.attributeTypeMap ?? []) visit(a.type);
    }
  };
  visit(root);
  return [...seen].sort();
}

describe('built-in structure models read as data', () => {
  it('GIVEN the models of the built-in kinds WHEN read from their generated files THEN they equal what the client exports', () => {
    const types = [
      ...new Set(
        ['V1Pod', 'V1Deployment', 'V1CronJob', 'V1Role', 'V2HorizontalPodAutoscaler', 'V1Ingress'].flatMap(reachable),
      ),
    ];
    expect(types.length).toBeGreaterThan(100);
    for (const type of types) expect(attributesOf(type), type).toEqual(classes[type]?.attributeTypeMap);
  });

  it('GIVEN a name that is not a model WHEN read THEN there is none', () => {
    expect(attributesOf('NoSuchModel')).toBeUndefined();
    expect(attributesOf('../../index')).toBeUndefined();
  });
});
