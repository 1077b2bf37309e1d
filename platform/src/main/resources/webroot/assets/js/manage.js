// The manager's pages: assessments, the candidates of one ranked by score, and one candidate's
// attempt with its breakdown, code, diffs, latency figures and query plans.
import { api, sessions } from './api.js';
import { el, replace, showError, errorBox, when, verdictLabel, header } from './ui.js';
import { lineDiff } from './diff.js';
import { performanceBlock } from './chart.js';

const session = sessions.staff();
const page = document.getElementById('page');

async function call(method, path, body) {
  try {
    return (await api(method, path, { body, token: session.token })).data;
  } catch (error) {
    if (error.status === 401) {
      sessions.clear();
      location.replace('/login');
    }
    throw error;
  }
}

function signOut() {
  sessions.clear();
  location.assign('/login');
}

async function route() {
  const hash = location.hash.slice(1) || '/';
  let match;
  try {
    if ((match = hash.match(/^\/assessments\/([\w-]+)$/))) await showAssessment(match[1]);
    else if ((match = hash.match(/^\/attempts\/([\w-]+)$/))) await showAttempt(match[1]);
    else await showList();
  } catch (error) {
    showError(page, error);
  }
  const heading = page.querySelector('h1');
  if (heading) heading.focus();
}

async function showList() {
  const [assessments, challenges] = await Promise.all([call('GET', '/api/v1/assessments'),
    call('GET', '/api/v1/challenges')]);
  const rows = assessments.map((a) => el('tr', {},
    el('td', {}, el('a', { href: '#/assessments/' + a.id }, a.name)),
    el('td', {}, a.challenges.map((c) => c.challengeId).join(', ')),
    el('td', {}, a.timeLimitMinutes + ' min'), el('td', {}, a.scoring), el('td', {}, when(a.createdAt))));
  replace(page, el('h1', { tabindex: '-1' }, 'Assessments'),
    assessments.length ? el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'Challenges'),
      el('th', {}, 'Time limit'), el('th', {}, 'Scoring'), el('th', {}, 'Created'))), el('tbody', {}, rows))
      : el('p', { class: 'muted' }, 'No assessments yet: make the first one below.'),
    newAssessmentForm(challenges));
}

function newAssessmentForm(challenges) {
  const message = el('div', { 'aria-live': 'polite' });
  const languages = [...new Set(challenges.flatMap((c) => c.languages))].sort();
  const form = el('form', { class: 'card', id: 'new-assessment' },
    el('h2', {}, 'New assessment'),
    el('label', { for: 'assessment-name' }, 'Name'),
    el('input', { id: 'assessment-name', name: 'name', required: true, maxlength: '200', class: 'wide' }),
    el('fieldset', {}, el('legend', {}, 'Challenges (pinned to their current version)'),
      challenges.map((c) => el('label', {}, el('input', { type: 'checkbox', name: 'challenge', value: c.id }),
        `${c.title} (${c.kind}, v${c.version}, ~${c.suggestedMinutes} min)`))),
    el('label', { for: 'time-limit' }, 'Time limit, minutes'),
    el('input', { id: 'time-limit', name: 'minutes', type: 'number', min: '5', max: '600', value: '90', required: true }),
    el('fieldset', {}, el('legend', {}, 'Languages allowed (none ticked: every language a challenge takes)'),
      languages.map((l) => el('label', {}, el('input', { type: 'checkbox', name: 'language', value: l }), l))),
    el('label', { for: 'scoring' }, 'Which submission counts'),
    el('select', { id: 'scoring', name: 'scoring' }, el('option', { value: 'best' }, 'the best one'),
      el('option', { value: 'last' }, 'the last one')),
    message,
    el('p', {}, el('button', { class: 'primary', type: 'submit' }, 'Create assessment')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const ticked = (name) => [...form.querySelectorAll(`input[name=${name}]:checked`)].map((i) => i.value);
    const body = { name: form.name.value, challenges: ticked('challenge'),
      timeLimitMinutes: Number(form.minutes.value), scoring: form.scoring.value };
    if (ticked('language').length) body.languages = ticked('language');
    try {
      const created = await call('POST', '/api/v1/assessments', body);
      location.hash = '#/assessments/' + created.id;
    } catch (error) {
      showError(message, error);
    }
  });
  return form;
}

async function showAssessment(id) {
  const assessment = await call('GET', '/api/v1/assessments/' + id);
  const invited = el('div', { 'aria-live': 'polite' });
  const invite = el('form', { class: 'card', id: 'invite' }, el('h2', {}, 'Invite a candidate'),
    el('label', { for: 'candidate-email' }, 'Candidate e-mail address'),
    el('div', { class: 'row' }, el('input', { id: 'candidate-email', name: 'email', type: 'email', required: true,
      class: 'grow' }), el('button', { class: 'primary', type: 'submit' }, 'Invite')), invited);
  invite.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const link = await call('POST', `/api/v1/assessments/${id}/invitations`, { email: invite.email.value });
      replace(invited, linkBox(link));
      invite.email.value = '';
      await refreshCandidates(assessment.id, candidates);
    } catch (error) {
      showError(invited, error);
    }
  });
  const candidates = el('div', {});
  replace(page, el('p', {}, el('a', { href: '#/' }, '← Assessments')),
    el('h1', { tabindex: '-1' }, assessment.name),
    el('p', { class: 'muted' }, `${assessment.timeLimitMinutes} minutes · ${assessment.languages.join(', ')} · ` +
      `${assessment.scoring} submission counts · challenges: ` +
      assessment.challenges.map((c) => `${c.challengeId} v${c.version}`).join(', ')),
    invite, el('h2', {}, 'Candidates'), candidates, similaritySection(assessment.id));
  renderCandidates(assessment, candidates);
}

function similaritySection(id) {
  const result = el('div', { id: 'similarity', 'aria-live': 'polite' });
  const check = el('button', { type: 'button', onclick: async () => {
    replace(result, el('p', { class: 'muted' }, 'Comparing the answers that count…'));
    try {
      const report = await call('GET', `/api/v1/assessments/${id}/similarity`);
      if (!report.pairs.length) {
        replace(result, el('p', {}, `No pair of answers is ${report.thresholdPercent}% alike or more.`));
        return;
      }
      const side = (s) => el('a', { href: '#/attempts/' + s.attemptId }, s.email);
      replace(result, el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Challenge'), el('th', {}, 'Candidates'),
        el('th', {}, 'Alike'), el('th', {}, 'Matching lines'))), el('tbody', {}, report.pairs.map((p) => el('tr', {},
        el('td', {}, `${p.challenge} (${p.language})`), el('td', {}, side(p.first), ' and ', side(p.second)),
        el('td', { class: 'flag' }, p.similarity + '%'), el('td', {}, el('ul', {}, p.regions.map((r) => el('li', {},
          `${r.firstFile} ${r.firstFrom}–${r.firstTo} ↔ ${r.secondFile} ${r.secondFrom}–${r.secondTo}`)))))))));
    } catch (error) {
      showError(result, error);
    }
  } }, 'Compare answers');
  return el('section', { class: 'card' }, el('h2', {}, 'Similarity'),
    el('p', { class: 'muted' }, 'Compares the answers that count, challenge by challenge, with JPlag; renaming and'
      + ' reformatting do not hide a copy. A flag is a reason to look, not a verdict.'), check, result);
}

function linkBox(link) {
  const field = el('input', { id: 'invitation-link', readonly: true, value: link.link, class: 'grow',
    'aria-label': 'Invitation link' });
  const copied = el('span', { class: 'muted', 'aria-live': 'polite' });
  return el('div', { class: 'notice' },
    el('p', {}, `Send this link to ${link.email}. It opens the attempt once and works until ${when(link.linkExpiresAt)};` +
      ' it is shown only now.'),
    el('div', { class: 'row' }, field, el('button', { type: 'button', onclick: async () => {
      field.select();
      try {
        await navigator.clipboard.writeText(link.link);
        copied.textContent = 'Copied.';
      } catch {
        copied.textContent = 'Select the link and copy it.';
      }
    } }, 'Copy'), copied));
}

async function refreshCandidates(id, container) {
  renderCandidates(await call('GET', '/api/v1/assessments/' + id), container);
}

function renderCandidates(assessment, container) {
  if (!assessment.candidates.length) {
    replace(container, el('p', { class: 'muted' }, 'Nobody is invited yet.'));
    return;
  }
  const message = el('div', { 'aria-live': 'polite' });
  const rows = assessment.candidates.map((c, rank) => el('tr', {},
    el('td', {}, String(rank + 1)), el('td', {}, c.email), el('td', {}, c.status.toLowerCase()),
    el('td', { class: 'score' }, `${c.score} / ${c.maxScore}`), el('td', {}, when(c.startedAt)),
    el('td', {}, when(c.finishedAt)),
    el('td', { class: 'row' }, c.startedAt ? el('a', { href: '#/attempts/' + c.attemptId }, 'Review') : null,
      c.status === 'INVITED' || c.status === 'STARTED' || (c.status === 'EXPIRED' && !c.startedAt) ? el('button', { type: 'button', onclick: async () => {
        try {
          replace(message, linkBox(await call('POST',
            `/api/v1/assessments/${assessment.id}/invitations/${c.attemptId}/link`)));
        } catch (error) {
          showError(message, error);
        }
      } }, 'New link') : null)));
  replace(container, el('table', { id: 'candidates' }, el('thead', {}, el('tr', {}, el('th', {}, '#'),
    el('th', {}, 'Candidate'), el('th', {}, 'Status'), el('th', {}, 'Score'), el('th', {}, 'Started'),
    el('th', {}, 'Finished'), el('th', {}, ''))), el('tbody', {}, rows)), message);
}

async function showAttempt(id) {
  const [attempt, submissions] = await Promise.all([call('GET', '/api/v1/attempts/' + id),
    call('GET', `/api/v1/attempts/${id}/submissions`)]);
  const viewer = el('div', { id: 'viewer' });
  const breakdown = attempt.score.challenges.map((c) => el('tr', {},
    el('td', {}, c.title), el('td', {}, verdictLabel(c.verdict)), el('td', {}, `${c.score} / ${c.maxScore}`),
    el('td', {}, c.performanceRatio ? c.performanceRatio + '×' : '—'), el('td', {}, String(c.submissions)),
    el('td', {}, c.pending ? 'still judging' : '')));
  const rows = submissions.slice().reverse().map((s) => el('tr', {},
    el('td', {}, when(s.createdAt)), el('td', {}, s.challenge), el('td', {}, s.language),
    el('td', {}, s.run ? 'run (public tests)' : 'submission'), el('td', {}, verdictLabel(s.verdict)),
    el('td', {}, s.run || s.score === undefined ? '' : `${s.score} / ${s.maxScore}`),
    el('td', {}, el('button', { type: 'button', onclick: () => showSubmission(id, s.id, attempt, viewer) }, 'Code'))));
  replace(page, el('p', {}, el('a', { href: '#/assessments/' + attempt.assessmentId }, '← ' + attempt.assessmentName)),
    el('h1', { tabindex: '-1' }, attempt.email),
    el('p', { class: 'muted' }, `${attempt.status.toLowerCase()} · opened ${when(attempt.startedAt)} · ` +
      `deadline ${when(attempt.deadline)} · finished ${when(attempt.finishedAt)}`),
    el('p', { class: 'score', id: 'total' }, `Score ${attempt.score.score} / ${attempt.score.maxScore}`),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Challenge'), el('th', {}, 'Verdict'),
      el('th', {}, 'Score'), el('th', {}, 'Latency ratio'), el('th', {}, 'Submissions'), el('th', {}, ''))),
    el('tbody', {}, breakdown)),
    el('h2', {}, 'Submissions and runs'), submissions.length ? el('table', { id: 'submissions' },
      el('thead', {}, el('tr', {}, el('th', {}, 'When'), el('th', {}, 'Challenge'), el('th', {}, 'Language'),
        el('th', {}, 'Kind'), el('th', {}, 'Verdict'), el('th', {}, 'Score'), el('th', {}, ''))), el('tbody', {}, rows))
      : el('p', { class: 'muted' }, 'Nothing submitted.'),
    compareForm(id, submissions, viewer), viewer);
}

async function showSubmission(attemptId, submissionId, attempt, viewer) {
  try {
    const s = await call('GET', `/api/v1/attempts/${attemptId}/submissions/${submissionId}`);
    const detail = await call('GET', `/api/v1/attempts/${attemptId}/challenges/${s.challenge}`);
    const files = Object.entries(s.files).map(([path, text]) => el('div', {}, el('h3', {}, path),
      el('pre', { class: 'code' }, text)));
    const tests = s.tests.map((t) => el('tr', {}, el('td', {}, t.name), el('td', {}, t.visibility.toLowerCase()),
      el('td', {}, verdictLabel(t.verdict)), el('td', {}, t.wallMs + ' ms')));
    replace(viewer, el('div', { class: 'card', id: 'code' }, el('h2', { tabindex: '-1' },
      `${s.challenge} · ${s.language} · ${when(s.createdAt)}`), el('p', {}, verdictLabel(s.verdict),
      s.run ? ' (a run on the public tests)' : ` · ${s.score} / ${s.maxScore}`), s.message ? el('pre', {}, s.message) : null,
    files, tests.length ? el('table', {}, el('tbody', {}, tests)) : null, performanceBlock(s.performance, detail.performance)));
    viewer.querySelector('h2').focus();
  } catch (error) {
    replace(viewer, errorBox(error));
  }
}

function compareForm(attemptId, submissions, viewer) {
  if (submissions.length < 2) return null;
  const option = (s) => el('option', { value: s.id }, `${when(s.createdAt)} · ${s.challenge} · ${s.verdict || 'waiting'}`);
  const before = el('select', { id: 'diff-from', 'aria-label': 'Earlier submission' }, submissions.map(option));
  const after = el('select', { id: 'diff-to', 'aria-label': 'Later submission' }, submissions.map(option));
  after.selectedIndex = submissions.length - 1;
  const form = el('form', { class: 'row card' }, el('strong', {}, 'Compare'), before, el('span', {}, 'with'), after,
    el('button', { type: 'submit' }, 'Show the diff'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const [a, b] = await Promise.all([before.value, after.value].map((sid) =>
        call('GET', `/api/v1/attempts/${attemptId}/submissions/${sid}`)));
      const paths = [...new Set([...Object.keys(a.files), ...Object.keys(b.files)])].sort();
      replace(viewer, el('div', { class: 'card diff', id: 'diff' }, el('h2', {}, 'Diff'), paths.map((path) =>
        el('div', {}, el('h3', {}, path), el('pre', {}, lineDiff(a.files[path] || '', b.files[path] || '').map((line) =>
          el('span', { class: line.type }, (line.type === 'add' ? '+ ' : line.type === 'del' ? '- ' : '  ')
            + line.line)))))));
    } catch (error) {
      replace(viewer, errorBox(error));
    }
  });
  return form;
}

if (!session) {
  location.replace('/login');
} else if (session.account.role === 'author') {
  location.replace('/author');
} else {
  replace(document.getElementById('top'), header('Assessments · ' + session.account.email,
    el('button', { type: 'button', onclick: signOut }, 'Sign out')));
  window.addEventListener('hashchange', route);
  route();
}
