import { Button, Group, Modal, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DiffView } from './DiffView';

export interface TheirVersion {
  version: number;
  text: string;
  author: string | null;
  createdAt: string;
}

/**
 * Someone saved while you edited (409): both versions and the diff between them; take theirs
 * (your edit is dropped), keep yours, or edit the merged text — saved on top of their version.
 */
export function MergeModal({ theirs, mine, saving, onTakeTheirs, onSave, onClose }: {
  theirs: TheirVersion;
  mine: string;
  saving: boolean;
  onTakeTheirs: () => void;
  onSave: (text: string) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [merged, setMerged] = useState(mine);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(theirs.createdAt));
  return (
    <Modal opened onClose={onClose} size="90%" title={t('transcripts.merge.title')} closeButtonProps={{ 'aria-label': t('transcripts.merge.close') }}>
      <Stack>
        <Text size="sm">{t('transcripts.merge.explain', { version: theirs.version, author: theirs.author ?? t('transcripts.unknownAuthor'), when })}</Text>
        <SimpleGrid cols={2}>
          <Stack gap={4}>
            <Title order={3} size="h5">
              {t('transcripts.merge.theirs', { version: theirs.version })}
            </Title>
            <Textarea aria-label={t('transcripts.merge.theirs', { version: theirs.version })} value={theirs.text} readOnly autosize minRows={4} maxRows={12} />
          </Stack>
          <Stack gap={4}>
            <Title order={3} size="h5">
              {t('transcripts.merge.mine')}
            </Title>
            <Textarea aria-label={t('transcripts.merge.mine')} value={mine} readOnly autosize minRows={4} maxRows={12} />
          </Stack>
        </SimpleGrid>
        <Title order={3} size="h5">
          {t('transcripts.merge.diffTitle')}
        </Title>
        <DiffView before={theirs.text} after={mine} label={t('transcripts.merge.diffTitle')} />
        <Textarea label={t('transcripts.merge.merged')} value={merged} onChange={(e) => setMerged(e.currentTarget.value)} autosize minRows={4} maxRows={14} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onTakeTheirs}>
            {t('transcripts.merge.takeTheirs')}
          </Button>
          <Button variant="default" onClick={() => onSave(mine)} loading={saving}>
            {t('transcripts.merge.keepMine')}
          </Button>
          <Button onClick={() => onSave(merged)} loading={saving} disabled={!merged.trim()}>
            {t('transcripts.merge.saveMerged')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
