import type { DevelopmentRegion } from './network-catalog';

/** Each region as Romanians write it, for pages and exports (no GraphQL here: the pages import it). */
export const REGION_NAMES: { readonly [Region in DevelopmentRegion]: string } = {
  NORD_VEST: 'Nord-Vest',
  CENTRU: 'Centru',
  NORD_EST: 'Nord-Est',
  SUD_EST: 'Sud-Est',
  SUD_MUNTENIA: 'Sud-Muntenia',
  BUCURESTI_ILFOV: 'București-Ilfov',
  SUD_VEST_OLTENIA: 'Sud-Vest Oltenia',
  VEST: 'Vest',
};

