import { SESSION_EXPIRED_EVENT, type Schemas } from '../../api/client';
import { ApiError, type ErrorBody } from '../../api/errors';

export type FileInfo = Schemas['FileDto'];

/**
 * Uploads one file as multipart/form-data with XMLHttpRequest, whose upload progress events fetch
 * cannot give. Same session as the api client: the httpOnly cookie (same origin) and the CSRF
 * header; a 401 asks to sign in again like every other call. Fields go before the file.
 */
export function uploadWithProgress(caseId: string, file: File, fields: Record<string, string>, onProgress: (fraction: number) => void): Promise<FileInfo> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/cases/${encodeURIComponent(caseId)}/files`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-Sillok-CSRF', '1');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(xhr.response as FileInfo);
        return;
      }
      if (xhr.status === 401) window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
      reject(new ApiError(xhr.status, (xhr.response ?? undefined) as ErrorBody | undefined));
    };
    xhr.onerror = () => reject(new ApiError(0, { statusCode: 0, error: 'NETWORK', message: 'network error' }));
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file);
    xhr.send(form);
  });
}

/** Files up to this size are hashed in the browser before sending (they are read into memory). */
export const HASH_IN_BROWSER_MAX = 256 * 1024 * 1024;

/** SHA-256 of a file's bytes, hex, computed by the browser (Web Crypto). */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The kind the API files it under, from the browser's media type. */
export function fileKind(mediaType: string): 'audio' | 'video' | 'image' | 'document' | 'other' {
  const top = mediaType.split('/')[0];
  if (top === 'audio' || top === 'video' || top === 'image') return top;
  if (/pdf|msword|officedocument|opendocument|text\/|rtf/.test(mediaType)) return 'document';
  return 'other';
}
