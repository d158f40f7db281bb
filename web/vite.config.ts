import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { DASHBOARD_OPERATIONS } from '../gateway/src/persisted-queries/dashboard-operations';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The hash the gateway knows each dashboard operation by, computed once here for the bundle. */
const hashes = Object.fromEntries(Object.entries(DASHBOARD_OPERATIONS).map(([name, query]) => [name, createHash('sha256').update(query).digest('hex')]));

/**
 * The dashboard (`/`) and the workbench (`/graphiql`), built into `dist/web`, which the gateway
 * serves. Everything comes from npm packages: the pages load nothing from outside the machine.
 */
export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  define: { __PERSISTED_HASHES__: JSON.stringify(hashes) },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: { index: `${here}index.html`, graphiql: `${here}graphiql.html` },
      // React's "use client" markers mean nothing in a plain client bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
