import { VersionedCache } from 'src/evidence/matrix/versioned-cache';

describe('VersionedCache', () => {
  it('serves a value only at the version it was stored under', () => {
    const cache = new VersionedCache<string>(4);
    cache.set('case-a', '3', 'at 3');
    expect(cache.get('case-a', '3')).toBe('at 3');
    expect(cache.get('case-a', '4')).toBeUndefined();
    expect(cache.get('case-a', '2')).toBeUndefined();
    expect(cache.get('case-b', '3')).toBeUndefined();
  });

  it('keeps the newer value when an older read finishes late', () => {
    const cache = new VersionedCache<string>(4);
    cache.set('case-a', '10', 'at 10');
    cache.set('case-a', '9', 'at 9');
    expect(cache.get('case-a', '10')).toBe('at 10');
    cache.set('case-a', '11', 'at 11');
    expect(cache.get('case-a', '11')).toBe('at 11');
  });

  it('compares versions as numbers, not text', () => {
    const cache = new VersionedCache<string>(4);
    cache.set('case-a', '10', 'at 10');
    cache.set('case-a', '9', 'at 9');
    expect(cache.get('case-a', '9')).toBeUndefined();
  });

  it('drops the least recently used entry beyond its capacity', () => {
    const cache = new VersionedCache<string>(2);
    cache.set('a', '1', 'a');
    cache.set('b', '1', 'b');
    expect(cache.get('a', '1')).toBe('a');
    cache.set('c', '1', 'c');
    expect(cache.size).toBe(2);
    expect(cache.get('b', '1')).toBeUndefined();
    expect(cache.get('a', '1')).toBe('a');
    expect(cache.get('c', '1')).toBe('c');
  });
});
