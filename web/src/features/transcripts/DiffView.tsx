import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { diffStats, textDiff } from './textDiff';

/**
 * The changes from `before` to `after`, inline: removed text struck through (<del>), added text
 * underlined (<ins>) — marked by more than colour — and a summary in words.
 */
export function DiffView({ before, after, label }: { before: string; after: string; label: string }) {
  const { t, i18n } = useTranslation();
  const parts = textDiff(before, after);
  const stats = diffStats(parts);
  const n = new Intl.NumberFormat(i18n.language);
  return (
    <Box>
      <Text size="sm" mb={4}>
        {parts.every((p) => p.kind === 'same') ? t('transcripts.diff.none') : t('transcripts.diff.summary', { added: n.format(stats.added), removed: n.format(stats.removed) })}
      </Text>
      <Box
        component="pre"
        role="group"
        aria-label={label}
        tabIndex={0}
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'inherit', margin: 0, maxHeight: 320, overflow: 'auto', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4, padding: 8 }}
      >
        {parts.map((p, i) =>
          p.kind === 'added' ? (
            <ins key={i} style={{ background: 'var(--mantine-color-green-1)', textDecorationThickness: 2 }}>
              {p.text}
            </ins>
          ) : p.kind === 'removed' ? (
            <del key={i} style={{ background: 'var(--mantine-color-red-1)' }}>
              {p.text}
            </del>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </Box>
    </Box>
  );
}
