import { REGION_NAMES } from '../../../shared/region-names';
import type { DevelopmentRegion } from '../../../shared/network-catalog';

const numbers = new Intl.NumberFormat('en-GB');

/** 19709 → "19,709": the way every figure is shown, and the way the tests read them back. */
export function figure(value: number): string {
  return numbers.format(value);
}

/** SME → "SME", LARGE_ENTERPRISE → "Large enterprise". */
export function label(value: string): string {
  if (value === 'SME') return 'SME';
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** NORD_VEST → "Nord-Vest", as Romanians write their regions; an unknown code as it is. */
export function regionName(region: string | null | undefined): string {
  if (!region) return '—';
  return REGION_NAMES[region as DevelopmentRegion] ?? region;
}
