import { arr, type Json, obj, show } from '../object-path.ts';
import type { PolicyRule } from './rules.ts';
import type { ContainerSite } from './workloads.ts';

/**
 * Pod Security Standards "restricted" (which includes "baseline"), as the Pod Security
 * admission controller applies them: container-level checks per container, pod-level ones once
 * per pod (policy-layer.ts), each finding at the field that breaks the profile.
 */
type Problem = { path: string; message: string };

const ALLOWED_VOLUMES = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
];
const PROFILE_TYPES = ['RuntimeDefault', 'Localhost'];
const SELINUX_TYPES = ['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'];
// Namespaced sysctls isolated from other pods ("safe" in the kubelet); anything else is host-wide.
const SAFE_SYSCTLS = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];
const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

function security(site: ContainerSite): Json {
  return { ...obj(site.defaults.securityContext), ...obj(site.container.securityContext) };
}

/** Checks shared by container and pod security contexts: hostProcess, SELinux, AppArmor, seccomp, root UID. */
function contextProblems(sc: Json, p: string): Problem[] {
  const out: Problem[] = [];
  if (obj(sc.windowsOptions).hostProcess === true)
    out.push({
      path: `${p}.windowsOptions.hostProcess`,
      message: 'Windows HostProcess containers are not allowed. Remove windowsOptions.hostProcess',
    });
  const se = obj(sc.seLinuxOptions);
  if (se.type !== undefined && !SELINUX_TYPES.includes(show(se.type)))
    out.push({
      path: `${p}.seLinuxOptions.type`,
      message: `seLinuxOptions.type ${show(se.type)} is not allowed (allowed: ${SELINUX_TYPES.filter(Boolean).join(', ')})`,
    });
  for (const f of ['user', 'role']) {
    if (se[f] !== undefined && se[f] !== '')
      out.push({
        path: `${p}.seLinuxOptions.${f}`,
        message: `seLinuxOptions.${f} must not be set (got ${show(se[f])})`,
      });
  }
  const apparmor = obj(sc.appArmorProfile).type;
  if (apparmor !== undefined && !PROFILE_TYPES.includes(show(apparmor)))
    out.push({
      path: `${p}.appArmorProfile.type`,
      message: `appArmorProfile.type must be RuntimeDefault or Localhost (got ${show(apparmor)})`,
    });
  const seccomp = obj(sc.seccompProfile).type;
  if (seccomp !== undefined && !PROFILE_TYPES.includes(show(seccomp)))
    out.push({
      path: `${p}.seccompProfile.type`,
      message: `seccompProfile.type must be RuntimeDefault or Localhost (got ${show(seccomp)})`,
    });
  if (sc.runAsUser === 0) out.push({ path: `${p}.runAsUser`, message: 'runAsUser must not be 0 (root)' });
  return out;
}

export const pssRestricted: PolicyRule = {
  id: 'policy/pss-restricted',
  description:
    'Pod Security Standards "restricted": no privilege, non-root, RuntimeDefault seccomp, ALL capabilities dropped, no host namespaces, ports, paths or processes, safe sysctls, no custom SELinux/AppArmor/procMount',
  check(site) {
    const out: Problem[] = [];
    const sc = security(site);
    const pod = site.pod.securityContext;
    const p = `${site.path}.securityContext`;
    if (sc.privileged === true)
      out.push({ path: `${p}.privileged`, message: 'privileged containers are not allowed. Remove privileged: true' });
    if (sc.allowPrivilegeEscalation !== false)
      out.push({
        path: `${p}.allowPrivilegeEscalation`,
        message: 'allowPrivilegeEscalation must be false. Set securityContext.allowPrivilegeEscalation: false',
      });
    const caps = obj(sc.capabilities);
    if (!arr(caps.drop).includes('ALL'))
      out.push({
        path: `${p}.capabilities.drop`,
        message: 'capabilities must drop ALL. Set securityContext.capabilities.drop: [ALL]',
      });
    const added = arr(caps.add).filter((c) => c !== 'NET_BIND_SERVICE');
    if (added.length > 0)
      out.push({
        path: `${p}.capabilities.add`,
        message: `only NET_BIND_SERVICE may be added (got ${added.map(show).join(', ')})`,
      });
    if ((sc.runAsNonRoot ?? pod.runAsNonRoot) !== true)
      out.push({ path: `${p}.runAsNonRoot`, message: 'runAsNonRoot must be true on the container or the pod' });
    // Explicit container values are checked here; the pod's own ones once per pod.
    out.push(...contextProblems(sc, p));
    if (obj(sc.seccompProfile).type === undefined && obj(pod.seccompProfile).type === undefined)
      out.push({
        path: `${p}.seccompProfile.type`,
        message: 'seccompProfile.type must be RuntimeDefault or Localhost on the container or the pod (got nothing)',
      });
    if (sc.procMount !== undefined && sc.procMount !== 'Default')
      out.push({ path: `${p}.procMount`, message: `procMount must be Default (got ${show(sc.procMount)})` });
    arr(site.container.ports).forEach((port, i) => {
      if (obj(port).hostPort)
        out.push({ path: `${site.path}.ports[${i}].hostPort`, message: 'hostPort is not allowed' });
    });
    return out;
  },
};

/** Pod-level parts of "restricted", checked once per pod (host namespaces, volumes, sysctls, pod security context, AppArmor annotations). */
export function podLevelRestricted(site: ContainerSite): Problem[] {
  const out: Problem[] = [];
  for (const f of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (site.pod.spec[f] === true) out.push({ path: `${site.pod.path}.${f}`, message: `${f} is not allowed` });
  }
  for (const { path, volume } of site.pod.volumes) {
    const type = Object.keys(volume).find((k) => k !== 'name');
    if (type && !ALLOWED_VOLUMES.includes(type))
      out.push({ path, message: `volume type ${type} is not allowed (allowed: ${ALLOWED_VOLUMES.join(', ')})` });
  }
  const sc = site.pod.securityContext;
  const p = `${site.pod.path}.securityContext`;
  out.push(...contextProblems(sc, p));
  arr(sc.sysctls).forEach((s, i) => {
    const name = show(obj(s).name ?? '');
    if (!SAFE_SYSCTLS.includes(name))
      out.push({
        path: `${p}.sysctls[${i}].name`,
        message: `sysctl ${name} is not allowed: only namespaced, pod-isolated sysctls are (${SAFE_SYSCTLS.join(', ')})`,
      });
  });
  for (const [key, value] of Object.entries(site.pod.annotations)) {
    if (!key.startsWith(APPARMOR_ANNOTATION)) continue;
    const v = show(value);
    if (v !== 'runtime/default' && !v.startsWith('localhost/'))
      out.push({
        path: `${site.pod.annotationsPath}["${key}"]`,
        message: `AppArmor profile ${v} is not allowed (allowed: runtime/default, localhost/<profile>)`,
      });
  }
  return out;
}
