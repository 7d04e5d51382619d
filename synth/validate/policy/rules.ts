import { inlineSecret } from '../../../dsl/common/secrets.ts';
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

export const noInlineSecrets: PolicyRule = {
  id: 'policy/inline-secret',
  description: 'secret values come from Secrets (valueFrom.secretKeyRef), never inline in env',
  check(site) {
    return arr(site.container.env).flatMap((raw, i) => {
      const e = obj(raw);
      const value = e.value;
      if (typeof value !== 'string') return [];
      const reason = inlineSecret(show(e.name ?? ''), value);
      if (!reason) return [];
      return [
        {
          path: `${site.path}.env[${i}].value`,
          message: `env ${show(e.name)} holds ${reason} inline; it ends up in git and in the pod spec. Use valueFrom.secretKeyRef (secretKey() in Argosy)`,
        },
      ];
    });
  },
};

export const POLICY_RULES: readonly PolicyRule[] = [pssRestricted, pinnedImages, resourcesSet, noInlineSecrets];
