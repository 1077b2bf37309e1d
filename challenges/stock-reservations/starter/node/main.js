// Stock reservations API: start here. Node's standard library is all you need; the sandbox has no
// network to install packages.
'use strict';
const http = require('node:http');

function send(res, status, body, type = 'application/json', headers = {}) {
  const data = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(data) });
  res.end(data);
}

function problem(res, status, title) {
  send(res, status, { type: 'about:blank', title, status }, 'application/problem+json');
}

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const url = new URL(req.url, 'http://service');
    if (req.method === 'GET' && url.pathname === '/health') {
      return send(res, 200, { status: 'up' });
    }
    // TODO: PUT and GET /v1/items/{sku} (ETag, If-Match), POST /v1/items/{sku}/reservations,
    // GET and DELETE /v1/reservations/{id}
    problem(res, 404, 'Not Found');
  });
}).listen(8080);
