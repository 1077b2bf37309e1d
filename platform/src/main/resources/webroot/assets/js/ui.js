// Small DOM helpers: every text goes in as text, never as HTML.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function replace(container, ...children) {
  container.replaceChildren(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
}

export function errorBox(error) {
  return el('div', { class: 'error', role: 'alert' }, el('strong', {}, error.title || 'Something went wrong'),
    error.detail ? ': ' + error.detail : error.title ? '' : ': ' + error.message);
}

export function showError(container, error) {
  replace(container, errorBox(error));
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '—';
}

export function verdictLabel(verdict) {
  return el('span', { class: 'verdict ' + (verdict || '') }, verdict ? verdict.replaceAll('_', ' ') : 'waiting');
}

export function header(title, ...actions) {
  return el('header', { class: 'bar' }, el('span', { class: 'brand' }, 'GAUNTLET'), el('span', {}, title),
    el('span', { class: 'grow' }), ...actions);
}
