import {
  pipelineSpecUploadProblems,
  platformSpecProblems,
  type KfpProblem,
} from '../../../synth/validate/kfp/kfp-rules.ts';
import { KfpProtoChecker } from '../../../synth/validate/kfp/proto-check.ts';
import { loadKubernetesYaml } from '../../../synth/yaml/load.ts';

/**
 * Strict checking of one KFP IR file against the upstream .proto files in ../shared/schemas/kfp
 * (recipe in its README), with the checks `argosy validate` runs: the proto parse of
 * synth/validate/kfp/proto-check.ts and the API server's upload rules. Problems are
 * `<where>: <message>` lines.
 */
export class KfpStrictChecker {
  private readonly protos: KfpProtoChecker;

  constructor(protoDir: string) {
    this.protos = new KfpProtoChecker(protoDir);
  }

  /** Problems of one IR file's documents (PipelineSpec, optional PlatformSpec); empty when valid. */
  check(documents: readonly unknown[]): string[] {
    const [spec, platform, ...rest] = documents;
    const problems: string[] = [];
    const line =
      (what: string) =>
      (p: KfpProblem): string =>
        `${p.path || what}: ${p.message}`;
    if (rest.length > 0)
      problems.push(`${rest.length + 2} documents: the API server accepts one PipelineSpec and one PlatformSpec`);
    if (!spec) return ['no PipelineSpec document'];
    problems.push(
      ...[...this.protos.pipelineSpec(spec), ...pipelineSpecUploadProblems(spec)].map(line('PipelineSpec')),
    );
    if (platform !== undefined)
      problems.push(
        ...[...this.protos.platformSpec(platform), ...platformSpecProblems(platform)].map(line('PlatformSpec')),
      );
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
