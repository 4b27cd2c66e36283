import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TestimonyStatus } from './queries';

const COLORS: Record<TestimonyStatus, string> = { draft: 'gray', transcribed: 'blue', redacted: 'violet', reviewed: 'green' };

/** The status in words (the colour only repeats it). */
export function StatusBadge({ status }: { status: TestimonyStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`testimonies.statuses.${status}`)}
    </Badge>
  );
}
