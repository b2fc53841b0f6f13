import { LruMap } from '../../src/shared/lru-map';

test('keeps at most its capacity, forgetting the least recently used first', () => {
  const map = new LruMap<string, number>(2);
  map.set('a', 1);
  map.set('b', 2);
  expect(map.get('a')).toBe(1); // 'a' is now the most recent
  map.set('c', 3);
  expect(map.has('b')).toBe(false);
  expect([map.get('a'), map.get('c')]).toEqual([1, 3]);
  map.set('a', 10); // overwriting forgets nothing
  expect([map.get('a'), map.get('c')]).toEqual([10, 3]);
});

test('remembers an undefined value as a value', () => {
  const map = new LruMap<string, number | undefined>(2);
  map.set('unparseable', undefined);
  expect(map.has('unparseable')).toBe(true);
  expect(map.get('missing')).toBeUndefined();
});
