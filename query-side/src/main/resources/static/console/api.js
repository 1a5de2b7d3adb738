// The console's only way to the API: every call is made as the signed-in user, so the console can never do more than
// the user may; the API checks the roles, not this file. Two ways to be signed in:
// - development sign-in (standalone): a bearer token that lives in this module's memory only (never localStorage or a
//   cookie), so a reload or a closed tab signs out and a script injected later cannot find a stored token;
// - single sign-on (OpenID Connect): the server holds the tokens in its session; this page holds only the session
//   cookie (HttpOnly, so not even this script can read it) and the CSRF token that every POST must carry.

let session = null; // {sub, roles, token} (development) or {sub, roles, csrf: {headerName, parameterName, token}}

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

/**
 * Single sign-on: the user the server's session belongs to (GET /console/me), or null when there is no session
 * (it expired: loading / again goes through the identity provider).
 */
export async function sessionSignIn() {
  const response = await fetch('/console/me', {cache: 'no-store'});
  if (response.status === 401) {
    return null;
  }
  if (!response.ok) {
    throw await errorOf(response);
  }
  const {sub, roles, csrf} = await response.json();
  session = {sub, roles, csrf};
  return session;
}

/** Ends the server's session (POST /logout with the CSRF token) as a form post, so the browser follows the redirects. */
export function sessionSignOut() {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = '/logout';
  const csrf = document.createElement('input');
  csrf.type = 'hidden';
  csrf.name = session.csrf.parameterName;
  csrf.value = session.csrf.token;
  form.append(csrf);
  document.body.append(form);
  form.submit();
}

export async function consoleConfig() {
  const response = await fetch('/console/config', {cache: 'no-store'});
  if (!response.ok) {
    throw await errorOf(response);
  }
  return response.json();
}

/** fetch() as the signed-in user; JSON in and out. Returns {body, headers}. */
export async function call(method, path, body, extraHeaders = {}) {
  if (!session) {
    throw new ApiError(401, 'UNAUTHENTICATED', 'Not signed in.');
  }
  const headers = {...authHeaders(), Accept: 'application/json', ...extraHeaders};
  const init = {method, headers, cache: 'no-store'};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    // An Idempotency-Key per click: a retried POST on a flaky network must not act twice.
    if (method === 'POST') {
      headers['Idempotency-Key'] = crypto.randomUUID();
      if (session.csrf) headers[session.csrf.headerName] = session.csrf.token;
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

/** The bearer header with development sign-in; nothing with single sign-on, where the session cookie goes along. */
export function authHeaders() {
  return session?.token ? {Authorization: `Bearer ${session.token}`} : {};
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
