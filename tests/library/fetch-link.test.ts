import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { fetchLink, isNonPublicAddress } from '../../src/library/fetch-link.js';

const page = `<html><head><title>Night trains</title></head><body><article><p>${'Night trains are back. '.repeat(40)}</p></article></body></html>`;
let base = '';
const server = http.createServer((request, response) => {
  const path = request.url ?? '/';
  if (path === '/article.html') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  if (path.startsWith('/hop/')) {
    const left = Number(path.slice('/hop/'.length));
    return void response.writeHead(302, { location: left === 0 ? '/article.html' : `/hop/${left - 1}` }).end();
  }
  if (path === '/big') return void response.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(64 * 1024));
  if (path === '/big-unannounced') {
    response.writeHead(200, { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' });
    for (let chunk = 0; chunk < 16; chunk += 1) response.write('y'.repeat(8 * 1024));
    return void response.end();
  }
  if (path === '/missing') return void response.writeHead(404, 'Not Found').end('no');
  if (path === '/broken') return void response.writeHead(500, 'Internal Server Error').end('oops');
  if (path === '/never') return; // keeps the request open: the fetcher's own time limit ends it
  response.writeHead(404).end();
});

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

// A generous time limit: a loaded machine must not fail these; only the silent link meets a short one.
const allowed = { maxBytes: 32 * 1024, timeoutMs: 60_000, maxRedirects: 3, allowPrivateAddresses: true };

test('GIVEN a page behind redirects THEN it is fetched within the redirect limit, and a chain one longer is refused', async () => {
  // /hop/N redirects N + 1 times: /hop/2 exactly as many times as allowed (3), /hop/3 once more.
  const outcome = await fetchLink(`${base}/hop/2`, allowed);
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
  assert.equal(outcome.fetched.name, 'article.html');
  assert.match(outcome.fetched.contentType ?? '', /text\/html/u);
  assert.equal(outcome.fetched.bytes.toString('utf8'), page);
  const tooMany = await fetchLink(`${base}/hop/3`, allowed);
  assert.ok(!tooMany.ok && tooMany.kind === 'too-many-redirects');
  assert.match(tooMany.message, /redirects more than 3 times/u);
});

test('GIVEN a page over the size limit, announced or not THEN it is refused', async () => {
  for (const path of ['/big', '/big-unannounced']) {
    const outcome = await fetchLink(`${base}${path}`, allowed);
    assert.ok(!outcome.ok && outcome.kind === 'too-large', path);
    assert.match(outcome.message, /larger than/u);
  }
});

test('GIVEN a link answering 404 or 500, or not answering at all THEN each gets its own message', async () => {
  const missing = await fetchLink(`${base}/missing`, allowed);
  assert.ok(!missing.ok && missing.kind === 'http-status');
  assert.match(missing.message, /answered 404 Not Found: check the address/u);
  const broken = await fetchLink(`${base}/broken`, allowed);
  assert.ok(!broken.ok);
  assert.match(broken.message, /answered 500 Internal Server Error: the site has a problem/u);
  const silent = await fetchLink(`${base}/never`, { ...allowed, timeoutMs: 500 });
  assert.ok(!silent.ok && silent.kind === 'timeout');
  assert.match(silent.message, /did not answer within/u);
});

test('GIVEN private addresses not allowed THEN loopback by number or by name, and a redirect into it, are refused', async () => {
  const strict = { ...allowed, allowPrivateAddresses: false };
  const port = new URL(base).port;
  for (const link of [`${base}/article.html`, `http://localhost:${port}/article.html`, `http://[::1]:${port}/article.html`]) {
    const outcome = await fetchLink(link, strict);
    assert.ok(!outcome.ok && outcome.kind === 'refused-address', `${link}: ${outcome.ok ? 'fetched' : outcome.message}`);
  }
  const other = await fetchLink('ftp://example.org/file.txt', strict);
  assert.ok(!other.ok && other.kind === 'bad-url');
  for (const address of ['10.1.2.3', '192.168.0.1', '172.20.0.1', '169.254.169.254', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '100.64.0.1'])
    assert.equal(isNonPublicAddress(address), true, address);
  for (const address of ['93.184.216.34', '2606:2800:220:1::1']) assert.equal(isNonPublicAddress(address), false, address);
});
