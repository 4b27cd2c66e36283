import { Autocomplete, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { placeLabel } from './identity';
import { usePlaceSearch } from './queries';

/**
 * A place picked from the gazetteer by any spelling (요덕, Yodok, Yoduk, Yodŏk find the same
 * place; the API folds romanisations). Stores the place's name with its Hangul name, which is
 * what the identity record holds (a text); a place the gazetteer lacks can still be typed.
 */
export function PlacePicker({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const [term] = useDebouncedValue(value, 250);
  const places = usePlaceSearch(term);
  const options = useMemo(() => {
    const byLabel = new Map<string, string>();
    for (const place of places.data?.items ?? []) {
      const text = placeLabel(place);
      if (!byLabel.has(text)) byLabel.set(text, place.parent ? place.parent.name : '');
    }
    return byLabel;
  }, [places.data]);

  return (
    <Autocomplete
      label={label}
      description={t('people.identity.placeHelp')}
      value={value}
      onChange={onChange}
      data={[...options.keys()]}
      // The server already matched every spelling; filtering again here would drop "Yoduk" → Yodok.
      filter={({ options: all }) => all}
      renderOption={({ option }) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm">{option.value}</Text>
          {options.get(option.value) && (
            <Text size="xs" c="dimmed">
              {options.get(option.value)}
            </Text>
          )}
        </Group>
      )}
      autoComplete="off"
    />
  );
}
