/** The annotation Argo CD orders a sync by: lower waves are applied (and healthy) first. */
export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';

/**
 * Waves by kind, so whatever an object uses exists before it: namespaces and CRDs, then
 * identities, RBAC and configuration, then what workloads reference (Services, mesh routing,
 * AnalysisTemplates, WorkflowTemplates, serving runtimes), then workloads, then what watches them.
 */
const WAVES: Readonly<Record<string, number>> = {
  Namespace: -3,
  CustomResourceDefinition: -3,
  PriorityClass: -3,
  ServiceAccount: -2,
  Role: -2,
  ClusterRole: -2,
  RoleBinding: -2,
  ClusterRoleBinding: -2,
  ConfigMap: -2,
  Secret: -2,
  PersistentVolumeClaim: -2,
  ResourceQuota: -2,
  LimitRange: -2,
  NetworkPolicy: -2,
  Service: -1,
  DestinationRule: -1,
  VirtualService: -1,
  Gateway: -1,
  AnalysisTemplate: -1,
  ClusterAnalysisTemplate: -1,
  WorkflowTemplate: -1,
  ClusterWorkflowTemplate: -1,
  ServingRuntime: -1,
  ClusterServingRuntime: -1,
  InferenceGraph: 1,
  HorizontalPodAutoscaler: 1,
  PodDisruptionBudget: 1,
  ServiceMonitor: 1,
  PodMonitor: 1,
  PrometheusRule: 1,
};

/** The wave of a kind; workloads and everything unknown are in wave 0. */
export function syncWave(kind: string): number {
  return WAVES[kind] ?? 0;
}
