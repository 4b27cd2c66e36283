import { Anchor, Badge, Loader, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { CaseStatus } from './queries';

/** A case's title as a link to its page. */
export function CaseLink({ caseId, title }: { caseId: string; title: string }) {
  return <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId" params={{ caseId }} />}>{title}</Anchor>;
}

/** Active or archived, in words (not colour alone). */
export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={status === 'active' ? 'green' : 'gray'}>
      {t(`case.statuses.${status}`)}
    </Badge>
  );
}

/**
 * A count of waiting work that links to the tab of the case where the work is. The jobs tab, built
 * by another screen, is a plain link (a full page load) until it is in the route tree.
 */
export function CaseWorkLink({ caseId, tab, count, label, danger }: { caseId: string; tab: 'people' | 'testimonies' | 'members' | 'jobs'; count: number; label: string; danger?: boolean }) {
  const { i18n } = useTranslation();
  const text = new Intl.NumberFormat(i18n.language).format(count);
  if (count === 0) {
    return (
      <Text span c="dimmed">
        {text}
      </Text>
    );
  }
  const style = { fw: 700, c: danger ? 'red.8' : undefined, 'aria-label': label } as const;
  if (tab !== 'jobs') {
    return (
      <Anchor {...style} renderRoot={(props) => <Link {...props} to={`/cases/$caseId/${tab}`} params={{ caseId }} />}>
        {text}
      </Anchor>
    );
  }
  return (
    <Anchor {...style} href={`/app/cases/${caseId}/${tab}`}>
      {text}
    </Anchor>
  );
}

/** A titled part of a page (h2) showing its query's loading state and error before its content. */
export function QuerySection({ id, title, query, children }: { id: string; title: string; query: { isPending: boolean; error: unknown }; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {query.isPending && <Loader aria-label={t('common.loading')} />}
      {query.error != null && <ErrorAlert error={query.error} />}
      {children}
    </section>
  );
}
