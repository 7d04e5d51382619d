/**
 * Identity that survives two copies of argosy in one process (a project and a component library
 * that each installed their own): `instanceof` compares against one copy's class, so a reference
 * made by the other copy would be rejected as "not a reference". A brand is a registry symbol
 * (`Symbol.for`), the same in every copy, set on the class prototype, as cdk8s does for its
 * Lazy values. Subclasses inherit the brands of their base classes.
 */

/** The registry symbol of a kind: `Symbol.for('argosy.<kind>')`. */
export function brandOf(kind: string): symbol {
  return Symbol.for(`argosy.${kind}`);
}

/** Marks every instance of `cls` (and of its subclasses) as a `kind`. */
export function brand(cls: abstract new (...args: never[]) => unknown, kind: string): void {
  Object.defineProperty(cls.prototype, brandOf(kind), { value: true });
}

/**
 * A type guard for the instances of a branded class, from whichever copy of argosy made them.
 *
 * @example
 * ```ts
 * export const isCond = guard<Cond>('Cond');
 * ```
 */
export function guard<T>(kind: string): (value: unknown) => value is T {
  const key = brandOf(kind);
  return (value: unknown): value is T =>
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    (value as { [key]?: unknown })[key] === true;
}
