import { DslError, seg } from '../../dsl/errors.ts';
import type { PipelineIR } from '../../dsl/ir/index.ts';
import type { ObjectSpec } from '../api-object.ts';
import { submitsOf } from '../../dsl/ir/nodes.ts';
import { submitterServiceAccount } from './submit.ts';

const RBAC_API_VERSION = 'rbac.authorization.k8s.io/v1';

/**
 * ServiceAccount, Role and RoleBinding for a pipeline that submits other pipelines' runs. The Role
 * grants `create` on Workflows (what the resource step does) and `create`/`patch` on
 * WorkflowTaskResults (how the Argo executor in that pod reports its result) and nothing else:
 * no get/list/delete, no pods, no secrets. Returns nothing for pipelines without submit steps.
 *
 * @example
 * ```ts
 * for (const obj of submitRbac(pipelineIR, 'ml-production', 'production')) addObject(chart, obj);
 * ```
 */
export function submitRbac(p: PipelineIR, namespace: string | undefined, environment: string): ObjectSpec[] {
  const submits = submitsOf(p);
  if (submits.length === 0) return [];
  if (!namespace) {
    throw new DslError({
      path: [
        seg('environment', environment),
        seg('pipeline', p.name),
        seg('submit', (submits[0] as { id: string }).id),
      ],
      problem: "p.submit() needs the environment namespace: its RoleBinding must name the service account's namespace",
      got: undefined,
      fix: `Declare environment('${environment}', { namespace: '...' })`,
    });
  }
  const name = submitterServiceAccount(p.name);
  const targets = [...new Set(submits.map((s) => s.pipeline))].sort();
  const metadata = {
    name,
    namespace,
    annotations: {
      'argosy.dev/description': `Lets the submit steps of pipeline "${p.name}" start runs of: ${targets.join(', ')}.`,
    },
  };
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata },
    {
      apiVersion: RBAC_API_VERSION,
      kind: 'Role',
      metadata,
      rules: [
        { apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['create'] },
        { apiGroups: ['argoproj.io'], resources: ['workflowtaskresults'], verbs: ['create', 'patch'] },
      ],
    },
    {
      apiVersion: RBAC_API_VERSION,
      kind: 'RoleBinding',
      metadata,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects: [{ kind: 'ServiceAccount', name, namespace }],
    },
  ];
}
