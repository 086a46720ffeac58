"""The served-account fixtures of the bad-input corpus, shared with the secrets tests."""

from tests.badinput.conftest import account, no_retry_waits, point_at, pool  # noqa: F401
