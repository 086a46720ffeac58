"""Argument types shared by commands: block lists and plan options."""

from __future__ import annotations

import argparse

from provisioner.plan.build import PlanRequest


def blocks_arg(text: str) -> frozenset[int]:
    """``4``, ``1,2,5`` or ``1-3`` (mixed freely) -> a set of block numbers 1-9."""
    blocks: set[int] = set()
    for part in text.split(","):
        part = part.strip()
        try:
            if "-" in part:
                low, high = (int(x) for x in part.split("-", 1))
                blocks |= set(range(low, high + 1))
            else:
                blocks.add(int(part))
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a block list such as 4, 1,2,5 or 1-3") from None
    if not blocks or min(blocks) < 1 or max(blocks) > 9:
        raise argparse.ArgumentTypeError("blocks are numbered 1 to 9")
    return frozenset(blocks)


def add_plan_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--block", type=blocks_arg, action="append", metavar="N",
                        help="limit to build blocks (4, 1,2 or 1-3); repeatable")
    parser.add_argument("--allow-delete", action="store_true",
                        help="delete live objects the YAML does not name (every kind)")
    parser.add_argument("--allow-replace", action="append", default=[], metavar="KIND",
                        help="recreate objects of KIND whose immutable fields changed (destroys their data); 'all' for every kind")
    parser.add_argument("--disable-validator", action="append", default=[], metavar="NAME",
                        help="switch off a plan-time validator by name")


def plan_request(args: argparse.Namespace) -> PlanRequest:
    blocks = frozenset().union(*args.block) if args.block else None
    return PlanRequest(blocks=blocks, allow_delete=args.allow_delete,
                       allow_replace=frozenset(args.allow_replace),
                       disabled_validators=frozenset(args.disable_validator))
