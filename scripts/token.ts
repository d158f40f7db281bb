import { parseArgs } from 'node:util';
import { TOKEN_ROLES, isTokenRole } from '../shared/auth/roles';
import { loadOrCreateSigningKeys } from '../shared/auth/signing-keys';
import { issueToken } from '../shared/auth/tokens';
import { loadConfig } from '../shared/config';
import { exitOnFailure } from './process-lifecycle';

const USAGE = `usage: npm run token -- --role <${TOKEN_ROLES.join('|')}> [--cluster <id>] [--member <clusterId:localId>] [--subject <name>] [--expires <8h|30d|…>]`;

/** `npm run token`: prints a signed token for local use, from the key set the network verifies with. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      cluster: { type: 'string' },
      member: { type: 'string' },
      subject: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  if (!isTokenRole(values.role)) return refuse(USAGE);
  const keys = await loadOrCreateSigningKeys(loadConfig().authKeysFile);
  let token: string;
  try {
    token = await issueToken(keys, {
      role: values.role,
      ...(values.cluster ? { cluster: values.cluster } : {}),
      ...(values.member ? { member: values.member } : {}),
      subject: values.subject ?? `local-${values.role}`,
      expiresIn: values.expires,
    });
  } catch (error) {
    // The claims do not make one identity (a member without its organisation, say).
    if (error instanceof RangeError) return refuse(`${error.message}\n${USAGE}`);
    throw error;
  }
  process.stdout.write(`${token}\n`);
}

function refuse(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 2;
}

exitOnFailure(main);
