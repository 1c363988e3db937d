/** Notices as the API gives them, for the component tests. */
import type { Notice } from '../../api/types.ts';

export function notice(over: Partial<Notice> = {}): Notice {
  return {
    id: '0190f5e2-7c1a-7b3e-9d4f-000000000001',
    reference: 'MAR-2026-R-00017',
    type: 'red',
    state: 'under_review',
    urgency: 'normal',
    subjectName: 'Youssef El Amrani',
    ownerAgencyId: 'a1',
    ownerAgencyCode: 'MAR-NCB',
    tlp: 'AMBER',
    submittedAt: '2026-03-01T08:00:00.000Z',
    publishedAt: null,
    reviewDate: null,
    updatedAt: '2026-03-01T08:00:00.000Z',
    openHits: 0,
    content: {
      subject: { names: [{ value: 'Youssef El Amrani', type: 'primary' }], birthDate: '1985-02-11', gender: 'male', nationalities: ['MAR'] },
      offence: { category: 'drug_trafficking', description: 'Importation of 2 t of cannabis resin', lawArticle: 'Dahir 1974 art. 2', maximumPenaltyMonths: 120 },
      warrant: { reference: 'MA-TPI-2025-118', date: '2025-11-04', authority: 'Juge d’instruction, Tanger' },
      circumstances: 'Organised the shipment through the port of Tanger Med.',
    },
    checks: [],
    restrictedTo: [],
    publicExtract: null,
    stateReason: null,
    allowedActions: ['publish', 'refuse', 'return'],
    version: 3,
    subjectRecordId: null,
    renewalRequestedAt: null,
    ...over,
  };
}
