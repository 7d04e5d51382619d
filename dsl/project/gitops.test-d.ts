import { expectTypeOf, it } from 'vitest';
import { argoCd, type SyncOption } from '../index.ts';

it('accepts only known sync options and one destination form', () => {
  expectTypeOf<'CreateNamespace=true'>().toMatchTypeOf<SyncOption>();
  // @ts-expect-error a misspelt sync option is a compile error
  argoCd({ repoURL: 'https://g/r.git', syncOptions: ['CreateNamespaces=true'] });
  // @ts-expect-error repoURL is required
  argoCd({ targetRevision: 'main' });
  argoCd({ repoURL: 'https://g/r.git', destination: { name: 'prod' }, automated: { selfHeal: true } });
});
