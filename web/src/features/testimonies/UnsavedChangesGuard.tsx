import { Button, Group, Modal, Text } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/**
 * While `dirty`, leaving the page (a link, back, the tab bar, closing the tab) asks first.
 * Render it once in a form; pass dirty=false just before navigating away after a save.
 */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker({ shouldBlockFn: () => dirty, enableBeforeUnload: () => dirty, withResolver: true });
  return (
    <Modal opened={blocker.status === 'blocked'} onClose={() => blocker.reset?.()} title={t('testimonies.unsaved.title')} centered>
      <Text mb="md">{t('testimonies.unsaved.body')}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => blocker.reset?.()}>
          {t('testimonies.unsaved.stay')}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {t('testimonies.unsaved.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
