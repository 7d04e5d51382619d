import { expectTypeOf, it } from 'vitest';
import {
  app,
  project,
  type ArgoRolloutsVersion,
  type ArgoWorkflowsVersion,
  type IstioVersion,
  type KServeVersion,
} from '../index.ts';

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

it('accepts only the KServe and Argo Rollouts versions Argosy can target', () => {
  expectTypeOf<ArgoRolloutsVersion>().toEqualTypeOf<'1.6' | '1.7' | '1.8'>();
  expectTypeOf<KServeVersion>().toEqualTypeOf<'0.13' | '0.15' | '0.20'>();
  const apps = [app('a', {})];
  project('p', { apps, platform: { argoRollouts: '1.6', kserve: '0.13' } });
  // @ts-expect-error KServe 0.16 is not a release Argosy targets (0.15 or 0.20)
  project('p', { apps, platform: { kserve: '0.16' } });
  // @ts-expect-error an unknown Argo Rollouts version is a compile error
  project('p', { apps, platform: { argoRollouts: '1.5' } });
});
