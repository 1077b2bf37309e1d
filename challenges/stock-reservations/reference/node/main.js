// Reference solution of stock-reservations: Node's own http module, state in memory.
'use strict';
const http = require('node:http');

const SKU = /^[A-Za-z0-9-]{1,32}$/;
const TITLES = { 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict', 412: 'Precondition Failed',
  422: 'Unprocessable Content', 428: 'Precondition Required' };

class Problem extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

const items = new Map();         // sku -> { sku, name, stock, reserved, version }
const reservations = new Map();  // id -> { id, sku, quantity, expires }
let ids = 0;

// Reservations in order of expiry, so expire() looks only at those that are due.
const expiries = [];             // binary heap of { expires, id }

function push(entry) {
  expiries.push(entry);
  for (let i = expiries.length - 1; i > 0;) {
    const parent = (i - 1) >> 1;
    if (expiries[parent].expires <= expiries[i].expires) break;
    [expiries[parent], expiries[i]] = [expiries[i], expiries[parent]];
    i = parent;
  }
}

function pop() {
  const top = expiries[0];
  const last = expiries.pop();
  if (expiries.length > 0) {
    expiries[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < expiries.length && expiries[l].expires < expiries[min].expires) min = l;
      if (r < expiries.length && expiries[r].expires < expiries[min].expires) min = r;
      if (min === i) break;
      [expiries[min], expiries[i]] = [expiries[i], expiries[min]];
      i = min;
    }
  }
  return top;
}

function release(id) {
  const reservation = reservations.get(id);
  if (reservation !== undefined) {
    reservations.delete(id);
    items.get(reservation.sku).reserved -= reservation.quantity;
  }
  return reservation;
}

function expire() {
  const now = performance.now();
  while (expiries.length > 0 && expiries[0].expires <= now) {
    release(pop().id);
  }
}

const view = (item) => ({ ...item, available: item.stock - item.reserved });
const etag = (item) => `"${item.version}"`;
const isInt = (value, low, high) => Number.isInteger(value) && value >= low && value <= high;

function parse(raw) {
  let body;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new Problem(400, 'the body is not JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new Problem(400, 'the body must be a JSON object');
  }
  return body;
}

function send(res, status, body, headers = {}, type = 'application/json') {
  const data = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...headers, ...(body === undefined ? {} : { 'Content-Type': type }),
    'Content-Length': Buffer.byteLength(data) });
  res.end(data);
}

function put(sku, body, ifMatch) {
  const { name, stock } = body;
  if (typeof name !== 'string' || name.length < 1 || name.length > 100 || !isInt(stock, 0, 1000000000)) {
    throw new Problem(422, 'name must be 1 to 100 characters and stock an integer from 0 to 1000000000');
  }
  const item = items.get(sku);
  if (item === undefined) {
    if (ifMatch !== undefined) throw new Problem(412, 'there is no such item to match');
    const created = { sku, name, stock, reserved: 0, version: 1 };
    items.set(sku, created);
    return [201, created];
  }
  if (ifMatch === undefined) throw new Problem(428, 'changing an item needs If-Match with its ETag');
  if (ifMatch !== etag(item)) throw new Problem(412, 'the item has changed since that ETag');
  if (stock < item.reserved) throw new Problem(409, `stock cannot drop below the ${item.reserved} reserved`);
  Object.assign(item, { name, stock, version: item.version + 1 });
  return [200, item];
}

function reserve(sku, body) {
  const { quantity, ttl_seconds: ttl } = body;
  if (!isInt(quantity, 1, 1000000) || !isInt(ttl, 1, 3600)) {
    throw new Problem(422, 'quantity must be an integer from 1 to 1000000, ttl_seconds from 1 to 3600');
  }
  const item = items.get(sku);
  if (item === undefined) throw new Problem(404, 'no such item');
  if (quantity > item.stock - item.reserved) throw new Problem(409, `only ${item.stock - item.reserved} available`);
  const reservation = { id: 'r' + ++ids, sku, quantity, expires: performance.now() + ttl * 1000 };
  reservations.set(reservation.id, reservation);
  push({ expires: reservation.expires, id: reservation.id });
  item.reserved += quantity;
  return { id: reservation.id, sku, quantity };
}

function route(req, res, raw) {
  expire();
  const parts = new URL(req.url, 'http://service').pathname.split('/').slice(1);
  if (req.method === 'GET' && parts.length === 1 && parts[0] === 'health') {
    return send(res, 200, { status: 'up' });
  }
  if (parts.length >= 3 && parts[0] === 'v1' && parts[1] === 'items' && SKU.test(parts[2])) {
    const sku = parts[2];
    if (parts.length === 3 && req.method === 'PUT') {
      const [status, item] = put(sku, parse(raw), req.headers['if-match']);
      return send(res, status, view(item), { ETag: etag(item) });
    }
    if (parts.length === 3 && req.method === 'GET') {
      const item = items.get(sku);
      if (item === undefined) throw new Problem(404, 'no such item');
      return send(res, 200, view(item), { ETag: etag(item) });
    }
    if (parts.length === 4 && parts[3] === 'reservations' && req.method === 'POST') {
      const reservation = reserve(sku, parse(raw));
      return send(res, 201, reservation, { Location: '/v1/reservations/' + reservation.id });
    }
  }
  if (parts.length === 3 && parts[0] === 'v1' && parts[1] === 'reservations'
      && (req.method === 'GET' || req.method === 'DELETE')) {
    const reservation = req.method === 'DELETE' ? release(parts[2]) : reservations.get(parts[2]);
    if (reservation === undefined) throw new Problem(404, 'no such live reservation');
    return req.method === 'DELETE' ? send(res, 204)
      : send(res, 200, { id: reservation.id, sku: reservation.sku, quantity: reservation.quantity });
  }
  throw new Problem(404, 'no such resource');
}

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    try {
      route(req, res, Buffer.concat(chunks).toString());
    } catch (problem) {
      if (!(problem instanceof Problem)) throw problem;
      send(res, problem.status, { type: 'about:blank', title: TITLES[problem.status], status: problem.status,
        detail: problem.message }, {}, 'application/problem+json');
    }
  });
}).listen(8080);
