/**
 * Upstream Argo examples that have no Argosy program, and why. The harness fails if an example
 * is missing from both test/argo-examples/ and this list, or is in both.
 */
export const NOT_REPRODUCED: Readonly<Record<string, string>> = {
  'configmaps--simple-parameters-configmap':
    'a plain Kubernetes ConfigMap (cluster data for other examples), not an Argo object; out of scope of the Argo-native API',
  testvolume:
    'a plain Kubernetes PersistentVolumeClaim (cluster data for volumes-existing), not an Argo object; out of scope of the Argo-native API',
  'workflow-count-resourcequota':
    'a plain Kubernetes ResourceQuota, not an Argo object; out of scope of the Argo-native API',
  'fun-with-gifs':
    'the upstream Workflow has neither metadata.name nor metadata.generateName (its `generateName:` line is indented under `labels:`, making an invalid label value), which Kubernetes rejects; Argosy requires a name and valid labels',
  'k8s-jobs':
    'the upstream Workflow has neither metadata.name nor metadata.generateName (its `name:` line is indented into an annotation value), which Kubernetes rejects; Argosy requires one',
};
