import { component, type ComponentSpec, type PortMap } from '../../dsl/index.ts';
import type { AnyPipeline } from '../../dsl/index.ts';

/** One equivalence case: an Argosy program and the SDK-compiled IR (under ../shared/corpus/kfp-ir) it reproduces. */
export interface EquivalenceCase {
  readonly upstream: string;
  readonly pipeline: AnyPipeline;
}

/**
 * The Argosy counterpart of a KFP lightweight Python component: a script component on the same
 * image. Its body is our own stand-in (the normalization compares interfaces, not Python code).
 */
export function pythonFunction<const I extends PortMap = {}, const O extends PortMap = {}>(
  name: string,
  spec: Omit<ComponentSpec<I, O>, 'image' | 'script' | 'command' | 'args'> & { readonly image?: string },
) {
  return component<I, O>(name, {
    image: 'python:3.11',
    ...spec,
    script: {
      source: `import os\nprint("${name}", {k: v for k, v in os.environ.items() if k.startswith(("INPUT_", "OUTPUT_"))})\n`,
    },
  } as ComponentSpec<I, O>);
}
