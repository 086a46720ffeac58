"""Command-line mistakes: one line, exit 1 (never argparse's 2, which ``plan
--detailed-exitcode`` uses for "changes present"), no traceback, no request."""

from __future__ import annotations

import pytest

from tests.badinput.harness import ServedAccount, error_line

# name -> (arguments, what the one line must say)
USAGE: dict[str, tuple[tuple[str, ...], str]] = {
    "unknown_command": (("plna", "state"), "provisioner: argument COMMAND: invalid choice: 'plna'"),
    "unknown_option": (("plan", "state", "--dry-run"), "provisioner: unrecognized arguments: --dry-run"),
    "block_out_of_range": (("plan", "state", "--block", "12"), "provisioner plan: argument --block: blocks are numbered 1 to 9"),
    "block_not_a_number": (("plan", "state", "--block", "routing"), "'routing' is not a block list such as 4, 1,2,5 or 1-3"),
    "missing_path": (("validate",), "provisioner validate: the following arguments are required: path"),
    "unknown_provider_choice": (("kinds", "--provider", "zendsk"), "argument --provider: invalid choice: 'zendsk'"),
    "apply_without_source": (("apply",), "apply needs a plan file or a YAML path"),
    "detailed_exitcode_with_bad_flag": (("plan", "state", "--detailed-exitcode", "--blok", "4"),
                                        "unrecognized arguments: --blok 4"),
}


@pytest.mark.parametrize("name", sorted(USAGE))
def test_usage_error_is_one_line_and_exit_1(cli, account: ServedAccount, name: str) -> None:
    args, says = USAGE[name]
    line = error_line(cli(*args))
    assert says in line, line
    assert account.emulator.request_log == []
