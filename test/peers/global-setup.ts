import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { argoLintBinary } from './argo-lint.ts';
import { writePeerInputs, type PeerInputs } from './outputs.ts';
import { peersPython } from './venv.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The argo-lint binary (Argo's own validation code, test/peers/argo-lint). */
    argoLint: string;
    /** Python of the peers venv (kfp, hera). */
    peersPython: string;
    /** Synthesized output that is not committed (Argo examples, KFP compiles), written for the peers. */
    peerInputs: PeerInputs;
  }
}

let dir: string | undefined;

/**
 * `npm run test:peers`: builds (or takes from the cache) argo-lint and the Python venv, and
 * writes what Argosy synthesizes but does not commit to a temporary directory. Anything missing
 * fails the run loudly; nothing is skipped.
 */
export async function setup(project: TestProject): Promise<void> {
  project.provide('argoLint', argoLintBinary());
  project.provide('peersPython', peersPython());
  dir = mkdtempSync(join(tmpdir(), 'argosy-peers-'));
  project.provide('peerInputs', await writePeerInputs(dir));
}

export function teardown(): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
