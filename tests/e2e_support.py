"""Helpers for end-to-end tests: an emulated account, the real client, and raw HTTP access.

``Account`` plans and applies through the engine's public functions (the same ones the CLI
uses) and offers ``raw`` — a plain httpx client on the same emulator — for the out-of-band
changes an admin would make in the UI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from provisioner.apply import ApplyReport, apply_plan
from provisioner.desired.load import load_desired
from provisioner.live import read_live
from provisioner.plan.build import PlanRequest, build_plan
from provisioner.plan.model import Plan
from provisioner.provider import Provider, load_provider


@dataclass
class Account:
    provider: Provider
    emulator: Any
    base_url: str
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def fresh(cls, provider_name: str, **options: Any) -> "Account":
        provider = load_provider(provider_name)
        emulator = provider.make_emulator(None, **options)
        env = dict(provider.emulator_env)
        base = next(v for k, v in env.items() if k.endswith("_URL"))
        return cls(provider, emulator, base)

    def adapter(self):  # type: ignore[no-untyped-def]
        return self.provider.connect(self.provider.emulator_env, httpx.MockTransport(self.emulator))

    @property
    def raw(self) -> httpx.Client:
        """An HTTP client on the emulator, authenticated like the tool, for out-of-band edits."""
        adapter = self.adapter()
        return adapter.http.client

    def plan(self, path: Path, request: PlanRequest | None = None) -> Plan:
        state, provider = load_desired(path)
        adapter = self.adapter()
        live = read_live(adapter, provider.kinds)
        return build_plan(state, provider, live, request or PlanRequest())

    def apply(self, plan: Plan) -> ApplyReport:
        report = apply_plan(plan, self.provider, self.adapter())
        assert report.ok, report.error
        return report

    def converge(self, path: Path) -> Plan:
        """Plan and apply; return the plan made afterwards (expected empty)."""
        plan = self.plan(path)
        assert plan.applyable, [d.summary for d in plan.errors]
        self.apply(plan)
        return self.plan(path)

    def writes(self) -> list[Any]:
        return [r for r in self.emulator.request_log if r.method in {"POST", "PUT", "PATCH", "DELETE"}]
