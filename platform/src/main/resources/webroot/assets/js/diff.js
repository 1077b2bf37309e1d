// A line diff by longest common subsequence: what a reviewer needs to see how one submission
// became the next. Large files fall back to showing both sides whole rather than stalling the page.

const MAX_CELLS = 4_000_000;

export function lineDiff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length * b.length > MAX_CELLS) {
    return [...a.map((line) => ({ type: 'del', line })), ...b.map((line) => ({ type: 'add', line }))];
  }
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ type: 'same', line: a[i] });
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
      out.push({ type: 'del', line: a[i++] });
    } else {
      out.push({ type: 'add', line: b[j++] });
    }
  }
  while (i < a.length) out.push({ type: 'del', line: a[i++] });
  while (j < b.length) out.push({ type: 'add', line: b[j++] });
  return out;
}
