import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { defineConfig } from 'vite';
import { DASHBOARD_OPERATIONS } from '../gateway/src/persisted-queries/dashboard-operations';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The hash the gateway knows each dashboard operation by, computed once here for the bundle. */
const hashes = Object.fromEntries(Object.entries(DASHBOARD_OPERATIONS).map(([name, query]) => [name, createHash('sha256').update(query).digest('hex')]));

/**
 * Romania's outline (ISO 3166 numeric 642) from Natural Earth's 1:50m countries as the world-atlas
 * package ships them: its rings of [longitude, latitude], rounded to 0.01°, computed at build time
 * so that the page carries a few kilobytes instead of the world.
 */
function romaniaOutline(): number[][][] {
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection }>;
  const romania = feature(topology, topology.objects.countries).features.find((country) => country.id === '642');
  if (!romania || (romania.geometry.type !== 'Polygon' && romania.geometry.type !== 'MultiPolygon')) throw new Error('world-atlas has no outline of Romania');
  const polygons = romania.geometry.type === 'Polygon' ? [romania.geometry.coordinates] : romania.geometry.coordinates;
  return polygons.flatMap((rings) => rings.map((ring) => ring.map(([lon, lat]) => [Math.round(lon! * 100) / 100, Math.round(lat! * 100) / 100])));
}

/**
 * The dashboard (`/`), the partner finder (`/partners`) and the workbench (`/graphiql`), built into `dist/web`, which the gateway
 * serves. Everything comes from npm packages: the pages load nothing from outside the machine.
 */
export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  define: { __PERSISTED_HASHES__: JSON.stringify(hashes), __ROMANIA_OUTLINE__: JSON.stringify(romaniaOutline()) },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: { index: `${here}index.html`, partners: `${here}partners.html`, graphiql: `${here}graphiql.html` },
      // React's "use client" markers mean nothing in a plain client bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
