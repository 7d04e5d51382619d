import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineSecret } from '../../../dsl/common/secrets.ts';
import { envToIR } from '../../../dsl/pipeline/pod-spec.ts';
import { policyFindings } from './policy-layer.ts';

/** What `argosy validate` says about one env var of a Deployment's container. */
function validateSays(name: string, value: string): string[] {
  const o = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd', namespace: 'n' },
    spec: { template: { spec: { containers: [{ name: 'c', image: 'a/b:1', env: [{ name, value }] }] } } },
  };
  return policyFindings(o, 'error', new Set())
    .filter((f) => f.rule === 'policy/inline-secret')
    .map((f) => f.message);
}

/** What synth (the DSL) says about the same variable: the error, or undefined when it is written. */
function synthSays(name: string, value: string): string | undefined {
  try {
    envToIR({ [name]: value }, ['component "c"']);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('one secret detector for synth and validate', () => {
  it.each([
    ['S3_CONFIG', 'AKIAIOSFODNN7EXAMPLE', 'what looks like a credential (an AWS access key id)'],
    ['DATABASE_URL', 'postgres://admin:hunter2@db.prod:5432/app', 'a URL with a password in it'],
    ['SIGNING_KEY', 'q8Vf2LmZ0xT7rW4kP1sN9bYc', 'a random-looking token under a key-like name'],
    ['DB_PASSWORD', 'hunter2', 'what its name says is a secret'],
  ])('GIVEN %s=%s THEN synth refuses it pointing at secretKey() and validate flags it', (name, value, reason) => {
    expect(inlineSecret(name, value)).toBe(reason);
    expect(synthSays(name, value)).toMatch(
      /secret values must never be written to git \(got "<redacted>"\)\. Store it in a Secret and use secretKey\('<secret>', '<key>'\)\.$/,
    );
    expect(validateSays(name, value)).toEqual([
      `env ${name} holds ${reason} inline; it ends up in git and in the pod spec. Use valueFrom.secretKeyRef (secretKey() in Argosy)`,
    ]);
  });

  it('GIVEN the AWS key under a plain name THEN the DSL message says what it looks like', () => {
    expect(synthSays('S3_CONFIG', 'AKIAIOSFODNN7EXAMPLE')).toBe(
      `component "c" > env "S3_CONFIG": the literal value is a credential (an AWS access key id); secret values must never be written to git (got "<redacted>"). Store it in a Secret and use secretKey('<secret>', '<key>').`,
    );
  });

  it.each([
    ['DATABASE_URL', 'postgres://db.prod:5432/app'],
    ['DATABASE_URL', 'postgres://admin:$(DB_PASSWORD)@db.prod/app'],
    ['CACHE_KEY', 'model-cache-v2'],
    ['PASSWORD_FILE', '/etc/secrets/db'],
    ['SESSION_TTL', '3600'],
  ])('GIVEN %s=%s (no secret) THEN synth writes it and validate passes it', (name, value) => {
    expect(synthSays(name, value)).toBeUndefined();
    expect(validateSays(name, value)).toEqual([]);
  });

  it('GIVEN any env name and value THEN synth refuses exactly what validate flags (property)', () => {
    const name = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,20}$/);
    const value = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[A-Za-z0-9+/=_-]{16,40}$/),
      fc.constantFrom('AKIAIOSFODNN7EXAMPLE', 'postgres://u:p@h/db', 'https://h/x', '/etc/x'),
    );
    fc.assert(
      fc.property(name, value, (n, v) => {
        // Other refusals of the DSL (an Argo expression in a literal) are not about secrets.
        const refused = synthSays(n, v)?.includes('secret values must never be written to git') ?? false;
        expect(refused).toBe(validateSays(n, v).length > 0);
      }),
    );
  });
});
