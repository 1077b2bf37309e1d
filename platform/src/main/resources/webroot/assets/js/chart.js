// The candidate's latency in each round beside the reference's, with the line under which full
// marks are given: how the performance score came about, at a glance.
import { el } from './ui.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function latencyChart(performance, scoring) {
  const candidate = performance.candidateMs || [];
  const reference = performance.referenceMs || [];
  if (!candidate.length || !reference.length) return null;
  const target = scoring ? median(reference) * scoring.fullMarksAt : null;
  const top = Math.max(...candidate, ...reference, target || 0) * 1.1;
  const width = 60 + candidate.length * 70;
  const height = 180;
  const y = (ms) => height - 30 - (ms / top) * (height - 50);
  const chart = svg('svg', { class: 'chart', width, height, role: 'img',
    'aria-label': `Latency per round: candidate ${candidate.join(', ')} ms, reference ${reference.join(', ')} ms` });
  candidate.forEach((ms, round) => {
    const x = 50 + round * 70;
    chart.append(svg('rect', { x, y: y(ms), width: 24, height: height - 30 - y(ms), fill: '#2450b8' }),
      svg('rect', { x: x + 26, y: y(reference[round]), width: 24, height: height - 30 - y(reference[round]),
        fill: '#9aa3b5' }),
      svg('text', { x, y: height - 12 }, `round ${round + 1}`));
  });
  if (target) {
    chart.append(svg('line', { x1: 40, x2: width, y1: y(target), y2: y(target), stroke: '#17794a',
      'stroke-dasharray': '4 3' }), svg('text', { x: 42, y: y(target) - 4 }, `full marks ≤ ${target.toFixed(2)} ms`));
  }
  chart.append(svg('text', { x: 0, y: 12 }, `${top.toFixed(1)} ms`), svg('text', { x: 0, y: height - 30 }, '0'));
  return el('figure', {}, chart, el('figcaption', { class: 'muted' },
    `Blue: this submission; grey: the reference in the same job. Ratio of medians ${performance.ratio}` +
    ` (rounds from ${performance.ratioLow} to ${performance.ratioHigh}); ` +
    `${performance.points} of ${performance.maxPoints} performance points.`));
}

// Latency figures, the chart, and the query plans where a sql challenge has them.
export function performanceBlock(performance, scoring) {
  if (!performance) return null;
  return el('div', { class: 'performance' }, el('h3', {}, 'Latency'), latencyChart(performance, scoring),
    performance.note ? el('p', {}, performance.note) : null,
    performance.candidatePlan ? el('div', {}, el('h3', {}, 'EXPLAIN of this query'),
      el('pre', {}, performance.candidatePlan)) : null,
    performance.referencePlan ? el('div', {}, el('h3', {}, 'EXPLAIN of the reference'),
      el('pre', {}, performance.referencePlan)) : null);
}
