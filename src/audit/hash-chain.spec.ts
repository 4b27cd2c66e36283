import { canonicalJson, ChainedFields, entryHash, GENESIS_HASH, linkPending, verifyChainBatch } from 'src/audit/hash-chain';

function chain(n: number): Array<ChainedFields & { hash: string }> {
  const out: Array<ChainedFields & { hash: string }> = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields: ChainedFields = {
      seq: String(i),
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      actorId: null,
      action: 'test.action',
      subjectType: 'thing',
      subjectId: `t${i}`,
      caseId: null,
      details: { n: i, nested: { b: 1, a: [1, 'x'] } },
      correlationId: 'c-1',
      prevHash,
    };
    const hash = entryHash(fields);
    out.push({ ...fields, hash });
    prevHash = hash;
  }
  return out;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });
  it('encodes the same value the same way whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: '한글' })).toBe(canonicalJson({ y: '한글', x: 1 }));
  });
  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ a: Infinity })).toThrow(TypeError);
  });
});

describe('verifyChainBatch', () => {
  const genesis = { seq: 0n, hash: GENESIS_HASH };

  it('accepts an intact chain across batches', () => {
    const entries = chain(6);
    const first = verifyChainBatch(entries.slice(0, 3), genesis);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const second = verifyChainBatch(entries.slice(3), first.last);
    expect(second).toEqual({ ok: true, last: { seq: 6n, hash: entries[5].hash } });
  });

  it('finds an altered entry', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2], details: { n: 99 } };
    const result = verifyChainBatch(entries, genesis);
    expect(result).toMatchObject({ ok: false, verified: 2, last: { seq: 2n }, broken: { seq: '3', reason: 'hash_mismatch' } });
  });

  it('finds an entry whose hash was recomputed after alteration (the next link breaks)', () => {
    const entries = chain(5);
    const altered = { ...entries[1], action: 'forged' };
    const { hash: _old, ...fields } = altered;
    entries[1] = { ...fields, hash: entryHash(fields) };
    expect(verifyChainBatch(entries, genesis)).toMatchObject({ ok: false, broken: { seq: '3', reason: 'prev_hash_mismatch' } });
  });

  it('finds a removed entry', () => {
    const entries = chain(5);
    entries.splice(3, 1);
    expect(verifyChainBatch(entries, genesis)).toMatchObject({ ok: false, broken: { seq: '5', reason: 'sequence_gap' } });
  });
});

describe('linkPending (the sequencer)', () => {
  const content = (i: number) => {
    const { seq: _seq, prevHash: _prev, hash: _hash, ...rest } = chain(i)[i - 1];
    return { id: String(100 + i * 7), ...rest };
  };

  it('links pending entries into exactly the chain the locked writers produced: same positions, same hashes', () => {
    const expected = chain(5);
    const first = linkPending({ seq: 0n, hash: GENESIS_HASH }, [content(1), content(2)]);
    const second = linkPending(first.head, [content(3), content(4), content(5)]);
    const links = [...first.links, ...second.links];
    expect(links.map((l) => l.seq)).toEqual(['1', '2', '3', '4', '5']);
    expect(links.map((l) => l.hash)).toEqual(expected.map((e) => e.hash));
    expect(links.map((l) => l.prevHash)).toEqual(expected.map((e) => e.prevHash));
    expect(links.map((l) => l.id)).toEqual([content(1).id, content(2).id, content(3).id, content(4).id, content(5).id]);
    expect(second.head).toEqual({ seq: 5n, hash: expected[4].hash });
    // And the verifier accepts the result.
    const linked = links.map((l, i) => ({ ...expected[i], seq: l.seq, prevHash: l.prevHash, hash: l.hash }));
    expect(verifyChainBatch(linked, { seq: 0n, hash: GENESIS_HASH }).ok).toBe(true);
  });

  it('continues after an existing head without a gap, and leaves the head as it is when nothing is pending', () => {
    const head = { seq: 41n, hash: 'f'.repeat(64) };
    const { links } = linkPending(head, [content(1)]);
    expect(links[0]).toMatchObject({ seq: '42', prevHash: head.hash });
    expect(linkPending(head, [])).toEqual({ links: [], head });
  });
});
