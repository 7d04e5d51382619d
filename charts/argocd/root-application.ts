import type { ArgoCdIR, EnvironmentIR } from '../../dsl/ir/index.ts';
import type { Application } from '../imports/argo-cd.ts';
import { applicationObject } from './application-object.ts';

/** The app name the root Application's name would collide with (`<env>-root`). */
export const ROOT_APP = 'root';

/** Name of an environment's root Application. */
export function rootApplicationName(env: EnvironmentIR): string {
  return `${env.name}-${ROOT_APP}`;
}

/** File the root is written to in `dist/<env>/<dir>/`, which its own sync excludes. */
function rootApplicationFile(env: EnvironmentIR): string {
  return `application.${rootApplicationName(env)}.yaml`;
}

/**
 * The app-of-apps root of one environment: an Application whose source is the directory of the
 * environment's per-app Applications (`<path>/<env>/<dir>`), so a new, changed or removed app
 * reaches the cluster from git alone. It is applied once by hand and then only when its own
 * settings change: its own file is excluded from what it syncs, so pruning can never delete the
 * root (which, with the cascading finalizer, would delete every app). Its destination is the
 * cluster and namespace Argo CD runs in, where Application objects live, whatever cluster the
 * apps themselves deploy to.
 */
export function rootApplication(cd: ArgoCdIR, env: EnvironmentIR, dir: string): Application {
  return applicationObject(cd, {
    name: rootApplicationName(env),
    labels: { 'argosy.dev/environment': env.name, 'argosy.dev/role': 'app-of-apps' },
    path: `${cd.path}/${env.name}/${dir}`,
    exclude: rootApplicationFile(env),
    destination: { server: 'https://kubernetes.default.svc', namespace: cd.namespace },
    spec: {
      info: [
        {
          name: 'description',
          value: `Every Application of ${env.name}: apply this one once; Argo CD syncs the rest from git.`,
        },
      ],
    },
  });
}
