import { configMapKey, secretKey } from 'argosy';
import { images } from './images.ts';

/**
 * How every warehouse step runs, shared by `warehouse-extract` and `warehouse-load` so the two
 * CLIs of one image never drift apart: the image, the connection (URL from the `warehouse`
 * ConfigMap, token from the `warehouse-credentials` Secret), the pod size, and retries that
 * ride out the warehouse's transient errors (both commands are idempotent per snapshot).
 */
export const WAREHOUSE_RUNTIME = {
  image: images.warehouseTools,
  env: {
    WAREHOUSE_URL: configMapKey('warehouse', 'url'),
    WAREHOUSE_TOKEN: secretKey('warehouse-credentials', 'token'),
  },
  resources: { cpu: '1', memory: '4Gi' },
  retry: { limit: 3, policy: 'OnError', backoff: { duration: '30s', factor: 2, max: '5m' } },
  timeout: '1h',
} as const;
