/**
 * The demo's message threads between bureaus: hits on notices followed up between the owner and
 * the screening country, requests about cases, a partner's analysis, a regional meeting. Some are
 * read and answered, some wait unread past their deadline (the node alarms the recipient).
 * Times are hours before the first start. `{ref}` and `{name}` stand for the reference and the
 * subject of the thread's notice, `{case}` for the reference of its case. Data only:
 * src/messages/seed-demo.ts runs them.
 */
import type { TlpLevel } from '../../core/handling.ts';

export interface Attachment {
  filename: string;
  /** A one-page PDF of this title and lines (see demo-pdf.ts). */
  title: string;
  lines: string[];
}

export type ThreadEvent =
  | {
      at: number;
      /** The sender's username; `to` (agency codes) is required on the first message and for AMBER+STRICT and RED. */
      send: { from: string; to?: string[]; tlp?: TlpLevel; urgency?: 'urgent' | 'normal'; deadlineHours?: number; body: string; attachment?: Attachment };
    }
  /** The thread opened by this user: every message to their agency is read. */
  | { at: number; read: string };

export interface ThreadStory {
  key: string;
  subject: string;
  /** A notice of the notices demo (its story key), or the demo case of a category. */
  about?: { notice: string } | { case: string };
  events: ThreadEvent[];
}

const d = (days: number, hours = 0) => days * 24 + hours;

export const THREAD_STORIES: ThreadStory[] = [
  {
    key: 'arrest-algeciras',
    subject: '{ref} — detención en Algeciras / arrestation à Algésiras',
    about: { notice: 'red-cannabis-nador' },
    events: [
      {
        at: d(3) - 5,
        send: {
          from: 'ncb.esp',
          to: ['MAR-NCB'],
          urgency: 'urgent',
          body: 'Buenos días: en un control fronterizo en el puerto de Algeciras, la Policía Nacional ha detenido a {name}, objeto de la notificación roja {ref}. Rogamos nos remitan en el plazo de 8 horas la confirmación de identidad (huellas dactilares) y la documentación judicial para la solicitud de extradición.',
        },
      },
      { at: d(3) - 6, read: 'ncb' },
      {
        at: d(3) - 8,
        send: {
          from: 'ncb',
          urgency: 'urgent',
          body: 'Bonjour, nous confirmons l’identité de {name} (fiche décadactylaire ci-jointe). Le mandat d’arrêt international et la demande d’extradition vous parviendront par la voie diplomatique sous 48 heures. Merci pour votre coopération.',
          attachment: { filename: 'fiche-decadactylaire.pdf', title: 'Fiche décadactylaire — {ref}', lines: ['Sujet : {name}', 'Empreintes : dix doigts, qualité bonne', 'Comparaison AFIS : concordance confirmée', 'BCN Rabat — Division de la coopération policière internationale'] },
        },
      },
      { at: d(3) - 9, read: 'ncb.esp' },
      { at: d(2), send: { from: 'ncb.esp', body: 'Recibido. El detenido ha sido puesto a disposición del Juzgado Central de Instrucción n.º 3 de la Audiencia Nacional, que ha decretado prisión provisional a efectos de extradición.' } },
    ],
  },
  {
    key: 'match-roissy',
    subject: '{ref} — concordance à l’aéroport de Roissy-Charles-de-Gaulle',
    about: { notice: 'red-homicide-casablanca' },
    events: [
      {
        at: 29,
        send: {
          from: 'ncb.fra',
          to: ['MAR-BNPJ', 'MAR-NCB'],
          urgency: 'urgent',
          body: 'Un voyageur correspondant à {name} (notice rouge {ref}) a été contrôlé au terminal 2E, vol en provenance de Casablanca, puis laissé libre faute de confirmation. Merci de nous transmettre en urgence les empreintes et une photographie afin de confirmer l’identité.',
        },
      },
      { at: 20, read: 'ncb' },
      { at: 19, send: { from: 'ncb', body: 'Le BCN Rabat relaie la demande à la BNPJ, propriétaire de la notice ; les éléments d’identification sont en cours de préparation.' } },
    ],
  },
  {
    key: 'located-casablanca',
    subject: '{ref} — personne retrouvée à Casablanca',
    about: { notice: 'yellow-missing-dakar' },
    events: [
      { at: d(6) - 4, send: { from: 'ncb', to: ['SEN-NCB'], body: 'Nous vous informons que {name}, objet de la notice jaune {ref}, a été retrouvée ce jour à Casablanca. Elle est prise en charge par les services sociaux et souhaite joindre sa famille.' } },
      { at: d(6) - 8, read: 'ncb.sen' },
      { at: d(5), send: { from: 'ncb.sen', body: 'Merci. La famille a été informée ; le consulat du Sénégal à Casablanca organise son rapatriement. Nous annulerons la notice après son retour.' } },
      { at: d(5) - 2, read: 'ncb' },
    ],
  },
  {
    key: 'sighting-gao',
    subject: '{ref} — signalement à Gao',
    about: { notice: 'diffusion-pirogues' },
    events: [
      { at: d(2), send: { from: 'ncb.mli', to: ['SEN-NCB', 'MAR-NCB'], deadlineHours: 72, body: '{name}, objet de la diffusion {ref}, aurait été vu à Gao la semaine dernière, en route vers le nord. Nous vous communiquerons les éléments complémentaires dès réception.' } },
      { at: d(1), read: 'ncb.sen' },
    ],
  },
  {
    key: 'egypt-missing',
    subject: 'طلب معلومات بخصوص النشرة {ref}',
    about: { notice: 'yellow-missing-cairo' },
    events: [{ at: 40, send: { from: 'ncb.egy', to: ['MAR-NCB'], urgency: 'urgent', body: 'نرجو منكم إبلاغنا بأي معلومات عن {name}، التي يُعتقد أنها دخلت المغرب عبر مطار محمد الخامس، ريثما تتم مراجعة طلب النشرة الصفراء {ref}.' } }],
  },
  {
    key: 'returned-ndjamena',
    subject: '{ref} — complément du dossier',
    about: { notice: 'red-trafficking-ndjamena' },
    events: [
      {
        at: d(8),
        send: {
          from: 'ncb.tcd',
          to: ['MAR-NCB'],
          body: 'Suite au retour de la demande {ref}, vous trouverez ci-joint le mandat d’arrêt signé par le juge d’instruction. Nous soumettrons à nouveau la demande dès que le texte d’incrimination aura été traduit.',
          attachment: { filename: 'mandat-arret-signe.pdf', title: 'Mandat d’arrêt — {ref}', lines: ['Tribunal de grande instance de N’Djamena', 'Cabinet du juge d’instruction', 'Personne visée : {name}', 'Qualification : traite de personnes'] },
        },
      },
      { at: d(7), read: 'reviewer' },
      { at: d(7) - 1, send: { from: 'reviewer', body: 'Bien reçu. Merci d’indiquer dans la demande la qualification retenue et la peine maximale encourue avant de la soumettre à nouveau.' } },
      { at: d(6), read: 'ncb.tcd' },
    ],
  },
  {
    key: 'cannabis-tanger-med',
    subject: 'Demande d’information — saisie de résine de cannabis à Tanger-Med ({case})',
    about: { case: 'drug_trafficking' },
    events: [
      { at: d(12), send: { from: 'ncb', to: ['ESP-NCB'], body: 'Dans le cadre de l’affaire {case}, un semi-remorque immatriculé en Espagne a été intercepté au port de Tanger-Med avec 1,2 tonne de résine de cannabis. Nous vous saurions gré de nous communiquer l’identité du titulaire du certificat d’immatriculation et les antécédents du chauffeur.' } },
      { at: d(11), read: 'ncb.esp' },
      {
        at: d(10),
        send: {
          from: 'ncb.esp',
          body: 'El vehículo figura a nombre de una sociedad de transportes de Almería investigada por la UDYCO por tráfico de hachís. Adjuntamos la ficha del titular. Proponemos una reunión operativa por videoconferencia.',
          attachment: { filename: 'ficha-titular.pdf', title: 'Ficha del titular — {case}', lines: ['Titular: Transportes del Poniente S.L. (Almería)', 'Antecedentes: investigación UDYCO Costa del Sol', 'Vehículo: semirremolque, matrícula española'] },
        },
      },
      { at: d(9), read: 'ncb' },
      { at: d(9) - 2, send: { from: 'ncb', body: 'D’accord pour une réunion jeudi à 10 h (heure de Rabat). La BNPJ y sera associée.' } },
    ],
  },
  {
    key: 'smuggling-dakhla',
    subject: 'Réseau de trafic de migrants démantelé à Dakhla ({case})',
    about: { case: 'migrant_smuggling' },
    events: [
      {
        at: d(8),
        send: {
          from: 'ncb',
          to: ['MLI-NCB', 'SEN-NCB', 'MRT-NCB'],
          body: 'La DGSN a démantelé un réseau organisant des départs depuis Dakhla (affaire {case}). Plusieurs membres présumés seraient ressortissants de vos pays : la liste est jointe. Merci de nous indiquer toute information disponible.',
          attachment: { filename: 'identites.pdf', title: 'Affaire {case} — identités à vérifier', lines: ['Six personnes interpellées, trois en fuite', 'Nationalités déclarées : Mali, Sénégal, Mauritanie', 'Photographies et empreintes disponibles sur demande'] },
        },
      },
      { at: d(7), read: 'ncb.mli' },
      { at: d(7) - 3, read: 'ncb.mrt' },
      { at: d(6), send: { from: 'ncb.mli', body: 'Deux des personnes citées sont connues de nos services pour des faits similaires à Gao ; leurs fiches vous seront transmises sous pli séparé.' } },
      { at: d(6) - 4, read: 'ncb' },
    ],
  },
  {
    key: 'e-blagh-abidjan',
    subject: 'Escroqueries en ligne signalées sur E-Blagh ({case})',
    about: { case: 'cybercrime' },
    events: [
      { at: d(5), send: { from: 'ncb.cyber', to: ['CIV-NCB'], body: 'Quarante-sept signalements reçus en un mois sur la plateforme E-Blagh visent des comptes de paiement mobile ouverts en Côte d’Ivoire (affaire {case}). Nous sollicitons l’identification de leurs titulaires.' } },
      { at: d(4), read: 'ncb.civ' },
      { at: d(4) - 3, send: { from: 'ncb.civ', body: 'La Plateforme de lutte contre la cybercriminalité a identifié trois titulaires ; les réquisitions aux opérateurs sont en cours.' } },
    ],
  },
  {
    key: 'stolen-range-rover',
    subject: 'Véhicule volé à Lyon localisé à Casablanca ({case})',
    about: { case: 'theft' },
    events: [
      { at: d(15), send: { from: 'ncb.fra', to: ['MAR-NCB'], body: 'Un Range Rover Sport volé à Lyon a été géolocalisé par son constructeur à Casablanca. Merci de procéder aux vérifications et, le cas échéant, à sa saisie.' } },
      { at: d(14), read: 'ncb' },
      { at: d(13), send: { from: 'ncb', body: 'Le véhicule a été saisi et rattaché à l’affaire {case}. Sa restitution au propriétaire suivra la procédure habituelle.' } },
      { at: d(13) - 2, read: 'ncb.fra' },
    ],
  },
  {
    key: 'europol-cocaine-routes',
    subject: 'Cocaine routes through West African ports — strategic assessment',
    events: [
      {
        at: 20,
        send: {
          from: 'ncb.europol',
          to: ['MAR-NCB'],
          tlp: 'AMBER+STRICT',
          body: 'Please find attached the summary of our restricted assessment of cocaine shipments through West African ports to the Strait of Gibraltar. We would welcome figures on seizures at Tanger-Med for the next edition.',
          attachment: { filename: 'assessment-summary.pdf', title: 'Cocaine routes through West African ports', lines: ['Strategic assessment, summary', 'Main routes: Santos and Guayaquil to Gulf of Guinea ports, then by road or sea to the Strait', 'Handling: AMBER+STRICT'] },
        },
      },
    ],
  },
  {
    key: 'afripol-meeting',
    subject: 'Réunion régionale sur le trafic de migrants — Rabat',
    events: [
      {
        at: d(3),
        send: {
          from: 'ncb.afripol',
          to: ['MAR-NCB', 'SEN-NCB', 'MLI-NCB', 'NER-NCB', 'TCD-NCB'],
          tlp: 'GREEN',
          deadlineHours: 96,
          body: 'AFRIPOL organise avec le BCN Rabat une réunion opérationnelle sur les réseaux de trafic de migrants de la route atlantique. Merci de confirmer la participation de vos points de contact.',
        },
      },
      { at: d(2), read: 'ncb' },
      { at: d(2) - 1, send: { from: 'ncb', tlp: 'GREEN', body: 'Le BCN Rabat confirme sa participation et mettra une salle à disposition au siège de la DGSN.' } },
    ],
  },
];
