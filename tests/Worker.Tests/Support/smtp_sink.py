"""A loopback SMTP server for the delivery tests (Debian's python3-aiosmtpd).

Every message the server accepts is written whole to --folder as <n>.eml, preceded by an
X-Sink-Rcpt-To header with the envelope recipients, *before* the server answers 250. While the
file named by --hold exists, the 250 answer is delayed by --hold-seconds: the window in which a
client that is killed has delivered a message it never heard was accepted.

With --tls-cert and --tls-key the server offers STARTTLS and refuses mail (and AUTH) without it.
Without them it offers no STARTTLS; without --user it offers no AUTH (a plain internal relay).

Failure modes for the outbox tests: --hold-at rcpt delays the answer to RCPT TO instead, so a client
killed then has delivered nothing; --transient N answers the first N messages with 451 (try again
later) without storing them; --connections FILE gets one line per EHLO, to count connection attempts.

Prints READY once listening; stops when stdin closes or on SIGTERM.
"""
import argparse
import asyncio
import itertools
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Sink:
    def __init__(self, folder, hold, hold_seconds, hold_at="data", transient=0, connections=None):
        self.folder = folder
        self.hold = hold
        self.hold_seconds = hold_seconds
        self.hold_at = hold_at
        self.transient = transient
        self.connections = connections
        self.counter = itertools.count(1)

    def holding(self, stage):
        return self.hold_at == stage and self.hold and os.path.exists(self.hold)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if self.connections:
            with open(self.connections, "a") as f:
                f.write(hostname + "\n")
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.holding("rcpt"):
            await asyncio.sleep(self.hold_seconds)
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.transient > 0:
            self.transient -= 1
            return "451 4.3.0 Mailbox temporarily unavailable, try again later"
        number = next(self.counter)
        header = ("X-Sink-Rcpt-To: " + ", ".join(envelope.rcpt_tos) + "\r\n").encode("ascii")
        temporary = os.path.join(self.folder, f"{number:05d}.tmp")
        with open(temporary, "wb") as f:
            f.write(header)
            f.write(envelope.original_content or envelope.content)
        os.replace(temporary, os.path.join(self.folder, f"{number:05d}.eml"))
        if self.holding("data"):
            await asyncio.sleep(self.hold_seconds)
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--hold")
    parser.add_argument("--hold-seconds", type=float, default=30)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--hold-at", choices=["data", "rcpt"], default="data")
    parser.add_argument("--transient", type=int, default=0)
    parser.add_argument("--connections")
    args = parser.parse_args()

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login.decode() == args.user and auth_data.password.decode() == args.password
        # handled=False: aiosmtpd itself answers 535 to a refused login (by default it would answer nothing).
        return AuthResult(success=ok, handled=False)

    options = {}
    if args.user:
        options = dict(authenticator=authenticate, auth_required=True, auth_require_tls=bool(args.tls_cert))
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        options.update(tls_context=context, require_starttls=True)
    controller = Controller(Sink(args.folder, args.hold, args.hold_seconds, args.hold_at, args.transient, args.connections), hostname="127.0.0.1", port=args.port, **options)
    controller.start()
    print("READY", flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
