import type { Finding } from '../finding.ts';
import { arr, type Json, obj, show } from '../object-path.ts';
import type { ContainerSite } from './workloads.ts';

/** A policy rule: looks at one container (and its pod) and reports what it breaks. */
export interface PolicyRule {
  readonly id: string;
  readonly description: string;
  check(site: ContainerSite): Omit<Finding, 'layer' | 'rule' | 'severity'>[];
}

const ALLOWED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];

function security(site: ContainerSite): Json {
  return { ...obj(site.defaults.securityContext), ...obj(site.container.securityContext) };
}

/** Pod Security Standards "restricted" (Kubernetes' strictest built-in profile). */
export const pssRestricted: PolicyRule = {
  id: 'policy/pss-restricted',
  description: 'Pod Security Standards "restricted": no privilege, non-root, RuntimeDefault seccomp, ALL capabilities dropped, no host namespaces or host paths',
  check(site) {
    const out: { path: string; message: string }[] = [];
    const sc = security(site);
    const pod = site.pod.securityContext;
    const p = `${site.path}.securityContext`;
    if (sc.privileged === true) out.push({ path: `${p}.privileged`, message: 'privileged containers are not allowed. Remove privileged: true' });
    if (sc.allowPrivilegeEscalation !== false) out.push({ path: `${p}.allowPrivilegeEscalation`, message: 'allowPrivilegeEscalation must be false. Set securityContext.allowPrivilegeEscalation: false' });
    const caps = obj(sc.capabilities);
    if (!arr(caps.drop).includes('ALL')) out.push({ path: `${p}.capabilities.drop`, message: 'capabilities must drop ALL. Set securityContext.capabilities.drop: [ALL]' });
    const added = arr(caps.add).filter((c) => c !== 'NET_BIND_SERVICE');
    if (added.length > 0) out.push({ path: `${p}.capabilities.add`, message: `only NET_BIND_SERVICE may be added (got ${added.map(show).join(', ')})` });
    const nonRoot = sc.runAsNonRoot ?? pod.runAsNonRoot;
    if (nonRoot !== true) out.push({ path: `${p}.runAsNonRoot`, message: 'runAsNonRoot must be true on the container or the pod' });
    if (sc.runAsUser === 0 || (sc.runAsUser === undefined && pod.runAsUser === 0)) out.push({ path: `${p}.runAsUser`, message: 'runAsUser must not be 0 (root)' });
    const seccomp = show(obj(sc.seccompProfile).type ?? obj(pod.seccompProfile).type ?? '');
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') out.push({ path: `${p}.seccompProfile.type`, message: `seccompProfile.type must be RuntimeDefault or Localhost on the container or the pod (got ${seccomp || 'nothing'})` });
    arr(site.container.ports).forEach((port, i) => {
      if (obj(port).hostPort) out.push({ path: `${site.path}.ports[${i}].hostPort`, message: 'hostPort is not allowed' });
    });
    return out;
  },
};

/** Pod-level parts of "restricted", checked once per pod (host namespaces, volume types). */
export function podLevelRestricted(site: ContainerSite): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const f of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (site.pod.spec[f] === true) out.push({ path: `${site.pod.path}.${f}`, message: `${f} is not allowed` });
  }
  for (const { path, volume } of site.pod.volumes) {
    const type = Object.keys(volume).find((k) => k !== 'name');
    if (type && !ALLOWED_VOLUMES.includes(type)) out.push({ path, message: `volume type ${type} is not allowed (allowed: ${ALLOWED_VOLUMES.join(', ')})` });
  }
  return out;
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
    return problem ? [{ path: `${site.path}.image`, message: `image "${image}" ${problem}. Pin a version tag or a digest (name@sha256:...)` }] : [];
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
    return missing.length ? [{ path: `${site.path}.resources`, message: `resources are incomplete: missing ${missing.join(', ')}. Requests let the scheduler place the pod; a memory limit stops one pod starving its node` }] : [];
  },
};

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;
const SECRET_VALUE = /(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|xox[abpr]-[A-Za-z0-9-]{10,}|-----BEGIN [A-Z ]*PRIVATE KEY-----|sk_live_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_-]{35})/;

export const noInlineSecrets: PolicyRule = {
  id: 'policy/inline-secret',
  description: 'secret values come from Secrets (valueFrom.secretKeyRef), never inline in env',
  check(site) {
    return arr(site.container.env).flatMap((raw, i) => {
      const e = obj(raw);
      const value = e.value;
      if (typeof value !== 'string' || value === '' || value.includes('{{')) return [];
      const byName = SECRET_NAME.test(show(e.name ?? ''));
      if (!byName && !SECRET_VALUE.test(value)) return [];
      return [{ path: `${site.path}.env[${i}].value`, message: `env ${show(e.name)} holds ${byName ? 'what its name says is a secret' : 'what looks like a credential'} inline; it ends up in git and in the pod spec. Use valueFrom.secretKeyRef` }];
    });
  },
};

export const POLICY_RULES: readonly PolicyRule[] = [pssRestricted, pinnedImages, resourcesSet, noInlineSecrets];
