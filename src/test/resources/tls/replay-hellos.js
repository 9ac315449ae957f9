// Replays recorded ClientHello bytes against a TLS server set up the way Haraka's tls_socket.js sets up
// its inbound socket (a plain net server whose sockets are wrapped in tls.TLSSocket with isServer,
// requestCert=true, rejectUnauthorized=false, honorCipherOrder from tls.ini, sessionIdContext 'haraka').
// Listens on 127.0.0.1 only. Input: argv[2] = JSON file {options:{minVersion?,ciphers?,honorCipherOrder,
// key,cert,dhparam}, hellos:[{id,hex}]}. Output: one JSON line per hello.
'use strict';
const fs = require('fs');
const net = require('net');
const tls = require('tls');

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const o = input.options;
const opts = {
  key: fs.readFileSync(o.key), cert: fs.readFileSync(o.cert), dhparam: fs.readFileSync(o.dhparam),
  honorCipherOrder: o.honorCipherOrder, sessionIdContext: 'haraka',
};
if (o.minVersion) opts.minVersion = o.minVersion;
if (o.ciphers) opts.ciphers = o.ciphers;
const ctx = tls.createSecureContext(opts);
let lastError = null;
const server = net.createServer((sock) => {
  const t = new tls.TLSSocket(sock, { isServer: true, server, secureContext: ctx, requestCert: true,
    rejectUnauthorized: false });
  t.on('error', (e) => { lastError = e.message; t.destroy(); });
});
const VERSIONS = { 0x0301: 'TLSv1', 0x0302: 'TLSv1.1', 0x0303: 'TLSv1.2', 0x0304: 'TLSv1.3' };

function parse(buf) {
  let p = 0;
  const out = { serverHello: false };
  while (p + 5 <= buf.length) {
    const type = buf[p], len = buf.readUInt16BE(p + 3);
    const body = buf.subarray(p + 5, p + 5 + len);
    if (type === 0x15 && body.length >= 2) { out.alert = body[1]; break; }
    if (type === 0x16 && body.length > 4 && body[0] === 2) {
      let q = 4;
      let version = body.readUInt16BE(q); q += 2 + 32;
      q += 1 + body[q];
      const cipher = body.readUInt16BE(q); q += 3;
      if (q + 2 <= body.length) {
        const end = q + 2 + body.readUInt16BE(q); q += 2;
        while (q + 4 <= end) {
          const et = body.readUInt16BE(q), el = body.readUInt16BE(q + 2);
          if (et === 0x002b) version = body.readUInt16BE(q + 4);
          q += 4 + el;
        }
      }
      out.serverHello = true;
      out.version = VERSIONS[version] || version.toString(16);
      out.cipher = cipher;
      break;
    }
    p += 5 + len;
  }
  return out;
}

function replay(port, hello) {
  return new Promise((resolve) => {
    lastError = null;
    const chunks = [];
    const c = net.connect(port, '127.0.0.1');
    const finish = () => {
      clearTimeout(timer);
      c.destroy();
      setTimeout(() => resolve(Object.assign({ id: hello.id }, parse(Buffer.concat(chunks)),
        { serverError: lastError })), 100);
    };
    const timer = setTimeout(finish, 3000);
    c.on('connect', () => c.write(Buffer.from(hello.hex, 'hex')));
    c.on('data', (d) => {
      chunks.push(d);
      const r = parse(Buffer.concat(chunks));
      if (r.serverHello || r.alert !== undefined) finish();
    });
    c.on('error', () => {});
    c.on('close', finish);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  for (const h of input.hellos) process.stdout.write(JSON.stringify(await replay(port, h)) + '\n');
  server.close();
  process.exit(0);
});
setTimeout(() => process.exit(3), 120000).unref();
