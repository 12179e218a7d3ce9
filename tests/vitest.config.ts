import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The summary line CI reads (`N passed, N failed`) comes from our own reporter.
    reporters: ['default', './tests/support/summary-reporter.ts'],
    env: { FORCE_COLOR: '0' },
  },
});
