import { DslError, type PathSegment } from '../errors.ts';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Checks a Kubernetes object or task name: DNS-1123 label, at most `max` characters.
 * Throws a {@link DslError} that suggests a corrected name.
 *
 * @example
 * ```ts
 * assertDnsLabel('ctr-training', ['pipeline "ctr-training"'], 'name');
 * ```
 */
export function assertDnsLabel(name: unknown, path: readonly PathSegment[], what: string, max = 63): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new DslError({
      path,
      problem: `${what} must be a non-empty string`,
      got: name,
      fix: 'Use lowercase letters, digits and "-"',
    });
  }
  if (name.length > max) {
    throw new DslError({
      path,
      problem: `${what} is longer than ${max} characters`,
      got: name,
      fix: `Shorten it to at most ${max} characters`,
    });
  }
  if (!DNS1123_LABEL.test(name)) {
    throw new DslError({
      path,
      problem: `${what} is not a valid DNS-1123 label`,
      got: name,
      fix: `Use lowercase letters, digits and "-", starting and ending with a letter or digit, e.g. "${suggestName(name)}"`,
    });
  }
  return name;
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Checks the name of a Kubernetes object that may hold dots (Secret, ConfigMap, PVC): a DNS-1123
 * subdomain of at most 253 characters, so `secretKey('')` fails where it is written, not in the
 * kubelet when the pod cannot start.
 *
 * @example
 * ```ts
 * assertDnsSubdomain('mlflow.credentials', ['component "train"', 'env "TOKEN"', 'name'], 'Secret name');
 * ```
 */
export function assertDnsSubdomain(name: unknown, path: readonly PathSegment[], what: string): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new DslError({
      path,
      problem: `${what} must be a non-empty string`,
      got: name,
      fix: 'Use lowercase letters, digits, "-" and "."',
    });
  }
  if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
    throw new DslError({
      path,
      problem: `${what} is not a valid DNS-1123 subdomain`,
      got: name,
      fix: `Use at most 253 lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, e.g. "${suggestName(name)}"`,
    });
  }
  return name;
}

const PARAM_NAME = /^[a-zA-Z_][a-zA-Z0-9_-]*$/;

/** Checks an input/output/parameter name: letters, digits, `_` and `-`, starting with a letter or `_`. */
export function assertPortName(name: string, path: readonly PathSegment[]): string {
  if (!PARAM_NAME.test(name) || name.length > 128) {
    throw new DslError({
      path,
      problem: 'port name must start with a letter and hold only letters, digits, "_" and "-"',
      got: name,
      fix: 'Rename the port, e.g. "learningRate"',
    });
  }
  return name;
}

/** Lowercases and replaces invalid characters so the suggestion in an error is itself valid. */
export function suggestName(name: string): string {
  const cleaned = name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
  return cleaned.length > 0 ? cleaned : 'x';
}
