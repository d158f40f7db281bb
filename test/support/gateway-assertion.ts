import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { createAssertionSigner, GATEWAY_ASSERTION_HEADER, type AssertionSigner } from '../../shared/auth/gateway-assertion';
import type { RunningSubgraphs } from '../../scripts/run-network';

/**
 * Tests that talk to subgraphs themselves (a gateway of their own, a stock gateway, a direct request)
 * prove themselves as the network's gateway does, with the key its subgraphs accept.
 */
const signers = new WeakMap<RunningSubgraphs, AssertionSigner>();

export function signerFor(network: RunningSubgraphs): AssertionSigner {
  let signer = signers.get(network);
  if (!signer) {
    signer = createAssertionSigner(network.gatewayKeys);
    signers.set(network, signer);
  }
  return signer;
}

/** The header a direct request to a subgraph serving `audience` (cluster ids, or `network`) carries. */
export async function assertionHeader(network: RunningSubgraphs, audience: readonly string[]): Promise<Record<string, string>> {
  return { [GATEWAY_ASSERTION_HEADER]: await signerFor(network)(audience) };
}

/** Stock @apollo/gateway's data source with nothing added but the assertion, for comparisons with stock. */
export class AssertingDataSource extends RemoteGraphQLDataSource {
  constructor(
    url: string | undefined,
    private readonly sign: AssertionSigner,
    private readonly audience: readonly string[],
  ) {
    super({ url });
  }

  override async willSendRequest({ request }: GraphQLDataSourceProcessOptions): Promise<void> {
    request.http?.headers.set(GATEWAY_ASSERTION_HEADER, await this.sign(this.audience));
  }
}
