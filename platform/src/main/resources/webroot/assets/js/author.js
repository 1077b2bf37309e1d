// The author's catalog: every challenge with its versions and their verification, and the upload
// of a package zip, which is checked at once and verified by a runner before it is published.
import { api, sessions } from './api.js';
import { el, replace, showError, errorBox, when, header } from './ui.js';

const POLL_MS = 3000;
const session = sessions.staff();
const page = document.getElementById('page');

function call(method, path, options = {}) {
  return api(method, path, { ...options, token: session.token }).then((r) => r.data).catch((error) => {
    if (error.status === 401) {
      sessions.clear();
      location.replace('/login');
    }
    throw error;
  });
}

const catalog = el('div', { id: 'catalog-box' });

function show() {
  replace(page, el('h1', { tabindex: '-1' }, 'Catalog'), uploadForm(), catalog);
  return refresh();
}

async function refresh() {
  const challenges = await call('GET', '/api/v1/challenges');
  const versions = await Promise.all(challenges.map((c) => call('GET', `/api/v1/challenges/${c.id}/versions`)));
  const rows = challenges.flatMap((c, i) => versions[i].map((v) => el('tr', {},
    el('td', {}, v.version === c.version ? el('strong', {}, c.title) : c.title), el('td', {}, c.kind),
    el('td', {}, 'v' + v.version), el('td', {}, v.status.toLowerCase()), el('td', {}, v.origin.toLowerCase()),
    el('td', {}, when(v.publishedAt)), el('td', {}, String(v.submissions)),
    el('td', {}, report(v.verification)))));
  replace(catalog, el('table', { id: 'catalog' }, el('thead', {}, el('tr', {}, el('th', {}, 'Challenge'),
    el('th', {}, 'Kind'), el('th', {}, 'Version'), el('th', {}, 'Status'), el('th', {}, 'Origin'),
    el('th', {}, 'Published'), el('th', {}, 'Submissions'), el('th', {}, 'Verification'))), el('tbody', {}, rows)));
}

function report(verification) {
  if (!verification) return '—';
  if (!verification.problems.length) return `${verification.checks.length} checks passed`;
  return el('ul', {}, verification.problems.map((p) => el('li', { class: 'flag' }, p)));
}

function uploadForm() {
  const message = el('div', { 'aria-live': 'polite' });
  const file = el('input', { id: 'package', type: 'file', accept: '.zip,application/zip', required: true });
  const form = el('form', { class: 'card' }, el('h2', {}, 'Upload a package'),
    el('p', { class: 'muted' }, 'A zip of one package folder (see challenges/README.md). It is checked now, then a'
      + ' runner judges its references and known submissions; only a version that verifies is published.'),
    el('label', { for: 'package' }, 'Package zip'), file, message,
    el('p', {}, el('button', { class: 'primary', type: 'submit' }, 'Upload')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const uploaded = await call('POST', '/api/v1/challenges', { body: file.files[0], raw: 'application/zip' });
      follow(uploaded, message);
    } catch (error) {
      replace(message, errorBox(error));
    }
  });
  return form;
}

// An upload is followed until a runner has verified it: a new challenge is not in the published
// catalog until then, and a rejected one never is, so its report is shown here.
function follow(version, message) {
  replace(message, el('div', { class: 'notice', id: 'upload-status' },
    `${version.challengeId} version ${version.version} is ${version.status.toLowerCase()}.`,
    version.verification ? report(version.verification) : null));
  if (version.status === 'VERIFYING') {
    setTimeout(() => call('GET', `/api/v1/challenges/${version.challengeId}/versions/${version.version}`)
      .then((next) => follow(next, message)).catch((error) => replace(message, errorBox(error))), POLL_MS);
  } else {
    refresh().catch((error) => showError(catalog, error));
  }
}

if (!session) {
  location.replace('/login');
} else {
  replace(document.getElementById('top'), header('Catalog · ' + session.account.email,
    session.account.role === 'admin' ? el('a', { href: '/manage', class: 'muted' }, 'Assessments') : null,
    el('button', { type: 'button', onclick: () => { sessions.clear(); location.assign('/login'); } }, 'Sign out')));
  show().catch((error) => showError(page, error));
}
