import type { NoticeContent } from '../src/notices/notice.ts';
import type { CreateNoticeInput } from '../src/notices/notices.schema.ts';

/** A complete Red Notice request of the Senegalese bureau: no error, no warning. */
export function redContent(name = 'Karim Bennani', extra: Partial<NoticeContent['subject']> = {}): NoticeContent {
  return {
    subject: {
      names: [{ value: name, type: 'primary' }],
      birthDate: '1985-03-14',
      gender: 'male',
      nationalities: ['SEN'],
      photoRef: 'PH-2026-001',
      description: 'Scar on the left hand',
      identifiers: [{ type: 'passport', value: 'A1234567', country: 'SEN' }],
      ...extra,
    },
    offence: { category: 'drug_trafficking', description: 'Trafficking of 2 t of cannabis resin', lawArticle: 'Penal Code art. 95', maximumPenaltyMonths: 120 },
    warrant: { reference: 'MA-2026-17', date: '2026-01-15', authority: 'Investigating judge, Dakar' },
    circumstances: 'Seized at the port of Dakar in January 2026',
  };
}

export const redNotice = (name?: string, extra: Partial<CreateNoticeInput> = {}): CreateNoticeInput => ({ type: 'red', urgency: 'normal', content: redContent(name), ...extra });
