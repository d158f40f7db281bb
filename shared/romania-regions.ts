import type { DevelopmentRegion } from './network-catalog';
import { foldSortKey } from './sort-key';

/**
 * Romania's county seats and the other towns where the network's members are based, by the
 * development region (NUTS 2) each lies in. A member's region is read from its city here, so that
 * "from at least two regions" needs no region typed in by hand; a town not listed has none.
 */
const TOWNS_BY_REGION: { readonly [Region in DevelopmentRegion]: readonly string[] } = {
  NORD_VEST: ['Cluj-Napoca', 'Oradea', 'Bistrița', 'Zalău', 'Turda', 'Baia Mare', 'Satu Mare', 'Dej', 'Sighetu Marmației'],
  CENTRU: ['Brașov', 'Sibiu', 'Sfântu Gheorghe', 'Făgăraș', 'Alba Iulia', 'Târgu Mureș', 'Miercurea Ciuc', 'Mediaș'],
  NORD_EST: ['Iași', 'Suceava', 'Bacău', 'Piatra Neamț', 'Botoșani', 'Vaslui'],
  SUD_EST: ['Constanța', 'Mangalia', 'Tulcea', 'Medgidia', 'Galați', 'Brăila', 'Focșani', 'Buzău'],
  SUD_MUNTENIA: ['Pitești', 'Ploiești', 'Târgoviște', 'Câmpulung', 'Alexandria', 'Călărași', 'Giurgiu', 'Slobozia'],
  BUCURESTI_ILFOV: ['București', 'Voluntari', 'Otopeni', 'Popești-Leordeni', 'Buftea', 'Chitila'],
  SUD_VEST_OLTENIA: ['Craiova', 'Râmnicu Vâlcea', 'Drobeta-Turnu Severin', 'Târgu Jiu', 'Slatina'],
  VEST: ['Timișoara', 'Arad', 'Reșița', 'Lugoj', 'Deva', 'Hunedoara'],
};

const REGION_BY_TOWN: ReadonlyMap<string, DevelopmentRegion> = new Map(
  Object.entries(TOWNS_BY_REGION).flatMap(([region, towns]) => towns.map((town) => [foldSortKey(town), region as DevelopmentRegion] as const)),
);

/** The region of a town, matched ignoring case and diacritics; null for a town not listed. */
export function regionOfCity(city: string): DevelopmentRegion | null {
  return REGION_BY_TOWN.get(foldSortKey(city)) ?? null;
}

/** Every listed town's sort key, by region: what a migration fills existing rows from. */
export function townKeysByRegion(): ReadonlyArray<readonly [DevelopmentRegion, readonly string[]]> {
  return Object.entries(TOWNS_BY_REGION).map(([region, towns]) => [region as DevelopmentRegion, towns.map(foldSortKey)] as const);
}
