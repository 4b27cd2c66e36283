import { Alert, Button, Checkbox, CopyButton, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Saves the codes as a .txt file through a temporary object URL (nothing is stored by the page). */
function downloadCodes(codes: string[], heading: string): void {
  const blob = new Blob([`${heading}\n\n${codes.join('\n')}\n`], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'sillok-recovery-codes.txt';
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/**
 * Recovery codes, shown once: copy or download them, confirm they are saved, then continue.
 * After this the codes exist only as hashes on the server.
 */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const text = codes.join('\n');
  return (
    <Stack>
      <Alert color="indigo" variant="light" title={t('account.recovery.title')}>
        {t('account.recovery.explain')}
      </Alert>
      <Paper withBorder p="md">
        <List aria-label={t('account.recovery.listLabel')} ff="monospace" listStyleType="none" spacing={4}>
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
      </Paper>
      <Group>
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('account.recovery.copied') : t('account.recovery.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={() => downloadCodes(codes, t('account.recovery.fileHeading'))}>
          {t('account.recovery.download')}
        </Button>
      </Group>
      <Checkbox label={t('account.recovery.savedCheck')} checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
      <Text size="sm" c="dimmed">
        {t('account.recovery.onceOnly')}
      </Text>
      <Group>
        <Button disabled={!saved} onClick={onDone}>
          {t('account.recovery.done')}
        </Button>
      </Group>
    </Stack>
  );
}
