import { DslError, seg, type PathSegment } from '../../dsl/errors.ts';

/**
 * The one error the KFP backend raises for anything the KFP v2 IR cannot express: it names the
 * pipeline, where the feature is used and the feature itself, so the capability matrix in
 * docs/kfp.md and the messages users see stay the same list.
 */
export function unsupported(
  pipeline: string,
  at: readonly PathSegment[],
  feature: string,
  got: unknown,
  fix: string,
): DslError {
  return new DslError({
    path: [seg('pipeline', pipeline), ...at],
    problem: `Kubeflow Pipelines cannot express ${feature}`,
    got,
    fix,
  });
}

/** Thrown for IR this backend does not know yet (a node, value or implementation kind added later). */
export function unknownKind(pipeline: string, at: readonly PathSegment[], what: string, kind: unknown): DslError {
  return new DslError({
    path: [seg('pipeline', pipeline), ...at],
    problem: `the KFP backend does not know ${what} kind "${String(kind)}"`,
    got: kind,
    fix: 'Compile this pipeline for Argo (target: "argo"), or teach charts/kfp/ the new kind',
  });
}
