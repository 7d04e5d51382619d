import type { SecurityIR } from './component.ts';

/**
 * The Pod Security Standards "restricted" profile: the security every component starts from and
 * that backends treat as the default.
 *
 * @example
 * ```ts
 * component('needs-root', { ..., security: { ...RESTRICTED_SECURITY, runAsUser: 0, runAsNonRoot: false } });
 * ```
 */
export const RESTRICTED_SECURITY: SecurityIR = {
  runAsNonRoot: true,
  runAsUser: 1000,
  runAsGroup: 1000,
  allowPrivilegeEscalation: false,
  privileged: false,
  readOnlyRootFilesystem: false,
  dropCapabilities: ['ALL'],
  addCapabilities: [],
  seccompProfile: 'RuntimeDefault',
};
