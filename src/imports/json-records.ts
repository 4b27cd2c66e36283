import { StringDecoder } from 'node:string_decoder';

/** One record of a JSON import file: its 1-based position and its parsed value, or why it could not be read. */
export interface JsonRecord {
  row: number;
  value?: unknown;
  error?: string;
}

/** The file as a whole cannot be read (unbalanced brackets, text after the array). */
export class JsonFileError extends Error {}

/**
 * Splits a JSON import file into records without holding the file in memory: either one
 * top-level array of objects (`[{…}, {…}]`) or JSON Lines (one object per line; objects may
 * span lines). Each element is parsed on its own, so one bad element is one bad row and the
 * rest still import. Pure apart from reading its input.
 */
export async function* jsonRecords(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<JsonRecord> {
  const decoder = new StringDecoder('utf8');
  let mode: 'start' | 'array' | 'lines' | 'done' = 'start';
  let depth = 0; // nesting inside the current element (array mode: the top array is not counted)
  let inString = false;
  let escaped = false;
  let pieces: string[] = [];
  let started = false;
  let row = 0;

  const finish = (): JsonRecord => {
    row += 1;
    const text = pieces.join('');
    pieces = [];
    started = false;
    try {
      return { row, value: JSON.parse(text) as unknown };
    } catch {
      return { row, error: 'is not valid JSON' };
    }
  };

  const scan = function* (text: string): Generator<JsonRecord> {
    let segment = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (mode === 'done') {
        if (!/\s/.test(c)) throw new JsonFileError('there is content after the closing ] of the JSON array');
        continue;
      }
      if (mode === 'start') {
        if (c === '\uFEFF' || /\s/.test(c)) { segment = i + 1; continue; }
        if (c === '[') { mode = 'array'; segment = i + 1; continue; }
        mode = 'lines';
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') { inString = true; started = true; continue; }
      if (c === '{' || c === '[') { depth += 1; started = true; continue; }
      if (c === '}' || c === ']') {
        if (depth === 0) {
          if (mode === 'array' && c === ']') {
            pieces.push(text.slice(segment, i));
            if (started) yield finish();
            else if (row > 0 || pieces.join('').trim()) throw new JsonFileError('the JSON array has an empty element');
            pieces = [];
            mode = 'done';
            segment = i + 1;
            continue;
          }
          throw new JsonFileError('the JSON has an unmatched closing bracket');
        }
        depth -= 1;
        continue;
      }
      if (depth === 0) {
        const ends = mode === 'array' ? c === ',' : c === '\n';
        if (ends) {
          pieces.push(text.slice(segment, i));
          segment = i + 1;
          if (started) yield finish();
          else if (mode === 'array') throw new JsonFileError('the JSON array has an empty element');
          else pieces = [];
          continue;
        }
        if (!/\s/.test(c)) started = true;
      }
    }
    if (mode !== 'done' && mode !== 'start') pieces.push(text.slice(segment));
  };

  for await (const chunk of chunks) {
    yield* scan(typeof chunk === 'string' ? chunk : decoder.write(chunk));
  }
  yield* scan(decoder.end());
  // `mode` changes inside scan(); widen it again for the checks below.
  const ended = mode as string;
  if (ended === 'array') throw new JsonFileError('the JSON array is not closed');
  if (inString || depth > 0) throw new JsonFileError('the JSON file ends inside a value');
  if (ended === 'lines' && started) yield finish();
}
