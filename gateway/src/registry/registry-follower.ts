import type { Logger } from '../../../shared/logger';
import type { RegistryEntry, ShardSet } from '../shard-router/shard-set';
import type { DeploymentCheck } from './deployment-check';
import type { RegistryRead } from './registry-client';

/** A registry change the gateway has not applied yet: a deployment that did not pass its check. */
export interface PendingDeployment {
  cluster: string;
  url: string;
  reason: string;
  /** When it was first seen failing the check (ISO time). */
  since: string;
}

export interface RegistryFollowerOptions {
  /** The registry as it is now. */
  read: () => Promise<RegistryRead>;
  /** Whether a deployment at a new URL may take its cluster's traffic. */
  check: DeploymentCheck;
  /** The next shard set from registry entries, keeping the unchanged shards of the one before. */
  build: (entries: readonly RegistryEntry[], previous: ShardSet) => ShardSet;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** Told of every new shard set, after it is in place. */
  onSwap?: (shards: ShardSet, revision: number) => void;
  /** Runs after every refresh, in its turn (refreshes never overlap): the schema follower. */
  afterRefresh?: (shards: ShardSet) => Promise<void>;
  now?: () => Date;
}

/**
 * The gateway's view of the registry, kept current. Each refresh reads the registry, checks every
 * deployment that is new or moved, and puts the next shard set in place in one assignment: a request
 * holds the set it began with (its context has it), so nothing in flight changes under it.
 *
 * - A cluster registered or moved takes traffic at its new URL only once its deployment passes the
 *   check; until then a moved cluster keeps being served where it was, a new one is not yet part of
 *   the network's answers (its database starts empty), and `/health` lists it as pending.
 * - A suspended cluster stays in the set, marked: the router answers for it without asking it.
 * - A cluster the registry no longer lists (retired) leaves the set.
 */
export class RegistryFollower {
  private shards: ShardSet;
  private revisionNow: number;
  private pendingNow: PendingDeployment[] = [];
  private lastReadError: string | null = null;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  /** Where each cluster's deployment last answered as the network needs: its check passed there, or it was served there at start. */
  private readonly verified = new Map<string, string>();

  constructor(
    initial: ShardSet,
    revision: number,
    private readonly options: RegistryFollowerOptions,
  ) {
    this.shards = initial;
    this.revisionNow = revision;
    for (const entry of initial.entries) this.verified.set(entry.id, entry.url);
  }

  get current(): ShardSet {
    return this.shards;
  }

  get revision(): number {
    return this.revisionNow;
  }

  /** What `/health` says of the registry: its revision, the changes not applied yet, and the last failed read. */
  status() {
    return { revision: this.revisionNow, pending: this.pendingNow, lastReadError: this.lastReadError };
  }

  /** Polls every `intervalMs`; a timer that never keeps the process alive. */
  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.refresh(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Reads the registry and applies it. Refreshes do not overlap: one asked for while another runs
   * runs once more after it, so a write that landed during a read is never missed. Never throws: a
   * registry that cannot be read leaves the network as it was.
   */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.refreshOnce();
        await this.options.afterRefresh?.(this.shards);
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async refreshOnce(): Promise<void> {
    let read: RegistryRead;
    try {
      read = await this.options.read();
      this.lastReadError = null;
    } catch (error) {
      this.lastReadError = error instanceof Error ? error.message : String(error);
      this.options.logger.warn({ err: error }, 'the registry could not be read: the network stays as it was');
      return;
    }
    const before = this.shards;
    const known = new Map(before.entries.map((entry) => [entry.id, entry]));
    const decided = await Promise.all(read.entries.map((entry) => this.decide(entry, known.get(entry.id))));
    const entries = decided.flatMap((decision) => (decision.entry ? [decision.entry] : []));
    this.pendingNow = decided.flatMap((decision) => (decision.pending ? [decision.pending] : []));
    const next = this.options.build(entries, before);
    this.revisionNow = read.revision;
    if (next.sameShards(before)) return;
    this.shards = next;
    this.options.logger.info({ revision: read.revision, clusters: describe(next), before: describe(before) }, 'registry change applied');
    this.options.onSwap?.(next, read.revision);
  }

  /** The entry to serve for a registry entry, given the one served now, and whether a change waits. */
  private async decide(entry: RegistryEntry, served: RegistryEntry | undefined): Promise<{ entry?: RegistryEntry; pending?: PendingDeployment }> {
    // Suspending asks nothing of the deployment, and neither does resuming one that never moved.
    if (entry.status === 'SUSPENDED' || this.verified.get(entry.id) === entry.url) return { entry };
    const problem = await this.options.check(entry);
    if (problem === null) {
      this.verified.set(entry.id, entry.url);
      return { entry };
    }
    const earlier = this.pendingNow.find((pending) => pending.cluster === entry.id && pending.url === entry.url);
    const pending = { cluster: entry.id, url: entry.url, reason: problem, since: earlier?.since ?? (this.options.now?.() ?? new Date()).toISOString() };
    if (!earlier) this.options.logger.warn(pending, 'a registered deployment is not taking traffic yet');
    // A moved cluster stays where it last answered (as it was: active or suspended); one that never
    // answered anywhere waits outside the network.
    return { ...(served && this.verified.has(entry.id) ? { entry: served } : {}), pending };
  }
}

function describe(shards: ShardSet): string[] {
  return shards.entries.map((entry) => `${entry.id} ${entry.status === 'SUSPENDED' ? '(suspended) ' : ''}${entry.url}`);
}
