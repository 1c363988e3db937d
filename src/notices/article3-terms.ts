/**
 * Curated wording that suggests a matter of a political, military, religious or racial
 * character (INTERPOL Constitution, art. 3; Repository of Practice on art. 3). A match does
 * not refuse anything: it flags the request so the reviewer looks, and explains why.
 * Each entry is a word or a phrase as a reviewer would write it; matching folds case,
 * accents and Arabic letter variants, strips Arabic clitics (و ف ب ل ك, ال) and accepts
 * short endings (plural, feminine), so the lists stay short and readable.
 */
export type Article3Kind = 'political' | 'military' | 'religious' | 'racial';
export type TermLang = 'ar' | 'fr' | 'en' | 'es';

export const ARTICLE3_TERMS: Readonly<Record<Article3Kind, Readonly<Record<TermLang, readonly string[]>>>> = {
  political: {
    en: ['political', 'politically', 'opposition', 'opponent of the regime', 'protest', 'demonstration', 'insulting the king', 'insulting the president', 'lese majeste', 'defamation of the head of state', 'sedition', 'dissident', 'political party', 'election', 'journalist', 'freedom of expression', 'unauthorised assembly', 'unauthorized assembly', 'criticism of the government', 'coup'],
    fr: ['politique', 'opposition', 'opposant', 'manifestation', 'outrage au roi', 'offense au chef de l etat', 'lese majeste', 'sedition', 'dissident', 'parti politique', 'election', 'journaliste', 'liberte d expression', 'rassemblement non autorise', 'critique du gouvernement', 'coup d etat'],
    es: ['politico', 'politica', 'oposicion', 'opositor', 'manifestacion', 'protesta', 'injurias al rey', 'ofensa al jefe del estado', 'sedicion', 'disidente', 'partido politico', 'elecciones', 'periodista', 'libertad de expresion', 'reunion no autorizada', 'golpe de estado'],
    ar: ['سياسي', 'معارضه', 'معارض', 'مظاهره', 'احتجاج', 'اهانه الملك', 'اهانه رئيس الدوله', 'فتنه', 'حزب سياسي', 'انتخابات', 'صحفي', 'حريه التعبير', 'تجمهر غير مرخص', 'انقلاب'],
  },
  military: {
    en: ['desertion', 'deserter', 'military offence', 'military offense', 'insubordination', 'draft evasion', 'conscription', 'mutiny', 'refusal to serve', 'military service'],
    fr: ['desertion', 'deserteur', 'infraction militaire', 'insoumission', 'mutinerie', 'refus de servir', 'service militaire'],
    es: ['desercion', 'desertor', 'delito militar', 'insubordinacion', 'motin', 'negativa a servir', 'servicio militar'],
    ar: ['فرار من الخدمه', 'الفرار من الجنديه', 'جريمه عسكريه', 'عصيان', 'تمرد', 'الخدمه العسكريه', 'التجنيد'],
  },
  religious: {
    en: ['blasphemy', 'apostasy', 'heresy', 'proselytism', 'proselytizing', 'insulting religion', 'religious offence', 'defamation of religion'],
    fr: ['blaspheme', 'apostasie', 'heresie', 'proselytisme', 'outrage a la religion', 'infraction religieuse', 'atteinte aux croyances'],
    es: ['blasfemia', 'apostasia', 'herejia', 'proselitismo', 'ofensa a la religion', 'delito religioso'],
    ar: ['تجديف', 'رده', 'زندقه', 'تبشير', 'ازدراء الاديان', 'اهانه الدين', 'المس بالمقدسات', 'زعزعه عقيده'],
  },
  racial: {
    en: ['racial', 'race', 'ethnic', 'ethnicity', 'tribe', 'tribal'],
    fr: ['racial', 'race', 'ethnique', 'ethnie', 'tribu', 'tribal'],
    es: ['racial', 'raza', 'etnico', 'etnia', 'tribu', 'tribal'],
    ar: ['عرقي', 'عنصري', 'اثني', 'قبلي', 'قبيله'],
  },
};
