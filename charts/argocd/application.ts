import type { AppIR, ArgoCdIR, EnvironmentIR } from '../../dsl/ir/index.ts';
import type { Application } from '../imports/argo-cd.ts';
import { applicationObject } from './application-object.ts';
import type { IgnoreDifference } from '../target.ts';

/** Name of the Application of one app in one environment: unique in Argo CD's namespace. */
export function applicationName(env: EnvironmentIR, app: AppIR): string {
  return `${env.name}-${app.name}`;
}

/**
 * The Argo CD Application that deploys `dist/<environment>/<app>/`. Files that are not
 * Kubernetes objects (e.g. KFP pipeline specs) are excluded from the sync.
 */
export function application(
  cd: ArgoCdIR,
  env: EnvironmentIR,
  app: AppIR,
  ignore: readonly IgnoreDifference[],
  otherFiles: readonly string[],
): Application {
  const syncOptions = [...cd.syncOptions];
  // Without it, a sync would revert the very fields ignoreDifferences says controllers own.
  if (ignore.length > 0 && !syncOptions.includes('RespectIgnoreDifferences=true'))
    syncOptions.push('RespectIgnoreDifferences=true');
  const exclude =
    otherFiles.length === 0
      ? undefined
      : otherFiles.length === 1
        ? otherFiles[0]
        : `{${[...otherFiles].sort().join(',')}}`;
  return applicationObject(cd, {
    name: applicationName(env, app),
    labels: { 'argosy.dev/app': app.name, 'argosy.dev/environment': env.name },
    path: `${cd.path}/${env.name}/${app.name}`,
    ...(exclude ? { exclude } : {}),
    destination: { ...cd.destination, ...(env.namespace ? { namespace: env.namespace } : {}) },
    syncOptions,
    spec: {
      ...(ignore.length ? { ignoreDifferences: ignore } : {}),
      ...(app.description ? { info: [{ name: 'description', value: app.description }] } : {}),
    },
  });
}
