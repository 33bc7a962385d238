import { endpoints } from "@thuocdo/contract";

/** A signed-in user's headers: the session cookie and the CSRF token unsafe methods need. */
export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export async function login(baseUrl: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${baseUrl}${endpoints.login.path}`, {
    method: "POST",
    // Anonymous callers send the header at all (a cross-site form cannot): "login" as the form does.
    headers: { "content-type": "application/json", origin: baseUrl, "x-csrf-token": "login" },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const body = (await response.json()) as { csrfToken: string };
  return {
    cookie,
    csrf: body.csrfToken,
    headers: { cookie, "x-csrf-token": body.csrfToken, origin: baseUrl, "content-type": "application/json" },
  };
}

export async function getJson<T>(baseUrl: string, session: Session, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: session.headers });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function sendJson<T>(
  baseUrl: string,
  session: Session,
  method: string,
  path: string,
  body: unknown,
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { method, headers: session.headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
