#!/usr/bin/env node
// A scripted BOSH agent for finesse-gw integration tests: strophe.js 5 over HTTP long-polling,
// the transport the Finesse desktop uses (/http-bind).
//
//   node agent.mjs --jid 1001@localhost --password P --bosh http://127.0.0.1:N/http-bind [--resource R]
//
// It prints the same JSON lines as ../xmpp_agent.py and takes the same stdin commands
// ("subscribe <pubsub-jid> <node>", "subscriptions <pubsub-jid>", "quit"; end of stdin = quit).
// Messages are handled like Finesse's EventTunnel: one handler for every <message>; the source is
// the <items> element's node attribute and the event is the message's textContent, i.e. the
// unescaped <Update> document. A message without <items> (ejabberd's subscription-change notice,
// a chat message) is reported as {"event":"message",...}, where the EventTunnel would log an error.
//
// Install once with `npm ci` in this folder (deploy/install-deps.sh does it).
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DOMParser } from '@xmldom/xmldom';
import XMLHttpRequest2 from 'xhr2';
import { Strophe, $iq, $pres } from 'strophe.js';

const PUBSUB_NS = 'http://jabber.org/protocol/pubsub';
const STANZA_ERROR_NS = 'urn:ietf:params:xml:ns:xmpp-stanzas';
const IQ_TIMEOUT_MS = 20000;       // the box running the tests is loaded; be generous
const CONNECT_TIMEOUT_MS = 20000;  // give up (and say so) if the session does not start by then
const QUIT_GRACE_MS = 3000;        // time for the BOSH terminate request before exiting anyway

// Node has no XMLHttpRequest. xhr2 provides one but leaves responseXML null, and strophe's
// fallback for that case returns nothing (BOSH then fails silently), so parse it here.
class XMLHttpRequestWithXml extends XMLHttpRequest2 {
  get responseXML() {
    const text = this.responseText;
    return text ? new DOMParser().parseFromString(text, 'text/xml') : null;
  }
}
globalThis.XMLHttpRequest = XMLHttpRequestWithXml;

// CLOCK_REALTIME in ns with sub-millisecond resolution (Date.now() has only ms). Returned as a
// string of digits: the value exceeds 2^53, so it must not pass through a JS number.
function realtimeNs() {
  const ms = performance.timeOrigin + performance.now();
  return (BigInt(Math.floor(ms)) * 1000000n + BigInt(Math.round((ms % 1) * 1e6))).toString();
}

// One JSON line per event. Pipes are synchronous in Node on Linux, so each line is out at once.
function emit(fields, tNs) {
  let line = JSON.stringify(fields);
  if (tNs !== undefined) line = line.slice(0, -1) + `,"t_ns":${tNs}}`;
  process.stdout.write(line + '\n');
}

function errorCondition(stanza) {
  const error = stanza?.getElementsByTagName('error')[0];
  if (!error) return { condition: 'timeout', text: '' };
  let condition = 'unknown';
  let text = '';
  for (let child = error.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    if (child.localName === 'text') text = child.textContent;
    else if (child.namespaceURI === STANZA_ERROR_NS) condition = child.localName;
  }
  return { condition, text };
}

const { values: args } = parseArgs({
  options: {
    jid: { type: 'string' },
    password: { type: 'string' },
    bosh: { type: 'string' },
    resource: { type: 'string', default: '' },
    debug: { type: 'boolean', default: false },
  },
});
for (const required of ['jid', 'password', 'bosh']) {
  if (!args[required]) {
    process.stderr.write(`agent.mjs: --${required} is required\n`);
    process.exit(2);
  }
}

// strophe logs through console.* (debug and info land on stdout, which is reserved for the JSON
// lines): keep only warnings and errors, and send them to stderr.
Strophe.setLogLevel(args.debug ? Strophe.LogLevel.DEBUG : Strophe.LogLevel.WARN);
console.debug = console.info = console.log = (...parts) => process.stderr.write(parts.join(' ') + '\n');

const connection = new Strophe.Connection(args.bosh);
if (args.debug) {
  connection.xmlInput = (el) => process.stderr.write(`RECV ${Strophe.serialize(el)}\n`);
  connection.xmlOutput = (el) => process.stderr.write(`SEND ${Strophe.serialize(el)}\n`);
}
let online = false;
let quitting = false;
let failed = false;

// Says "offline" once and exits.
function goOffline() {
  emit({ event: 'offline' });
  process.exit(failed ? 1 : 0);
}

// Leaves cleanly: unavailable presence, BOSH terminate; the DISCONNECTED status then ends the
// process, or the grace timer does if the server never answers.
function quit() {
  if (quitting) return;
  quitting = true;
  if (!online) goOffline();
  connection.send($pres({ type: 'unavailable' }));
  connection.flush();
  connection.disconnect('quit');
  setTimeout(goOffline, QUIT_GRACE_MS);
}

function onMessage(message) {
  const received = realtimeNs();
  const items = message.getElementsByTagName('items')[0];
  if (items) {
    const item = items.getElementsByTagName('item')[0];
    emit({
      event: 'pubsub',
      node: items.getAttribute('node'),
      item_id: item ? item.getAttribute('id') : null,
      text: message.textContent,
    }, received);
  } else {
    emit({ event: 'message', from: message.getAttribute('from'), text: message.textContent }, received);
  }
  return true;  // keep the handler
}

function onPresence(presence) {
  const type = presence.getAttribute('type') || 'available';
  const fields = { event: 'presence', from: presence.getAttribute('from') || '', type };
  if (type === 'error') fields.condition = errorCondition(presence).condition;
  emit(fields);
  return true;
}

function subscribe(pubsubJid, node) {
  const iq = $iq({ type: 'set', to: pubsubJid })
    .c('pubsub', { xmlns: PUBSUB_NS })
    .c('subscribe', { node, jid: connection.jid });
  connection.sendIQ(iq, (reply) => {
    const subscription = reply.getElementsByTagName('subscription')[0];
    emit({ event: 'subscribed', node,
           subscription: subscription?.getAttribute('subscription') || 'subscribed' });
  }, (error) => {
    emit({ event: 'error', what: 'subscribe', node, ...errorCondition(error) });
  }, IQ_TIMEOUT_MS);
}

function subscriptions(pubsubJid) {
  const iq = $iq({ type: 'get', to: pubsubJid }).c('pubsub', { xmlns: PUBSUB_NS }).c('subscriptions');
  connection.sendIQ(iq, (reply) => {
    const found = [];
    for (const s of Array.from(reply.getElementsByTagName('subscription'))) {
      const entry = {};
      for (const key of ['node', 'jid', 'subscription', 'subid']) {
        if (s.hasAttribute(key)) entry[key] = s.getAttribute(key);
      }
      found.push(entry);
    }
    emit({ event: 'subscriptions', subscriptions: found });
  }, (error) => {
    emit({ event: 'error', what: 'subscriptions', ...errorCondition(error) });
  }, IQ_TIMEOUT_MS);
}

function runCommand(line) {
  const words = line.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return;
  const [name, ...rest] = words;
  if (name === 'subscribe' && rest.length === 2 && online) subscribe(rest[0], rest[1]);
  else if (name === 'subscriptions' && rest.length === 1 && online) subscriptions(rest[0]);
  else if (name === 'quit') quit();
  else emit({ event: 'error', what: 'command', condition: 'bad-request', text: line });
}

function onStatus(status, condition) {
  const S = Strophe.Status;
  if (status === S.CONNECTED) {
    online = true;
    connection.addHandler(onMessage, null, 'message');
    connection.addHandler(onPresence, null, 'presence');
    connection.send($pres());
    emit({ event: 'online', jid: connection.jid });
  } else if (status === S.AUTHFAIL) {
    failed = true;
    emit({ event: 'error', what: 'auth', condition: 'not-authorized', text: condition || '' });
  } else if (status === S.CONNFAIL || status === S.ERROR) {
    failed = true;
    emit({ event: 'error', what: 'connect', condition: 'connection-failed', text: condition || '' });
  } else if (status === S.DISCONNECTED) {
    goOffline();
  }
}

const jid = args.resource ? `${args.jid}/${args.resource}` : args.jid;
connection.connect(jid, args.password, onStatus);
setTimeout(() => {
  if (!online && !quitting) {
    failed = true;
    emit({ event: 'error', what: 'connect', condition: 'timeout',
           text: `no session within ${CONNECT_TIMEOUT_MS / 1000} s` });
    goOffline();
  }
}, CONNECT_TIMEOUT_MS).unref();

createInterface({ input: process.stdin }).on('line', runCommand).on('close', quit);
