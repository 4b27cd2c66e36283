import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Place = Schemas['PlaceDto'];

/** Gazetteer places by any spelling (요덕, Yodok, Yoduk, Yodŏk: the API folds romanisations). */
export function usePlaces(term: string) {
  const q = term.trim();
  return useQuery({
    queryKey: ['places', 'search', q],
    queryFn: () => unwrap(api.GET('/places', { params: { query: { q, limit: 15 } } })),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function usePlace(placeId: string | null | undefined) {
  return useQuery({
    queryKey: ['places', 'detail', placeId],
    queryFn: () => unwrap(api.GET('/places/{placeId}', { params: { path: { placeId: placeId! } } })),
    enabled: !!placeId,
    staleTime: 10 * 60_000,
  });
}

/** A place with its Hangul name and where it lies: "Yodok (요덕) · South Hamgyong". */
export function placeOptionLabel(p: Pick<Place, 'name' | 'names' | 'parent'>): string {
  const hangul = p.names.find((n) => n.system === 'hangul')?.name;
  const name = hangul && hangul !== p.name ? `${p.name} (${hangul})` : p.name;
  return p.parent ? `${name} · ${p.parent.name}` : name;
}
