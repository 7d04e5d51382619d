import { describe, expect, it } from 'vitest';
import { policyFindings } from './policy-layer.ts';

const restricted = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};
const good = {
  name: 'main',
  image: 'ghcr.io/x/app:1.2.3',
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
  securityContext: restricted,
};
const deployment = (
  container: Record<string, unknown>,
  pod: Record<string, unknown> = {},
  annotations: Record<string, string> = {},
): unknown => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd' },
  spec: { template: { metadata: { annotations }, spec: { containers: [container], ...pod } } },
});
const pss = (o: unknown): string[] =>
  policyFindings(o, 'error', new Set())
    .filter((f) => f.rule === 'policy/pss-restricted')
    .map((f) => f.path);
const withSc = (sc: Record<string, unknown>): Record<string, unknown> => ({
  ...good,
  securityContext: { ...restricted, ...sc },
});
const C = 'spec.template.spec.containers[0]';
const P = 'spec.template.spec';

// Each sub-check of the profile: a pod that passes it, the smallest change that fails it, and where.
const cases: { check: string; ok: unknown; bad: unknown; at: string }[] = [
  {
    check: 'privileged',
    ok: deployment(withSc({ privileged: false })),
    bad: deployment(withSc({ privileged: true })),
    at: `${C}.securityContext.privileged`,
  },
  {
    check: 'privilege escalation',
    ok: deployment(good),
    bad: deployment(withSc({ allowPrivilegeEscalation: true })),
    at: `${C}.securityContext.allowPrivilegeEscalation`,
  },
  {
    check: 'capabilities drop ALL',
    ok: deployment(good),
    bad: deployment(withSc({ capabilities: { drop: ['NET_RAW'] } })),
    at: `${C}.securityContext.capabilities.drop`,
  },
  {
    check: 'capabilities.add only NET_BIND_SERVICE',
    ok: deployment(withSc({ capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } })),
    bad: deployment(withSc({ capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE', 'SYS_ADMIN'] } })),
    at: `${C}.securityContext.capabilities.add`,
  },
  {
    check: 'runAsNonRoot',
    ok: deployment(good),
    bad: deployment(withSc({ runAsNonRoot: false })),
    at: `${C}.securityContext.runAsNonRoot`,
  },
  {
    check: 'container runAsUser 0',
    ok: deployment(withSc({ runAsUser: 1000 })),
    bad: deployment(withSc({ runAsUser: 0 })),
    at: `${C}.securityContext.runAsUser`,
  },
  {
    check: 'pod runAsUser 0, even when the container overrides it',
    ok: deployment(withSc({ runAsUser: 1000 }), { securityContext: { runAsUser: 1000 } }),
    bad: deployment(withSc({ runAsUser: 1000 }), { securityContext: { runAsUser: 0 } }),
    at: `${P}.securityContext.runAsUser`,
  },
  {
    check: 'container seccomp type',
    ok: deployment(withSc({ seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } })),
    bad: deployment(withSc({ seccompProfile: { type: 'Unconfined' } })),
    at: `${C}.securityContext.seccompProfile.type`,
  },
  {
    check: 'pod seccomp type',
    ok: deployment(good, { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }),
    bad: deployment(good, { securityContext: { seccompProfile: { type: 'Unconfined' } } }),
    at: `${P}.securityContext.seccompProfile.type`,
  },
  {
    check: 'seccomp set somewhere',
    ok: deployment(
      { ...good, securityContext: { ...restricted, seccompProfile: undefined } },
      { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
    ),
    bad: deployment({ ...good, securityContext: { ...restricted, seccompProfile: undefined } }),
    at: `${C}.securityContext.seccompProfile.type`,
  },
  {
    check: 'container AppArmor type',
    ok: deployment(withSc({ appArmorProfile: { type: 'RuntimeDefault' } })),
    bad: deployment(withSc({ appArmorProfile: { type: 'Unconfined' } })),
    at: `${C}.securityContext.appArmorProfile.type`,
  },
  {
    check: 'pod AppArmor type',
    ok: deployment(good, {
      securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-apparmor' } },
    }),
    bad: deployment(good, { securityContext: { appArmorProfile: { type: 'Unconfined' } } }),
    at: `${P}.securityContext.appArmorProfile.type`,
  },
  {
    check: 'AppArmor annotation',
    ok: deployment(good, {}, { 'container.apparmor.security.beta.kubernetes.io/main': 'runtime/default' }),
    bad: deployment(good, {}, { 'container.apparmor.security.beta.kubernetes.io/main': 'unconfined' }),
    at: 'spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/main"]',
  },
  {
    check: 'container seLinuxOptions type',
    ok: deployment(withSc({ seLinuxOptions: { type: 'container_t', level: 's0:c123,c456' } })),
    bad: deployment(withSc({ seLinuxOptions: { type: 'spc_t' } })),
    at: `${C}.securityContext.seLinuxOptions.type`,
  },
  {
    check: 'pod seLinuxOptions user',
    ok: deployment(good, { securityContext: { seLinuxOptions: { level: 's0:c1' } } }),
    bad: deployment(good, { securityContext: { seLinuxOptions: { user: 'system_u' } } }),
    at: `${P}.securityContext.seLinuxOptions.user`,
  },
  {
    check: 'seLinuxOptions role',
    ok: deployment(withSc({ seLinuxOptions: { role: '' } })),
    bad: deployment(withSc({ seLinuxOptions: { role: 'object_r' } })),
    at: `${C}.securityContext.seLinuxOptions.role`,
  },
  {
    check: 'container hostProcess',
    ok: deployment(withSc({ windowsOptions: { hostProcess: false } })),
    bad: deployment(withSc({ windowsOptions: { hostProcess: true } })),
    at: `${C}.securityContext.windowsOptions.hostProcess`,
  },
  {
    check: 'pod hostProcess',
    ok: deployment(good, { securityContext: { windowsOptions: { runAsUserName: 'app' } } }),
    bad: deployment(good, { securityContext: { windowsOptions: { hostProcess: true } } }),
    at: `${P}.securityContext.windowsOptions.hostProcess`,
  },
  {
    check: 'procMount',
    ok: deployment(withSc({ procMount: 'Default' })),
    bad: deployment(withSc({ procMount: 'Unmasked' })),
    at: `${C}.securityContext.procMount`,
  },
  {
    check: 'safe sysctls only',
    ok: deployment(good, {
      securityContext: { sysctls: [{ name: 'net.ipv4.ip_local_port_range', value: '1024 65535' }] },
    }),
    bad: deployment(good, {
      securityContext: {
        sysctls: [
          { name: 'net.ipv4.tcp_syncookies', value: '1' },
          { name: 'kernel.msgmax', value: '65536' },
        ],
      },
    }),
    at: `${P}.securityContext.sysctls[1].name`,
  },
  {
    check: 'hostPort',
    ok: deployment({ ...good, ports: [{ containerPort: 8080 }] }),
    bad: deployment({ ...good, ports: [{ containerPort: 8080, hostPort: 8080 }] }),
    at: `${C}.ports[0].hostPort`,
  },
  {
    check: 'hostNetwork',
    ok: deployment(good, { hostNetwork: false }),
    bad: deployment(good, { hostNetwork: true }),
    at: `${P}.hostNetwork`,
  },
  {
    check: 'hostPID',
    ok: deployment(good, { hostPID: false }),
    bad: deployment(good, { hostPID: true }),
    at: `${P}.hostPID`,
  },
  {
    check: 'hostIPC',
    ok: deployment(good, { hostIPC: false }),
    bad: deployment(good, { hostIPC: true }),
    at: `${P}.hostIPC`,
  },
  {
    check: 'hostPath volumes',
    ok: deployment(good, { volumes: [{ name: 'v', emptyDir: {} }] }),
    bad: deployment(good, {
      volumes: [
        { name: 'v', emptyDir: {} },
        { name: 'h', hostPath: { path: '/var/run' } },
      ],
    }),
    at: `${P}.volumes[1]`,
  },
  {
    check: 'non-core volume types',
    ok: deployment(good, { volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'c' } }] }),
    bad: deployment(good, { volumes: [{ name: 'v', nfs: { server: 'n', path: '/' } }] }),
    at: `${P}.volumes[0]`,
  },
];

describe('Pod Security Standards "restricted"', () => {
  it.each(cases.map((c) => [c.check, c] as const))(
    'GIVEN a pod that passes "%s" WHEN checked THEN nothing is reported, and failing it is reported at its field',
    (_check, c) => {
      expect(pss(c.ok)).toEqual([]);
      expect(pss(c.bad)).toEqual([c.at]);
    },
  );

  it('GIVEN an Argo template with an unsafe pod setting WHEN checked THEN it is found on the template', () => {
    const wft = {
      kind: 'WorkflowTemplate',
      metadata: { name: 'w' },
      spec: {
        securityContext: {
          runAsNonRoot: true,
          seccompProfile: { type: 'RuntimeDefault' },
          sysctls: [{ name: 'kernel.sem', value: '1' }],
        },
        templates: [{ name: 'a', container: { ...good, name: undefined } }],
      },
    };
    expect(pss(wft)).toEqual(['spec.templates[0].securityContext.sysctls[0].name']);
  });
});
