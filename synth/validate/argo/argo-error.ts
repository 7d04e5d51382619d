/** A violation of one of Argo's own validation rules; the message follows Argo's wording. */
export class ArgoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgoError';
  }
}

/** Prefixes the message of an ArgoError (Argo nests context as `templates.x.steps[0].y <inner>`). */
export function wrap<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ArgoError) throw new ArgoError(`${prefix}${e.message}`);
    throw e;
  }
}
