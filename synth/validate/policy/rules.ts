import type { Finding } from '../finding.ts';
import { arr, obj, show } from '../object-path.ts';
import { pssRestricted } from './pss-restricted.ts';
import type { ContainerSite } from './workloads.ts';

/** A policy rule: looks at one container (and its pod) and reports what it breaks. */
export interface PolicyRule {
  readonly id: `policy/${string}`;
  readonly description: string;
  check(site: ContainerSite): Omit<Finding, 'layer' | 'rule' | 'severity'>[];
}

/** `registry/name:tag` or `name@sha256:...`; `latest` or no tag at all floats. */
export function imagePinProblem(image: string): string | undefined {
  if (image.includes('@sha256:') || image.includes('@sha512:')) return undefined;
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  if (colon < 0) return 'has no tag, so it floats to :latest';
  const tag = last.slice(colon + 1);
  if (tag === '' || tag === 'latest') return 'uses the floating tag :latest';
  return undefined;
}

export const pinnedImages: PolicyRule = {
  id: 'policy/pinned-image',
  description: 'images carry a fixed tag or a digest, never :latest or no tag',
  check(site) {
    const image = site.container.image ?? site.defaults.image;
    if (typeof image !== 'string' || image === '' || image.includes('{{')) return [];
    const problem = imagePinProblem(image);
    return problem
      ? [
          {
            path: `${site.path}.image`,
            message: `image "${image}" ${problem}. Pin a version tag or a digest (name@sha256:...)`,
          },
        ]
      : [];
  },
};

export const resourcesSet: PolicyRule = {
  id: 'policy/resources',
  description: 'containers request cpu and memory and limit memory',
  check(site) {
    const r = { ...obj(site.defaults.resources), ...obj(site.container.resources) };
    const requests = obj(r.requests);
    const limits = obj(r.limits);
    const missing = [
      ...(requests.cpu === undefined ? ['requests.cpu'] : []),
      ...(requests.memory === undefined ? ['requests.memory'] : []),
      ...(limits.memory === undefined ? ['limits.memory'] : []),
    ];
    return missing.length
      ? [
          {
            path: `${site.path}.resources`,
            message: `resources are incomplete: missing ${missing.join(', ')}. Requests let the scheduler place the pod; a memory limit stops one pod starving its node`,
          },
        ]
      : [];
  },
};

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;
const SECRET_VALUE =
  /(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|xox[abpr]-[A-Za-z0-9-]{10,}|-----BEGIN [A-Z ]*PRIVATE KEY-----|sk_live_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_-]{35})/;

// `PASSWORD_FILE=/etc/secrets/db`: the variable says where a mounted secret is, not what it is.
const REFERENCE_NAME = /(^|[_-])(FILE|FILENAME|PATH|DIR)$/i;
const PATH_VALUE = /^(\/|\.{1,2}\/|~\/|file:\/\/)\S*$/;

function pointsAtSecret(name: string, value: string): boolean {
  return REFERENCE_NAME.test(name) || PATH_VALUE.test(value);
}

export const noInlineSecrets: PolicyRule = {
  id: 'policy/inline-secret',
  description: 'secret values come from Secrets (valueFrom.secretKeyRef), never inline in env',
  check(site) {
    return arr(site.container.env).flatMap((raw, i) => {
      const e = obj(raw);
      const value = e.value;
      if (typeof value !== 'string' || value === '' || value.includes('{{')) return [];
      const byName = SECRET_NAME.test(show(e.name ?? '')) && !pointsAtSecret(show(e.name ?? ''), value);
      if (!byName && !SECRET_VALUE.test(value)) return [];
      return [
        {
          path: `${site.path}.env[${i}].value`,
          message: `env ${show(e.name)} holds ${byName ? 'what its name says is a secret' : 'what looks like a credential'} inline; it ends up in git and in the pod spec. Use valueFrom.secretKeyRef`,
        },
      ];
    });
  },
};

export const POLICY_RULES: readonly PolicyRule[] = [pssRestricted, pinnedImages, resourcesSet, noInlineSecrets];
