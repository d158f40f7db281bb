/** Rows of the seeded network that tests write against, found through the API. */

// An answer's data, whose shape the query below states.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ask = (query: string) => Promise<any>;

export interface PendingInitiative {
  id: string;
  version: number;
  /** A board meeting held on or after the day it was proposed: one that may decide it. */
  meetingId: string;
}

/** A seeded initiative of `cluster` still before the board, and a meeting that may decide it. */
export async function pendingInitiative(ask: Ask, cluster: string): Promise<PendingInitiative> {
  const data = await ask(`{ initiatives(clusters: ["${cluster}"], filter: { status: [PROPOSED] }, first: 100) { edges { node { id version proposedOn } } }
    cluster(id: "${cluster}") { boards { meetings { id heldOn } } } }`);
  const meetings = (data.cluster.boards as Array<{ meetings: Array<{ id: string; heldOn: string }> }>).flatMap((board) => board.meetings);
  for (const { node } of data.initiatives.edges as Array<{ node: { id: string; version: number; proposedOn: string } }>) {
    const meeting = meetings.find((candidate) => candidate.heldOn >= node.proposedOn);
    if (meeting) return { id: node.id, version: node.version, meetingId: meeting.id };
  }
  throw new Error(`the seed holds no pending initiative of ${cluster} with a later meeting`);
}
