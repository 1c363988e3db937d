import type { Role } from '../auth/roles.ts';
import { DEMO_AGENCIES, HUB_AGENCY_CODE, type AgencySeed } from './agencies.ts';

export type Locale = 'ar' | 'fr' | 'en' | 'es';

export interface UserSeed {
  username: string;
  displayName: string;
  agencyCode: string;
  roles: Role[];
  locale: Locale;
}

/** Shared by every demo account; a demo node is never a production node. */
export const DEMO_PASSWORD = 'ribat-demo-2026';

/** The hub's accounts: one per role, named after the job so a demo is easy to follow. */
const HUB_USERS: Array<[username: string, role: Role, displayName: string, locale: Locale]> = [
  ['admin', 'admin', 'Administrateur du nœud (démo)', 'fr'],
  ['dpo', 'dpo', 'Délégué à la protection des données (démo)', 'fr'],
  ['analyst', 'analyst', 'محلل جنائي (تجريبي)', 'ar'],
  ['ncb', 'ncb_officer', 'Officier BCN Rabat (démo)', 'fr'],
  ['frontline', 'frontline', 'شرطي الحدود (تجريبي)', 'ar'],
  ['reviewer', 'reviewer', 'Notice compliance reviewer (demo)', 'en'],
  ['commander', 'commander', 'Chef du BCN Rabat (démo)', 'fr'],
  ['cyber', 'cyber_analyst', 'Analyste cybercriminalité (démo)', 'fr'],
  ['camera', 'camera_operator', 'مشغل مركز المراقبة (تجريبي)', 'ar'],
  ['programmes', 'programme_manager', 'Responsable des programmes de coopération (démo)', 'fr'],
  ['secretariat', 'ga_secretariat', 'Secretaría de la Asamblea General (demo)', 'es'],
];

const LOCALE_BY_COUNTRY: Record<string, Locale> = {
  MAR: 'fr', SEN: 'fr', CIV: 'fr', MLI: 'fr', TCD: 'fr', MRT: 'ar', NER: 'fr', DZA: 'ar', TUN: 'fr',
  EGY: 'ar', ESP: 'es', FRA: 'fr', BEL: 'fr', NLD: 'en', ITA: 'en', USA: 'en',
};

/** Countries whose bureau also gets a frontline officer and an analyst. */
const FULL_TEAMS = ['SEN', 'ESP', 'FRA'];

/** `sen` for an NCB, `bnpj` or `europol` for a unit or partner body. */
const shortName = (a: AgencySeed) => (a.kind === 'ncb' ? a.country : a.code.slice(4)).toLowerCase();

function localeOf(a: AgencySeed): Locale {
  if (a.kind === 'partner') return a.code === 'DZA-AFRIPOL' ? 'fr' : 'en';
  return LOCALE_BY_COUNTRY[a.country] ?? 'en';
}

const ROLE_LABEL: Partial<Record<Role, string>> = { ncb_officer: 'NCB officer', frontline: 'Frontline officer', analyst: 'Analyst' };

export function demoUsers(): UserSeed[] {
  const users: UserSeed[] = HUB_USERS.map(([username, role, displayName, locale]) => ({
    username,
    displayName,
    agencyCode: HUB_AGENCY_CODE,
    roles: [role],
    locale,
  }));
  for (const a of DEMO_AGENCIES) {
    if (a.code === HUB_AGENCY_CODE) continue;
    const roles: Role[] = a.kind === 'ncb' && FULL_TEAMS.includes(a.country) ? ['ncb_officer', 'frontline', 'analyst'] : ['ncb_officer'];
    for (const role of roles) {
      const prefix = role === 'ncb_officer' ? 'ncb' : role;
      users.push({
        username: `${prefix}.${shortName(a)}`,
        displayName: `${ROLE_LABEL[role]}, ${a.names.en} (demo)`,
        agencyCode: a.code,
        roles: [role],
        locale: localeOf(a),
      });
    }
  }
  return users;
}
