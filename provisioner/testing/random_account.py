"""A seeded, randomly generated account, built through a provider's own adapter.

Provider-agnostic: the shapes come from the provider's example desired state, which is known
to be valid; the generator varies what can vary without knowing the vendor's rules:

- natural keys (with awkward but legal text: quotes, colons, unicode, YAML words like ``yes``),
  and a share of deliberate duplicates, which vendors allow and export must pin;
- every reference (``Kind.references``), re-pointed at random objects of the target kind;
- free text (``description`` unless the recipe says otherwise), including line breaks and text
  that looks like ``${env:X}`` placeholders;
- booleans the kind declares defaults for (``active``), so inactive objects exist;
- the order of every ordered kind, shuffled through the vendor's reorder endpoint.

Objects are created with ``adapter.create`` from desired docs exactly as apply sends them
(``apply.payload``: natural keys to ids, then the kind's request shape). What a generic
generator cannot guess (values the vendor requires to be unique account-wide, such as Zendesk
option tags) comes from a small ``Recipe``. Same provider, templates, seed: same account.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from provisioner.apply import payload
from provisioner.desired.load import load_desired
from provisioner.errors import ProvisionerError
from provisioner.kind import Doc, Kind
from provisioner.live import read_live
from provisioner.provider import Adapter, Provider
from provisioner.references import KeyTable, Ref, Unresolved, rewrite

KEY_WORDS = ("Ünïcödé", "émoji 🎧", "quote's", 'double "q"', "colon: value", "#hash", "- dash", "yes", "null",
             "123", "[bracket]", "{brace}", "${env:NOT_A_REF}", "$${var.x}", "50%", "a & b", "*star", "!bang",
             "trailing ", "tab\there", "{{ticket.id}}")
TEXTS = ("", "Plain words.", "Line one\nLine two\n", "indented\n  block\n\nwith gap", "trailing spaces   ",
         " leading space", "colon: value # not a comment", "${env:HOME} is text, not a secret",
         "$${var.x} and ${var.y}", "quotes ' and \" both", "ünïcödé ✓ 🎧", "- looks like a list", "yes",
         "{{ticket.requester.name}} wrote", "x" * 300, "tab\tand\\backslash", "null")


@dataclass(frozen=True)
class Recipe:
    """What the generic generator cannot guess about a provider.

    + unique: kind -> dotted paths (``Ref`` syntax) whose values must be unique account-wide.
    + text: kind -> top-level fields of free text (default: ``description`` when the model has it).
    + skip: kinds not to generate.
    """

    unique: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    text: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    skip: frozenset[str] = frozenset()


@dataclass
class Generated:
    """+ created: objects made, by kind. + duplicates: objects sharing a natural key on purpose.
    + plain: creates that needed the unvaried template (the vendor refused the varied one).
    + stopped: kinds whose plain template was refused too (a uniqueness rule, a quota), and why."""

    created: dict[str, int] = field(default_factory=dict)
    duplicates: int = 0
    plain: list[str] = field(default_factory=list)
    stopped: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.created.values())


def templates_from(example: Path) -> dict[str, list[Doc]]:
    """Valid desired docs per kind: the provider's example desired state, loaded and checked."""
    state, _ = load_desired(example)
    return {name: [copy.deepcopy(o.doc) for o in objects] for name, objects in state.objects.items()}


class _Maker:
    def __init__(self, provider: Provider, adapter: Adapter, templates: dict[str, list[Doc]],
                 recipe: Recipe, seed: int, duplicate_rate: float) -> None:
        self.provider, self.adapter, self.templates, self.recipe = provider, adapter, templates, recipe
        self.rng = random.Random(seed)
        self.duplicate_rate = duplicate_rate
        live = read_live(adapter, provider.kinds)
        self.table: KeyTable = live.table
        # Keys a reference may point at: live non-system objects, then what we create (unique ones).
        self.pool: dict[str, list[str]] = {k.name: [o.key for o in live.of(k.name) if not o.system]
                                           for k in provider.kinds}
        self.counter = 0
        self.keyed: dict[str, set[str]] = {}  # keys handed out for kinds keyed by a reference
        self.result = Generated()
        self.last_error = ""

    def make(self, kind: Kind, count: int) -> None:
        mine: list[str] = []
        for _ in range(count):
            template = self.rng.choice(self.templates[kind.name])
            duplicate = bool(mine) and self.rng.random() < self.duplicate_rate
            key = self.rng.choice(mine) if duplicate else self._new_key(kind, template)
            doc = self._varied(kind, template, key)
            made = self._create(kind, doc, key)
            if made is None:  # the vendor refused the variation: the template itself, a plain fresh key
                key = self._new_key(kind, template, plain=True)
                made = self._create(kind, self._unique(kind, {**copy.deepcopy(template), kind.natural_key: key}), key)
                if made is None:  # a vendor rule the templates cannot vary around: stop this kind
                    self.result.stopped[kind.name] = self.last_error
                    return
                self.result.plain.append(f"{kind.name} {key!r}: {self.last_error}")
                duplicate = False
            self.result.created[kind.name] = self.result.created.get(kind.name, 0) + 1
            if duplicate:
                self.result.duplicates += 1
                if key in self.pool[kind.name]:
                    self.pool[kind.name].remove(key)  # never reference an ambiguous key
            else:
                mine.append(key)
                self.pool[kind.name].append(key)

    def _new_key(self, kind: Kind, template: Doc, plain: bool = False) -> str:
        """A fresh natural key; ``plain`` keeps the template's characters (some vendors limit them).

        When the natural key is itself a reference (one membership list per group), the key is
        an existing target this kind has not used yet."""
        target = self._key_target(kind)
        if target is not None:
            used = set(self.table.by_key.get(kind.name, {})) | self.keyed.get(kind.name, set())
            free = [k for k in self.pool.get(target, []) if k not in used]
            key = self.rng.choice(free) if free else str(template.get(kind.natural_key, ""))
            self.keyed.setdefault(kind.name, set()).add(key)
            return key
        self.counter += 1
        base = str(template.get(kind.natural_key, kind.name))
        if "@" in base:  # an email stays an email: billing+7@example.com
            local, _, domain = base.partition("@")
            return f"{local}+{self.counter}@{domain}"
        return f"{base}{self.counter}" if plain else f"{base} {self.rng.choice(KEY_WORDS)} {self.counter}"

    def _varied(self, kind: Kind, template: Doc, key: str) -> Doc:
        doc = copy.deepcopy(template)
        doc[kind.natural_key] = key
        model_fields = getattr(kind.model, "model_fields", {}) if kind.model is not None else {}
        text_fields = self.recipe.text.get(kind.name, ("description",) if "description" in model_fields else ())
        for name in text_fields:
            if self.rng.random() < 0.7:
                doc[name] = self.rng.choice(TEXTS)
        for name, default in kind.defaults.items():
            if isinstance(default, bool) and self.rng.random() < 0.25:
                doc[name] = not default
        doc = self._repointed(kind, doc)
        doc[kind.natural_key] = key  # a key that is also a reference was chosen by _new_key
        return self._unique(kind, doc)

    def _key_target(self, kind: Kind) -> str | None:
        """The kind a natural key names, when the key is a reference (group memberships)."""
        return next((ref.target for ref in kind.references if ref.path == kind.natural_key), None)

    def _repointed(self, kind: Kind, doc: Doc) -> Doc:
        used: dict[str, set[str]] = {}

        def mapper(ref: Ref, value: Any, path: tuple[Any, ...]) -> Any:
            raw = str(value)
            if ref.key_prefix and not raw.startswith(ref.key_prefix):
                return value
            current = raw[len(ref.key_prefix):]
            target = self.provider.kind(ref.target)
            taken = used.setdefault(ref.path, set())
            chosen = self._pick(self.pool.get(ref.target, []), taken)
            if current in target.builtin or chosen is None:
                taken.add(current)
                return value
            taken.add(chosen)
            return f"{ref.key_prefix}{chosen}"

        return rewrite(doc, kind.references, mapper)

    def _pick(self, pool: list[str], taken: set[str]) -> str | None:
        """A random key of ``pool`` not in ``taken``. A direct draw almost always succeeds, so
        large accounts (10,000 fields to point at) avoid filtering the whole pool per reference."""
        if pool:
            chosen = self.rng.choice(pool)
            if chosen not in taken:
                return chosen
        choices = [k for k in pool if k not in taken]
        return self.rng.choice(choices) if choices else None

    def _unique(self, kind: Kind, doc: Doc) -> Doc:
        self.counter += 1
        suffix = f"-{self.counter}"  # a hyphen is legal in tags and in subdomains alike
        for path in self.recipe.unique.get(kind.name, ()):
            doc = rewrite(doc, (Ref(path, kind.name),), lambda ref, value, where: f"{value}{suffix}")
        return doc

    def _create(self, kind: Kind, doc: Doc, key: str) -> Any:
        try:
            created = self.adapter.create(kind, payload(kind, doc, self.table))
        except ProvisionerError as exc:
            self.last_error = str(exc)
            return None
        except Unresolved as exc:  # the template names an object this account lacks
            self.last_error = f"unresolved reference: {exc}"
            return None
        self.table.add(kind.name, key, created[kind.id_field])
        return created

    def shuffle_order(self, kind: Kind) -> None:
        ids = [obj[kind.id_field] for obj in self.adapter.read(kind)]
        self.rng.shuffle(ids)
        self.adapter.reorder(kind, ids)


def generate_account(provider: Provider, adapter: Adapter, templates: dict[str, list[Doc]], *, total: int = 0,
                     seed: int, recipe: Recipe = Recipe(), duplicate_rate: float = 0.03,
                     counts: Mapping[str, int] | None = None) -> Generated:
    """Create ``total`` objects (spread over every kind with templates) and shuffle orders.

    ``counts`` (kind name -> how many; ``"*"`` for any kind not named) replaces the even spread:
    benchmark scenarios need a thousand triggers next to fifty brands, as real accounts have."""
    kinds = [k for k in provider.kinds if templates.get(k.name) and k.capabilities.create
             and not k.singleton and k.name not in recipe.skip]
    if not kinds:
        raise ProvisionerError(f"no {provider.name} kind has a template to generate from")
    maker = _Maker(provider, adapter, templates, recipe, seed, duplicate_rate)
    if counts is not None:
        for kind in kinds:
            maker.make(kind, counts.get(kind.name, counts.get("*", 0)))
    while counts is None and maker.result.total < total:  # a stopped kind leaves its share to the others
        active = [k for k in kinds if k.name not in maker.result.stopped]
        before = maker.result.total
        share, extra = divmod(total - before, len(active)) if active else (0, 0)
        for index, kind in enumerate(active):
            maker.make(kind, share + (1 if index < extra else 0))
        if maker.result.total == before:
            break
    for kind in kinds:
        if kind.ordered and kind.capabilities.reorder:
            maker.shuffle_order(kind)
    return maker.result
