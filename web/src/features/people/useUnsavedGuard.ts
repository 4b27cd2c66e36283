import { useBlocker } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Asks before leaving (in the app or closing the tab) while `dirty`: typed work is not lost by a
 * click. Call `leaveWithoutAsking()` just before navigating away after a successful save.
 */
export function useUnsavedGuard(dirty: boolean): { leaveWithoutAsking: () => void } {
  const { t } = useTranslation();
  const bypass = useRef(false);
  useEffect(() => {
    if (!dirty) bypass.current = false;
  }, [dirty]);
  useBlocker({
    shouldBlockFn: () => !bypass.current && !window.confirm(t('people.unsavedConfirm')),
    enableBeforeUnload: () => dirty && !bypass.current,
    disabled: !dirty,
  });
  return {
    leaveWithoutAsking: () => {
      bypass.current = true;
    },
  };
}
