import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createFileRegistry, fromBinary, fromJson, toJson, type DescMessage, type Registry } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { obj } from '../object-path.ts';
import { child } from './kfp-documents.ts';
import type { KfpProblem } from './kfp-rules.ts';

/** The `buf` CLI of the installed @bufbuild/buf package (a Node launcher of the platform binary). */
function bufLauncher(): string {
  const pkg = createRequire(import.meta.url).resolve('@bufbuild/buf/package.json');
  return join(dirname(pkg), 'bin', 'buf');
}

/**
 * Strict ProtoJSON checks of KFP IR against the upstream .proto files (PipelineSpec,
 * PipelineDeploymentConfig, PlatformSpec, KubernetesExecutorConfig), as the KFP API server
 * parses them with Go's protojson: `buf` compiles the protos to descriptors once, and
 * @bufbuild/protobuf's fromJson rejects unknown keys, unknown enum names, wrong JSON types and
 * oneofs set twice. The canonical round trip `toJson(fromJson(x)) == x` also catches snake_case
 * keys and numeric enums. Nothing generated from the protos is stored.
 */
export class KfpProtoChecker {
  private readonly registry: Registry;
  private readonly messages: Record<'spec' | 'deployment' | 'platform' | 'k8s', DescMessage>;

  /** Compiles the protos in `protoDir`; throws when buf is missing or they do not compile. */
  constructor(readonly protoDir: string) {
    const dir = mkdtempSync(join(tmpdir(), 'argosy-kfp-'));
    try {
      const out = join(dir, 'kfp.binpb');
      const r = spawnSync(process.execPath, [bufLauncher(), 'build', protoDir, '-o', out], { encoding: 'utf8' });
      if (r.status !== 0)
        throw new Error(`buf build ${protoDir} failed: ${(r.stderr || String(r.error ?? '')).trim().split('\n')[0]}`);
      this.registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(out)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const get = (name: string): DescMessage => {
      const m = this.registry.getMessage(name);
      if (!m) throw new Error(`${name} not found in ${protoDir}`);
      return m;
    };
    this.messages = {
      spec: get('ml_pipelines.PipelineSpec'),
      deployment: get('ml_pipelines.PipelineDeploymentConfig'),
      platform: get('ml_pipelines.PlatformSpec'),
      k8s: get('kfp_kubernetes.KubernetesExecutorConfig'),
    };
  }

  private strict(path: string, desc: DescMessage, json: unknown): KfpProblem[] {
    try {
      const msg = fromJson(desc, json as never, { registry: this.registry });
      const back = toJson(desc, msg, { registry: this.registry });
      if (!isDeepStrictEqual(back, json))
        return [
          {
            path,
            message: `not canonical ProtoJSON (toJson(fromJson(x)) differs at ${firstDifference(json, back)}). Write camelCase keys and enum names`,
          },
        ];
      return [];
    } catch (e) {
      return [{ path, message: (e as Error).message }];
    }
  }

  /** The PipelineSpec, and its `deploymentSpec` (a Struct in PipelineSpec) as PipelineDeploymentConfig. */
  pipelineSpec(spec: unknown, base = ''): KfpProblem[] {
    return [
      ...this.strict(base, this.messages.spec, spec),
      ...this.strict(child(base, 'deploymentSpec'), this.messages.deployment, obj(spec).deploymentSpec ?? {}),
    ];
  }

  /** The PlatformSpec, and each Kubernetes executor config (Structs in PlatformSpec). */
  platformSpec(platform: unknown, base = ''): KfpProblem[] {
    const executors = obj(obj(obj(obj(obj(platform).platforms).kubernetes).deploymentSpec).executors);
    const at = child(child(child(child(base, 'platforms'), 'kubernetes'), 'deploymentSpec'), 'executors');
    return [
      ...this.strict(base, this.messages.platform, platform),
      ...Object.entries(executors).flatMap(([label, cfg]) => this.strict(child(at, label), this.messages.k8s, cfg)),
    ];
  }
}

function firstDifference(a: unknown, b: unknown, path = '$'): string {
  if (isDeepStrictEqual(a, b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`;
}
