import { Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The fields of `Cluster` the network subgraph serves, each a column of the registry row. They are
 * public, and only registry writes change them, each raising the registry revision. A field added
 * to `Cluster` there is not cached until it is listed here.
 */
const REGISTRY_FIELDS: ReadonlySet<string> = new Set(['__typename', 'id', 'name', 'shortName', 'city', 'region', 'url', 'representative', 'position', 'status']);

/** The longest a cache holds (distinct fetch texts × clusters); beyond it, it starts over. */
const MAX_ENTRIES = 10_000;

type Representation = { __typename: 'Cluster'; id: string };

export interface CacheRead {
  /** Every representation's entity, when all are held. */
  entities?: unknown[];
  /** Keeps the `_entities` list the network subgraph answered, one per representation in order. */
  keep(entities: unknown): void;
}

/**
 * The network subgraph's `Cluster` entities as the gateway last read them, kept until the registry
 * revision it follows changes. Nearly every cross-cluster answer asks for a member's `cluster { name
 * region }`, which would otherwise cost a request to the network subgraph each time.
 *
 * What keeps it right: every field it keeps is a registry column, every registry write raises the
 * revision, and the gateway reads the new revision before a registry write's answer leaves it (and
 * a replica within `REGISTRY_POLL_MS`), which is when its routing changes too. Entities that came
 * back null (a retired cluster, an error) are never kept.
 */
export class ClusterEntityCache {
  private entries = new Map<string, unknown>();
  private revision: number | undefined;

  constructor(private readonly currentRevision: () => number) {}

  /** Whether a planner fetch can be answered from this cache: an `_entities` of cluster registry fields alone, with no other variable. */
  static cacheable(operation: OperationDefinitionNode | undefined): boolean {
    if (operation?.operation !== 'query' || operation.selectionSet.selections.length !== 1) return false;
    const [root] = operation.selectionSet.selections;
    if (root?.kind !== Kind.FIELD || root.name.value !== '_entities' || root.alias || root.directives?.length || !root.selectionSet) return false;
    return root.selectionSet.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === '__typename' && !selection.directives?.length;
      return selection.kind === Kind.INLINE_FRAGMENT && selection.typeCondition?.name.value === 'Cluster' && !selection.directives?.length && onlyRegistryFields(selection.selectionSet);
    });
  }

  /**
   * What the cache holds for a cacheable fetch: its entities when every representation is held,
   * and, either way, how to keep what the network subgraph answers to it. An answer is kept only if
   * the revision has not moved since this read: a fetch sent before a registry change may have read
   * the rows before it.
   */
  read(query: string, variables: Record<string, unknown> | undefined): CacheRead | undefined {
    const representations = clusterRepresentations(variables);
    if (!representations) return undefined;
    this.forgetIfStale();
    const revision = this.revision;
    const held = representations.map((representation) => this.entries.get(keyOf(query, representation.id)));
    const keep = (entities: unknown) => {
      this.forgetIfStale();
      if (this.revision !== revision || !Array.isArray(entities) || entities.length !== representations.length) return;
      if (this.entries.size + representations.length > MAX_ENTRIES) this.entries.clear();
      representations.forEach((representation, index) => {
        const entity: unknown = entities[index];
        if (entity !== null && typeof entity === 'object') this.entries.set(keyOf(query, representation.id), entity);
      });
    };
    return held.every((entity) => entity !== undefined) ? { entities: held, keep } : { keep };
  }

  private forgetIfStale(): void {
    const revision = this.currentRevision();
    if (revision === this.revision) return;
    this.entries = new Map();
    this.revision = revision;
  }
}

function onlyRegistryFields(selectionSet: SelectionSetNode): boolean {
  return selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && REGISTRY_FIELDS.has(selection.name.value) && !selection.directives?.length && !selection.arguments?.length);
}

/** The representations of a fetch when they are all clusters by id and nothing else is in its variables. */
function clusterRepresentations(variables: Record<string, unknown> | undefined): Representation[] | undefined {
  if (!variables || Object.keys(variables).length !== 1 || !Array.isArray(variables.representations)) return undefined;
  const representations = variables.representations as unknown[];
  const plain = representations.every((item) => {
    if (item === null || typeof item !== 'object') return false;
    const { __typename, id, ...rest } = item as Record<string, unknown>;
    return __typename === 'Cluster' && typeof id === 'string' && Object.keys(rest).length === 0;
  });
  return plain ? (representations as Representation[]) : undefined;
}

function keyOf(query: string, clusterId: string): string {
  return `${clusterId}\u0000${query}`;
}
