/** Any JSON value; literal arguments and defaults are restricted to these. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Where a runtime value comes from; each backend renders it in its own syntax. */
export type RuntimeValueName =
  | 'workflowName'
  | 'workflowUid'
  | 'workflowNamespace'
  | 'workflowStatus'
  | 'workflowFailures'
  | 'scheduledTime'
  | 'creationTimestamp';

/**
 * A value passed to a task input: a literal, a pipeline parameter, an upstream output, a loop
 * item, a loop's collected outputs, the output of whichever condition branch ran, a runtime
 * value, or a string concatenation of those.
 */
export type ValueIR =
  | { readonly kind: 'literal'; readonly value: JsonValue }
  | { readonly kind: 'pipelineParam'; readonly name: string }
  | { readonly kind: 'taskOutput'; readonly task: string; readonly output: string }
  | { readonly kind: 'loopItem'; readonly loop: string; readonly path: readonly string[] }
  | { readonly kind: 'loopOutput'; readonly loop: string; readonly output: string }
  | { readonly kind: 'conditionOutput'; readonly condition: string; readonly output: string }
  | { readonly kind: 'runtime'; readonly name: RuntimeValueName }
  | { readonly kind: 'concat'; readonly parts: readonly ValueIR[] };

/** A condition on values (rendered as Argo `when`) or on task status (rendered as `depends`). */
export type CondIR =
  | {
      readonly kind: 'compare';
      readonly op: CompareOp;
      readonly left: ValueIR;
      readonly right: ValueIR;
      readonly valueType: 'string' | 'number' | 'bool';
    }
  | { readonly kind: 'status'; readonly task: string; readonly status: TaskStatus }
  | { readonly kind: 'and' | 'or'; readonly items: readonly CondIR[] }
  | { readonly kind: 'not'; readonly item: CondIR };

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** Task results a condition can test (Argo's enhanced `depends` vocabulary). */
export type TaskStatus =
  'Succeeded' | 'Failed' | 'Errored' | 'Skipped' | 'Omitted' | 'Daemoned' | 'AnySucceeded' | 'AllFailed';
