import type { Logger } from '../../../shared/logger';
import { sdlHash } from '../../../shared/schema-version';
import type { ShardStatus } from '../shard-probe';
import type { Shard, ShardSet } from '../shard-router/shard-set';
import { composeNetworkSchema, type DeploymentSchemas, type NetworkSchema, type NetworkSubgraphSource } from './network-schema';

export interface SchemaFollowerOptions {
  network: NetworkSubgraphSource;
  /** The deployment the supergraph names for each sharded subgraph; kept from the first composition, so a recomposition changes no URL. */
  shardUrl: string;
  /** What each deployment reports in `/health` now (its schema hashes among it). */
  statuses: () => Promise<ShardStatus[]>;
  /** Each logical subgraph's SDL, read from the deployment. */
  read: (shard: Shard) => Promise<DeploymentSchemas>;
  /** Puts a newly composed schema in place; throws to refuse it (the one in place stays). */
  apply: (schema: NetworkSchema) => void;
  logger: Pick<Logger, 'info' | 'warn'>;
}

/** A deployment's schema as last read, and where. */
interface Known {
  baseUrl: string;
  hashes: string;
  schemas: DeploymentSchemas;
}

/** The hashes of a deployment's subgraphs as one comparable text. */
function hashKey(hashes: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.entries(hashes).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** What the network's schema is, for telling whether a composition changed it. */
function schemaKey(schema: NetworkSchema): string {
  return JSON.stringify([schema.supergraphSdl, [...schema.excluded].sort()]);
}

/**
 * Keeps the network's schema equal to what its deployments serve. At each refresh it compares the
 * schema hashes every deployment reports with those it read last; for a deployment whose hashes
 * changed (it was upgraded, or rolled back) it reads the SDL again, composes the network's schema
 * anew (network-schema.ts) and, if that changed, puts it in place. A deployment that does not answer
 * keeps the schema it last served; one never read waits until it answers.
 */
export class SchemaFollower {
  private schema: NetworkSchema;
  private readonly known = new Map<string, Known>();
  /** The deployments' schemas the network's schema was last composed from (null: those read at start). */
  private composedFrom: ReadonlyArray<DeploymentSchemas | null>;

  constructor(
    initial: NetworkSchema,
    readAtStart: readonly DeploymentSchemas[],
    shards: ShardSet,
    private readonly options: SchemaFollowerOptions,
  ) {
    this.schema = initial;
    this.composedFrom = readAtStart;
    for (const schemas of readAtStart) {
      const shard = shards.shards.find((candidate) => candidate.name === schemas.shard);
      if (shard) this.known.set(shard.name, { baseUrl: shard.baseUrl, hashes: hashKey(Object.fromEntries([...schemas.sdl].map(([name, sdl]) => [name, sdlHash(sdl)]))), schemas });
    }
  }

  get current(): NetworkSchema {
    return this.schema;
  }

  /** Reads what changed and recomposes; never throws: a schema that cannot be composed leaves the one in place. */
  async refresh(shards: ShardSet): Promise<void> {
    let statuses: ShardStatus[];
    try {
      statuses = await this.options.statuses();
    } catch (error) {
      this.options.logger.warn({ err: error }, 'the deployments could not be probed: the network schema stays as it is');
      return;
    }
    const asked = shards.shards.filter((shard) => !shard.suspended);
    const deployments = await Promise.all(asked.map((shard) => this.schemasOf(shard, statuses.find((status) => status.clusters[0] === shard.name))));
    // The same schemas read before compose the same network schema: composing costs the gateway tens of milliseconds, not worth paying every poll.
    if (deployments.length === this.composedFrom.length && deployments.every((schemas, index) => schemas === this.composedFrom[index])) return;
    let next: NetworkSchema;
    try {
      next = composeNetworkSchema(this.options.network, this.options.shardUrl, deployments.filter((schemas): schemas is DeploymentSchemas => schemas !== null));
    } catch (error) {
      this.options.logger.warn({ err: error }, 'the deployments\u2019 schemas do not compose: the network schema stays as it is');
      return;
    }
    if (schemaKey(next) === schemaKey(this.schema)) {
      this.composedFrom = deployments;
      return;
    }
    try {
      this.options.apply(next);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'the recomposed network schema was refused: the one in place stays');
      return;
    }
    this.schema = next;
    this.composedFrom = deployments;
    this.options.logger.info({ excluded: Object.fromEntries(next.excluded), subgraphs: Object.fromEntries([...next.shardedSdl].map(([name, sdl]) => [name, sdlHash(sdl)])) }, 'network schema recomposed');
  }

  private async schemasOf(shard: Shard, status: ShardStatus | undefined): Promise<DeploymentSchemas | null> {
    const known = this.known.get(shard.name);
    const here = known?.baseUrl === shard.baseUrl ? known : undefined;
    // Not answering now: what it served last, if it was read where it answers.
    if (!status?.schemas) return here?.schemas ?? null;
    const hashes = hashKey(status.schemas);
    if (here?.hashes === hashes) return here.schemas;
    try {
      const schemas = await this.options.read(shard);
      this.known.set(shard.name, { baseUrl: shard.baseUrl, hashes, schemas });
      return schemas;
    } catch (error) {
      this.options.logger.warn({ err: error, cluster: shard.name }, 'a deployment\u2019s schema could not be read');
      return here?.schemas ?? null;
    }
  }
}
