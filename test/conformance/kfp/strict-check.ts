import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createFileRegistry, fromBinary, fromJson, toJson, type DescMessage, type Registry } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { isDeepStrictEqual } from 'node:util';
import { loadKubernetesYaml } from '../../../synth/yaml/load.ts';
import { ROOT } from '../../shared-dir.ts';

/**
 * Strict ProtoJSON checking of KFP IR against the upstream .proto files in
 * ../shared/schemas/kfp (recipe in its README): buf compiles them to descriptors at test time,
 * and @bufbuild/protobuf's fromJson rejects unknown keys, unknown enum names, wrong JSON types
 * and oneofs set twice. Nothing generated from the protos is committed.
 */
export class KfpStrictChecker {
  private readonly registry: Registry;
  private readonly messages: Record<'spec' | 'deployment' | 'platform' | 'k8s', DescMessage>;

  constructor(protoDir: string) {
    const dir = mkdtempSync(join(tmpdir(), 'argosy-kfp-'));
    try {
      const out = join(dir, 'kfp.binpb');
      const buf = resolve(ROOT, 'node_modules', '.bin', 'buf');
      const r = spawnSync(buf, ['build', protoDir, '-o', out], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`buf build ${protoDir} failed: ${r.stderr || r.error}`);
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

  /** Problems of one IR file's documents (PipelineSpec, optional PlatformSpec); empty when valid. */
  check(documents: readonly unknown[]): string[] {
    const problems: string[] = [];
    const strict = (what: string, desc: DescMessage, json: unknown): void => {
      try {
        const msg = fromJson(desc, json as never, { registry: this.registry });
        const back = toJson(desc, msg, { registry: this.registry });
        if (!isDeepStrictEqual(back, json)) problems.push(`${what}: not canonical ProtoJSON (toJson(fromJson(x)) differs): ${firstDifference(json, back)}`);
      } catch (e) {
        problems.push(`${what}: ${(e as Error).message}`);
      }
    };
    const [spec, platform, ...rest] = documents as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (rest.length > 0) problems.push(`${rest.length + 2} documents: the API server accepts one PipelineSpec and one PlatformSpec`);
    if (!spec) return ['no PipelineSpec document'];
    strict('PipelineSpec', this.messages.spec, spec);
    strict('deploymentSpec', this.messages.deployment, spec.deploymentSpec);
    // The API server's upload rules (backend/src/apiserver/template/v2_template.go).
    if (spec.schemaVersion !== '2.1.0') problems.push(`schemaVersion must be 2.1.0 (got ${JSON.stringify(spec.schemaVersion)})`);
    if (typeof spec.pipelineInfo?.name !== 'string' || spec.pipelineInfo.name === '') problems.push('pipelineInfo.name must not be empty');
    if (!spec.root) problems.push('root is missing');
    if (platform !== undefined) {
      strict('PlatformSpec', this.messages.platform, platform);
      // Without platforms.kubernetes the server silently drops the document.
      if (!platform.platforms?.kubernetes) problems.push('the second document has no platforms.kubernetes and would be ignored');
      for (const [label, cfg] of Object.entries(platform.platforms?.kubernetes?.deploymentSpec?.executors ?? {})) strict(`platform executor ${label}`, this.messages.k8s, cfg);
    }
    return problems;
  }

  /**
   * Reads an IR YAML file as the API server's Go parser does (YAML 1.1, and the PyYAML-written
   * multi-line scalars that js-yaml finds under-indented).
   */
  static readDocuments(text: string): unknown[] {
    return loadKubernetesYaml(text, { lenient: true }).documents;
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
