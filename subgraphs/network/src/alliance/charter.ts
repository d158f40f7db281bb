/**
 * The mission and the priority objectives as the founding announcement states them. They are not in
 * shared/network-catalog.ts because only the network subgraph serves them; the seed writes them.
 */
export interface CharterMissionAim {
  code: string;
  text: string;
}

export interface CharterObjective {
  code: string;
  title: string;
}

/** In the announcement's order. */
export const MISSION_AIMS: readonly CharterMissionAim[] = [
  {
    code: 'GOVERNMENT_DIALOGUE',
    text: 'Establish a formal framework for dialogue between the Government and the network.',
  },
  {
    code: 'INTERNATIONALISATION',
    text: 'Support the promotion of the internationalisation of the IT industry and the support of Romanian IT companies.',
  },
  {
    code: 'PUBLIC_POLICY_ACCESS',
    text: 'Create an appropriate framework for increasing the accessibility of public policies for SMEs, start-ups and clusters.',
  },
];

/** The major priority objectives, most important first. */
export const OBJECTIVES: readonly CharterObjective[] = [
  { code: 'COOPERATION', title: 'Cooperation' },
  { code: 'RESEARCH_AND_INNOVATION', title: 'Research and innovation' },
  { code: 'HR', title: 'HR' },
  { code: 'MARKET', title: 'Market' },
  { code: 'ELECTRONIC_COMMUNICATION_NETWORK', title: 'Creation of an electronic communication network' },
];
