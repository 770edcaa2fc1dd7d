'use strict';
/**
 * The Jupyter wire protocol over ZeroMQ (messaging spec 5.3): the five sockets of a kernel, signed messages, and a
 * `Channel` per request that replies to it and publishes on IOPub with the right parent header.
 * https://jupyter-client.readthedocs.io/en/latest/messaging.html#the-wire-protocol
 *
 * zeromq is a dependency of this package (package.json pins the version tslab's range resolves to; prebuilt binaries,
 * its install script stays off).
 *
 * No single message can stop a socket's loop: a decoded message is validated (header an object with a string
 * msg_type, parent_header / metadata / content objects) before any handler sees it, and each message's handling is
 * isolated (a handler that throws, synchronously or not, is logged and the loop reads the next message).
 */
const crypto = require('crypto');
const fs = require('fs');

const PROTOCOL_VERSION = '5.3';
const DELIM = Buffer.from('<IDS|MSG>');

function loadZmq() {
  return require('zeromq');
}

class Signer {
  constructor(scheme, key) {
    this.key = key || '';
    const m = /^hmac-(\w+)$/.exec(scheme || 'hmac-sha256');
    if (!m) throw new Error(`unsupported signature_scheme ${JSON.stringify(scheme)}`);
    this.algorithm = m[1];
  }
  sign(parts) {
    if (!this.key) return '';
    const h = crypto.createHmac(this.algorithm, this.key);
    for (const p of parts) h.update(p);
    return h.digest('hex');
  }
  verify(signature, parts) {
    if (!this.key) return true;
    const want = Buffer.from(this.sign(parts));
    const got = Buffer.from(signature);
    return want.length === got.length && crypto.timingSafeEqual(want, got);
  }
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Split raw frames into {identities, header, parent_header, metadata, content, buffers}; null if unsigned, not JSON,
 * or not shaped as the messaging spec says (header an object with a non-empty string msg_type; parent_header,
 * metadata and content objects).
 */
function decode(signer, frames) {
  const i = frames.findIndex((f) => DELIM.equals(f));
  if (i < 0 || frames.length < i + 6) return null;
  const signature = frames[i + 1].toString();
  const parts = frames.slice(i + 2, i + 6);
  if (!signer.verify(signature, parts)) return null;
  let header, parent_header, metadata, content;
  try {
    [header, parent_header, metadata, content] = parts.map((p) => JSON.parse(p.toString()));
  } catch {
    return null;
  }
  if (!isObject(header) || typeof header.msg_type !== 'string' || header.msg_type === '') return null;
  if (!isObject(parent_header) || !isObject(metadata) || !isObject(content)) return null;
  return { identities: frames.slice(0, i), header, parent_header, metadata, content, buffers: frames.slice(i + 6) };
}

class Wire {
  constructor(connectionFile, session = crypto.randomUUID()) {
    this.conn = JSON.parse(fs.readFileSync(connectionFile, 'utf8'));
    this.signer = new Signer(this.conn.signature_scheme, this.conn.key);
    this.session = session;
    this.closed = false;
  }

  /**
   * Bind the sockets named in `sockets` (default all five): `onShell(msg, channel)` / `onControl(msg, channel)`
   * handle each request. The kernel binds control in a worker thread (control.js), everything else here.
   */
  async start({ onShell, onControl, sockets = ['iopub', 'shell', 'control', 'stdin', 'hb'] }) {
    const zmq = loadZmq();
    const c = this.conn;
    const addr = (port) => (c.transport === 'ipc' ? `ipc://${c.ip}-${port}` : `${c.transport}://${c.ip}:${port}`);
    const types = { iopub: zmq.Publisher, shell: zmq.Router, control: zmq.Router, stdin: zmq.Router, hb: zmq.Reply };
    await Promise.all(
      sockets.map((name) => {
        const socket = (this[name] = new types[name]());
        socket.linger = 1000;
        return socket.bind(addr(c[`${name}_port`]));
      }),
    );
    if (this.hb) this.loop(this.hb, (frames) => this.hb.send(frames));
    if (this.shell) this.loop(this.shell, (frames) => this.dispatch(this.shell, frames, onShell));
    if (this.control) this.loop(this.control, (frames) => this.dispatch(this.control, frames, onControl));
  }

  async loop(socket, handle) {
    try {
      for await (const frames of socket) {
        try {
          handle(frames);
        } catch (e) {
          // One message's failure never ends the loop (issue #24).
          process.stderr.write(`dgmlab kernel: a message could not be handled: ${(e && e.stack) || e}\n`);
        }
      }
    } catch (e) {
      if (!this.closed) process.stderr.write(`dgmlab kernel: socket loop ended: ${e && e.message}\n`);
    }
  }

  dispatch(socket, frames, handler) {
    let msg;
    try {
      msg = decode(this.signer, frames);
    } catch (e) {
      msg = null;
    }
    if (!msg) return; // unsigned or malformed: ignored, as ipykernel does
    // new Promise: a handler that throws synchronously becomes a rejection, logged like an asynchronous one.
    new Promise((resolve) => resolve(handler(msg, new Channel(this, socket, msg)))).catch((e) => {
      process.stderr.write(`dgmlab kernel: ${msg.header.msg_type} failed: ${(e && e.stack) || e}\n`);
    });
  }

  header(msgType) {
    return {
      msg_id: crypto.randomUUID(),
      session: this.session,
      username: 'kernel',
      date: new Date().toISOString(),
      msg_type: msgType,
      version: PROTOCOL_VERSION,
    };
  }

  send(socket, identities, msgType, content, parent, metadata = {}) {
    if (this.closed) return;
    const parts = [this.header(msgType), parent || {}, metadata, content].map((p) => JSON.stringify(p));
    // Sent at once (never awaited): PUB and ROUTER sockets never block, and output must leave even while a cell
    // then runs a long synchronous computation.
    socket.send([...identities, DELIM, this.signer.sign(parts), ...parts]).catch(() => {});
  }

  publish(msgType, content, parent) {
    this.send(this.iopub, [], msgType, content, parent);
  }

  close() {
    this.closed = true;
    for (const s of [this.iopub, this.shell, this.control, this.stdin, this.hb]) if (s) s.close();
  }
}

/** Replies to one request, and publishes on IOPub as its child. */
class Channel {
  constructor(wire, socket, msg) {
    this.wire = wire;
    this.socket = socket;
    this.msg = msg;
  }
  reply(msgType, content, metadata = {}) {
    this.wire.send(this.socket, this.msg.identities, msgType, content, this.msg.header, metadata);
  }
  publish(msgType, content) {
    this.wire.publish(msgType, content, this.msg.header);
  }
  status(state) {
    this.publish('status', { execution_state: state });
  }
}

module.exports = { Wire, Signer, decode, PROTOCOL_VERSION };
