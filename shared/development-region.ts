import { registerEnumType } from 'type-graphql';
import type { DevelopmentRegion } from './network-catalog';
import { REGION_NAMES } from './region-names';

export { REGION_NAMES } from './region-names';

/**
 * The GraphQL enum of shared/network-catalog.ts's `DevelopmentRegion`. The mapped type makes the
 * compiler reject this object the day a region is added to (or renamed in) the catalog.
 */
export const DEVELOPMENT_REGIONS = {
  NORD_VEST: 'NORD_VEST',
  CENTRU: 'CENTRU',
  NORD_EST: 'NORD_EST',
  SUD_EST: 'SUD_EST',
  SUD_MUNTENIA: 'SUD_MUNTENIA',
  BUCURESTI_ILFOV: 'BUCURESTI_ILFOV',
  SUD_VEST_OLTENIA: 'SUD_VEST_OLTENIA',
  VEST: 'VEST',
} as const satisfies { [Region in DevelopmentRegion]: Region };

registerEnumType(DEVELOPMENT_REGIONS, {
  name: 'DevelopmentRegion',
  description: "Romania's eight development regions (NUTS 2), where a cluster is based.",
  valuesConfig: Object.fromEntries(Object.entries(REGION_NAMES).map(([region, name]) => [region, { description: name }])),
});

