/**
 * The one detector of secret values written inline, shared by the DSL (which refuses them at
 * synth time) and `argosy validate` (policy/inline-secret), so a value synth writes is never
 * one validate flags, and the other way round.
 */

// Names that say the value is a secret, whatever it looks like.
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;
// Names that may hold a secret: flagged only for values that look random.
const KEYISH_NAME = /(KEY|AUTH|SIGNATURE|SALT|SESSION|COOKIE)/i;
// `PASSWORD_FILE=/etc/secrets/db`: the variable says where a mounted secret is, not what it is.
const REFERENCE_NAME = /(^|[_-])(FILE|FILENAME|PATH|DIR)$/i;
const PATH_VALUE = /^(\/|\.{1,2}\/|~\/|file:\/\/)\S*$/;

const KEY_PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [/gh[pousr]_[A-Za-z0-9]{30,}/, 'a GitHub token'],
  [/xox[abpr]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/sk_live_[A-Za-z0-9]{16,}/, 'a Stripe live key'],
  [/AIza[0-9A-Za-z_-]{35}/, 'a Google API key'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, 'a JSON web token'],
];

// scheme://user:password@host — a password of a `$(VAR)` or `{{...}}` reference is filled in at run time.
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:([^\s@/]+)@/i;

/** Why a literal env value is a secret, phrased to follow "holds ", or undefined. */
export type SecretReason =
  | 'what its name says is a secret'
  | `what looks like a credential (${string})`
  | 'a URL with a password in it'
  | 'a random-looking token under a key-like name';

/**
 * Why `value`, set literally for the variable `name`, is a secret that must come from a
 * Secret instead; undefined when it is not. Run-time references (`{{...}}`, `$(VAR)`) and
 * values that point at a mounted secret (`*_FILE`, paths) are not secrets.
 *
 * @example
 * ```ts
 * inlineSecret('DATABASE_URL', 'postgres://admin:hunter2@db/app'); // 'a URL with a password in it'
 * inlineSecret('MODEL_DIR', '/models');                             // undefined
 * ```
 */
export function inlineSecret(name: string, value: string): SecretReason | undefined {
  if (value === '' || value.includes('{{')) return undefined;
  const reference = REFERENCE_NAME.test(name) || PATH_VALUE.test(value);
  if (SECRET_NAME.test(name) && !reference && !/^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(value))
    return 'what its name says is a secret';
  const key = KEY_PATTERNS.find(([re]) => re.test(value));
  if (key) return `what looks like a credential (${key[1]})`;
  const url = URL_CREDENTIALS.exec(value);
  if (url && !/^\$\(|^\$\{/.test(url[1] as string)) return 'a URL with a password in it';
  if (KEYISH_NAME.test(name) && !reference && looksRandom(value)) return 'a random-looking token under a key-like name';
  return undefined;
}

/** 20+ characters of letters and digits with at least 3.5 bits of entropy per character. */
function looksRandom(value: string): boolean {
  if (value.length < 20 || !/^[A-Za-z0-9+/=_-]+$/.test(value) || !/\d/.test(value) || !/[A-Za-z]/.test(value))
    return false;
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits >= 3.5;
}
