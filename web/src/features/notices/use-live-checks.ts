import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { CheckResult } from '../../api/types.ts';
import { localChecks, toCheckRequest, type WizardDraft } from './wizard-state.ts';

/** Quiet time after the last keystroke before the checks run. */
export const CHECK_DEBOUNCE_MS = 400;

export interface LiveChecks {
  checks: CheckResult[];
  /** A request is waiting or running: the shown checks may be one keystroke old. */
  pending: boolean;
  error: unknown;
}

/**
 * The server's pre-submission checks (POST /notices/check, nothing written) for the draft as
 * it is typed, debounced, the outdated request aborted; plus the desk's own format checks.
 */
export function useLiveChecks(draft: WizardDraft, debounceMs = CHECK_DEBOUNCE_MS): LiveChecks {
  const [server, setServer] = useState<{ checks: CheckResult[]; error: unknown }>({ checks: [], error: null });
  const [pending, setPending] = useState(false);
  const body = draft.type ? JSON.stringify(toCheckRequest({ ...draft, type: draft.type })) : '';
  const seq = useRef(0);

  useEffect(() => {
    if (!body) return;
    const n = ++seq.current;
    const ctrl = new AbortController();
    setPending(true);
    const timer = setTimeout(() => {
      api.checkNotice(JSON.parse(body), ctrl.signal).then(
        (res) => {
          if (n !== seq.current) return;
          setServer({ checks: res.checks, error: null });
          setPending(false);
        },
        (error: unknown) => {
          if (ctrl.signal.aborted || n !== seq.current) return;
          setServer((s) => ({ checks: s.checks, error }));
          setPending(false);
        },
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [body, debounceMs]);

  const local = localChecks(draft);
  return { checks: draft.type ? [...local, ...server.checks] : [], pending: pending && !!body, error: server.error };
}
