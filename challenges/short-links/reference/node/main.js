// Reference solution of short-links: Node's own http module, state in memory.
'use strict';
const http = require('node:http');

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const MAX_URL = 2048;
const TITLES = { 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Content' };

const links = [];              // in creation order
const byCode = new Map();      // code -> index in links
const idempotent = new Map();  // key -> { url, link as first answered }

function encode(number) {
  let digits = '';
  for (; number > 0; number = Math.floor(number / 62)) {
    digits = ALPHABET[number % 62] + digits;
  }
  return digits;
}

function cursorFor(code) {
  return Buffer.from('after:' + code).toString('base64url');
}

function codeOf(cursor) {
  const text = Buffer.from(cursor, 'base64url').toString();
  return text.startsWith('after:') ? text.slice('after:'.length) : '';
}

function validUrl(text) {
  if (typeof text !== 'string' || text.length > MAX_URL) {
    return false;
  }
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function send(res, status, body, type = 'application/json', headers = {}) {
  const data = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...headers, ...(body === undefined ? {} : { 'Content-Type': type }),
    'Content-Length': Buffer.byteLength(data) });
  res.end(data);
}

function problem(res, status, detail) {
  send(res, status, { type: 'about:blank', title: TITLES[status], status, detail }, 'application/problem+json');
}

function create(req, res, raw) {
  let body;
  try {
    body = JSON.parse(raw);
  } catch {
    return problem(res, 400, 'the body is not JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return problem(res, 400, 'the body must be a JSON object');
  }
  if (!validUrl(body.url)) {
    return problem(res, 422, 'url must be an absolute http(s) URL of at most 2048 characters');
  }
  const key = req.headers['idempotency-key'];
  if (key !== undefined && !/^[!-~]{1,64}$/.test(key)) {
    return problem(res, 400, 'Idempotency-Key must be 1 to 64 visible ASCII characters');
  }
  if (key !== undefined && idempotent.has(key)) {
    const first = idempotent.get(key);
    if (first.url !== body.url) {
      return problem(res, 409, 'this Idempotency-Key was used with another body');
    }
    return send(res, 201, first.link, 'application/json', { Location: '/v1/links/' + first.link.code });
  }
  const link = { code: encode(links.length + 238328), url: body.url, hits: 0 }; // 62^3: 4+ characters
  byCode.set(link.code, links.length);
  links.push(link);
  if (key !== undefined) {
    idempotent.set(key, { url: body.url, link: { ...link } });
  }
  send(res, 201, link, 'application/json', { Location: '/v1/links/' + link.code });
}

function list(res, query) {
  const limitText = query.get('limit') ?? '10';
  const limit = /^\d{1,3}$/.test(limitText) ? Number(limitText) : 0;
  if (limit < 1 || limit > 100) {
    return problem(res, 400, 'limit must be a number from 1 to 100');
  }
  let start = 0;
  if (query.has('cursor')) {
    const index = byCode.get(codeOf(query.get('cursor')));
    if (index === undefined) {
      return problem(res, 400, 'unknown cursor');
    }
    start = index + 1;
  }
  const items = links.slice(start, start + limit);
  const more = start + limit < links.length && items.length > 0;
  send(res, 200, { items, next_cursor: more ? cursorFor(items[items.length - 1].code) : null });
}

function route(req, res, raw) {
  const url = new URL(req.url, 'http://service');
  const path = url.pathname;
  if (req.method === 'GET' && path === '/health') {
    return send(res, 200, { status: 'up' });
  }
  if (req.method === 'POST' && path === '/v1/links') {
    return create(req, res, raw);
  }
  if (req.method === 'GET' && path === '/v1/links') {
    return list(res, url.searchParams);
  }
  if (req.method === 'GET' && path.startsWith('/v1/links/')) {
    const index = byCode.get(path.slice('/v1/links/'.length));
    return index === undefined ? problem(res, 404, 'no such link') : send(res, 200, links[index]);
  }
  if (req.method === 'GET' && path.startsWith('/r/')) {
    const index = byCode.get(path.slice('/r/'.length));
    if (index === undefined) {
      return problem(res, 404, 'no such link');
    }
    links[index].hits++;
    res.writeHead(302, { Location: links[index].url, 'Content-Length': 0 });
    return res.end();
  }
  problem(res, 404, 'no such resource');
}

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => route(req, res, Buffer.concat(chunks).toString()));
}).listen(8080);
