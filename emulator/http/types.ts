/**
 * The emulator's request/response values. Handlers return a response value instead of writing to the socket,
 * so the same Gmail handlers serve both plain HTTP requests and the parts of a batch request.
 */
export interface EmuRequest {
  method: string;
  /** Path without the query string, e.g. `/gmail/v1/users/me/messages`. */
  path: string;
  /** Path with its query string, as the client sent it (used by the request log). */
  pathWithQuery: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  body: Buffer;
  /** `http://host:port` the client used to reach the emulator (no trailing slash). */
  origin: string;
}

export interface BatchPartLog {
  method: string;
  path: string;
  status: number;
}

export interface EmuResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
  /** Set by the batch endpoint so the request log can show what each part did. */
  parts?: BatchPartLog[];
}

export type Params = Record<string, string>;

export type Handler = (req: EmuRequest, params: Params) => EmuResponse | Promise<EmuResponse>;
