import type { SourceDocument } from '../documents.ts';
import type { Finding } from '../finding.ts';
import { type KfpKind, kfpKind, kfpName } from './kfp-documents.ts';
import {
  type KfpProblem,
  pipelineLintProblems,
  pipelineSpecUploadProblems,
  platformSpecProblems,
} from './kfp-rules.ts';
import type { KfpProtoChecker } from './proto-check.ts';
import { inlinePipeline, recurringRunProblems } from './recurring-run-rules.ts';

/** What a KFP document is called in reports. */
export interface KfpIdentity {
  readonly kind: KfpKind;
  readonly name: string;
}

/** The documents of each file, in file order. */
function byFile(documents: readonly SourceDocument[]): SourceDocument[][] {
  const files = new Map<string, SourceDocument[]>();
  for (const d of documents) files.set(d.file, [...(files.get(d.file) ?? []), d]);
  return [...files.values()].map((ds) => [...ds].sort((a, b) => a.index - b.index));
}

/** The KFP documents of the input with their kind and name; a PlatformSpec goes by its pipeline's name. */
export function kfpIdentities(documents: readonly SourceDocument[]): Map<SourceDocument, KfpIdentity> {
  const out = new Map<SourceDocument, KfpIdentity>();
  for (const docs of byFile(documents)) {
    const first = docs[0]?.object;
    for (const d of docs) {
      const kind = kfpKind(d.object);
      if (kind)
        out.set(d, { kind, name: kfpName(kind, d.object, kfpKind(first) === 'PipelineSpec' ? first : undefined) });
    }
  }
  return out;
}

/** The rule ids the kfp layer emits. */
export const KFP_RULES = {
  upload: 'kfp/upload',
  lint: 'kfp/lint',
  proto: 'kfp/proto',
  recurringRun: 'kfp/recurring-run',
} as const;

const as =
  (rule: (typeof KFP_RULES)[keyof typeof KFP_RULES]) =>
  (p: KfpProblem): Finding => ({
    severity: p.severity ?? 'error',
    layer: 'kfp',
    rule,
    path: p.path,
    message: p.message,
  });

/** Upload rules, lint and (with protos) strict parsing of one pipeline, wherever it sits. */
function pipelineFindings(
  spec: unknown,
  platform: unknown,
  base: string,
  protos: KfpProtoChecker | undefined,
): Finding[] {
  return [
    ...pipelineSpecUploadProblems(spec, base).map(as(KFP_RULES.upload)),
    ...pipelineLintProblems(spec, platform, base).map(as(KFP_RULES.lint)),
    ...(protos ? protos.pipelineSpec(spec, base).map(as(KFP_RULES.proto)) : []),
  ];
}

function platformFindings(platform: unknown, base: string, protos: KfpProtoChecker | undefined): Finding[] {
  return [
    ...platformSpecProblems(platform, base).map(as(KFP_RULES.upload)),
    ...(protos ? protos.platformSpec(platform, base).map(as(KFP_RULES.proto)) : []),
  ];
}

const LAYOUT = 'KFP reads a pipeline file as one PipelineSpec, first, and optionally its PlatformSpec second';

/**
 * Checks KFP documents where Kubernetes objects get the metadata and schema layers: pipeline
 * files (a PipelineSpec, optionally followed by its PlatformSpec) get the API server's upload
 * rules, the compiler's lint and, given the protos, strict ProtoJSON parsing; recurring-run
 * bodies get the create-request rules and the same checks of the pipeline they carry inline.
 * Also flags documents a pipeline file holds besides those two, which KFP drops or refuses.
 */
export function kfpLayer(
  documents: readonly SourceDocument[],
  opts: { protos?: KfpProtoChecker } = {},
): Map<SourceDocument, Finding[]> {
  const out = new Map<SourceDocument, Finding[]>();
  const add = (d: SourceDocument, fs: readonly Finding[]): void => {
    if (fs.length > 0) out.set(d, [...(out.get(d) ?? []), ...fs]);
  };
  for (const docs of byFile(documents)) {
    const kinds = docs.map((d) => kfpKind(d.object));
    const pipelineFile = kinds[0] === 'PipelineSpec';
    docs.forEach((d, i) => {
      const kind = kinds[i];
      const paired = pipelineFile && i === 1 && kind === 'PlatformSpec';
      if (pipelineFile && i > 0 && !paired) {
        add(d, [
          as(KFP_RULES.upload)({
            path: '',
            message: `${LAYOUT}, so this document would be dropped or refused (got ${kind ? `a ${kind}` : 'another document'} as document ${i + 1}). Give it a file of its own`,
          }),
        ]);
      } else if (!pipelineFile && kind === 'PipelineSpec') {
        add(d, [
          as(KFP_RULES.upload)({
            path: '',
            message: `${LAYOUT} (got a PipelineSpec as document ${i + 1}). Give the pipeline a file of its own`,
          }),
        ]);
      } else if (!pipelineFile && kind === 'PlatformSpec') {
        add(d, [
          as(KFP_RULES.upload)({
            path: '',
            message: `a PlatformSpec counts only as the second document of its pipeline's file (got it as document ${i + 1} of a file without a PipelineSpec first). Put it after its PipelineSpec`,
          }),
        ]);
      }
      if (kind === 'PipelineSpec') {
        add(
          d,
          pipelineFindings(
            d.object,
            i === 0 && kinds[1] === 'PlatformSpec' ? docs[1]?.object : undefined,
            '',
            opts.protos,
          ),
        );
      } else if (kind === 'PlatformSpec') {
        add(d, platformFindings(d.object, '', opts.protos));
      } else if (kind === 'RecurringRun') {
        const body = d.object as Record<string, unknown>;
        const inline = inlinePipeline(body);
        add(d, [...recurringRunProblems(body), ...inline.problems].map(as(KFP_RULES.recurringRun)));
        if (inline.spec)
          add(d, pipelineFindings(inline.spec.value, inline.platform?.value, inline.spec.path, opts.protos));
        if (inline.platform) add(d, platformFindings(inline.platform.value, inline.platform.path, opts.protos));
      }
    });
  }
  return out;
}
