"""What keeps the web app safe: security headers, the Host check, the write token and CSRF.

- Every response carries a strict Content-Security-Policy (scripts and styles from the app
  only: no inline script, no CDN), ``nosniff``, ``frame-ancestors 'none'``/``X-Frame-Options``
  and a same-origin Referrer-Policy.
- Anything that writes needs the server's token: ``Authorization: Bearer <token>`` for the API,
  a ``token`` field in forms. With no token configured, writes are disabled.
- Forms also carry a CSRF token (a signed double-submit cookie, SameSite=Strict), and a POST
  whose Origin is another site is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
CSRF_COOKIE = "dragoman_csrf"


class SecurityMiddleware:
    """Adds the security headers to every response and refuses unknown Host headers."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] | None = None):
        self.app = app
        self.allowed = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed is not None and _host(scope) not in self.allowed:
            await _refuse_host(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in HEADERS.items() if k.encode() not in have]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _host(scope: Scope) -> str:
    for k, v in scope.get("headers", []):
        if k == b"host":
            host = v.decode("latin-1").lower()
            if host.startswith("["):
                return host[1:].split("]", 1)[0]
            return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return ""


async def _refuse_host(scope: Scope, receive: Receive, send: Send) -> None:
    from fastapi.responses import JSONResponse

    from .responses import error_body

    body = error_body("Unknown Host header: this server answers only on its own address.", 400)
    await JSONResponse(body, status_code=400, headers=HEADERS)(scope, receive, send)


# -- the write token ---------------------------------------------------------------------------
def check_token(expected: str, given: str | None) -> None:
    """Raise 403 when writes are disabled, 401 when the token is missing or wrong."""
    if not expected:
        raise HTTPException(403, "Writes are disabled: start the server with a token (--token or DRAGOMAN_TOKEN).")
    if not given or not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(401, "A valid token is needed to write: give the server's token.")


def bearer(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer`` header, if any."""
    auth = request.headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


# -- CSRF: a signed double-submit cookie --------------------------------------------------------
def _sign(secret: bytes, nonce: str) -> str:
    return hmac.new(secret, nonce.encode("ascii"), hashlib.sha256).hexdigest()[:32]


def new_csrf(secret: bytes) -> str:
    """A fresh CSRF token: a random nonce and its signature."""
    nonce = secrets.token_urlsafe(24)
    return f"{nonce}.{_sign(secret, nonce)}"


def csrf_valid(secret: bytes, token: str | None) -> bool:
    """Whether a token was made by this server."""
    if not token or token.count(".") != 1:
        return False
    nonce, sig = token.split(".")
    try:
        return hmac.compare_digest(sig, _sign(secret, nonce))
    except (TypeError, UnicodeEncodeError):
        return False


def csrf_for(request: Request, secret: bytes) -> str:
    """The CSRF token of this browser (its cookie, when valid), or a new one."""
    have = request.cookies.get(CSRF_COOKIE)
    return have if have and csrf_valid(secret, have) else new_csrf(secret)


def set_csrf_cookie(response: Any, token: str, secure: bool = False) -> None:
    """Give the browser its CSRF cookie (HttpOnly, SameSite=Strict)."""
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", secure=secure, path="/")


def check_csrf(request: Request, secret: bytes, field: str | None) -> None:
    """Raise 403 unless the form's token matches the cookie, is ours, and the POST is same-origin."""
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise HTTPException(403, "Cross-site form submission refused.")
    cookie = request.cookies.get(CSRF_COOKIE)
    if not (field and cookie and hmac.compare_digest(field, cookie) and csrf_valid(secret, cookie)):
        raise HTTPException(403, "The form has expired or did not come from this site: reload the page and retry.")
