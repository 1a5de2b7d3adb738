// The console's only way to the API: every call carries the signed-in user's own bearer token, so the console can
// never do more than the user may; the API checks the roles, not this file.
// The token lives in this module's memory only (never localStorage or a cookie): a reload or a closed tab signs out,
// and a script injected later cannot find a stored token.

let session = null; // {token, sub, roles}

/** Thrown for any non-2xx answer; carries the status and the problem-details code when there is one. */
export class ApiError extends Error {
  constructor(status, code, detail) {
    super(detail || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
  }
}

export function currentSession() {
  return session;
}

export function signOut() {
  session = null;
}

/** Development sign-in (standalone only): POST /dev/token returns a token for the chosen user id and roles. */
export async function devSignIn(sub, roles) {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({sub, roles}),
  });
  if (!response.ok) {
    throw await errorOf(response);
  }
  const {token} = await response.json();
  session = {token, sub, roles};
  return session;
}

export async function consoleConfig() {
  const response = await fetch('/console/config', {cache: 'no-store'});
  if (!response.ok) {
    throw await errorOf(response);
  }
  return response.json();
}

/** fetch() with the bearer token; JSON in and out. Returns {body, headers}. */
export async function call(method, path, body, extraHeaders = {}) {
  if (!session) {
    throw new ApiError(401, 'UNAUTHENTICATED', 'Not signed in.');
  }
  const headers = {Authorization: `Bearer ${session.token}`, Accept: 'application/json', ...extraHeaders};
  const init = {method, headers, cache: 'no-store'};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    // An Idempotency-Key per click: a retried POST on a flaky network must not act twice.
    if (method === 'POST') {
      headers['Idempotency-Key'] = crypto.randomUUID();
    }
    init.body = JSON.stringify(body);
  }
  const response = await fetch(`/api/v1${path}`, init);
  if (!response.ok) {
    throw await errorOf(response);
  }
  const text = await response.text();
  return {body: text ? JSON.parse(text) : null, headers: response.headers};
}

export function bearer() {
  return session ? `Bearer ${session.token}` : null;
}

export async function errorOf(response) {
  let code = null;
  let detail = null;
  try {
    const problem = await response.json();
    code = problem.code ?? null;
    detail = problem.detail ?? problem.title ?? null;
  } catch {
    // not problem details (a proxy's error page, say): the status is all we know
  }
  return new ApiError(response.status, code, detail);
}
