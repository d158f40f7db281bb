import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES, loadConfig, type Config } from '../../shared/config';

/**
 * `.env.example` documents every variable the config module reads: `NAME=default` when the
 * variable has a fixed default, `# NAME=` when it stays unset unless given, each with a comment.
 */

const lines = fs.readFileSync(path.resolve(__dirname, '../../.env.example'), 'utf8').split('\n');
const ASSIGNMENT = /^(# )?([A-Z][A-Z0-9_]*)=(.*)$/;

const assignments = lines.flatMap((line, index) => {
  const match = ASSIGNMENT.exec(line);
  return match ? [{ index, name: match[2]!, value: match[3]!, active: match[1] === undefined }] : [];
});
const names = assignments.map((assignment) => assignment.name);
const activeEnvironment = Object.fromEntries(
  assignments.filter((assignment) => assignment.active).map((assignment) => [assignment.name, assignment.value]),
);

/** A config's settings without its functions, for comparison. */
function settings(config: Config): unknown {
  return JSON.parse(JSON.stringify(config));
}

describe('.env.example', () => {
  it('lists exactly the variables in CONFIG_VARIABLES', () => {
    expect([...new Set(names)].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('lists each variable once', () => {
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('gives values that loadConfig accepts', () => {
    expect(() => loadConfig(activeEnvironment)).not.toThrow();
  });

  it("gives the config module's defaults", () => {
    expect(settings(loadConfig(activeEnvironment))).toEqual(settings(loadConfig({})));
  });

  it('puts a one-line comment directly above every variable', () => {
    const uncommented = assignments
      .filter(({ index }) => {
        const above = lines[index - 1] ?? '';
        return !above.startsWith('# ') || ASSIGNMENT.test(above);
      })
      .map((assignment) => assignment.name);
    expect(uncommented).toEqual([]);
  });
});
