import { dirname } from 'node:path';

/** An object of a synthesized (or hand-written) tree, identified across two trees. */
export interface TreeObject {
  /** `dir|group|Kind|namespace|name`: the same object in both trees has the same key. */
  readonly key: string;
  /** Directory of its file (`staging/recommended-categories`), shown as its location. */
  readonly location: string;
  readonly kind: string;
  readonly name: string;
  readonly file: string;
  readonly object: unknown;
}

const o = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** Indexes documents by identity; the API version is not part of it, so a version bump is a change, not a replace. */
export function objectSet(documents: readonly { file: string; object: unknown }[]): Map<string, TreeObject> {
  const out = new Map<string, TreeObject>();
  documents.forEach((d, i) => {
    const doc = o(d.object);
    const meta = o(doc.metadata);
    const apiVersion = String(doc.apiVersion ?? '');
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
    const kind = String(doc.kind ?? 'Unknown');
    const name = String(meta.name ?? meta.generateName ?? `#${i}`);
    const location = dirname(d.file) === '.' ? '' : dirname(d.file);
    const key = [location, group, kind, String(meta.namespace ?? ''), name].join('|');
    out.set(key, { key, location, kind, name, file: d.file, object: d.object });
  });
  return out;
}
