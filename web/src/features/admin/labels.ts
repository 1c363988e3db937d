import type { Locale } from '../../api/types.ts';

export const ROLE_KEYS: Record<string, string> = {
  ncb_officer: 'admin.roles.ncb_officer',
  frontline: 'admin.roles.frontline',
  analyst: 'admin.roles.analyst',
  reviewer: 'admin.roles.reviewer',
  cyber_analyst: 'admin.roles.cyber_analyst',
  camera_operator: 'admin.roles.camera_operator',
  programme_manager: 'admin.roles.programme_manager',
  ga_secretariat: 'admin.roles.ga_secretariat',
  commander: 'admin.roles.commander',
  dpo: 'admin.roles.dpo',
  admin: 'admin.roles.admin',
};

export const AGENCY_KIND_KEYS: Record<string, string> = {
  ncb: 'admin.agencies.kind.ncb',
  unit: 'admin.agencies.kind.unit',
  partner: 'admin.agencies.kind.partner',
};

export const LANGUAGE_KEYS: Record<Locale, string> = {
  ar: 'language.ar',
  fr: 'language.fr',
  en: 'language.en',
  es: 'language.es',
};
