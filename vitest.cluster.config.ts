import { defineConfig } from 'vitest/config';
import { selfReferenceAliases } from './test/self-reference.ts';

// `npm run test:cluster`: tests against a real kube-apiserver (test/cluster/harness.ts) that
// globalSetup starts once and stops at the end. Needs Go, Debian's etcd-server and ../shared/crds;
// fails loudly without them. Any `*.cluster.test.ts` in the tree runs here, not in `npm test`.
export default defineConfig({
  resolve: { alias: selfReferenceAliases() },
  test: {
    setupFiles: ['./test/fast-check-seed.ts'],
    include: ['test/cluster/**/*.test.ts', '{dsl,charts,synth,components,pipelines,test}/**/*.cluster.test.ts'],
    globalSetup: ['./test/cluster/global-setup.ts'],
    // One server, many namespaces: files run one after another so their timing stays readable.
    fileParallelism: false,
    testTimeout: 300_000,
    // A cold kube-apiserver build happens in globalSetup (.ci/run builds it in its own step first).
    hookTimeout: 3_600_000,
  },
});
