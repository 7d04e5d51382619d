import { defineConfig } from 'vitest/config';
import { selfReferenceAliases } from './test/self-reference.ts';

// `npm run test:conformance`: checks against ../shared (schemas, upstream corpora). Fails loudly without it.
export default defineConfig({
  resolve: { alias: selfReferenceAliases() },
  test: {
    setupFiles: ['./test/fast-check-seed.ts'],
    include: ['test/conformance/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
