import { decodeText } from './decodeText';

export class UnsupportedFileError extends Error {}

/**
 * The text of a chosen .txt or .docx file. mammoth (its browser build) is loaded only here, when
 * a .docx is chosen, so no other screen pays for it.
 */
export async function loadTextFile(file: File): Promise<string> {
  const name = file.name.toLowerCase();
  const buffer = await file.arrayBuffer();
  if (name.endsWith('.docx')) {
    const mammoth = (await import('mammoth/mammoth.browser.js')).default;
    const result = await mammoth.extractRawText({ arrayBuffer: buffer });
    return result.value.replace(/\n{3,}/g, '\n\n').trim();
  }
  if (name.endsWith('.txt') || file.type.startsWith('text/')) return decodeText(new Uint8Array(buffer));
  throw new UnsupportedFileError(file.name);
}
