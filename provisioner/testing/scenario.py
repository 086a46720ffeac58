"""Named generated accounts (``large``, ``huge``) for benchmarks and ``emulator serve --scenario``.

A scenario is the provider's example desired state applied to a fresh emulated account, then
``random_account.generate_account`` with per-kind counts and a fixed seed: realistic objects
whose references point at each other, created through the provider's real client so the
emulator's own validation keeps them legal. A provider lists its scenarios in
``Provider.scenarios``; the engine knows none by name.

Generating ``huge`` means tens of thousands of creates, so a built account is cached under
``.provisioner/scenarios/``, keyed by a digest of everything that shapes it: the scenario, the
provider's example YAML and the source of the provider and of the generator. Any change to
those builds it again; the same inputs always give the same account.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

import httpx

from provisioner.errors import UserError
from provisioner.provider import Provider
from provisioner.suggest import did_you_mean

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "desired_state"
CACHE_DIR = Path(".provisioner") / "scenarios"


@dataclass(frozen=True)
class Scenario:
    """+ counts: objects to generate per kind; ``"*"`` is the count of every kind not named.
    + seed: the same seed gives the same account. + recipe: a ``random_account.Recipe``
    (what the generic generator cannot guess about the vendor). + summary: one line for help."""

    name: str
    counts: Mapping[str, int]
    seed: int = 1
    recipe: Any = None
    summary: str = ""

    def count_of(self, kind: str) -> int:
        return self.counts.get(kind, self.counts.get("*", 0))


@dataclass
class Built:
    """A scenario's account state (an emulator ``dump()``), and whether it came from the cache."""

    state: dict[str, Any]
    cached: bool
    path: Path | None = None
    created: dict[str, int] = field(default_factory=dict)


def scenario_for(provider: Provider, name: str) -> Scenario:
    """The provider's scenario called ``name``; a ``UserError`` listing the known ones otherwise."""
    scenarios = dict(getattr(provider, "scenarios", None) or {})
    if name not in scenarios:
        known = ", ".join(scenarios) or "none"
        raise UserError(f"unknown scenario {name!r} for {provider.name}{did_you_mean(name, list(scenarios))}; "
                        f"known: {known}")
    return scenarios[name]


def digest(provider: Provider, scenario: Scenario) -> str:
    """What the generated account depends on, hashed: a changed emulator (whose state it is),
    generator or example means a new account. (Not the whole provider: an edit to a kind's read
    or to the audit checks must not cost minutes of regenerating ``huge``.)"""
    sha = hashlib.sha256()
    sha.update(repr((scenario.name, sorted(scenario.counts.items()), scenario.seed, scenario.recipe)).encode())
    sources = sorted((ROOT / "providers" / provider.name / "emulator").rglob("*.py"))
    sources += sorted(Path(__file__).parent.glob("*.py"))
    sources += sorted((EXAMPLES / provider.name).glob("*.y*ml"))
    for path in sources:
        sha.update(str(path.relative_to(ROOT)).encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()[:16]


def build_state(provider: Provider, scenario: Scenario,
                progress: Callable[[str], None] | None = None) -> Built:
    """Generate the scenario's account from nothing (minutes for ``huge``)."""
    from provisioner.apply import apply_plan
    from provisioner.desired.load import load_desired
    from provisioner.live import read_live
    from provisioner.plan.build import PlanRequest, build_plan
    from provisioner.testing.random_account import Recipe, generate_account, templates_from

    emulator = provider.make_emulator(None)
    adapter = provider.connect(provider.emulator_env, httpx.MockTransport(emulator))
    try:
        example = EXAMPLES / provider.name
        state, _ = load_desired(example)
        plan = build_plan(state, provider, read_live(adapter, provider.kinds), PlanRequest())
        report = apply_plan(plan, provider, adapter)
        if not report.ok:
            raise UserError(f"scenario {scenario.name}: the {provider.name} example did not apply: {report.error}")
        if progress:
            progress(f"generating the {scenario.name} account ({sum_counts(provider, scenario)} objects)…")
        made = generate_account(provider, adapter, templates_from(example), seed=scenario.seed,
                                recipe=scenario.recipe or Recipe(), duplicate_rate=0.0,
                                counts=dict(scenario.counts))
    finally:
        adapter.close()
    return Built(emulator.dump(), cached=False, created=made.created)


def sum_counts(provider: Provider, scenario: Scenario) -> int:
    """How many objects the scenario asks for, over the kinds the generator can create."""
    return sum(scenario.count_of(k.name) for k in provider.kinds
               if k.capabilities.create and not k.singleton)


def scenario_state(provider: Provider, name: str, workdir: Path = Path("."),
                   progress: Callable[[str], None] | None = None) -> Built:
    """The scenario's account, from the cache when its inputs are unchanged, else built and cached."""
    scenario = scenario_for(provider, name)
    path = workdir / CACHE_DIR / f"{provider.name}-{scenario.name}-{digest(provider, scenario)}.json"
    if path.exists():
        return Built(json.loads(path.read_text()), cached=True, path=path)
    built = build_state(provider, scenario, progress)
    from provisioner.connect import write_private

    for stale in path.parent.glob(f"{provider.name}-{scenario.name}-*.json"):
        stale.unlink()  # an older emulator's account; never read again
    write_private(path, json.dumps(built.state, separators=(",", ":")))
    built.path = path
    return built
