import { defineConfig } from 'vitest/config';
import { selfReferenceAliases } from './test/self-reference.ts';

// `npm run test:peers`: the real peer programs read what Argosy writes: Argo's own Go validator
// (test/peers/argo-lint), the KFP SDK and Hera (a Python venv from test/peers/requirements.txt).
// globalSetup builds or reuses them (cached) and fails loudly when it cannot.
export default defineConfig({
  resolve: { alias: selfReferenceAliases() },
  test: {
    setupFiles: ['./test/fast-check-seed.ts'],
    include: ['test/peers/**/*.test.ts'],
    globalSetup: ['./test/peers/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 3_600_000,
  },
});
