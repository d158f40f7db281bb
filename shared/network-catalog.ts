/**
 * The IT-RO network as founded: the nine member clusters, in registry order, and the figures the
 * network published. The network subgraph seeds its registry from it; the cluster seed spreads the
 * member companies over it; deployment files are checked against it.
 */
export type DevelopmentRegion =
  | 'NORD_VEST'
  | 'CENTRU'
  | 'NORD_EST'
  | 'SUD_EST'
  | 'SUD_MUNTENIA'
  | 'BUCURESTI_ILFOV'
  | 'SUD_VEST_OLTENIA'
  | 'VEST';

export interface FoundingCluster {
  id: string;
  name: string;
  shortName: string;
  city: string;
  region: DevelopmentRegion;
  /** Other towns where members of the cluster are based. */
  towns: readonly string[];
  /** Member companies (startups, SMEs, large enterprises) at the founding. */
  companies: number;
  representative: string;
}

export const FOUNDING_CLUSTERS: readonly FoundingCluster[] = [
  {
    id: 'transilvania', name: 'Transilvania IT Cluster', shortName: 'Transilvania IT', city: 'Cluj-Napoca',
    region: 'NORD_VEST', towns: ['Oradea', 'Bistrița', 'Zalău', 'Turda'], companies: 118,
    representative: 'Andrei Kelemen',
  },
  {
    id: 'alt-brasov', name: 'Cluster for Innovation and Technology – ALT Brașov', shortName: 'ALT Brașov',
    city: 'Brașov', region: 'CENTRU', towns: ['Sibiu', 'Sfântu Gheorghe', 'Făgăraș'], companies: 64,
    representative: 'Ionuț Țața',
  },
  {
    id: 'banat', name: 'Banat Software', shortName: 'Banat Software', city: 'Timișoara', region: 'VEST',
    towns: ['Arad', 'Reșița', 'Lugoj'], companies: 72, representative: 'Dan Ionescu',
  },
  {
    id: 'open-hub', name: 'Innovative Open Hub Cluster', shortName: 'Open Hub', city: 'Iași', region: 'NORD_EST',
    towns: ['Suceava', 'Bacău', 'Piatra Neamț'], companies: 58, representative: 'Mihaela Știrbu',
  },
  {
    id: 'inomar', name: 'INOMAR', shortName: 'INOMAR', city: 'Constanța', region: 'SUD_EST',
    towns: ['Mangalia', 'Tulcea', 'Medgidia'], companies: 38, representative: 'Cristian Dobre',
  },
  {
    id: 'elinclus', name: 'ELINCLUS', shortName: 'ELINCLUS', city: 'București', region: 'BUCURESTI_ILFOV',
    towns: ['Voluntari', 'Otopeni', 'Popești-Leordeni'], companies: 52, representative: 'Gabriela Pârvu',
  },
  {
    id: 'ict-oltenia', name: 'ICT Oltenia', shortName: 'ICT Oltenia', city: 'Craiova', region: 'SUD_VEST_OLTENIA',
    towns: ['Râmnicu Vâlcea', 'Drobeta-Turnu Severin', 'Târgu Jiu'], companies: 54,
    representative: 'Ștefan Bărbulescu',
  },
  {
    id: 'lower-danube', name: 'ICT Cluster Lower Danube', shortName: 'Lower Danube', city: 'Galați',
    region: 'SUD_EST', towns: ['Brăila', 'Focșani', 'Buzău'], companies: 44, representative: 'Florin Neagu',
  },
  {
    id: 'smart-alliance', name: 'Smart Alliance Cluster', shortName: 'Smart Alliance', city: 'Pitești',
    region: 'SUD_MUNTENIA', towns: ['Ploiești', 'Târgoviște', 'Câmpulung'], companies: 66,
    representative: 'Irina Constantinescu',
  },
];

export const NETWORK_FACTS = {
  name: 'IT-RO',
  fullName: 'The Network of IT Clusters in Romania',
  presidentClusterId: 'alt-brasov',
  secretariatClusterId: 'transilvania',
  companies: 566,
  /** "Almost 20,000 employees": the seed lands within these bounds. */
  employees: { min: 19_000, max: 20_000 },
} as const;
