/**
 * The demo's notices as stories: who requests what on whom, what the hub's reviewer decides, who
 * screens the subject at a border and how the follow-up ends. Together they put a notice in every
 * state of the lifecycle (draft … expired), of most types, from a dozen bureaus, in the bureau's
 * language. Times are hours before the first start. Data only: src/notices/seed-demo.ts runs them.
 */
import type { HitOutcome } from '../../notices/hit.ts';
import type { NoticeOffence, NoticeType, PublicField, Urgency } from '../../notices/notice.ts';
import type { PersonWant } from '../demo-picks.ts';

export type NoticeStep =
  | { at: number; do: 'create' | 'submit' | 'start_review' | 'publish' }
  | { at: number; do: 'return' | 'refuse' | 'withdraw' | 'cancel'; reason: string }
  /** A border or airport check that matches the published subject: a hit. */
  | { at: number; do: 'screen'; by: string; kind: 'person' | 'mrz' | 'document'; score: number }
  /** The follow-up task of one side of the last hit is done. */
  | { at: number; do: 'task'; side: 'owner' | 'screening' }
  | { at: number; do: 'outcome'; side: 'owner' | 'screening'; status: HitOutcome; note: string };

export interface NoticeStory {
  key: string;
  /** The requesting officer's username (their agency owns the notice). */
  owner: string;
  type: NoticeType;
  urgency: Urgency;
  /** A demo person as the subject; absent for a notice that names nobody. */
  subject?: Omit<PersonWant, 'key'> & { description?: string };
  /** What is known of an unidentified body (black notice). */
  unnamed?: { description: string; gender: 'male' | 'female' | 'unknown' };
  offence?: NoticeOffence;
  /** `{Y}` in the reference is the warrant's year. */
  warrant?: { reference: string; daysAgo: number; authority: string };
  circumstances?: string;
  requestedAction?: string;
  publicExtract?: PublicField[];
  /** A diffusion's recipients, by agency code. */
  recipients?: string[];
  steps: NoticeStep[];
}

/** The hub's compliance reviewer decides on every request. */
export const REVIEWER = 'reviewer';

const d = (days: number, hours = 0) => days * 24 + hours;
const YEAR = 365;
const EXTRACT: PublicField[] = ['names', 'birthDate', 'nationalities', 'gender', 'charges'];
const reviewed = (days: number): NoticeStep[] => [
  { at: d(days + 1), do: 'create' },
  { at: d(days + 1) - 3, do: 'submit' },
  { at: d(days, 6), do: 'start_review' },
  { at: d(days), do: 'publish' },
];

export const NOTICE_STORIES: NoticeStory[] = [
  {
    key: 'red-cannabis-nador',
    owner: 'ncb',
    type: 'red',
    urgency: 'urgent',
    subject: { nationality: 'MAR', gender: 'male', fullBirthDate: true, arabic: true, latin: true, passport: true, description: '1,80 m, corpulence mince, cicatrice à l’arcade sourcilière gauche.' },
    offence: { category: 'drug_trafficking', description: 'Direction d’un trafic international de résine de cannabis entre Nador et Almería (2,4 t saisies sur une embarcation semi-rigide).', lawArticle: 'Dahir n° 1-73-282 du 21 mai 1974, art. 2 et 5', maximumPenaltyMonths: 120 },
    warrant: { reference: 'JI-NDR-{Y}-0412', daysAgo: 70, authority: 'Juge d’instruction près la Cour d’appel de Nador' },
    circumstances: 'Chef présumé du réseau démantelé par la BNPJ ; en fuite depuis l’opération. Se rendrait en Andalousie par le port de Tanger-Med.',
    requestedAction: 'Localiser et arrêter provisoirement en vue d’extradition vers le Royaume du Maroc.',
    publicExtract: EXTRACT,
    steps: [
      ...reviewed(40),
      { at: d(3), do: 'screen', by: 'frontline.esp', kind: 'mrz', score: 0.96 },
      { at: d(3) - 2, do: 'task', side: 'screening' },
      { at: d(3) - 4, do: 'outcome', side: 'screening', status: 'arrested', note: 'Interpellé au port d’Algésiras à la descente du ferry de Tanger-Med ; placé sous écrou extraditionnel (Audiencia Nacional).' },
      { at: d(2), do: 'task', side: 'owner' },
    ],
  },
  {
    key: 'red-homicide-casablanca',
    owner: 'ncb.bnpj',
    type: 'red',
    urgency: 'normal',
    subject: { nationality: 'MAR', gender: 'male', fullBirthDate: true, latin: true },
    offence: { category: 'murder', description: 'Homicide volontaire à l’arme blanche commis à Casablanca (Hay Mohammadi).', lawArticle: 'Code pénal, art. 392', maximumPenaltyMonths: 1200 },
    warrant: { reference: 'CA-CASA-{Y}-1187', daysAgo: 150, authority: 'Juge d’instruction près la Cour d’appel de Casablanca' },
    circumstances: 'Aurait quitté le territoire par l’aéroport Mohammed V vers Paris quelques jours après les faits.',
    requestedAction: 'Localiser et arrêter provisoirement en vue d’extradition.',
    publicExtract: EXTRACT,
    steps: [...reviewed(127), { at: 30, do: 'screen', by: 'frontline.fra', kind: 'person', score: 0.91 }],
  },
  {
    key: 'red-fraud-dakar',
    owner: 'ncb.sen',
    type: 'red',
    urgency: 'normal',
    subject: { nationality: 'SEN', gender: 'male', fullBirthDate: true },
    offence: { category: 'fraud', description: 'Escroquerie en bande organisée au préjudice de banques dakaroises (faux ordres de virement, 1,2 milliard de francs CFA).', lawArticle: 'Code pénal du Sénégal, art. 379', maximumPenaltyMonths: 60 },
    warrant: { reference: 'TGI-DK-{Y}-0233', daysAgo: 95, authority: 'Doyen des juges d’instruction du Tribunal de grande instance de Dakar' },
    circumstances: 'Aurait transité par Casablanca vers l’Europe avec un passeport d’emprunt.',
    requestedAction: 'Localiser et arrêter provisoirement en vue d’extradition vers le Sénégal.',
    steps: [
      ...reviewed(78),
      { at: 50, do: 'screen', by: 'frontline', kind: 'person', score: 0.86 },
      { at: 49, do: 'task', side: 'screening' },
      { at: 40, do: 'outcome', side: 'owner', status: 'not_same_person', note: 'Homonyme : date de naissance et filiation différentes, empreintes non concordantes.' },
      { at: 40, do: 'task', side: 'owner' },
    ],
  },
  {
    key: 'red-cocaine-le-havre',
    owner: 'ncb.fra',
    type: 'red',
    urgency: 'normal',
    subject: { nationality: 'FRA', gender: 'male', fullBirthDate: true, passport: true },
    offence: { category: 'drug_trafficking', description: 'Importation de cocaïne en bande organisée (480 kg dissimulés dans des conteneurs de bananes au port du Havre).', lawArticle: 'Code pénal, art. 222-36', maximumPenaltyMonths: 360 },
    warrant: { reference: 'JIRS-MRS-{Y}-0091', daysAgo: 220, authority: 'Juge d’instruction, JIRS de Marseille' },
    circumstances: 'Séjourne fréquemment dans le nord du Maroc ; utiliserait des traversées Algésiras–Tanger.',
    requestedAction: 'Localiser et arrêter provisoirement en vue d’extradition vers la France.',
    publicExtract: EXTRACT,
    steps: [...reviewed(208), { at: 5, do: 'screen', by: 'ncb.border', kind: 'document', score: 0.97 }],
  },
  {
    key: 'red-smuggling-cadiz',
    owner: 'ncb.esp',
    type: 'red',
    urgency: 'normal',
    subject: { nationality: 'MAR', gender: 'male', fullBirthDate: true, latin: true },
    offence: { category: 'migrant_smuggling', description: 'Favorecimiento de la inmigración clandestina con ánimo de lucro: travesías en neumática entre Larache y la costa de Cádiz.', lawArticle: 'Código Penal, art. 318 bis', maximumPenaltyMonths: 96 },
    warrant: { reference: 'AN-JCI4-{Y}-0057', daysAgo: 180, authority: 'Juzgado Central de Instrucción n.º 4, Audiencia Nacional' },
    circumstances: 'Organizador de al menos once travesías; el último naufragio causó tres víctimas.',
    requestedAction: 'Localizar y detener con vistas a su extradición a España.',
    steps: [...reviewed(167), { at: d(20), do: 'cancel', reason: 'La Audiencia Nacional ha dejado sin efecto la orden de detención (auto de sobreseimiento provisional).' }],
  },
  {
    key: 'red-romance-scam-abidjan',
    owner: 'ncb.civ',
    type: 'red',
    urgency: 'normal',
    subject: { nationality: 'CIV', gender: 'male', fullBirthDate: true },
    offence: { category: 'cybercrime', description: 'Escroqueries en ligne (arnaques aux sentiments, faux placements en cryptoactifs) au préjudice de victimes européennes et marocaines.', lawArticle: 'Loi n° 2013-451 relative à la lutte contre la cybercriminalité, art. 38', maximumPenaltyMonths: 60 },
    warrant: { reference: 'PEF-ABJ-{Y}-0148', daysAgo: 40, authority: 'Juge d’instruction du Pôle pénal économique et financier d’Abidjan' },
    circumstances: 'Aurait quitté Abidjan pour Casablanca ; plus de 200 victimes identifiées.',
    requestedAction: 'Localiser et arrêter provisoirement en vue d’extradition vers la Côte d’Ivoire.',
    steps: [
      { at: d(3), do: 'create' },
      { at: 26, do: 'submit' },
    ],
  },
  {
    key: 'red-terror-financing-mopti',
    owner: 'ncb.mli',
    type: 'red',
    urgency: 'urgent',
    subject: { nationality: 'MLI', gender: 'male', fullBirthDate: true },
    offence: { category: 'terrorism', description: 'Association de malfaiteurs en relation avec une entreprise terroriste ; financement d’un groupe armé dans la région de Mopti.', lawArticle: 'Loi n° 08-025 du 23 juillet 2008, art. 3 et 8', maximumPenaltyMonths: 1200 },
    warrant: { reference: 'PJS-BKO-{Y}-0019', daysAgo: 60, authority: 'Juge d’instruction du Pôle judiciaire spécialisé de Bamako' },
    circumstances: 'Signalé à Nouakchott puis à Laâyoune ; voyagerait avec des documents mauritaniens.',
    requestedAction: 'Localiser et arrêter provisoirement en vue d’extradition vers le Mali.',
    steps: [
      { at: d(2), do: 'create' },
      { at: 40, do: 'submit' },
      { at: 6, do: 'start_review' },
    ],
  },
  {
    key: 'red-trafficking-ndjamena',
    owner: 'ncb.tcd',
    type: 'red',
    urgency: 'normal',
    subject: { nationality: 'TCD', gender: 'male', fullBirthDate: true },
    offence: { category: 'human_trafficking', description: 'Traite de personnes : recrutement de jeunes femmes promises à un emploi en Libye puis exploitées.', lawArticle: 'Loi n° 006/PR/2018, art. 10', maximumPenaltyMonths: 240 },
    warrant: { reference: 'TGI-NDJ-{Y}-0077', daysAgo: 50, authority: 'Juge d’instruction du Tribunal de grande instance de N’Djamena' },
    circumstances: 'Le réseau ferait transiter ses victimes par Agadez et Tamanrasset.',
    requestedAction: 'Localiser et arrêter provisoirement en vue d’extradition vers le Tchad.',
    steps: [
      { at: d(12), do: 'create' },
      { at: d(12) - 2, do: 'submit' },
      { at: d(10), do: 'start_review' },
      { at: d(9), do: 'return', reason: 'Le mandat d’arrêt transmis n’est pas signé et ne précise pas la qualification retenue : joindre la décision signée et le texte d’incrimination.' },
    ],
  },
  {
    key: 'red-desertion-niamey',
    owner: 'ncb.ner',
    type: 'red',
    urgency: 'normal',
    subject: { nationality: 'NER', gender: 'male', fullBirthDate: true },
    offence: { category: 'military_offence', description: 'Désertion en temps de paix et abandon de poste.', lawArticle: 'Code de justice militaire, art. 321', maximumPenaltyMonths: 60 },
    warrant: { reference: 'TM-NIA-{Y}-0008', daysAgo: 30, authority: 'Juge d’instruction du Tribunal militaire de Niamey' },
    requestedAction: 'Localiser et arrêter provisoirement.',
    steps: [
      { at: d(20), do: 'create' },
      { at: d(20) - 1, do: 'submit' },
      { at: d(19), do: 'start_review' },
      { at: d(18), do: 'refuse', reason: 'Infraction de caractère militaire : la demande relève de l’article 3 du Statut d’INTERPOL et ne peut être publiée.' },
    ],
  },
  {
    key: 'red-cheques-tunis',
    owner: 'ncb.tun',
    type: 'red',
    urgency: 'normal',
    subject: { nationality: 'TUN', gender: 'male', fullBirthDate: true },
    offence: { category: 'fraud', description: 'Émission de chèques sans provision pour un montant de 85 000 dinars.', lawArticle: 'Code de commerce, art. 411', maximumPenaltyMonths: 60 },
    warrant: { reference: 'TPI-TN-{Y}-2291', daysAgo: 45, authority: 'Tribunal de première instance de Tunis' },
    requestedAction: 'Localiser et arrêter provisoirement.',
    steps: [
      { at: d(25), do: 'create' },
      { at: d(25) - 2, do: 'submit' },
      { at: d(24), do: 'start_review' },
      { at: d(23), do: 'refuse', reason: 'Litige de nature essentiellement commerciale : le dossier n’établit pas une infraction de droit commun grave (RPD, art. 83).' },
    ],
  },
  {
    key: 'red-old-expired',
    owner: 'ncb.bnpj',
    type: 'red',
    urgency: 'normal',
    subject: { nationality: 'MAR', gender: 'male', fullBirthDate: true },
    offence: { category: 'drug_trafficking', description: 'Trafic international de résine de cannabis par go-fast entre Tétouan et la Costa del Sol.', lawArticle: 'Dahir n° 1-73-282 du 21 mai 1974, art. 2', maximumPenaltyMonths: 120 },
    warrant: { reference: 'JI-TTN-{Y}-0311', daysAgo: 5 * YEAR + 90, authority: 'Juge d’instruction près la Cour d’appel de Tétouan' },
    requestedAction: 'Localiser et arrêter provisoirement en vue d’extradition.',
    // published five years ago and never renewed: the first sweep expires it
    steps: reviewed(5 * YEAR + 40),
  },
  {
    key: 'red-renewal-due',
    owner: 'ncb',
    type: 'red',
    urgency: 'normal',
    subject: { nationality: 'MAR', gender: 'male', fullBirthDate: true, arabic: true },
    offence: { category: 'organised_crime', description: 'Direction d’une association de malfaiteurs spécialisée dans le vol de véhicules et leur revente en Afrique de l’Ouest.', lawArticle: 'Code pénal, art. 293 et 294', maximumPenaltyMonths: 120 },
    warrant: { reference: 'JI-RBT-{Y}-0907', daysAgo: 5 * YEAR - 80, authority: 'Juge d’instruction près la Cour d’appel de Rabat' },
    requestedAction: 'Localiser et arrêter provisoirement en vue d’extradition.',
    // its review date is three months away: the first sweep asks the bureau to renew it
    steps: reviewed(5 * YEAR - 90),
  },
  {
    key: 'red-smuggling-nouadhibou',
    owner: 'ncb.mrt',
    type: 'red',
    urgency: 'urgent',
    subject: { nationality: 'MRT', gender: 'male', fullBirthDate: true, arabic: true },
    offence: { category: 'migrant_smuggling', description: 'تنظيم رحلات لتهريب المهاجرين بحراً انطلاقاً من نواذيبو نحو جزر الكناري.', lawArticle: 'القانون رقم 2010-021 المتعلق بمكافحة تهريب المهاجرين، المادة 4', maximumPenaltyMonths: 180 },
    warrant: { reference: 'NDB-{Y}-0034', daysAgo: 20, authority: 'قاضي التحقيق لدى محكمة ولاية داخلت نواذيبو' },
    circumstances: 'غادر نواذيبو قبل أيام، ويُرجَّح أنه يحاول العبور إلى المغرب براً.',
    requestedAction: 'تحديد مكانه وتوقيفه مؤقتاً بهدف تسليمه.',
    steps: [
      { at: 5, do: 'create' },
      { at: 3, do: 'submit' },
    ],
  },
  {
    key: 'red-draft-brussels',
    owner: 'ncb.bel',
    type: 'red',
    urgency: 'normal',
    subject: { nationality: 'BEL', gender: 'male', fullBirthDate: true },
    // an officer's draft: no warrant yet, the checks say so
    offence: { category: 'firearms_trafficking', description: 'Trafic d’armes à feu de guerre entre Anvers et Marseille.' },
    steps: [{ at: d(2), do: 'create' }],
  },
  {
    key: 'yellow-missing-dakar',
    owner: 'ncb.sen',
    type: 'yellow',
    urgency: 'normal',
    subject: { nationality: 'SEN', gender: 'female', fullBirthDate: true, bornFrom: 1995, description: '1,65 m, parle wolof et français.' },
    circumstances: 'Disparue depuis son départ de Dakar pour Casablanca ; aurait été recrutée par un réseau promettant un emploi en Europe.',
    requestedAction: 'Localiser la personne et informer le BCN Dakar.',
    publicExtract: ['names', 'birthDate', 'nationalities', 'gender'],
    steps: [
      ...reviewed(29),
      { at: d(6), do: 'screen', by: 'frontline', kind: 'person', score: 0.9 },
      { at: d(6) - 3, do: 'outcome', side: 'screening', status: 'located', note: 'Retrouvée à Casablanca, prise en charge par les services sociaux ; le BCN Dakar est informé.' },
      { at: d(6) - 3, do: 'task', side: 'screening' },
      { at: d(5), do: 'task', side: 'owner' },
    ],
  },
  {
    key: 'yellow-missing-almeria',
    owner: 'ncb.esp',
    type: 'yellow',
    urgency: 'normal',
    subject: { nationality: 'ESP', gender: 'female', fullBirthDate: true, bornFrom: 1990 },
    circumstances: 'Desaparecida tras embarcar en Almería en el ferry con destino a Nador.',
    requestedAction: 'Localizar a la persona e informar a la OCN Madrid.',
    publicExtract: ['names', 'birthDate', 'nationalities', 'gender'],
    steps: [...reviewed(59), { at: d(8), do: 'cancel', reason: 'Localizada en Nador sana y salva; ha regresado con su familia.' }],
  },
  {
    key: 'yellow-missing-cairo',
    owner: 'ncb.egy',
    type: 'yellow',
    urgency: 'normal',
    subject: { nationality: 'EGY', gender: 'female', fullBirthDate: true, arabic: true },
    circumstances: 'اختفت بعد مغادرتها القاهرة متوجهة إلى الدار البيضاء، ويُخشى أن تكون ضحية شبكة للاتجار بالبشر.',
    requestedAction: 'تحديد مكانها وإبلاغ المكتب المركزي الوطني بالقاهرة.',
    steps: [
      { at: d(3), do: 'create' },
      { at: d(2), do: 'submit' },
    ],
  },
  {
    key: 'blue-returnee',
    owner: 'ncb.dgst',
    type: 'blue',
    urgency: 'normal',
    subject: { nationality: 'SYR', gender: 'male', arabic: true },
    offence: { description: 'Participation présumée aux activités d’un groupe armé en zone syro-irakienne.' },
    circumstances: 'Retour signalé via la Turquie ; aurait pris contact avec des proches à Tanger.',
    requestedAction: 'Recueillir tout renseignement sur sa localisation, ses déplacements et ses documents de voyage.',
    steps: reviewed(15),
  },
  {
    key: 'green-phone-scam',
    owner: 'ncb.nld',
    type: 'green',
    urgency: 'normal',
    subject: { nationality: 'NLD', gender: 'male' },
    offence: { category: 'fraud', description: 'Serial fraud against elderly people, posing as a bank employee on the phone.' },
    circumstances: 'Convicted three times in the Netherlands; spends the winter in Morocco and southern Spain.',
    steps: reviewed(54),
  },
  {
    key: 'green-draft-car-thefts',
    owner: 'ncb',
    type: 'green',
    urgency: 'normal',
    subject: { nationality: 'MAR', gender: 'male' },
    offence: { category: 'theft', description: 'Vols de véhicules haut de gamme revendus en Afrique de l’Ouest.' },
    steps: [{ at: 20, do: 'create' }],
  },
  {
    key: 'black-body-tarifa',
    owner: 'ncb.esp',
    type: 'black',
    urgency: 'normal',
    unnamed: { gender: 'male', description: 'Varón de 25 a 35 años, 1,75 m, cicatriz en el antebrazo izquierdo, tatuaje con letras árabes en el hombro derecho.' },
    circumstances: 'Cadáver hallado en la playa de Bolonia (Tarifa, Cádiz) tras el naufragio de una embarcación neumática.',
    requestedAction: 'Comparar con las personas desaparecidas y comunicar cualquier coincidencia.',
    steps: reviewed(13),
  },
  {
    key: 'purple-sextortion',
    owner: 'ncb.cyber',
    type: 'purple',
    urgency: 'normal',
    offence: { category: 'cybercrime', description: 'Sextorsion par visioconférence : la victime est enregistrée puis menacée de diffusion contre paiement.' },
    circumstances: 'Plus de 300 signalements E-Blagh en six mois ; paiements vers des comptes ouverts en Côte d’Ivoire et au Bénin.',
    steps: reviewed(33),
  },
  {
    key: 'silver-assets-costa',
    owner: 'ncb.ita',
    type: 'silver',
    urgency: 'normal',
    subject: { nationality: 'ITA', gender: 'male', fullBirthDate: true },
    offence: { category: 'money_laundering', description: 'Laundering of cocaine trafficking proceeds through real estate on the Costa del Sol and in Tangier.', lawArticle: 'Codice penale, art. 648-bis', maximumPenaltyMonths: 144 },
    warrant: { reference: 'DDA-NA-{Y}-0612', daysAgo: 90, authority: 'Procura della Repubblica di Napoli, DDA' },
    circumstances: 'Assets to be traced: villas, companies and bank accounts held through front persons.',
    steps: [
      { at: d(9), do: 'create' },
      { at: d(9) - 2, do: 'submit' },
      { at: d(2), do: 'start_review' },
    ],
  },
  {
    key: 'blue-withdrawn-rome',
    owner: 'ncb.ita',
    type: 'blue',
    urgency: 'normal',
    subject: { nationality: 'ITA', gender: 'female' },
    circumstances: 'Witness in a fraud investigation, believed to live in Marrakesh.',
    requestedAction: 'Locate and report her address.',
    steps: [
      { at: d(40), do: 'create' },
      { at: d(38), do: 'withdraw', reason: 'The address was obtained through the bilateral channel; the request is no longer needed.' },
    ],
  },
  {
    key: 'diffusion-cocaine-tanger-med',
    owner: 'ncb',
    type: 'diffusion',
    urgency: 'normal',
    subject: { nationality: 'MAR', gender: 'male', fullBirthDate: true, latin: true },
    offence: { category: 'drug_trafficking', description: 'Importation de cocaïne par conteneurs au port de Tanger-Med (1,1 t).' },
    warrant: { reference: 'JI-TNG-{Y}-0518', daysAgo: 15, authority: 'Juge d’instruction près la Cour d’appel de Tanger' },
    requestedAction: 'Localiser et informer le BCN Rabat ; arrestation provisoire sur la base du mandat d’arrêt international.',
    recipients: ['ESP-NCB', 'FRA-NCB', 'BEL-NCB', 'NLD-NCB'],
    steps: [
      { at: d(9), do: 'create' },
      { at: d(9) - 1, do: 'submit' },
      { at: d(2), do: 'screen', by: 'frontline.esp', kind: 'person', score: 0.88 },
      { at: d(2) - 3, do: 'task', side: 'screening' },
    ],
  },
  {
    key: 'diffusion-pirogues',
    owner: 'ncb.sen',
    type: 'diffusion',
    urgency: 'normal',
    subject: { nationality: 'SEN', gender: 'male' },
    offence: { category: 'migrant_smuggling', description: 'Organisation de départs de pirogues vers les Canaries depuis Saint-Louis et Nouadhibou.' },
    requestedAction: 'Localiser et signaler tout passage aux frontières au BCN Dakar.',
    recipients: ['MAR-NCB', 'MLI-NCB', 'MRT-NCB'],
    steps: [
      { at: d(4), do: 'create' },
      { at: d(4) - 1, do: 'submit' },
    ],
  },
  {
    key: 'diffusion-draft-range-rovers',
    owner: 'ncb.fra',
    type: 'diffusion',
    urgency: 'normal',
    subject: { nationality: 'FRA', gender: 'male' },
    offence: { category: 'theft', description: 'Vols de véhicules de luxe en Île-de-France, exportés par Algésiras.' },
    requestedAction: 'Signaler tout contrôle de la personne au BCN Paris.',
    steps: [{ at: 18, do: 'create' }],
  },
];
