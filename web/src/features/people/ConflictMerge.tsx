import { Button, Group, Radio, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Notice } from './Notice';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { differingFields, mergeIdentity, type Identity, type IdentityField } from './identity';
import { useIdentityFieldText } from './IdentityView';

/**
 * A 409 on saving: someone else saved the identity meanwhile. Shows both versions of every field
 * that differs and lets the user choose, field by field; nothing is overwritten without a choice.
 */
export function ConflictMerge({ mine, theirs, saving, onSave, onCancel }: { mine: Identity; theirs: Identity; saving: boolean; onSave: (merged: Identity) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const text = useIdentityFieldText();
  const fields = differingFields(mine, theirs);
  const [keepMine, setKeepMine] = useState<Set<IdentityField>>(new Set());

  return (
    <Stack gap="sm">
      <Notice color="orange" variant="light" role="alert" title={t('people.conflict.title')}>
        {t('people.conflict.text')}
      </Notice>
      {fields.length === 0 ? (
        <Text>{t('people.conflict.same')}</Text>
      ) : (
        <Table withTableBorder layout="fixed" aria-label={t('people.conflict.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={180}>{t('people.conflict.field')}</Table.Th>
              <Table.Th>{t('people.conflict.mine')}</Table.Th>
              <Table.Th>{t('people.conflict.theirs')}</Table.Th>
              <Table.Th w={220}>{t('people.conflict.keep')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field) => (
              <Table.Tr key={field}>
                <Table.Th>{t(`people.fields.${field}`)}</Table.Th>
                <Table.Td>{text(mine, field)}</Table.Td>
                <Table.Td>{text(theirs, field)}</Table.Td>
                <Table.Td>
                  <Radio.Group
                    label={<VisuallyHidden>{t('people.conflict.choose', { field: t(`people.fields.${field}`) })}</VisuallyHidden>}
                    value={keepMine.has(field) ? 'mine' : 'theirs'}
                    onChange={(v) => {
                      const next = new Set(keepMine);
                      if (v === 'mine') next.add(field);
                      else next.delete(field);
                      setKeepMine(next);
                    }}
                  >
                    <Stack gap={4}>
                      <Radio value="theirs" label={t('people.conflict.takeTheirs')} />
                      <Radio value="mine" label={t('people.conflict.keepMine')} />
                    </Stack>
                  </Radio.Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button loading={saving} onClick={() => onSave(mergeIdentity(mine, theirs, keepMine))}>
          {t('people.conflict.saveMerged')}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('people.conflict.discardMine')}
        </Button>
      </Group>
    </Stack>
  );
}
