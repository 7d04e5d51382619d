import { basename, dirname } from 'node:path';
import { kfpKind } from '../validate/kfp/kfp-documents.ts';

/** An object of a synthesized (or hand-written) tree, identified across two trees. */
export interface TreeObject {
  /**
   * `dir|group|Kind|namespace|name`: the same object in both trees has the same key. A document
   * without a name (a KFP pipeline spec or recurring run) is keyed by its file and its position in
   * that file instead: Argosy names those files after the pipeline or schedule.
   */
  readonly key: string;
  /** Directory of its file (`staging/recommended-categories`), shown as its location. */
  readonly location: string;
  readonly kind: string;
  /** metadata.name (or generateName); for unnamed documents the file name (`pipelinespec.ctr.yaml`, `#2` for later documents). */
  readonly name: string;
  readonly file: string;
  readonly object: unknown;
}

const o = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** One parsed document of a tree; `index` is its position in its file (default 0). */
export interface TreeDocument {
  readonly file: string;
  readonly index?: number;
  readonly object: unknown;
}

/** Indexes documents by identity; the API version is not part of it, so a version bump is a change, not a replace. */
export function objectSet(documents: readonly TreeDocument[]): Map<string, TreeObject> {
  const out = new Map<string, TreeObject>();
  for (const d of documents) {
    const doc = o(d.object);
    const meta = o(doc.metadata);
    const apiVersion = String(doc.apiVersion ?? '');
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
    // KFP documents have no kind; their shape names them (PipelineSpec, PlatformSpec, RecurringRun).
    const kind = typeof doc.kind === 'string' && doc.kind !== '' ? doc.kind : (kfpKind(d.object) ?? 'document');
    const location = dirname(d.file) === '.' ? '' : dirname(d.file);
    const named = meta.name ?? meta.generateName;
    const index = d.index ?? 0;
    // Without a name, only the file says which document this is; a tree-wide counter would pair
    // unrelated documents as soon as a file is added before them.
    const name = named !== undefined ? String(named) : `${basename(d.file)}${index > 0 ? ` #${index + 1}` : ''}`;
    const key =
      named !== undefined
        ? [location, group, kind, String(meta.namespace ?? ''), name].join('|')
        : [d.file, `#${index}`].join('|');
    out.set(key, { key, location, kind, name, file: d.file, object: d.object });
  }
  return out;
}
