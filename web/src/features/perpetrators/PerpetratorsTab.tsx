import { Anchor, Badge, Button, Group, Loader, NativeSelect, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { fieldError } from '../cases/field-error';
import { useCreatePerpetrator, usePerpetrators, type Perpetrator } from './queries';
import { unitForest, type TreeNode } from './unitTree';

const route = getRouteApi('/cases/$caseId/perpetrators');
export const UNIT_TYPES = ['ministry', 'security_agency', 'police', 'military', 'party_department', 'camp_administration', 'guard_unit', 'judiciary', 'other'] as const;

/** The perpetrators of a case: the unit tree (each unit under the one above it) and the individuals by pseudonym code. */
export function PerpetratorsTab() {
  const { t } = useTranslation();
  const { caseId } = route.useParams();
  const all = usePerpetrators(caseId);
  if (all.isPending) return <Loader aria-label={t('common.loading')} />;
  if (all.error) return <ErrorAlert error={all.error} />;
  const units = all.data.items.filter((p) => p.kind === 'unit');
  const individuals = all.data.items.filter((p) => p.kind === 'individual');
  const forest = unitForest(units);
  return (
    <Stack mt="md" gap="md">
      <SectionCard order={3} title={t('perpetrators.unitTree')} explain={t('perpetrators.unitTreeHelp')}>
        {forest.length === 0 ? (
          <Text size="sm" c="dimmed">{t('perpetrators.noUnits')}</Text>
        ) : (
          <ul role="tree" aria-label={t('perpetrators.unitTree')} style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
            {forest.map((node) => (
              <UnitNode key={node.unit.id} caseId={caseId} node={node} level={1} />
            ))}
          </ul>
        )}
      </SectionCard>
      <NewUnitForm caseId={caseId} units={units} />
      <SectionCard order={3} title={t('perpetrators.individuals')}>
        {individuals.length === 0 ? (
          <Text size="sm" c="dimmed">{t('perpetrators.noIndividuals')}</Text>
        ) : (
          <Table aria-label={t('perpetrators.individuals')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('perpetrators.code')}</Table.Th>
                <Table.Th>{t('perpetrators.currentPositions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {individuals.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/perpetrators/$perpetratorId" params={{ caseId, perpetratorId: p.id }} />}>{p.code}</Anchor>
                  </Table.Td>
                  <Table.Td>{p.positions.map((x) => [x.title, x.unit?.name].filter(Boolean).join(', ')).join(' · ') || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </SectionCard>
    </Stack>
  );
}

function UnitNode({ caseId, node, level }: { caseId: string; node: TreeNode<Perpetrator>; level: number }) {
  const { t } = useTranslation();
  const u = node.unit;
  return (
    <li role="treeitem" aria-level={level} aria-expanded={node.children.length > 0 ? true : undefined} aria-selected={false} style={{ paddingLeft: level > 1 ? 20 : 0, borderLeft: level > 1 ? '1px solid var(--mantine-color-gray-4)' : undefined }}>
      <Group gap="xs" py={2}>
        <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/perpetrators/$perpetratorId" params={{ caseId, perpetratorId: u.id }} />}>{u.name ?? u.code}</Anchor>
        {u.nameHangul && <Text span size="sm">{u.nameHangul}</Text>}
        <Text span size="xs" c="dimmed">{u.code}</Text>
        {u.unitType && <Badge size="xs" variant="outline" color="dark">{t(`perpetrators.unitTypes.${u.unitType}`)}</Badge>}
      </Group>
      {node.children.length > 0 && (
        <ul role="group" style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
          {node.children.map((c) => (
            <UnitNode key={c.unit.id} caseId={caseId} node={c} level={level + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

function NewUnitForm({ caseId, units }: { caseId: string; units: Perpetrator[] }) {
  const { t } = useTranslation();
  const create = useCreatePerpetrator(caseId);
  const [name, setName] = useState('');
  const [nameHangul, setNameHangul] = useState('');
  const [unitType, setUnitType] = useState<(typeof UNIT_TYPES)[number]>('security_agency');
  const [parentId, setParentId] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    create.mutate({ kind: 'unit', name: name.trim(), nameHangul: nameHangul.trim() || undefined, unitType, parentId: parentId ?? undefined }, {
      onSuccess: () => {
        setName('');
        setNameHangul('');
      },
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="new-unit-title">
      <Stack gap="xs">
        <Title order={3} size="h4" id="new-unit-title">{t('perpetrators.newUnit')}</Title>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput label={t('perpetrators.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required error={fieldError(t, create.error, 'name')} w={260} />
          <TextInput label={t('perpetrators.nameHangul')} value={nameHangul} onChange={(e) => setNameHangul(e.currentTarget.value)} w={180} />
          <NativeSelect label={t('perpetrators.unitType')} value={unitType} onChange={(e) => setUnitType(e.currentTarget.value as (typeof UNIT_TYPES)[number])} data={UNIT_TYPES.map((u) => ({ value: u, label: t(`perpetrators.unitTypes.${u}`) }))} w={200} />
          <Select label={t('perpetrators.parent')} value={parentId} onChange={setParentId} data={units.map((u) => ({ value: u.id, label: `${u.name ?? u.code} (${u.code})` }))} clearable searchable w={260} />
          <Button type="submit" loading={create.isPending}>{t('perpetrators.addUnit')}</Button>
        </Group>
        {create.error && <ErrorAlert error={create.error} />}
      </Stack>
    </form>
  );
}
