import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The .proto files a schema location must hold under `kfp/` for proto checks. */
export const KFP_PROTO_FILES = ['pipeline_spec.proto', 'kubernetes_executor_config.proto'] as const;

/** `<location>/kfp` when it holds the KFP protos (the layout of ../shared/schemas), else undefined. */
export function kfpProtoDir(location: string | undefined): string | undefined {
  if (!location) return undefined;
  const dir = join(location, 'kfp');
  return KFP_PROTO_FILES.every((f) => existsSync(join(dir, f))) ? dir : undefined;
}
