import { changedFields, fieldConflicts, mergeCaseEdit } from './case-merge';

const base = { title: 'Yodok', description: 'Kwanliso 15' };

describe('case edit merge', () => {
  it('lists only the fields where my version and theirs differ, suggesting mine where I edited', () => {
    const mine = { title: 'Yodok camp', description: 'Kwanliso 15' };
    const theirs = { title: 'Yodok 1990', description: 'Kwanliso 15, testimonies' };
    expect(fieldConflicts(base, mine, theirs)).toEqual([
      { field: 'title', mine: 'Yodok camp', theirs: 'Yodok 1990', suggested: 'mine' },
      { field: 'description', mine: 'Kwanliso 15', theirs: 'Kwanliso 15, testimonies', suggested: 'theirs' },
    ]);
  });

  it('no conflict when both sides agree', () => {
    const same = { title: 'Same', description: 'x' };
    expect(fieldConflicts(base, same, same)).toEqual([]);
  });

  it('merges per field by the user’s choice, else by the suggestion', () => {
    const mine = { title: 'Mine', description: 'My text' };
    const theirs = { title: 'Theirs', description: 'Their text' };
    const conflicts = fieldConflicts(base, mine, theirs);
    expect(mergeCaseEdit(conflicts, theirs, {})).toEqual({ title: 'Mine', description: 'My text' });
    expect(mergeCaseEdit(conflicts, theirs, { title: 'theirs' })).toEqual({ title: 'Theirs', description: 'My text' });
    expect(mergeCaseEdit(conflicts, theirs, { title: 'theirs', description: 'theirs' })).toEqual(theirs);
  });

  it('a save carries only the fields that differ from the server', () => {
    expect(changedFields(base, { title: 'Yodok', description: 'new' })).toEqual({ description: 'new' });
    expect(changedFields(base, base)).toEqual({});
  });
});
