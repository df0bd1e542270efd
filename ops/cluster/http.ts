// A logged-in session for the cluster test and benchmark: its cookies (the session and the
// recent-write cookie of platform/http/read-routing.ts) and CSRF token, kept like a browser would.

export type Session = {
  get: (url: string, base?: string) => Promise<Response>;
  put: (url: string, body: unknown, base?: string) => Promise<Response>;
  /** Forget the recent-write cookie (a session that has not written lately). */
  forgetWrites: () => void;
};

const cookiesOf = (res: Response) =>
  (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).filter(Boolean);

export const login = async (base: string, username: string, password: string): Promise<Session> => {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of cookiesOf(r)) {
      const [name, ...value] = c.split('=');
      if (value.join('=') === '') jar.delete(name);
      else jar.set(name, value.join('='));
    }
  };
  keep(res);
  jar.delete('dv_wrote');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return {
    get: async (url, b = base) => {
      const r = await fetch(`${b}${url}`, { headers: { cookie: cookie() } });
      keep(r);
      return r;
    },
    put: async (url, body, b = base) => {
      const r = await fetch(`${b}${url}`, {
        method: 'PUT',
        headers: {
          cookie: cookie(),
          'x-csrf-token': csrfToken,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      keep(r);
      return r;
    },
    forgetWrites: () => jar.delete('dv_wrote'),
  };
};

/** The fields a member edit sends back: the record without what the server computes. */
export const editable = (m: Record<string, unknown>) => {
  const {
    id: _id,
    status: _s,
    standing: _st,
    orgUnitId: _o,
    orgUnitName: _on,
    orgUnitPath: _op,
    admittedOn: _a,
    recognisedOn: _r,
    partyAgeFrom: _p,
    partyAgeYears: _py,
    temporarilyAway: _t,
    sensitiveHidden: _sh,
    canEdit: _ce,
    events: _e,
    updatedAt: _u,
    ...fields
  } = m;
  return fields;
};

/** Read a member's record and write it back with another position; the answer's status. */
export const setPosition = async (
  s: Session,
  memberId: number,
  position: string,
  base?: string,
) => {
  const read = await s.get(`/api/members/${memberId}`, base);
  if (read.status !== 200) return read.status;
  const record = (await read.json()) as Record<string, unknown>;
  const res = await s.put(`/api/members/${memberId}`, { ...editable(record), position }, base);
  await res.arrayBuffer();
  return res.status;
};
