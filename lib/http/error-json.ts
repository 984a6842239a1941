// The API's error envelope, `{ error: { code, message } }`, for the few answers that are not an AppError
// thrown inside a handler (an endpoint that is switched off, a wrong method, a refused push).
export function errorJson(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}
