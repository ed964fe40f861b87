# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The outgoing mail server's settings: what makes them valid, keeping them, and trying them.

Server, port, security, sender, account and CA file live in the encrypted store's settings
table. The password never does: it goes to the OS keyring, and where this computer has no
secure keyring it is not kept at all (the app asks for it when it sends). The rules live
here so that the settings page and the command line refuse the same things.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import DeliveryError, InvalidInput
from strategy_meeting.domain.roles import Permission, User
from strategy_meeting.store import keyring_status

from ..context import ServiceContext
from .mail import address_problem
from .smtp import SendFailed, SmtpSecurity, SmtpSettings, check_settings, is_loopback, try_connection
from ..users import require

SMTP_PASSWORD_SECRET = "smtp-password"
SMTP_SETTING_KEYS = ("host", "port", "security", "sender", "username", "ca_file")
MAX_USERNAME = 256

# One DNS label: letters, digits and inner hyphens, up to 63 characters (RFC 1123).
_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")

NO_KEYRING = (
    "No secure system keyring is available on this computer, so the mail server's password "
    "cannot be saved here (it is never kept in the store or the app's settings). Nothing was "
    "saved: clear the password field to save the other settings; the app then asks for the "
    "password when it sends."
)


@dataclass(frozen=True)
class SavedMailSettings:
    """What the settings page shows: the settings (no password), and whether one is kept."""

    settings: SmtpSettings
    password_saved: bool
    keyring_available: bool
    keyring_reason: str


def host_problem(host: str) -> str:
    """Why ``host`` is not a server name or IP address, or '' when it is one."""
    if not host:
        return "Give the mail server's name, e.g. smtp.example.org."
    if "://" in host or "/" in host:
        return "Give the mail server's name only (e.g. smtp.example.org), without 'smtp://' or a path."
    if any(ch.isspace() for ch in host):
        return "The mail server's name cannot contain spaces."
    candidate = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        ipaddress.ip_address(candidate)
        return ""
    except ValueError:
        pass
    name = host.rstrip(".")
    if len(name) > 253 or not all(_LABEL.match(label) for label in name.split(".")):
        return f"'{host}' is not a valid server name: use letters, digits, hyphens and dots, e.g. smtp.example.org."
    return ""


def validate_mail_settings(host: str, port: int | None, security: SmtpSecurity | str, sender: str,
                           username: str = "", ca_file: str = "") -> SmtpSettings:
    """Clean settings, or InvalidInput naming the one field to fix."""
    host = host.strip()
    problem = host_problem(host)
    if problem:
        raise InvalidInput(problem)
    if host.startswith("[") and host.endswith("]"):
        # "[::1]" is URL notation: the socket layer resolves the address only without the
        # brackets, so keep it bare (host_problem has checked it is an IP address).
        host = host[1:-1]
    try:
        security = SmtpSecurity(security)
    except ValueError:
        raise InvalidInput("The connection security must be STARTTLS, implicit TLS or none.") from None
    if port is not None and (isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536):
        raise InvalidInput(f"The port {port} is not a port number: use 1 to 65535 (usually 587 or 465).")
    sender = sender.strip()
    problem = address_problem(sender)
    if problem:
        raise InvalidInput("The sender address is missing: give the address the minutes are sent from."
                           if not sender else f"The sender address '{sender}' is not a valid e-mail address.")
    username = username.strip()
    if len(username) > MAX_USERNAME or any(ch in username for ch in "\r\n\t"):
        raise InvalidInput(f"The account name must be one line of at most {MAX_USERNAME} characters.")
    if security is SmtpSecurity.NONE and not is_loopback(host):
        raise InvalidInput(
            "No encryption is allowed only for a test server on this computer (localhost or "
            "127.0.0.1): choose STARTTLS or implicit TLS for a real mail server."
        )
    settings = SmtpSettings(host=host, sender=sender, port=port, security=security, username=username,
                            ca_file=ca_file.strip())
    check_settings(settings)
    return settings


def saved_mail_settings(ctx: ServiceContext, actor: User) -> SavedMailSettings:
    require(actor, Permission.MANAGE_SETTINGS)
    with ctx.unit_of_work() as uow:
        values = {k: uow.settings.get(f"smtp.{k}") for k in SMTP_SETTING_KEYS}
    try:
        security = SmtpSecurity(values.get("security") or SmtpSecurity.STARTTLS.value)
    except ValueError:
        security = SmtpSecurity.STARTTLS
    port = values.get("port")
    settings = SmtpSettings(
        host=str(values.get("host") or ""), sender=str(values.get("sender") or ""),
        port=port if isinstance(port, int) and not isinstance(port, bool) else None,
        security=security, username=str(values.get("username") or ""), ca_file=str(values.get("ca_file") or ""),
    )
    status = keyring_status()
    saved = status.available and bool(ctx.store.load_secret(SMTP_PASSWORD_SECRET))
    return SavedMailSettings(settings, saved, status.available, status.reason)


def save_mail_settings(ctx: ServiceContext, actor: User, settings: SmtpSettings,
                       password: str | None = None) -> Changes:
    """Keep the settings in the store and, when ``password`` is given, the password in the
    OS keyring ('' forgets it; ``None`` leaves it as it is). Refused as a whole, before
    anything is written, when a password is given and this computer has no secure keyring."""
    require(actor, Permission.MANAGE_SETTINGS)
    clean = validate_mail_settings(settings.host, settings.port, settings.security, settings.sender,
                                   settings.username, settings.ca_file)
    if password and clean.security is SmtpSecurity.NONE:
        raise InvalidInput("A password is never sent over an unencrypted connection; use STARTTLS or implicit TLS.")
    if password and not keyring_status().available:
        raise InvalidInput(NO_KEYRING)
    with ctx.unit_of_work() as uow:
        for key in SMTP_SETTING_KEYS:
            value = getattr(clean, key)
            uow.settings.set(f"smtp.{key}", value.value if isinstance(value, SmtpSecurity) else value)
        uow.audit.append(actor.name, "settings.smtp", "settings",
                         {"host": clean.host, "password": "changed" if password is not None else "kept"})
        uow.commit()
    if password:
        ctx.store.save_secret(SMTP_PASSWORD_SECRET, password)
    elif password == "":
        ctx.store.forget_secret(SMTP_PASSWORD_SECRET)
    return Changes(settings=True)


def check_mail_connection(ctx: ServiceContext, actor: User, settings: SmtpSettings,
                          password: str | None = None) -> str:
    """Connect, secure, sign in and quit; a sentence saying what worked, or DeliveryError with
    the server's reason. ``password`` None uses the one kept in the keyring."""
    require(actor, Permission.MANAGE_SETTINGS)
    clean = validate_mail_settings(settings.host, settings.port, settings.security, settings.sender,
                                   settings.username, settings.ca_file)
    if password is None:
        password = ctx.store.load_secret(SMTP_PASSWORD_SECRET) or ""
    if clean.username and not password:
        raise InvalidInput(f"Give the password for the account '{clean.username}' to test signing in.")
    attempt = SmtpSettings(host=clean.host, sender=clean.sender, port=clean.port, security=clean.security,
                           username=clean.username, password=password, ca_file=clean.ca_file, timeout=20.0)
    where = f"{clean.host}:{clean.effective_port}"
    try:
        try_connection(attempt)
    except SendFailed as failure:
        raise DeliveryError(f"The test connection to {where} failed: {failure.reason}") from None
    secured = {SmtpSecurity.STARTTLS: "secured with STARTTLS", SmtpSecurity.TLS: "secured with TLS",
               SmtpSecurity.NONE: "without encryption (test server)"}[clean.security]
    signed_in = f" and signed in as {clean.username}" if clean.username else " (no sign-in needed)"
    return f"Connected to {where}, {secured}{signed_in}. Nothing was sent."


# Issue 14: whether the calendar file sent with a copy carries the actions' text and owners.
# Off unless an administrator turns it on: a calendar travels in clear (see calendar.py).
CALENDAR_FULL_TEXT_SETTING = "mail.calendar_full_text"


def calendar_full_text(ctx: ServiceContext) -> bool:
    """The setting as distribution reads it (no role check: it only narrows what is sent)."""
    with ctx.unit_of_work() as uow:
        return uow.settings.get(CALENDAR_FULL_TEXT_SETTING) is True


def set_calendar_full_text(ctx: ServiceContext, actor: User, on: bool) -> Changes:
    """An administrator turns the calendar's full text (action text, owners' names) on or off."""
    require(actor, Permission.MANAGE_SETTINGS)
    with ctx.unit_of_work() as uow:
        uow.settings.set(CALENDAR_FULL_TEXT_SETTING, bool(on))
        uow.audit.append(actor.name, "settings.calendar_full_text", "settings", {"on": bool(on)})
        uow.commit()
    return Changes(settings=True)
