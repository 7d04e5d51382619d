import { expectTypeOf, it } from 'vitest';
import type { ObjectMetadata, ObjectSpec } from './api-object.ts';

it('GIVEN object specs THEN metadata has a name or a generateName, and a plain ObjectSpec is named', () => {
  const named: ObjectSpec = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } };
  expectTypeOf(named.metadata.name).toEqualTypeOf<string>();
  const hook: ObjectSpec<ObjectMetadata> = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { generateName: 'churn-trigger-' },
  };
  expectTypeOf(hook.metadata.name).toEqualTypeOf<string | undefined>();
  // @ts-expect-error an object needs a name or a generateName
  const anonymous: ObjectSpec<ObjectMetadata> = { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} };
  // @ts-expect-error a plain ObjectSpec has a fixed name
  const generated: ObjectSpec = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'settings-' } };
  void [anonymous, generated];
});
