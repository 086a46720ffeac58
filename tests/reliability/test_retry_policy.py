"""The retry predicates: which failures are retried, which are final, which need a look first."""

from __future__ import annotations

import ssl

import httpx
import pytest

from providers.common.retry_policy import (Verdict, error_in_body, verdict_for_error_body, verdict_for_exception,
                                           verdict_for_status)

REQUEST = httpx.Request("GET", "https://x.test/")


@pytest.mark.parametrize("exc, get, put, delete, post", [
    (httpx.ConnectError("refused", request=REQUEST), "retry", "retry", "retry", "retry"),
    (httpx.ConnectTimeout("slow", request=REQUEST), "retry", "retry", "retry", "retry"),
    (httpx.PoolTimeout("busy", request=REQUEST), "retry", "retry", "retry", "retry"),
    (httpx.ReadTimeout("no answer", request=REQUEST), "retry", "retry", "retry", "unclear"),
    (httpx.WriteTimeout("stuck", request=REQUEST), "retry", "retry", "retry", "unclear"),
    (httpx.ReadError("reset by peer", request=REQUEST), "retry", "retry", "retry", "unclear"),
    (httpx.RemoteProtocolError("disconnected", request=REQUEST), "retry", "retry", "retry", "unclear"),
    (httpx.UnsupportedProtocol("ftp", request=REQUEST), "fail", "fail", "fail", "fail"),
    (ValueError("a bug"), "fail", "fail", "fail", "fail"),
])
def test_exceptions_are_retried_unless_a_create_may_have_landed(exc, get, put, delete, post):
    verdicts = [verdict_for_exception(m, exc).value for m in ("GET", "PUT", "DELETE", "POST")]
    assert verdicts == [get, put, delete, post]


def test_an_untrusted_certificate_fails_at_once_for_every_method():
    try:
        try:
            raise ssl.SSLCertVerificationError(1, "certificate verify failed: self-signed certificate")
        except ssl.SSLError as tls:
            raise httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED]", request=REQUEST) from tls
    except httpx.ConnectError as exc:
        verdicts = {verdict_for_exception(m, exc) for m in ("GET", "PUT", "DELETE", "POST")}
    assert verdicts == {Verdict.FAIL}
    # any other failure to connect is still worth another try
    assert verdict_for_exception("GET", httpx.ConnectError("refused", request=REQUEST)) is Verdict.RETRY


@pytest.mark.parametrize("status, get, put, post", [
    (200, None, None, None),
    (201, None, None, None),
    (204, None, None, None),
    (429, "retry", "retry", "retry"),
    (500, "retry", "retry", "unclear"),
    (502, "retry", "retry", "unclear"),
    (503, "retry", "retry", "unclear"),
    (504, "retry", "retry", "unclear"),
    (408, "retry", "retry", "unclear"),
    (400, "fail", "fail", "fail"),
    (401, "fail", "fail", "fail"),
    (403, "fail", "fail", "fail"),
    (404, "fail", "fail", "fail"),
    (409, "fail", "fail", "fail"),
    (422, "fail", "fail", "fail"),
    (501, "fail", "fail", "fail"),
])
def test_statuses(status, get, put, post):
    verdicts = [verdict_for_status(m, status) for m in ("GET", "PUT", "POST")]
    assert [v.value if v else None for v in verdicts] == [get, put, post]


def test_an_error_inside_a_success_is_retried_for_reads_and_checked_for_creates():
    assert verdict_for_error_body("GET") is Verdict.RETRY
    assert verdict_for_error_body("PATCH") is Verdict.RETRY
    assert verdict_for_error_body("POST") is Verdict.UNCLEAR


def _answer(body: bytes, content_type: str = "application/json") -> httpx.Response:
    return httpx.Response(200, content=body, headers={"content-type": content_type})


@pytest.mark.parametrize("body, content_type, is_error", [
    (b'{"error":"InternalError","description":"oops"}', "application/json", True),  # Zendesk
    (b'{"errors":[{"code":"x","title":"y"}]}', "application/json", True),  # Zendesk JSON:API
    (b'{"description":"Validation failed","errors":[{"field":"a","message":"b"}]}', "application/json", True),  # Freshdesk
    (b'{"type":"error.list","request_id":"r","errors":[{"code":"c"}]}', "application/json", True),  # Intercom
    (b'<html><body>Down for maintenance</body></html>', "text/html", True),
    (b'{"group":{"id":1,"name":"Billing"}}', "application/json", False),
    (b'{"groups":[],"errors":null,"next_page":null}', "application/json", False),
    (b'{"id":5,"name":"x","description":"has error in its text","error":false}', "application/json", False),
    (b'{"job_status":{"id":"1","errors":["not ours"]},"status":"ok"}', "application/json", False),
    (b'[]', "application/json", False),
    (b'', "application/json", False),
    (b'plain words', "text/plain", False),
])
def test_error_bodies_are_recognised_in_every_vendor_shape(body, content_type, is_error):
    assert error_in_body(_answer(body, content_type)) is is_error
