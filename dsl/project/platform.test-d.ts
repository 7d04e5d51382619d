import { expectTypeOf, it } from 'vitest';
import { app, project, type ArgoWorkflowsVersion, type IstioVersion } from '../index.ts';

it('accepts only the platform versions Argosy can target', () => {
  expectTypeOf<'3.5'>().toMatchTypeOf<ArgoWorkflowsVersion>();
  expectTypeOf<'1.21'>().toMatchTypeOf<IstioVersion>();
  const apps = [app('a', {})];
  project('p', { apps, platform: { argoWorkflows: '3.5', istio: '1.21' } });
  // @ts-expect-error an unknown Argo Workflows version is a compile error
  project('p', { apps, platform: { argoWorkflows: '3.4' } });
  // @ts-expect-error an unknown Istio version is a compile error
  project('p', { apps, platform: { istio: '1.22' } });
});
