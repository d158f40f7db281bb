import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * What a deployment says of the program it runs, in `/health`: the program's version, and a hash
 * of each logical subgraph's SDL. Two deployments with one hash serve the same schema for that
 * subgraph, whatever their versions; the gateway and the metrics compare these.
 */
export const PROGRAM_VERSION: string = readVersion();

/** The first 16 hex digits of the SDL's SHA-256: short enough for a label, long enough never to collide among a network's versions. */
export function sdlHash(sdl: string): string {
  return createHash('sha256').update(sdl).digest('hex').slice(0, 16);
}

function readVersion(): string {
  // The package file sits at the project's root, above this file both in the sources and in `dist/`.
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    const file = path.join(folder, 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
    if (path.dirname(folder) === folder) return 'unknown';
  }
}
