"""Event dates (docs/annotation.md §5 rule 1): a day the incident is only measured against
("for the second time since airstrikes resumed on 9 August") is a yardstick, not its date."""

from __future__ import annotations

from datetime import date

from tests.extraction.test_error_classes import REF, claim, dated, run

YARDSTICK = (date(2016, 8, 9),) * 2


def _from(dates: tuple[date, date] | None) -> date | None:
    return dates[0] if dates else None


def test_a_day_the_incident_is_counted_from_does_not_date_it() -> None:
    text = (
        "Fighting went on around the city. The charity said the only childrens hospital in the "
        "east of the city has come under attack for the second time since airstrikes resumed "
        "on 9 August."
    )
    assert _from(dated(claim(run(text), text, "childrens hospital"))) != YARDSTICK[0]
    # the same day standing for the incident itself still dates it
    told = "The charity said airstrikes hit the only childrens hospital in the east on 9 August."
    assert dated(claim(run(told), told, "childrens hospital")) == YARDSTICK


def test_a_statement_s_day_dates_a_claim_counted_from_another_day() -> None:
    text = (
        "The charity on Friday said that the only childrens hospital in the east of the city "
        "has come under attack for the third time since airstrikes resumed on 9 August."
    )
    assert dated(claim(run(text), text, "childrens hospital")) == (REF, REF)
