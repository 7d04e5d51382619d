import { defineConfig } from 'vitest/config';
import { selfReferenceAliases } from './test/self-reference.ts';

// `npm test`: unit, type, golden and property tests. Needs nothing outside the project.
export default defineConfig({
  resolve: { alias: selfReferenceAliases() },
  test: {
    setupFiles: ['./test/fast-check-seed.ts'],
    include: ['{dsl,charts,synth,components,pipelines,test}/**/*.test.ts'],
    // Conformance, the API server and the peer tools have their own scripts (test:conformance,
    // test:cluster, test:peers): they need ../shared, Go, etcd or a Python venv.
    exclude: ['test/conformance/**', 'test/cluster/**', 'test/peers/**', '**/*.cluster.test.ts', 'node_modules/**'],
    typecheck: { enabled: true, include: ['**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 60_000,
    // Tests that spawn `synth/bin.mjs` run the sources, not a possibly stale build/.
    env: { ARGOSY_SOURCE: '1' },
  },
});
