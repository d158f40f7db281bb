import { registerEnumType } from 'type-graphql';

/**
 * Where a cluster is in its life in the network. Only the secretariat moves it:
 * ACTIVE ⇄ SUSPENDED, and either → RETIRED, which is final.
 */
export enum ClusterStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  RETIRED = 'RETIRED',
}

registerEnumType(ClusterStatus, {
  name: 'ClusterStatus',
  description: 'A cluster’s place in the network: its data is served (ACTIVE), held back for now (SUSPENDED), or gone for good (RETIRED).',
  valuesConfig: {
    ACTIVE: { description: 'A member of the network: its data is in every answer.' },
    SUSPENDED: { description: 'Still a member, but its deployment is not asked: answers say its data is missing, with reason "suspended".' },
    RETIRED: { description: 'No longer in the network: gone from its answers. Its id is never given to another cluster.' },
  },
});
