"""Answer bot (Block 9): not manageable through any public Zendesk API.

Zendesk's bots (the answer bot, and the flow builder's conversation bots that replaced it for
messaging) are configured in Admin Center only: there is no public endpoint to read, create,
change or delete a bot, its answers or its flows. The kind is declared so that the capability
table and the docs say so plainly; a YAML section naming it is refused when the YAML is loaded,
rather than silently ignored. What the bot suggests comes from Help Center articles (Block 8),
which the tool does manage.
"""

from __future__ import annotations

from typing import Any

from pydantic import model_validator

from providers.zendesk.kinds._rules import Strict, refuse
from provisioner.kind import Capabilities, Kind

WHY = ("no public Zendesk API manages the answer bot or conversation bots; configure them in Admin Center "
       "(Channels → Bots and automations). The articles they suggest are managed as help_center_articles")


class AnswerBot(Strict):
    @model_validator(mode="before")
    @classmethod
    def _refuse(cls, data: Any) -> Any:
        raise refuse(f"answer_bot cannot be managed: {WHY}")


ANSWER_BOT = Kind(
    name="answer_bot", block=9, natural_key="name", path="", model=AnswerBot,
    capabilities=Capabilities(read=False, create=False, update=False, delete=False,
                              why_not={"read": WHY, "create": WHY, "update": WHY, "delete": WHY}),
    summary="Not manageable: no public API configures the answer bot or conversation bots.",
)
