/**
 * The first-start demo's facts: DGSN's two calibrated years scaled down (about 1/400) and moved
 * to the current year and the one before, so that a new node's desk shows cases, arrests,
 * seizures, gangs (some dismantled), warrants, complaints and migration events, and its annual
 * report opens on a year with data. Deterministic for a given current year.
 */
import { DGSN_2024, type ProfileTargets, type YearTargets } from './seed-dgsn.ts';

export const DEMO_PROFILE = 'demo-years';
const SCALE = 400;

const down = (v: number, min: number) => Math.max(min, Math.round(v / SCALE));

function scaled(t: YearTargets): YearTargets {
  const cases = down(t.cases, 50);
  const arrests = down(t.arrests, 20);
  const gangsDismantled = down(t.gangsDismantled, 3);
  return {
    cases,
    cleared: Math.min(cases, down(t.cleared, 1)),
    cybercrimeCases: Math.min(cases, down(t.cybercrimeCases, 5)),
    arrests,
    violentArrests: Math.min(arrests, down(t.violentArrests, 2)),
    gangsDismantled,
    gangMembersArrested: Math.max(gangsDismantled * 2, down(t.gangMembersArrested, 6)),
    seizures: Object.fromEntries(Object.entries(t.seizures).map(([k, v]) => [k, down(v, 1)])),
    internationalWarrants: down(t.internationalWarrants, 3),
    nationalWarrants: down(t.nationalWarrants, 5),
    complaints: down(t.complaints, 10),
    smugglingNetworks: Math.min(gangsDismantled, down(t.smugglingNetworks, 1)),
    departuresPrevented: down(t.departuresPrevented, 20),
  };
}

/** The demo profile for `year` (the current year) and the year before. */
export function demoYears(year: number): ProfileTargets {
  return { profile: DEMO_PROFILE, seed: year, years: { [year - 1]: scaled(DGSN_2024.years[2023]), [year]: scaled(DGSN_2024.years[2024]) } };
}
