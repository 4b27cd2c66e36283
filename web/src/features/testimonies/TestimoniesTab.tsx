import { Anchor, Badge, Button, Group, Loader, Pagination, Select, Stack, Table, Text } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PseudonymBadge } from '../../components/PseudonymBadge';
import { useCase } from '../cases/queries';
import { COMMON_LANGUAGES, formatDatedValue, languageName } from './format';
import { RISK_LEVELS, TESTIMONY_STATUSES, useTestimonies, type RiskLevel, type TestimonyFilters, type TestimonyStatus } from './queries';
import { StatusBadge } from './StatusBadge';

const route = getRouteApi('/cases/$caseId/testimonies');
const PAGE_SIZE = 25;
const SORTS = ['-createdAt', 'createdAt', '-interviewDate', 'interviewDate'] as const;

/** The Testimonies tab of a case: filters, a page of testimonies, each linking to its page. */
export function TestimoniesTab() {
  const { t, i18n } = useTranslation();
  const { caseId } = route.useParams();
  const kase = useCase(caseId);
  const [filters, setFilters] = useState<TestimonyFilters>({ sort: '-createdAt', offset: 0, limit: PAGE_SIZE });
  const list = useTestimonies(caseId, filters);
  const setFilter = (patch: Partial<TestimonyFilters>) => setFilters((f) => ({ ...f, ...patch, offset: 0 }));
  const canRecord = kase.data?.myRole === 'lead' || kase.data?.myRole === 'investigator';
  const total = list.data?.total ?? 0;
  const number = new Intl.NumberFormat(i18n.language);

  return (
    <Stack mt="md" gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end" gap="sm">
          <Select
            label={t('testimonies.fields.status')}
            placeholder={t('testimonies.list.any')}
            data={TESTIMONY_STATUSES.map((s) => ({ value: s, label: t(`testimonies.statuses.${s}`) }))}
            value={filters.status ?? null}
            onChange={(s) => setFilter({ status: (s as TestimonyStatus | null) ?? undefined })}
            clearable
            w={160}
          />
          <Select
            label={t('testimonies.fields.language')}
            placeholder={t('testimonies.list.any')}
            data={COMMON_LANGUAGES.map((l) => ({ value: l, label: languageName(l, i18n.language) }))}
            value={filters.language ?? null}
            onChange={(l) => setFilter({ language: l ?? undefined })}
            clearable
            searchable
            w={200}
          />
          <Select
            label={t('testimonies.fields.riskLevel')}
            placeholder={t('testimonies.list.any')}
            data={RISK_LEVELS.map((r) => ({ value: r, label: t(`testimonies.riskLevels.${r}`) }))}
            value={filters.riskLevel ?? null}
            onChange={(r) => setFilter({ riskLevel: (r as RiskLevel | null) ?? undefined })}
            clearable
            w={160}
          />
          <Select
            label={t('testimonies.list.sort')}
            data={SORTS.map((s) => ({ value: s, label: t(`testimonies.list.sorts.${s}`) }))}
            value={filters.sort}
            onChange={(s) => s && setFilter({ sort: s as TestimonyFilters['sort'] })}
            allowDeselect={false}
            w={200}
          />
        </Group>
        {canRecord && (
          <Button renderRoot={(props) => <Link {...props} to="/cases/$caseId/testimonies/new" params={{ caseId }} />}>{t('testimonies.list.record')}</Button>
        )}
      </Group>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : total === 0 ? (
        <Text c="dimmed">{t('testimonies.list.empty')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('testimonies.list.count', { total: number.format(total) })}
          </Text>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('testimonies.fields.interviewee')}</Table.Th>
                <Table.Th>{t('testimonies.fields.interviewDate')}</Table.Th>
                <Table.Th>{t('testimonies.fields.languages')}</Table.Th>
                <Table.Th>{t('testimonies.fields.riskLevel')}</Table.Th>
                <Table.Th>{t('testimonies.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => <Link {...props} to="/cases/$caseId/testimonies/$testimonyId" params={{ caseId, testimonyId: item.id }} />}
                      aria-label={t('testimonies.list.open', { code: item.interviewee.code })}
                    >
                      <PseudonymBadge code={item.interviewee.code} />
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDatedValue(item.interviewDate, i18n.language, t)}</Table.Td>
                  <Table.Td>{item.languages.map((l) => languageName(l, i18n.language)).join(', ')}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color="gray">
                      {t(`testimonies.riskLevels.${item.riskLevel}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={item.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {total > PAGE_SIZE && (
            <Pagination
              total={Math.ceil(total / PAGE_SIZE)}
              value={Math.floor(filters.offset / PAGE_SIZE) + 1}
              onChange={(p) => setFilters((f) => ({ ...f, offset: (p - 1) * PAGE_SIZE }))}
              getControlProps={(control) => ({ 'aria-label': t(`testimonies.list.pages.${control}`) })}
              getItemProps={(p) => ({ 'aria-label': t('testimonies.list.page', { page: p }) })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
