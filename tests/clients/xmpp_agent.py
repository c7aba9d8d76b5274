#!/usr/bin/python3
"""A scripted XMPP agent for finesse-gw integration tests (slixmpp, plain TCP, no TLS).

    xmpp_agent.py --jid 1001@localhost --password P --host 127.0.0.1 --port N [--resource R]

It prints one JSON object per line on stdout (flushed at once) and reads commands on stdin:
  {"event":"online"}                                    session started, initial presence sent
  {"event":"pubsub","node":..,"item_id":..,"text":..,"t_ns":..}
                                                        one per <item> of a pubsub event message;
                                                        text = textContent of the item payload
                                                        (the unescaped <Update> document), t_ns =
                                                        CLOCK_REALTIME at receipt
  {"event":"presence","from":..,"type":"available|unavailable|error|..."}
  {"event":"subscribed","node":..} / {"event":"subscriptions","subscriptions":[..]}
  {"event":"error","what":..,"condition":..,"text":..}
  {"event":"offline"}                                   disconnected (the process then exits)
Commands: "subscribe <pubsub-jid> <node>", "subscriptions <pubsub-jid>", "quit".
End of stdin counts as "quit", so the client never outlives the test that started it.

Runs with the Debian python3-slixmpp package, hence /usr/bin/python3 (not a pyenv/venv python).
"""

import argparse
import asyncio
import json
import logging
import sys
import threading
import time
import xml.etree.ElementTree as ET

import slixmpp
from slixmpp.exceptions import IqError, IqTimeout
from slixmpp.xmlstream.handler import Callback
from slixmpp.xmlstream.matcher import MatchXPath

PUBSUB_NS = "http://jabber.org/protocol/pubsub"
PUBSUB_EVENT_NS = "http://jabber.org/protocol/pubsub#event"
STANZA_ERROR_NS = "urn:ietf:params:xml:ns:xmpp-stanzas"
IQ_TIMEOUT_S = 20          # the box running the tests is loaded; be generous
CONNECT_TIMEOUT_S = 20     # give up (and say so) if the session does not start by then

_print_lock = threading.Lock()


def emit(**fields):
    """Prints one JSON line and flushes, so the reading test sees it at once."""
    with _print_lock:
        sys.stdout.write(json.dumps(fields, separators=(",", ":")) + "\n")
        sys.stdout.flush()


def text_content(element):
    """DOM textContent: all descendant text, which un-escapes the payload's <Update> document."""
    return "".join(element.itertext())


def local_name(tag):
    return tag.rsplit("}", 1)[-1]


def stanza_error(iq_error):
    """(condition, text) of an <error/> inside an IQ error reply."""
    error = iq_error.iq.xml.find("{jabber:client}error")
    if error is None:
        return "unknown", ""
    condition, text = "unknown", ""
    for child in error:
        name = local_name(child.tag)
        if name == "text":
            text = child.text or ""
        elif child.tag.startswith("{" + STANZA_ERROR_NS + "}"):
            condition = name
    return condition, text


class Agent(slixmpp.ClientXMPP):
    def __init__(self, jid, password):
        # unencrypted_plain: the loopback test servers offer no TLS; SCRAM works as well.
        super().__init__(jid, password,
                         plugin_config={"feature_mechanisms": {"unencrypted_plain": True}})
        self.online = False
        self.quitting = False
        self.failed = False     # auth or connection failure: exit status 1
        self.add_event_handler("session_start", self.on_session_start)
        self.add_event_handler("disconnected", self.on_disconnected)
        self.add_event_handler("failed_auth", self.on_failed_auth)
        self.add_event_handler("connection_failed", self.on_connection_failed)
        # Raw handlers: every <message> (like Finesse's EventTunnel) and every <presence>.
        self.register_handler(Callback("agent messages", MatchXPath("{jabber:client}message"),
                                       self.on_message))
        self.register_handler(Callback("agent presence", MatchXPath("{jabber:client}presence"),
                                       self.on_presence))

    # --- events ---------------------------------------------------------------------------------

    async def on_session_start(self, _event):
        self.send_presence()
        self.online = True
        emit(event="online", jid=self.boundjid.full)

    def on_message(self, msg):
        received_ns = time.time_ns()
        for items in msg.xml.iter("{%s}items" % PUBSUB_EVENT_NS):
            node = items.get("node")
            for item in items.iter("{%s}item" % PUBSUB_EVENT_NS):
                emit(event="pubsub", node=node, item_id=item.get("id"),
                     text=text_content(item), t_ns=received_ns)

    def on_presence(self, presence):
        kind = presence.xml.get("type") or "available"
        fields = {"event": "presence", "from": presence.xml.get("from", ""), "type": kind}
        if kind == "error":
            error = presence.xml.find("{jabber:client}error")
            if error is not None:
                fields["condition"] = next((local_name(c.tag) for c in error
                                            if c.tag.startswith("{" + STANZA_ERROR_NS + "}")), "unknown")
        emit(**fields)

    def on_failed_auth(self, _event):
        emit(event="error", what="auth", condition="not-authorized", text="authentication failed")
        self.failed = True
        self.quitting = True
        self.disconnect()

    def on_connection_failed(self, error):
        emit(event="error", what="connect", condition="connection-failed", text=str(error))
        self.failed = True
        self.quitting = True
        self.loop.stop()

    def on_disconnected(self, _event):
        emit(event="offline")
        self.loop.stop()

    # --- commands -------------------------------------------------------------------------------

    async def subscribe(self, pubsub_jid, node):
        iq = self.make_iq_set(ito=pubsub_jid)
        pubsub = ET.SubElement(iq.xml, "{%s}pubsub" % PUBSUB_NS)
        ET.SubElement(pubsub, "{%s}subscribe" % PUBSUB_NS, node=node, jid=self.boundjid.full)
        try:
            reply = await iq.send(timeout=IQ_TIMEOUT_S)
        except IqError as err:
            condition, text = stanza_error(err)
            emit(event="error", what="subscribe", node=node, condition=condition, text=text)
            return
        except IqTimeout:
            emit(event="error", what="subscribe", node=node, condition="timeout", text="")
            return
        subscription = reply.xml.find("{%s}pubsub/{%s}subscription" % (PUBSUB_NS, PUBSUB_NS))
        state = subscription.get("subscription") if subscription is not None else "subscribed"
        emit(event="subscribed", node=node, subscription=state)

    async def subscriptions(self, pubsub_jid):
        iq = self.make_iq_get(ito=pubsub_jid)
        pubsub = ET.SubElement(iq.xml, "{%s}pubsub" % PUBSUB_NS)
        ET.SubElement(pubsub, "{%s}subscriptions" % PUBSUB_NS)
        try:
            reply = await iq.send(timeout=IQ_TIMEOUT_S)
        except IqError as err:
            condition, text = stanza_error(err)
            emit(event="error", what="subscriptions", condition=condition, text=text)
            return
        except IqTimeout:
            emit(event="error", what="subscriptions", condition="timeout", text="")
            return
        found = [{k: s.get(k) for k in ("node", "jid", "subscription", "subid") if s.get(k) is not None}
                 for s in reply.xml.iter("{%s}subscription" % PUBSUB_NS)]
        emit(event="subscriptions", subscriptions=found)

    def quit(self):
        if self.quitting:
            return
        self.quitting = True
        if self.online:
            self.send_presence(ptype="unavailable")
        self.disconnect()
        # If the stream never came up, 'disconnected' may never fire; stop anyway.
        self.loop.call_later(5, self.loop.stop)

    def run_command(self, line):
        words = line.split()
        if not words:
            return
        name, args = words[0], words[1:]
        if name == "subscribe" and len(args) == 2:
            asyncio.ensure_future(self.subscribe(args[0], args[1]))
        elif name == "subscriptions" and len(args) == 1:
            asyncio.ensure_future(self.subscriptions(args[0]))
        elif name == "quit":
            self.quit()
        else:
            emit(event="error", what="command", condition="bad-request", text=line)


def read_stdin_commands(agent):
    """Reads stdin on a thread (works for pipes, files and /dev/null) and hands lines to the loop."""
    for line in sys.stdin:
        agent.loop.call_soon_threadsafe(agent.run_command, line.strip())
    agent.loop.call_soon_threadsafe(agent.quit)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jid", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5222)
    parser.add_argument("--resource", default="")
    parser.add_argument("--debug", action="store_true", help="slixmpp debug log on stderr")
    args = parser.parse_args()
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.ERROR, stream=sys.stderr)

    jid = args.jid + ("/" + args.resource if args.resource else "")
    agent = Agent(jid, args.password)

    def give_up_if_not_online():
        if not agent.online and not agent.quitting:
            emit(event="error", what="connect", condition="timeout",
                 text="no session within %d s" % CONNECT_TIMEOUT_S)
            agent.failed = True
            agent.quit()

    agent.loop.call_later(CONNECT_TIMEOUT_S, give_up_if_not_online)
    agent.connect((args.host, args.port), use_ssl=False, force_starttls=False, disable_starttls=True)
    threading.Thread(target=read_stdin_commands, args=(agent,), daemon=True).start()
    agent.loop.run_forever()
    return 1 if agent.failed else 0


if __name__ == "__main__":
    sys.exit(main())
