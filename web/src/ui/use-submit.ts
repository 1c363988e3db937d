import { useCallback, useState } from 'react';

/**
 * A form's submission: `busy` while the action runs (the submit button is disabled), and the
 * error it ended with for the form to show (ErrorBox, or field errors from its code). The form
 * keeps what was typed when the action fails; `run` clears the previous error first.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
