import { Anchor, Box, Group, List, Loader, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatIncidentDate } from '../incidents/dates';
import outline from './map-outline.json';
import { pointRadius, projection, ringsPath } from './projection';
import { useIncidentMap, type IncidentMapPoint } from './queries';

const KOREA = new Set(['KP', 'KR']);

/**
 * The case's incidents on a map drawn here, in SVG, from an outline shipped with the app (Natural
 * Earth, public domain: scripts/map-outline.js). No tiles and no request leaves the app's origin,
 * so nobody outside learns which places a team looks at. Points are sized by their number of
 * incidents; choosing one (click, or Enter on the focused point, or the list beside) lists them.
 */
export function IncidentMap({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const map = useIncidentMap(caseId);
  const [selected, setSelected] = useState<number | null>(null);
  const proj = useMemo(() => projection(outline.view), []);
  const land = useMemo(() => outline.countries.map((c) => ({ code: c.code, d: ringsPath(c.rings, proj.project) })), [proj]);
  const points = map.data?.points ?? [];
  const largest = Math.max(1, ...points.map((p) => p.incidents.length));
  const name = (p: IncidentMapPoint) => p.place?.name ?? t('statistics.map.coordinates', { lat: p.latitude.toFixed(2), lon: p.longitude.toFixed(2) });
  const pointLabel = (p: IncidentMapPoint) => t('statistics.map.pointLabel', { place: name(p), count: String(p.incidents.length) });
  const chosen = selected !== null ? points[selected] : undefined;
  const outside = points.filter((p) => !proj.contains(p.longitude, p.latitude)).length;

  return (
    <SectionCard title={t('statistics.map.title')} explain={t('statistics.map.explain')}>
      {map.error && <ErrorAlert error={map.error} />}
      {map.isPending && <Loader aria-label={t('common.loading')} />}
      {map.data && (
        <Group align="flex-start" gap="lg" wrap="wrap">
          <Box maw={560} style={{ flex: '1 1 360px' }}>
            <svg viewBox={`0 0 ${proj.width.toFixed(0)} ${proj.height.toFixed(0)}`} width="100%" role="group" aria-label={t('statistics.map.label')} data-testid="incident-map" style={{ background: '#dbe9f4', display: 'block' }}>
              {land.map((c) => (
                <path key={c.code} d={c.d} fill={KOREA.has(c.code) ? '#f4f1e8' : '#e2e0d8'} stroke="#8a8574" strokeWidth={0.8} strokeLinejoin="round" aria-hidden="true" />
              ))}
              {points.map((p, i) => {
                if (!proj.contains(p.longitude, p.latitude)) return null;
                const [x, y] = proj.project(p.longitude, p.latitude);
                const active = i === selected;
                return (
                  <circle
                    key={`${p.latitude},${p.longitude},${p.place?.id ?? ''}`}
                    cx={x}
                    cy={y}
                    r={pointRadius(p.incidents.length, largest)}
                    fill={active ? '#a61e4d' : '#3b5bdb'}
                    fillOpacity={0.75}
                    stroke="#1b1b3a"
                    strokeWidth={active ? 2.5 : 1}
                    role="button"
                    tabIndex={0}
                    aria-label={pointLabel(p)}
                    aria-pressed={active}
                    data-testid="map-point"
                    style={{ cursor: 'pointer' }}
                    onClick={() => setSelected(i)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        setSelected(i);
                      }
                    }}
                  >
                    <title>{pointLabel(p)}</title>
                  </circle>
                );
              })}
            </svg>
            <Text size="xs" c="dimmed" mt={4}>
              {t('statistics.map.attribution')}
            </Text>
          </Box>
          <Stack gap="sm" style={{ flex: '1 1 260px' }}>
            {points.length === 0 && <Text c="dimmed">{t('statistics.map.none')}</Text>}
            {points.length > 0 && (
              <Table aria-label={t('statistics.map.placesLabel')} withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('statistics.map.place')}</Table.Th>
                    <Table.Th ta="right">{t('statistics.measures.incidents')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {points.map((p, i) => (
                    <Table.Tr key={`${p.latitude},${p.longitude},${p.place?.id ?? ''}`}>
                      <Table.Td>
                        <UnstyledButton onClick={() => setSelected(i)} aria-pressed={i === selected} td="underline" c="indigo.8">
                          {name(p)}
                        </UnstyledButton>
                        {p.approximate && (
                          <Text size="xs" c="dimmed">
                            {t('statistics.map.approximate')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{p.incidents.length}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {map.data.unplaced > 0 && <Text size="sm">{t('statistics.map.unplaced', { count: String(map.data.unplaced) })}</Text>}
            {outside > 0 && <Text size="sm">{t('statistics.map.outside', { count: String(outside) })}</Text>}
            {chosen && (
              <Box aria-live="polite">
                <Text fw={600} id="map-selected-heading">
                  {t('statistics.map.incidentsAt', { place: name(chosen) })}
                </Text>
                <List aria-labelledby="map-selected-heading" spacing={4} size="sm">
                  {chosen.incidents.map((inc) => (
                    <List.Item key={inc.id}>
                      <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/incidents/$incidentId" params={{ caseId, incidentId: inc.id }} />}>
                        {inc.code} · {inc.title}
                      </Anchor>{' '}
                      <Text span size="sm" c="dimmed">
                        {formatIncidentDate(inc.date, i18n.language, t)}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </Box>
            )}
          </Stack>
        </Group>
      )}
    </SectionCard>
  );
}
