import { registerEnumType } from 'type-graphql';
import type { DevelopmentRegion } from '../../../../shared/network-catalog';

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
  valuesConfig: {
    NORD_VEST: { description: 'Nord-Vest' },
    CENTRU: { description: 'Centru' },
    NORD_EST: { description: 'Nord-Est' },
    SUD_EST: { description: 'Sud-Est' },
    SUD_MUNTENIA: { description: 'Sud-Muntenia' },
    BUCURESTI_ILFOV: { description: 'București-Ilfov' },
    SUD_VEST_OLTENIA: { description: 'Sud-Vest Oltenia' },
    VEST: { description: 'Vest' },
  },
});
