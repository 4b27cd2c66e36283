import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Box, Group, Loader, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { useViolationTypes, violationLabel } from '../incidents/queries';
import { dimensionValueLabel } from './labels';
import { DIMENSIONS, MEASURES, statisticsCsvHref, useProvinces, useStatistics, type Dimension, type StatisticsCell } from './queries';

const COLORS = { victims: 'indigo.7', incidents: 'teal.8', acts: 'orange.9' } as const;

/**
 * Counts of incidents, victims and acts by one dimension: a bar chart of the published cells, the
 * table of every cell (withheld ones say so and why), and the same table as CSV. What is withheld
 * is decided by the API (STATISTICS_MIN_CELL_SIZE); the screen never computes a hidden number.
 */
export function StatisticsCounts({ caseId }: { caseId: string | null }) {
  const { t, i18n } = useTranslation();
  const [by, setBy] = useState<Dimension>('violationType');
  const stats = useStatistics(caseId, by);
  const types = useViolationTypes();
  const provinces = useProvinces();
  const nf = new Intl.NumberFormat(i18n.language);
  const label = (value: string | undefined) =>
    dimensionValueLabel(by, value, i18n.language, t, { violation: (code) => violationLabel(types.data?.items, code, i18n.language), provinces: provinces.data ?? [] });
  const dimensionName = t(`statistics.dimensions.${by}`);
  const cells = stats.data?.cells ?? [];
  const shown = cells.filter((c) => c.suppressed === false);
  const withheld = cells.filter((c) => c.suppressed !== false);
  // The API types a cell's key loosely (an object of dimension → value).
  const valueOf = (c: StatisticsCell) => (c.key as Record<string, string | undefined>)[by];
  const count = (n: number | null | undefined) => (n === null || n === undefined ? '—' : nf.format(n));

  return (
    <SectionCard title={t('statistics.counts')} explain={t('statistics.countsExplain', { k: String(stats.data?.minCellSize ?? '…') })}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="statistics-by-label">
              {t('statistics.by')}
            </Text>
            <SegmentedControl aria-labelledby="statistics-by-label" value={by} onChange={(v) => setBy(v as Dimension)} data={DIMENSIONS.map((d) => ({ value: d, label: t(`statistics.dimensions.${d}`) }))} />
          </Stack>
          <Anchor href={statisticsCsvHref(caseId, by)} download>
            {t('statistics.csv', { dimension: dimensionName })}
          </Anchor>
        </Group>
        {stats.error && <ErrorAlert error={stats.error} />}
        {stats.isPending && <Loader aria-label={t('common.loading')} />}
        {stats.data && cells.length === 0 && <Text c="dimmed">{t('statistics.none')}</Text>}
        {shown.length > 0 && (
          // The table below holds every number; the chart is its picture.
          <Box role="img" aria-label={t('statistics.chartLabel', { dimension: dimensionName })}>
            <BarChart
              h={Math.max(140, shown.length * 56 + 60)}
              data={shown.map((c) => ({ label: label(valueOf(c)), victims: c.victims ?? 0, incidents: c.incidents ?? 0, acts: c.acts ?? 0 }))}
              dataKey="label"
              orientation="vertical"
              yAxisProps={{ width: 160 }}
              series={MEASURES.map((m) => ({ name: m, label: t(`statistics.measures.${m}`), color: COLORS[m] }))}
              withLegend
              valueFormatter={(v) => nf.format(v)}
              barChartProps={{ accessibilityLayer: false }}
            />
          </Box>
        )}
        {withheld.length > 0 && (
          <Text size="sm" data-testid="statistics-withheld">
            {t('statistics.withheldNote', { count: String(withheld.length), k: String(stats.data?.minCellSize ?? '') })}
          </Text>
        )}
        {cells.length > 0 && stats.data && (
          <Table withTableBorder striped aria-label={t('statistics.tableLabel', { dimension: dimensionName })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{dimensionName}</Table.Th>
                {MEASURES.map((m) => (
                  <Table.Th key={m} ta="right">
                    {t(`statistics.measures.${m}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cells.map((c) => (
                <Table.Tr key={JSON.stringify(c.key)} data-suppressed={c.suppressed || undefined}>
                  <Table.Th scope="row" fw={400}>
                    {label(valueOf(c))}
                  </Table.Th>
                  {c.suppressed === false ? (
                    MEASURES.map((m) => (
                      <Table.Td key={m} ta="right">
                        {count(c[m])}
                      </Table.Td>
                    ))
                  ) : (
                    <Table.Td colSpan={MEASURES.length} ta="right">
                      <Badge variant="light" color="gray" c="dark">
                        {t(`statistics.suppressed.${c.suppressed}`)}
                      </Badge>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('statistics.total')}</Table.Th>
                {stats.data.total.suppressed ? (
                  <Table.Td colSpan={MEASURES.length} ta="right">
                    <Badge variant="light" color="gray" c="dark">
                      {t('statistics.suppressed.small_cell')}
                    </Badge>
                  </Table.Td>
                ) : (
                  MEASURES.map((m) => (
                    <Table.Td key={m} ta="right" fw={600}>
                      {count(stats.data?.total[m])}
                    </Table.Td>
                  ))
                )}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        )}
      </Stack>
    </SectionCard>
  );
}
