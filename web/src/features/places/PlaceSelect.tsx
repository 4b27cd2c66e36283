import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeOptionLabel, usePlaces } from './queries';

export interface PickedPlace {
  id: string;
  label: string;
}

/**
 * Picks a gazetteer place by any spelling: typing Yoduk, Yodok, Yodeok or 요덕 lists the same
 * place (the API matches every romanisation). The value is the place's id.
 */
export function PlaceSelect({ label, value, onChange, error, description }: { label: string; value: PickedPlace | null; onChange: (place: PickedPlace | null) => void; error?: string; description?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.label ?? '');
  const [term] = useDebouncedValue(search === value?.label ? '' : search, 250);
  const places = usePlaces(term);
  const data = useMemo(() => {
    const options = (places.data?.items ?? []).map((p) => ({ value: p.id, label: placeOptionLabel(p) }));
    if (value && !options.some((o) => o.value === value.id)) options.unshift({ value: value.id, label: value.label });
    return options;
  }, [places.data, value]);

  return (
    <Select
      label={label}
      description={description ?? t('places.pickerHelp')}
      placeholder={t('places.pickerPlaceholder')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      value={value?.id ?? null}
      onChange={(id, option) => onChange(id ? { id, label: option?.label ?? '' } : null)}
      data={data}
      // The server already matched every spelling; filtering again here would drop Yoduk → Yodok.
      filter={({ options }) => options}
      nothingFoundMessage={term ? t('places.noneFound') : undefined}
      error={error}
    />
  );
}
