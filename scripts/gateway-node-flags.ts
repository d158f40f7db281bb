/**
 * The Node.js flags a process serving the gateway runs with, wherever it is started: the image's
 * command, the compose file's and the Kubernetes manifest's gateway, the npm scripts that start a
 * gateway, and every gateway the benchmark measures (ours and stock alike, so that both run on the
 * same runtime). A test holds those places to this list.
 *
 * `--max-semi-space-size=64`: a fan-out keeps every shard's parsed answer alive until the merge.
 * With V8's default young generation (semi-spaces sized from the heap limit) scavenges ran while a
 * fan-out's answers were still held, copying them and promoting them to the old generation, whose
 * collections then cost more. With 64 MiB semi-spaces the gateway's CPU per 81-shard page fell
 * about 10 % (9,915 us against 11,088, paired rounds, same subgraphs) and per 9-shard page 3 %; the
 * young generation's memory grows by at most that much (its two semi-spaces fill only under load).
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
