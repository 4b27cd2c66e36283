import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * How a person appears everywhere: their pseudonym code (W-0007), never a name. The accessible
 * label says it is a pseudonym, in the user's language.
 */
export function PseudonymBadge({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color="gray" radius="sm" tt="none" ff="monospace" aria-label={t('person.pseudonym', { code })}>
      {code}
    </Badge>
  );
}
