import { api } from '../../api/client.ts';
import type { Locale, MessageRecipient } from '../../api/types.ts';
import { type Loaded, useLoad } from '../../api/use-load.ts';

/** The agencies that may be chosen as recipients (only those the handling allows are offered). */
export function useRecipients(noticeId?: string): Loaded<MessageRecipient[]> {
  return useLoad(async () => {
    const res = await api.messageRecipients(noticeId);
    return Array.isArray(res) ? res : res.items;
  }, [noticeId]);
}

/** The agency's name in the user's language, else any name, else its code. */
export function recipientName(a: MessageRecipient, locale: Locale): string {
  return a.names[locale] ?? a.names.en ?? a.code;
}
