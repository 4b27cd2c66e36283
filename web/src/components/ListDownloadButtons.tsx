import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * CSV and JSON downloads of a case list with the filters on screen. Shown only to members with
 * identity clearance (the API refuses the others); each download is recorded in the audit log.
 */
export function ListDownloadButtons({ caseId, list, filters, cleared }: { caseId: string; list: 'incidents' | 'people' | 'evidence'; filters: Record<string, string | null | undefined>; cleared: boolean }) {
  const { t } = useTranslation();
  if (!cleared) return null;
  const href = (format: 'csv' | 'json') => {
    const query = new URLSearchParams({ format });
    for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
    return `/cases/${encodeURIComponent(caseId)}/${list}/download?${query.toString()}`;
  };
  return (
    <Group gap="xs" align="center">
      <Text size="sm" c="dimmed">{t('listDownload.note')}</Text>
      {(['csv', 'json'] as const).map((format) => (
        <Button key={format} component="a" href={href(format)} download variant="default" size="xs" aria-label={t(`listDownload.${format}Label`)}>
          {t(`listDownload.${format}`)}
        </Button>
      ))}
    </Group>
  );
}
