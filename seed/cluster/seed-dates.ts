import type { Faker } from '@faker-js/faker';

/**
 * Calendar arithmetic on ISO `YYYY-MM-DD` strings, in UTC, without the clock: the data's "today"
 * is fixed, so the same seed gives the same rows whenever it runs.
 */
export const TODAY = '2026-11-25';

const DAY_MS = 86_400_000;

export function toDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

/** The same day `months` later, clamped to the month's end (31 January + 1 month = 28/29 February). */
export function addMonths(iso: string, months: number): string {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return isoDate(year, month + 1, Math.min(Number(iso.slice(8, 10)), lastDay));
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return new Date(toDay(iso) * DAY_MS).getUTCDay();
}

export function maxDate(...dates: string[]): string {
  return dates.reduce((a, b) => (a > b ? a : b));
}

export function minDate(...dates: string[]): string {
  return dates.reduce((a, b) => (a < b ? a : b));
}

/** A day drawn evenly from `from` to `to`, both included; `from` when the range is empty. */
export function dateBetween(faker: Faker, from: string, to: string): string {
  if (to <= from) return from;
  return fromDay(faker.number.int({ min: toDay(from), max: toDay(to) }));
}

/** Romanian month names, for texts that spell dates out. */
const MONTHS = ['ianuarie', 'februarie', 'martie', 'aprilie', 'mai', 'iunie', 'iulie', 'august', 'septembrie', 'octombrie', 'noiembrie', 'decembrie'];

/** `12 martie 2025`. */
export function spelledDate(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}
