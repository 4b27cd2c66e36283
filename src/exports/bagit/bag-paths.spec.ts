import {
  assertSafeBagName,
  assertSafeRelativePath,
  BagPathError,
  collisionKey,
  decodeManifestPath,
  encodeManifestPath,
} from 'src/exports/bagit/bag-paths';

describe('assertSafeRelativePath', () => {
  it.each([
    ['a.txt'],
    ['testimonies/W-0007/녹취록.txt'],
    ['with space/and%percent.txt'],
    ['line\nbreak.txt'],
    ['..hidden/x..y'],
  ])('accepts %j', (path) => {
    expect(assertSafeRelativePath(path)).toBe(path);
  });

  it.each([
    ['', 'empty'],
    ['../etc/passwd', 'traversal'],
    ['a/../../b', 'traversal in the middle'],
    ['a/..', 'trailing ..'],
    ['./a', 'dot segment'],
    ['/etc/passwd', 'absolute'],
    ['C:/Windows/x', 'drive letter'],
    ['a\\..\\b', 'backslash'],
    ['a//b', 'empty segment'],
    ['a/', 'trailing slash'],
    ['a\0b', 'NUL'],
  ])('refuses %j (%s)', (path) => {
    expect(() => assertSafeRelativePath(path)).toThrow(BagPathError);
  });
});

describe('assertSafeBagName', () => {
  it('accepts a portable name', () => expect(assertSafeBagName('sillok-export_C-1.2')).toBe('sillok-export_C-1.2'));
  it.each(['', '.', '..', 'a/b', '-x', 'a b', '사건'])('refuses %j', (name) => {
    expect(() => assertSafeBagName(name)).toThrow(BagPathError);
  });
});

describe('manifest path encoding (RFC 8493 §2.1.3)', () => {
  it.each([
    ['plain/path.txt', 'plain/path.txt'],
    ['100%.txt', '100%25.txt'],
    ['a\nb', 'a%0Ab'],
    ['a\r\nb', 'a%0D%0Ab'],
    ['%0A literally', '%250A literally'],
    ['공백 있음.txt', '공백 있음.txt'],
  ])('%j ⇄ %j', (raw, encoded) => {
    expect(encodeManifestPath(raw)).toBe(encoded);
    expect(decodeManifestPath(encoded)).toBe(raw);
  });

  it('decodes lower-case hex and leaves other escapes alone', () => {
    expect(decodeManifestPath('a%0ab%20c')).toBe('a\nb%20c');
  });
});

describe('collisionKey', () => {
  it('folds case and Unicode normalisation', () => {
    expect(collisionKey('Photo.JPG')).toBe(collisionKey('photo.jpg'));
    expect(collisionKey('\u1112\u1161\u11ab.txt')).toBe(collisionKey('한.txt'));
  });
});
