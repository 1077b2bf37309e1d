// The candidate's workspace: the statement, an editor per file seeded with the starter or the
// saved draft, Run on the public tests, Submit, progress test by test, the verdict, and the clock.
import { api, events, sessions } from './api.js';
import { el, replace, showError, errorBox, when, verdictLabel, header } from './ui.js';
import { performanceBlock } from './chart.js';

const MODES = { java: 'text/x-java', python: 'python', node: 'javascript', go: 'text/x-go', sql: 'text/x-sql' };
const SAVE_AFTER_MS = 800;

const page = document.getElementById('page');
const top = document.getElementById('top');
const state = { session: null, attempt: null, details: {}, work: {}, current: null, file: null, editor: null,
  skewMs: 0, saveTimer: null, pendingSave: null, stream: null, submissions: [] };

function call(method, path, body) {
  return api(method, path, { body, token: state.session.token }).then((r) => r.data);
}

// The token is taken from the link's fragment, which browsers never send anywhere, exchanged once,
// and then dropped from the address bar: a reload uses the session this tab keeps.
async function open() {
  const token = location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : null;
  if (token) {
    history.replaceState(null, '', '/take');
    try {
      const { data, response } = await api('POST', '/api/v1/attempts', { body: { token } });
      state.skewMs = skew(response);
      sessions.saveCandidate({ attemptId: data.attempt.id, token: data.token, expiresAt: data.expiresAt });
    } catch (error) {
      if (!sessions.candidate()) throw error;
    }
  }
  state.session = sessions.candidate();
  if (!state.session) {
    throw { title: 'No attempt is open here', detail: 'Open the invitation link you were sent. A link works once;'
      + ' if yours was used already, ask the person who invited you for a new one.' };
  }
  const { data, response } = await api('GET', '/api/v1/attempts/' + state.session.attemptId,
    { token: state.session.token });
  state.skewMs = skew(response);
  state.attempt = data;
  const drafts = await call('GET', `/api/v1/attempts/${data.id}/drafts`);
  for (const draft of drafts) state.work[draft.challenge] = { language: draft.language, files: { ...draft.files } };
  state.submissions = await call('GET', `/api/v1/attempts/${data.id}/submissions`);
}

function skew(response) {
  const server = Date.parse(response.headers.get('Date'));
  return Number.isNaN(server) ? 0 : server - Date.now();
}

function now() {
  return Date.now() + state.skewMs;
}

function running() {
  return state.attempt.status === 'STARTED' && Date.parse(state.attempt.deadline) > now();
}

function renderTop() {
  const clock = el('span', { class: 'clock', id: 'clock', role: 'timer', 'aria-live': 'off' });
  const finish = el('button', { type: 'button', id: 'finish', disabled: !running() }, 'Finish');
  finish.addEventListener('click', async () => {
    if (finish.dataset.confirm !== 'yes') {
      finish.dataset.confirm = 'yes';
      finish.textContent = 'Finish now? Click again';
      return;
    }
    try {
      state.attempt = await call('POST', `/api/v1/attempts/${state.attempt.id}/finish`);
      renderTop();
      renderChallenge();
    } catch (error) {
      showError(document.getElementById('messages'), error);
    }
  });
  replace(top, header(state.attempt.assessmentName, clock, finish));
  tick();
}

function tick() {
  const clock = document.getElementById('clock');
  if (!clock) return;
  if (state.attempt.status === 'SUBMITTED') {
    clock.textContent = 'Finished';
    return;
  }
  const left = Math.max(0, Date.parse(state.attempt.deadline) - now());
  const minutes = Math.floor(left / 60000);
  const seconds = Math.floor((left % 60000) / 1000);
  clock.textContent = `${minutes}:${String(seconds).padStart(2, '0')} left`;
  clock.classList.toggle('low', left < 5 * 60000);
  if (left === 0 && state.attempt.status === 'STARTED') {
    state.attempt.status = 'EXPIRED';
    renderTop();
    renderChallenge();
  }
}

async function detail(challenge) {
  if (!state.details[challenge]) {
    state.details[challenge] = await call('GET', `/api/v1/attempts/${state.attempt.id}/challenges/${challenge}`);
  }
  return state.details[challenge];
}

// Each challenge keeps its code per language, so that trying another language loses nothing.
function work(challenge, detail) {
  if (!state.work[challenge]) {
    const language = Object.keys(detail.starters).find((l) => state.attempt.languages.includes(l));
    state.work[challenge] = { language, files: { ...detail.starters[language] } };
  }
  const w = state.work[challenge];
  w.byLanguage = w.byLanguage || { [w.language]: w.files };
  return w;
}

async function renderChallenge() {
  const challenge = state.current;
  const d = await detail(challenge);
  const w = work(challenge, d);
  const tabs = challengeTabs();
  const statement = el('div', { class: 'statement card' });
  // Rendered by the server from Markdown with raw HTML escaped: safe to insert as it is.
  statement.innerHTML = d.statementHtml;
  const publicTests = (d.publicTests || []).map((t) => el('details', {}, el('summary', {}, 'Example ' + t.name),
    el('h3', {}, 'Input'), el('pre', {}, t.input), el('h3', {}, 'Expected output'), el('pre', {}, t.answer)));
  const languages = Object.keys(d.starters).filter((l) => state.attempt.languages.includes(l));
  const language = el('select', { id: 'language', 'aria-label': 'Language', disabled: !running() },
    languages.map((l) => el('option', { value: l, selected: l === w.language }, l)));
  language.addEventListener('change', () => {
    w.language = language.value;
    w.files = w.byLanguage[w.language] || (w.byLanguage[w.language] = { ...d.starters[w.language] });
    state.file = null;
    renderChallenge();
    scheduleSave();
  });
  const paths = Object.keys(w.files).sort();
  if (!paths.includes(state.file)) state.file = paths[0];
  const files = el('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Files' }, paths.map((p) =>
    el('button', { type: 'button', role: 'tab', 'aria-selected': String(p === state.file),
      onclick: () => { state.file = p; renderChallenge(); } }, p)));
  const editorHost = el('div', { id: 'editor' });
  const canRun = d.runnable;
  const runButton = el('button', { type: 'button', id: 'run', disabled: !running() || !canRun,
    title: canRun ? 'Judge on the public tests only; it does not count' : 'This challenge has no public tests' },
  'Run public tests');
  const submitButton = el('button', { type: 'button', id: 'submit', class: 'primary', disabled: !running() },
    'Submit');
  runButton.addEventListener('click', () => send(true));
  submitButton.addEventListener('click', () => send(false));
  const closed = running() ? null : el('div', { class: 'notice', id: 'closed' }, state.attempt.status === 'SUBMITTED'
    ? 'You finished this attempt. Your submissions stand as they are.'
    : 'Time is up. The last submission of each challenge counts; nothing more is taken.');
  replace(page, el('h1', { class: 'sr-only' }, state.attempt.assessmentName), tabs, closed,
    el('div', { id: 'messages', 'aria-live': 'assertive' }),
    el('div', { class: 'split' },
      el('section', { 'aria-label': 'Statement' }, statement, publicTests),
      el('section', { 'aria-label': 'Your code' },
        el('div', { class: 'row' }, el('label', { for: 'language' }, 'Language'), language,
          el('span', { class: 'grow' }), el('span', { id: 'saved', class: 'muted', 'aria-live': 'polite' })),
        files, editorHost,
        el('p', { class: 'muted' }, 'Tab indents; press Esc to leave the editor with the keyboard.'),
        el('div', { class: 'row' }, runButton, submitButton),
        el('div', { id: 'result' }), earlier(challenge))));
  state.editor = window.CodeMirror(editorHost, { value: w.files[state.file], mode: MODES[w.language],
    lineNumbers: true, matchBrackets: true, indentUnit: 4, readOnly: !running(),
    extraKeys: { Esc: (cm) => cm.getInputField().blur() } });
  state.editor.getInputField().setAttribute('aria-label', `Code of ${state.file}`);
  state.editor.on('change', () => {
    w.files[state.file] = state.editor.getValue();
    scheduleSave();
  });
}

function challengeTabs() {
  return el('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Challenges', id: 'challenges' },
    state.attempt.score.challenges.map((c) => el('button', { type: 'button', role: 'tab',
      'aria-selected': String(c.challenge === state.current), onclick: () => select(c.challenge) },
    `${c.title} (${c.score}/${c.maxScore})`)));
}

function earlier(challenge) {
  const mine = state.submissions.filter((s) => s.challenge === challenge).reverse();
  if (!mine.length) return null;
  return el('div', {}, el('h2', {}, 'Earlier'), el('ul', { id: 'history' }, mine.map((s) => el('li', {},
    `${when(s.createdAt)} · ${s.run ? 'run' : 'submission'} · `, verdictLabel(s.verdict),
    s.run || s.score === undefined ? '' : ` · ${s.score}/${s.maxScore}`))));
}

// The challenge is taken now: by the time the timer fires, the candidate may be on another one.
function scheduleSave() {
  clearTimeout(state.saveTimer);
  const saved = document.getElementById('saved');
  if (saved) saved.textContent = 'Saving…';
  const challenge = state.current;
  state.pendingSave = () => save(challenge);
  state.saveTimer = setTimeout(flushSave, SAVE_AFTER_MS);
}

function flushSave() {
  clearTimeout(state.saveTimer);
  const pending = state.pendingSave;
  state.pendingSave = null;
  return pending ? pending() : Promise.resolve();
}

async function save(challenge) {
  const w = state.work[challenge];
  const saved = document.getElementById('saved');
  try {
    await call('PUT', `/api/v1/attempts/${state.attempt.id}/drafts/${challenge}`,
      { language: w.language, files: w.files });
    if (saved) saved.textContent = 'Saved ' + new Date().toLocaleTimeString();
  } catch (error) {
    if (saved) saved.textContent = 'Not saved: ' + (error.detail || error.message) + ' (kept in this page)';
  }
}

async function send(run) {
  flushSave();
  const challenge = state.current;
  const w = state.work[challenge];
  const result = document.getElementById('result');
  try {
    const { data, response } = await api('POST', `/api/v1/attempts/${state.attempt.id}/${run ? 'runs' : 'submissions'}`,
      { body: { challenge, language: w.language, files: w.files }, token: state.session.token });
    follow(response.headers.get('Location'), run, data.id);
  } catch (error) {
    replace(result, errorBox(error));
  }
}

function follow(location, run, id) {
  if (state.stream) state.stream.abort();
  state.stream = new AbortController();
  const result = document.getElementById('result');
  const progress = el('ol', { class: 'progress', id: 'progress' });
  const status = el('p', { id: 'status' }, run ? 'Running on the public tests…' : 'Submitted; waiting for a runner…');
  replace(result, el('div', { class: 'card' }, el('h2', {}, run ? 'Run' : 'Submission'), status, progress));
  events(location + '/events', state.session.token, (name, data) => {
    if (name === 'status') {
      status.textContent = data.status === 'RUNNING' ? 'Judging…' : 'Waiting for a runner…';
    } else if (name === 'test') {
      status.textContent = `Judging: ${data.done} of ${data.total} tests`;
      progress.append(el('li', {}, `${data.test.name} (${data.test.visibility.toLowerCase()}) · `,
        verdictLabel(data.test.verdict), ` · ${data.test.wallMs} ms`));
    } else if (name === 'verdict') {
      verdict(result, data, run);
    }
  }, state.stream.signal).catch((error) => replace(result, errorBox(error)));
}

async function verdict(result, s, run) {
  const d = await detail(s.challenge);
  const tests = s.tests.map((t) => el('tr', {}, el('td', {}, t.name), el('td', {}, t.visibility.toLowerCase()),
    el('td', {}, verdictLabel(t.verdict)), el('td', {}, `${t.wallMs} ms`), el('td', {}, t.detail || '')));
  replace(result, el('div', { class: 'card', id: 'verdict' }, el('h2', {}, run ? 'Run result' : 'Verdict'),
    el('p', {}, verdictLabel(s.verdict), run ? ' on the public tests (a run does not count)'
      : ` · ${s.score} of ${s.maxScore} points`),
    s.message ? el('pre', {}, s.message) : null,
    tests.length ? el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Test'), el('th', {}, 'Kind'),
      el('th', {}, 'Verdict'), el('th', {}, 'Time'), el('th', {}, 'Detail'))), el('tbody', {}, tests)) : null,
    performanceBlock(s.performance, d.performance)));
  state.submissions = await call('GET', `/api/v1/attempts/${state.attempt.id}/submissions`);
  state.attempt = await call('GET', '/api/v1/attempts/' + state.attempt.id);
  document.getElementById('challenges').replaceWith(challengeTabs());
}

function select(challenge) {
  flushSave();
  if (state.stream) state.stream.abort();
  state.current = challenge;
  state.file = null;
  renderChallenge().catch((error) => showError(page, error));
}

window.addEventListener('pagehide', () => flushSave());

open().then(() => {
  renderTop();
  setInterval(tick, 1000);
  select(state.attempt.score.challenges[0].challenge);
}).catch((error) => {
  replace(top, header('Assessment'));
  replace(page, el('h1', {}, 'This attempt cannot be opened'), errorBox(error));
});
