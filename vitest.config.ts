import { defineConfig } from 'vitest/config';

// `npm test`: unit, type, golden and property tests. Needs nothing outside the project.
export default defineConfig({
  test: {
    setupFiles: ['./test/fast-check-seed.ts'],
    include: ['{dsl,charts,synth,components,pipelines,test}/**/*.test.ts'],
    exclude: ['test/conformance/**', 'node_modules/**'],
    typecheck: { enabled: true, include: ['**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 60_000,
  },
});
