import { NetworkInitiativeStatus } from './initiative-status';

/**
 * The network's initiatives as the seed writes them. Ids are fixed here rather than numbered at seed
 * time, so an initiative keeps its id when a registry without some of its clusters leaves others out.
 */
export interface CatalogInitiative {
  id: number;
  title: string;
  description: string;
  /** A code of alliance/charter.ts's OBJECTIVES. */
  objective: string;
  status: NetworkInitiativeStatus;
  startedOn: string;
  endsOn: string | null;
  /** The coordinating cluster, a FOUNDING_CLUSTERS id; it is also listed in `clusters`. */
  lead: string;
  /** The founding clusters taking part, lead included. */
  clusters: readonly string[];
}

const { PLANNED, RUNNING, COMPLETED } = NetworkInitiativeStatus;

/** Two initiatives per priority objective, listed by objective. */
export const NETWORK_INITIATIVES: readonly CatalogInitiative[] = [
  {
    id: 1,
    title: 'Policy dialogue with the Ministry of Research, Innovation and Digitalisation',
    description:
      'A standing consultation between the network\u2019s committee and the ministry: quarterly meetings, written positions on draft legislation affecting the IT industry, and one annual report on the state of the sector.',
    objective: 'COOPERATION',
    status: RUNNING,
    startedOn: '2020-02-03',
    endsOn: null,
    lead: 'alt-brasov',
    clusters: ['transilvania', 'alt-brasov', 'banat', 'open-hub', 'inomar', 'elinclus', 'ict-oltenia', 'lower-danube', 'smart-alliance'],
  },
  {
    id: 2,
    title: 'Public-policy helpdesk for SMEs, start-ups and clusters',
    description:
      'Plain-language briefs and monthly online clinics on national and EU funding calls, state aid schemes and tax rules, so that small companies and clusters can use the public policies meant for them.',
    objective: 'COOPERATION',
    status: RUNNING,
    startedOn: '2023-04-03',
    endsOn: null,
    lead: 'elinclus',
    clusters: ['elinclus', 'inomar', 'lower-danube', 'smart-alliance'],
  },
  {
    id: 3,
    title: 'Shared research-infrastructure catalogue',
    description:
      'One searchable catalogue of the laboratories, test beds and computing facilities that universities and research institutes in the member clusters open to companies, with contact points and access terms.',
    objective: 'RESEARCH_AND_INNOVATION',
    status: RUNNING,
    startedOn: '2022-01-10',
    endsOn: null,
    lead: 'ict-oltenia',
    clusters: ['transilvania', 'alt-brasov', 'open-hub', 'inomar', 'ict-oltenia'],
  },
  {
    id: 4,
    title: 'Horizon Europe consortium-building desk',
    description:
      'Matches member companies and research partners across clusters into consortia for Horizon Europe and Digital Europe calls, and reviews draft proposals before submission.',
    objective: 'RESEARCH_AND_INNOVATION',
    status: RUNNING,
    startedOn: '2024-01-15',
    endsOn: '2027-12-31',
    lead: 'alt-brasov',
    clusters: ['transilvania', 'alt-brasov', 'banat', 'elinclus', 'ict-oltenia', 'smart-alliance'],
  },
  {
    id: 5,
    title: 'National IT skills observatory',
    description:
      'A yearly survey of member companies on hiring needs, salaries and missing skills, published per development region and shared with universities and the ministries of education and labour.',
    objective: 'HR',
    status: RUNNING,
    startedOn: '2021-03-01',
    endsOn: null,
    lead: 'banat',
    clusters: ['transilvania', 'banat', 'open-hub', 'ict-oltenia', 'lower-danube', 'smart-alliance'],
  },
  {
    id: 6,
    title: 'Reskilling bootcamps for the Lower Danube and Dobrogea',
    description:
      'Twelve-week software testing and cloud operations bootcamps for career changers in Galați, Brăila and Constanța, with places guaranteed for interviews at member companies.',
    objective: 'HR',
    status: PLANNED,
    startedOn: '2026-02-02',
    endsOn: '2027-01-29',
    lead: 'lower-danube',
    clusters: ['inomar', 'lower-danube'],
  },
  {
    id: 7,
    title: 'Joint IT-RO pavilion at Web Summit',
    description:
      'One Romanian pavilion under the IT-RO name, where member companies share the stand, the pitch sessions and the meetings with foreign buyers that the clusters arrange beforehand.',
    objective: 'MARKET',
    status: COMPLETED,
    startedOn: '2022-09-01',
    endsOn: '2022-11-04',
    lead: 'transilvania',
    clusters: ['transilvania', 'alt-brasov', 'banat', 'open-hub', 'elinclus'],
  },
  {
    id: 8,
    title: 'Trade mission to the DACH region',
    description:
      'A week of business-to-business meetings in Munich, Vienna and Zurich for software service companies of the network looking for nearshore clients.',
    objective: 'MARKET',
    status: COMPLETED,
    startedOn: '2023-04-03',
    endsOn: '2023-04-07',
    lead: 'banat',
    clusters: ['transilvania', 'alt-brasov', 'banat'],
  },
  {
    id: 9,
    title: 'IT-RO electronic communication platform',
    description:
      'The network\u2019s shared channel: a members\u2019 portal, mailing lists per working group and a common calendar of the clusters\u2019 events, run by the General Secretariat.',
    objective: 'ELECTRONIC_COMMUNICATION_NETWORK',
    status: COMPLETED,
    startedOn: '2020-01-15',
    endsOn: '2021-06-30',
    lead: 'transilvania',
    clusters: ['transilvania', 'alt-brasov', 'banat', 'open-hub', 'inomar', 'elinclus', 'ict-oltenia', 'lower-danube', 'smart-alliance'],
  },
  {
    id: 10,
    title: 'Federated directory of the clusters\u2019 members',
    description:
      'One query interface over the member registries that each cluster keeps on its own infrastructure, so that the secretariat, researchers and the ministry see the whole network without a central copy of the data.',
    objective: 'ELECTRONIC_COMMUNICATION_NETWORK',
    status: PLANNED,
    startedOn: '2026-03-02',
    endsOn: null,
    lead: 'smart-alliance',
    clusters: ['transilvania', 'banat', 'elinclus', 'smart-alliance'],
  },
];
