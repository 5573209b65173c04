"""A local HTTP server that answers in Pagar.me API v5's format, and Pagar.me's signing key.

The server is real (`ThreadingHTTPServer` on 127.0.0.1, port 0) and records every request it
gets, so tests assert on what the adapter actually put on the wire. The signing side of the
webhooks is written here from RFC 8017, independently of the adapter's verifier.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SECRET_KEY = "sk_test_4f1c2a9b7e"
JWKS_PATH = "/.well-known/jwks.json"
API_PREFIX = "/core/v5"


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    headers: dict[str, str]  # lower-cased names
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # JSON-serialised unless `raw` is given
    raw: bytes | None = None
    delay: float = 0.0

    def payload(self) -> bytes:
        if self.raw is not None:
            return self.raw
        return json.dumps(self.body, ensure_ascii=False).encode()


@dataclass
class PagarmeStub:
    url: str = ""
    requests: list[Recorded] = field(default_factory=list)
    routes: dict[tuple[str, str], list[Reply]] = field(default_factory=dict)

    def reply(self, method: str, path: str, *replies: Reply) -> None:
        """Queue replies for a route; the last one repeats."""
        self.routes[(method, path)] = list(replies)

    def next_reply(self, method: str, path: str) -> Reply:
        queue = self.routes.get((method, path))
        if not queue:
            return Reply(404, {"message": "Not found."})
        return queue.pop(0) if len(queue) > 1 else queue[0]

    def api(self, method: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method and r.path != JWKS_PATH]


def _handler(stub: PagarmeStub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            stub.requests.append(
                Recorded(
                    self.command,
                    self.path,
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                )
            )
            reply = stub.next_reply(self.command, self.path)
            if reply.delay:
                time.sleep(reply.delay)
            payload = reply.payload()
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout tests)

        do_GET = do_POST = do_DELETE = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


# -- Pagar.me's webhook signing key (pure Python RSA, test-only) -----------------------------

_SMALL_PRIMES = [p for p in range(3, 3000, 2) if all(p % q for q in range(3, int(p**0.5) + 1, 2))]
_SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")


def _probable_prime(n: int) -> bool:
    for p in _SMALL_PRIMES:
        if n % p == 0:
            return n == p
    d, r = n - 1, 0
    while d % 2 == 0:
        d, r = d // 2, r + 1
    for _ in range(32):
        x = pow(secrets.randbelow(n - 3) + 2, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def _prime(bits: int) -> int:
    while True:
        candidate = secrets.randbits(bits) | (0b11 << (bits - 2)) | 1
        if _probable_prime(candidate):
            return candidate


@dataclass(frozen=True)
class RsaKey:
    kid: str
    n: int
    e: int
    d: int

    @classmethod
    def generate(cls, kid: str, bits: int = 2048) -> RsaKey:
        e = 65537
        while True:
            p, q = _prime(bits // 2), _prime(bits // 2)
            phi = (p - 1) * (q - 1)
            if p != q and phi % e:
                return cls(kid, p * q, e, pow(e, -1, phi))

    def sign(self, message: bytes) -> bytes:
        """RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2.1)."""
        size = (self.n.bit_length() + 7) // 8
        t = _SHA256_DIGEST_INFO + hashlib.sha256(message).digest()
        em = b"\x00\x01" + b"\xff" * (size - len(t) - 3) + b"\x00" + t
        return pow(int.from_bytes(em, "big"), self.d, self.n).to_bytes(size, "big")

    def header(self, message: bytes, *, alg: str = "RS256") -> str:
        signature = base64.urlsafe_b64encode(self.sign(message)).rstrip(b"=").decode()
        return f"alg={alg}; kid={self.kid}; signature={signature}"

    def jwk(self) -> dict[str, str]:
        def b64(value: int) -> str:
            raw = value.to_bytes((value.bit_length() + 7) // 8, "big")
            return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

        return {"kty": "RSA", "use": "sig", "alg": "RS256", "kid": self.kid, "n": b64(self.n),
                "e": b64(self.e)}  # fmt: skip


def start_server(stub: PagarmeStub) -> tuple[ThreadingHTTPServer, threading.Thread]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(stub))
    server.daemon_threads = True
    host, port = server.server_address[:2]
    stub.url = f"http://{host}:{port}"
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    return server, thread
