import fs from 'node:fs';
import path from 'node:path';
import { PROGRAM_VERSION, sdlHash } from '../schema-version';

describe('what a deployment says of its program', () => {
  it('reports the version of the package it was built from', () => {
    const { version } = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(PROGRAM_VERSION).toBe(version);
  });

  it('hashes an SDL to 16 hex digits that change with any change to it', () => {
    const hash = sdlHash('type Member { id: ID! }');
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(sdlHash('type Member { id: ID! }')).toBe(hash);
    expect(sdlHash('type Member { id: ID! founded: Int }')).not.toBe(hash);
  });
});
