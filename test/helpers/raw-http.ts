import { Agent, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Starts the app's HTTP server on a free loopback port (once) and returns the port. */
export async function listenOnce(server: Server): Promise<number> {
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as AddressInfo).port;
}

/**
 * A plain HTTP client for bodies supertest cannot send: raw bytes, truncated multipart, bodies
 * built as JSON text (deep nesting, lone surrogates). Keeps a few connections alive.
 */
export class RawClient {
  private readonly agent: Agent;

  constructor(readonly port: number, maxSockets = 6) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  send(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<RawResponse> {
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    return new Promise<RawResponse>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: this.port, method, path, agent: this.agent, headers: { ...headers, ...(payload ? { 'Content-Length': String(payload.length) } : {}) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * An upload sent by hand over a socket: the head announces `announcedLength` body bytes, the
 * test writes some of them and then drops the connection (a client that goes away mid-upload).
 */
export async function openUpload(port: number, method: string, path: string, headers: Record<string, string>, announcedLength: number): Promise<{ write(chunk: Buffer): Promise<void>; abort(): Promise<void> }> {
  const socket = connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.on('error', () => undefined);
  const head = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', `Content-Length: ${announcedLength}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
  socket.write(head);
  return {
    write: (chunk) => new Promise<void>((resolve) => socket.write(chunk, () => resolve())),
    abort: () => new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.destroy();
    }),
  };
}

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer | string;
  /** Raw header lines instead of the generated Content-Disposition (for malformed parts). */
  rawHeaders?: string;
}

/** A multipart/form-data body; `close: false` leaves out the closing boundary. */
export function multipartBody(boundary: string, parts: MultipartPart[], close = true): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const headers = part.rawHeaders ?? [
      `Content-Disposition: form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`,
      ...(part.contentType ? [`Content-Type: ${part.contentType}`] : []),
    ].join('\r\n');
    chunks.push(Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`, 'utf8'), Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8'), Buffer.from('\r\n'));
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  else if (chunks.length) chunks.pop();
  return Buffer.concat(chunks);
}
