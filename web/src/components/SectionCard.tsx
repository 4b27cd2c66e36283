import { Card, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A bordered part of a page: its heading (h2 by default), badges on the right, an explanation, then the content. */
export function SectionCard({ title, order = 2, badges, explain, children }: { title: string; order?: 2 | 3; badges?: ReactNode; explain?: string; children?: ReactNode }) {
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={order} size="h4">
          {title}
        </Title>
        {badges && <Group gap="xs">{badges}</Group>}
      </Group>
      {explain && (
        <Text size="sm" mb="sm">
          {explain}
        </Text>
      )}
      {children}
    </Card>
  );
}
