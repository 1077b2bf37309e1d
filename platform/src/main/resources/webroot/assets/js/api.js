// Talks to /api/v1 the way a script would, and turns every failure into an ApiError with words a
// person can act on: the server's problem document, or why there was no answer at all.

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

async function failure(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.startsWith('application/problem+json')) {
    const problem = await response.json();
    return new ApiError(response.status, problem.title, problem.detail);
  }
  return new ApiError(response.status, `The server answered ${response.status}`, response.statusText);
}

function unreachable(cause) {
  return new ApiError(0, 'The server does not answer',
    'Gauntlet could not be reached. Check your connection; your work is kept in this page and saved again once the ' +
    'server answers. (' + cause.message + ')');
}

export async function api(method, path, { body, token, raw } = {}) {
  const headers = {};
  if (token) headers.Authorization = 'Bearer ' + token;
  if (body !== undefined && !raw) headers['Content-Type'] = 'application/json';
  if (raw) headers['Content-Type'] = raw;
  let response;
  try {
    response = await fetch(path, { method, headers, body: raw ? body : body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw unreachable(e);
  }
  if (!response.ok) throw await failure(response);
  if (response.status === 204) return { data: null, response };
  const type = response.headers.get('Content-Type') || '';
  return { data: type.includes('json') ? await response.json() : await response.text(), response };
}

// Server-sent events read with fetch, which can carry the session token (EventSource cannot).
export async function events(path, token, onEvent, signal) {
  let response;
  try {
    response = await fetch(path, { headers: { Authorization: 'Bearer ' + token }, signal });
  } catch (e) {
    if (signal && signal.aborted) return;
    throw unreachable(e);
  }
  if (!response.ok) throw await failure(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) name = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (data.length) onEvent(name, JSON.parse(data.join('\n')));
    }
  }
}

// Sessions live in this tab only: closing it signs out, and a reload keeps it.
export const sessions = {
  staff() { return JSON.parse(sessionStorage.getItem('gauntlet.staff') || 'null'); },
  saveStaff(session) { sessionStorage.setItem('gauntlet.staff', JSON.stringify(session)); },
  candidate() { return JSON.parse(sessionStorage.getItem('gauntlet.candidate') || 'null'); },
  saveCandidate(session) { sessionStorage.setItem('gauntlet.candidate', JSON.stringify(session)); },
  clear() { sessionStorage.removeItem('gauntlet.staff'); sessionStorage.removeItem('gauntlet.candidate'); },
};
