import { Group, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one h1, also the browser tab's title; actions (buttons) go on the right. */
export function PageTitle({ children, title, actions }: { children?: ReactNode; title: string; actions?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Group justify="space-between" mb="md" wrap="wrap">
      <Title order={1} size="h2">
        {children ?? title}
      </Title>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
