"""Relations between claims of two articles, on sentences written on the patterns the
dev gold pairs showed (docs/relations-annotation.md): which facts agree, which clash."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.linking import details, facts, match, pairs, where
from app.linking.match import Match, evidence
from app.linking.pairs import link_pair, link_within_source
from app.linking.records import ActorRef, Claimant, ClaimRecord, Figure, PlaceRef
from app.linking.relate import relate
from app.linking.summary import Edge, summarize
from app.services.event_groups import clusters

HOMS = PlaceRef(60, "Homs", "city", (60, 61, 1), 61, (61,))
ARMY = ActorRef(5, "Syrian Arab Army", "agent", "armed_forces", (5, 6))
AIR_FORCE = ActorRef(7, "Syrian Arab Air Force", "agent", "armed_forces", (7, 5, 6))
RUSSIAN_AIR = ActorRef(8, "Russian Aerospace Forces", "agent", "armed_forces", (8, 9))


def _figure(
    kind: str,
    value: int | None,
    surface: str | None = None,
    qualifier: str | None = None,
    *,
    subset: bool = False,
) -> Figure:
    """A figure as extraction gives it: its words default to the number."""
    words = str(value) if surface is None else surface
    return Figure(kind, value, value, value, qualifier, subset, words, None, None)


def _claim(n: int, text: str, **fields: object) -> ClaimRecord:
    base: dict[str, object] = {
        "id": n,
        "key": f"s{n}:0000000",
        "source_id": n,
        "source_key": f"s{n}",
        "outlet": f"outlet {n}",
        "published": date(2016, 6, 3),
        "start": 0,
        "end": len(text),
        "text": text,
        "claimant": Claimant(f"outlet:outlet {n}", f"outlet {n}"),
        "hedged": False,
        "in_comments": False,
        "event_type": "airstrike",
        "date_start": date(2016, 6, 3),
        "date_end": date(2016, 6, 3),
        "precision": "day",
        "date_rule": "own",
        "places": (HOMS,),
        "actors": (ARMY,),
    }
    base.update(fields)
    return ClaimRecord(**base)  # type: ignore[arg-type]


def test_a_toll_agrees_with_the_same_count_given_as_a_part_of_a_larger_toll() -> None:
    """Twelve killed on the minibus, and forty killed, twelve of them on a minibus: both count the
    12 on the minibus, so independent claimants corroborate each other."""
    outlet = _claim(
        1,
        "Twelve civilians were killed when army shells hit a minibus on the road out of Homs.",
        figures=(_figure("killed", 12),),
    )
    monitor = _claim(
        2,
        "Army shelling in and around Homs killed 40 civilians on Friday, 12 of them on a "
        "minibus, the monitor said.",
        claimant=Claimant("actor:136", "SOHR", 136, "monitor", (136,)),
        figures=(_figure("killed", 40), _figure("killed", 12, subset=True)),
    )
    link = link_pair(outlet, monitor)
    assert link is not None and link.kind == "corroborates", link and link.reason
    assert "killed" in link.agree
    # two claims in one event only through others may count different groups: the part
    # is then no evidence that they agree (nor, as a part, that they clash)
    through_others = Match()
    through_others.evidence.append("in one event through the claims that link them")
    assert relate(outlet, monitor, through_others).kind == "related"


def test_a_statement_carried_whole_inside_a_longer_sentence_is_a_repeat() -> None:
    """One outlet gives the envoy's words alone, another carries them inside a sentence
    that adds the day and the toll: the same statement told twice, counted once."""
    envoy = Claimant("actor:218", "UN envoy", 218, "igo", (218,))
    short = _claim(
        1,
        'The UN envoy said the army bears "full responsibility" for the shelling of the market.',
        claimant=envoy,
    )
    longer = _claim(
        2,
        "The UN envoy said on Friday the army bears full responsibility for the shelling of "
        "the market that killed at least 40 people, most of them women and children queuing "
        "for bread, in the old city of Homs, where a truce had held for two weeks.",
        claimant=envoy,
    )
    link = link_pair(short, longer)
    assert link is not None and link.kind == "repeats", link and link.reason
    assert "word pairs in the longer" in link.reason
    # another speaker in the same words is not that statement carried again
    other = _claim(3, short.text.replace("The UN envoy", "A French minister"))
    link = link_pair(other, longer)
    assert link is not None and link.kind != "repeats", link.reason


def test_a_village_in_the_countryside_is_not_the_city_of_the_governorates_name() -> None:
    """A hospital "in the town of X in southern rural Hama" is placed at its town; a claim
    its article places in Hama city is another place, though both lie in Hama governorate
    and tell of air strikes that day."""
    hama = PlaceRef(70, "Hama", "city", (70, 71, 1), 71, (71,))
    town = PlaceRef(72, "Kafr Zita", "town", (72, 71, 1), 71, (71,))
    city = _claim(
        1,
        "The monitor said it could not tell whether Syrian or Russian jets carried out the strikes.",
        places=(hama,),
        places_inherited=True,
    )
    rural = _claim(
        2,
        "The only hospital in the town of Kafr Zita in northern rural Hama was destroyed in "
        "air strikes on Friday.",
        places=(town,),
    )
    assert evidence(city, rural).blocked == "different places (rural Hama is not the city)"
    # in so many words in the city: the same place
    in_city = _claim(3, "Air strikes hit a hospital in Hama on Friday.", places=(town, hama))
    assert evidence(city, in_city).blocked is None


def test_a_part_given_without_a_number_does_not_hide_a_new_toll() -> None:
    """The monitor's 30 dead, then its "at least 45 people, including several children":
    'several children' is no count that 30 could be a part of, so the later figure is
    the same claimant's update, not two groups."""
    sohr = Claimant("actor:136", "SOHR", 136, "monitor", (136,))
    several = Figure("killed", None, None, None, "vague", True, "several", None, None)
    first = _claim(
        1,
        "The monitor put the death toll at 30.",
        claimant=sohr,
        published=date(2016, 6, 3),
        figures=(_figure("killed", 30),),
    )
    later = _claim(
        2,
        "Army shelling killed at least 45 people in Homs including several children, the "
        "monitor said.",
        claimant=sohr,
        published=date(2016, 6, 4),
        figures=(
            Figure("killed", 45, 45, None, "at_least", False, "at least 45", None, None),
            several,
        ),
    )
    link = link_pair(first, later)
    assert link is not None and link.kind == "updates", link and link.reason
    assert (link.a.id, link.b.id) == (1, 2) and link.differ == ("killed",)


def test_the_same_claimant_s_new_toll_within_its_earlier_wording_is_an_update() -> None:
    """The monitor's "at least 58 people" on Tuesday, its 86 dead on Wednesday: the later
    count is allowed by the earlier wording, but it is the same claimant's new figure (the
    guideline's 'updates'), not one count told twice."""
    sohr = Claimant("actor:136", "SOHR", 136, "monitor", (136,))
    first = _claim(
        1,
        "The attack killed at least 58 people including 11 children, the monitor said.",
        claimant=sohr,
        published=date(2016, 6, 3),
        figures=(Figure("killed", 58, 58, None, "at_least", False, "at least 58", None, None),),
    )
    later = _claim(
        2,
        "The death toll from the attack has risen to 86, the monitor said.",
        claimant=sohr,
        published=date(2016, 6, 4),
        figures=(_figure("killed", 86),),
    )
    link = link_pair(first, later)
    assert link is not None and link.kind == "updates", link and link.reason
    assert (link.a.id, link.b.id) == (1, 2) and link.differ == ("killed",)
    # three commanders killed in an earlier strike, or the dozens of fighters of another:
    # the same ministry's counts of different scopes or groups, not its revision
    for value, surface in ((3, "three senior commanders"), (40, "about 40 civilians")):
        other = replace(later, figures=(_figure("killed", value, surface),))
        fighters = replace(first, figures=(_figure("killed", 80, "up to 80 fighters"),))
        link = link_pair(fighters, other)
        assert link is not None and link.kind == "related", (surface, link and link.reason)


HAMA = PlaceRef(70, "Hama", "governorate", (70, 1), 70, (70,))
HAMA_CITY = PlaceRef(71, "Hama", "city", (71, 70, 1), 70, (70,))
KAFR_ZITA = PlaceRef(72, "Kafr Zita", "town", (72, 70, 1), 70, (70,))


def _article(*texts: str, **fields: object) -> list[ClaimRecord]:
    """Claims of one article, in order: the first at Kafr Zita on 3 June, the others placed
    only by the article (Hama governorate) and dated 3 June, all of one kind of event."""
    out, start = [], 0
    for n, text in enumerate(texts):
        own = n == 0
        out.append(
            _claim(
                1,
                text,
                id=n + 1,
                key=f"s1:{start:07d}",
                start=start,
                end=start + len(text),
                places=(KAFR_ZITA,) if own else (HAMA,),
                places_inherited=not own,
                date_rule="own" if own else "inherited",
                actors=(),
                **fields,
            )
        )
        start += len(text) + 1
    return out


def _linked(records: list[ClaimRecord]) -> set[tuple[int, int]]:
    return {(link.a.id, link.b.id) for link in link_within_source(records)}


def test_a_claim_of_the_lede_s_day_and_place_joins_its_incident_by_the_article_alone() -> None:
    """Within one article, a claim on the lede's day at the article's place, of a kind that
    goes with the lede's (the toll of a strike), is about the lede's incident though it
    does not point back at it."""
    lede = "Air strikes killed 20 people in the town of Kafr Zita on Friday."
    toll = "Five children were among twenty people killed, the monitor said."
    first, second = _article(lede, toll)
    assert _linked([first, replace(second, event_type="casualties")]) == {(1, 2)}


def test_the_article_alone_joins_a_claim_only_near_the_incident_it_told() -> None:
    """Some sentences on (more than pairs.REACH characters) an article has more often moved
    on without saying so than not: a roundup's next operation, background, the reactions.
    There the same day, governorate and kind of event are no longer joined by the article
    alone (audit-dev9: "Another army unit ..." in Daraa, a paragraph after the air force
    west of Aleppo); nearer, they are; and evidence of its own (the lede's town) still is."""
    lede = "Air strikes killed 20 people in the town of Kafr Zita on Friday."
    toll = "Five children were among twenty people killed, the monitor said."
    first, second = _article(lede, toll)
    second = replace(second, event_type="casualties")
    assert _linked([first, second]) == {(1, 2)}
    start = first.end + pairs.REACH + 1
    far = replace(second, start=start, end=start + len(toll), key=f"s1:{start:07d}")
    assert _linked([first, far]) == set()
    at_the_town = replace(far, places=first.places, places_inherited=False)
    assert _linked([first, at_the_town]) == {(1, 2)}


def test_a_reference_back_does_not_overrule_a_claim_s_own_date() -> None:
    """ "The worst attack was ... in August 2013": words that could point back at the
    incident told before do not join a claim that dates itself to another time; undated,
    the same words refer back to it."""
    lede = "Air strikes killed 20 people in the town of Kafr Zita on Friday."
    recalled = (
        "The worst attack was what a UN report said was a sarin attack in August 2013 on "
        "the Damascus suburb of Ghouta that killed hundreds."
    )
    first, second = _article(lede, recalled)
    august = {
        "date_start": date(2013, 8, 1), "date_end": date(2013, 8, 31),
        "precision": "month", "date_rule": "own",
    }  # fmt: skip
    assert _linked([first, replace(second, **august)]) == set()
    undated = {"date_start": None, "date_end": None, "precision": None, "date_rule": None}
    assert _linked([first, replace(second, **undated)]) == {(1, 2)}


def test_a_claim_that_turns_to_another_incident_is_not_joined_to_it_by_its_article() -> None:
    """A "Meanwhile" (after a dateline or a headline's words, too) opens another incident:
    the same day and governorate and kind of event are not enough to make it the one the
    article told before, as they are for a claim that goes on about it."""
    lede = "Air strikes killed 20 people in the town of Kafr Zita on Friday."
    goes_on = "A rocket slammed into a hospital in the north of the country on Friday."
    assert _linked(_article(lede, goes_on)) == {(1, 2)}
    for turn in ("Meanwhile a rocket", "Hama Meanwhile a rocket", "Elsewhere a rocket"):
        assert _linked(_article(lede, goes_on.replace("A rocket", turn))) == set(), turn
    # "The attack came as ..." points back at the lede only to tell what else happened
    # (FA-KES 1914947538: "The attack came as the Observatory reported that troops had
    # executed 48 people earlier this week in a northern village")
    for turn in ("The attack came as a rocket", "The strikes came one day after a rocket"):
        assert _linked(_article(lede, goes_on.replace("A rocket", turn))) == set(), turn


def test_a_meanwhile_moves_the_article_on_and_a_came_as_does_not() -> None:
    """ "Meanwhile ..." (after a subheading too: "- Troops kill 10 children - Meanwhile the
    Observatory said") takes the article on to another incident, whose place the claims
    after it keep (tests/services/test_passage.py); "The attack came as ..." tells another
    incident beside the article's and does not move it on."""
    for text in (
        "Meanwhile air strikes killed 12 people in Homs on Friday.",
        "- Troops kill 12 - Meanwhile the Observatory said air strikes killed 12 in Homs.",
        "Elsewhere air strikes killed 12 people in Homs on Friday.",
    ):
        record = _claim(1, text)
        assert facts.moves_on(record) is not None and facts.turns_away(record), text
        assert facts.moves_on_words(text) is not None, text
    beside = _claim(1, "The attack came as air strikes killed 12 people in Homs on Friday.")
    assert facts.turns_away(beside) is not None and facts.moves_on(beside) is None


def test_a_claim_that_says_it_tells_a_separate_incident_is_not_joined_to_what_came_before() -> None:
    """ "Separately two militants were killed in clashes in the same area": even at the
    lede's own place and day, it is another incident, where a "Meanwhile" claim with that
    evidence of its own is still joined."""
    lede = "Four Turkish soldiers were killed in an attack near Kafr Zita on Friday."
    other = "{} two militants were killed in clashes in Kafr Zita on Friday."
    first, second = _article(lede, other.format("Meanwhile"), event_type="casualties")
    placed = replace(second, places=first.places, places_inherited=False, date_rule="own")
    assert _linked([first, placed]) == {(1, 2)}
    for words in ("Separately", "In a separate attack", "Hama Separately", "Earlier in the day"):
        apart = replace(placed, text=other.format(words))
        assert facts.separate(apart) is not None, words
        assert _linked([first, apart]) == set(), words


def test_a_claim_recalling_earlier_incidents_is_not_joined_to_the_articles_news() -> None:
    """A claim set in earlier incidents ("have used sarin before", "has previously said")
    is background, before or after the news in its article; a denial "not in the past and
    not in the future", or a toll "in the past 24 hours", is not."""
    news = "Rockets with chemical agents hit Kafr Zita on Friday, activists said."
    recalled = "Western states believe government forces have used small amounts of sarin before."
    kw = {"event_type": "chemical_attack"}
    assert _linked(_article(news, recalled, **kw)) == set()
    assert _linked(_article(news, recalled.replace(" before.", "."), **kw)) == {(1, 2)}
    background = "A UN inquiry has previously said government forces used chlorine."
    first, second = _article(news, background, **kw)
    # the background told first in the article: not joined to the news after it either
    swapped = [
        replace(second, key="s1:0000000", start=0),
        replace(first, key=f"s1:{len(background) + 1:07d}", start=len(background) + 1),
    ]
    assert _linked(swapped) == set()
    for text in (
        "The army does not use them, not in the past and not in the future, the source said.",
        "Air strikes killed 45 people in the past 24 hours.",
        "Air strikes killed 45 people in the past two days.",
    ):
        assert facts.recalls(_claim(1, text)) is None, text


def test_a_period_of_days_overlapping_the_day_of_an_incident_is_weak_evidence() -> None:
    """A claim "over the past few days" overlaps any day of its week: with nothing but the
    articles' governorate to place both, it does not make the day's strike the same
    incident; two claims of the same day or two do, on the same evidence."""
    day = _claim(
        1,
        "The monitor said it was unclear whether Syrian or Russian warplanes carried out the strikes.",
        places=(HAMA_CITY,),
        places_inherited=True,
        actors=(RUSSIAN_AIR,),
    )
    week = _claim(
        2,
        "The ambulance centre came under intense Russian air strikes over the past few days.",
        places=(HAMA,),
        places_inherited=True,
        actors=(RUSSIAN_AIR,),
        date_start=date(2016, 5, 28),
        date_end=date(2016, 6, 3),
        precision="week",
    )
    assert link_pair(day, week) is None
    two_days = replace(week, date_start=date(2016, 6, 2))
    assert link_pair(day, two_days) is not None


def test_independent_claimants_naming_one_culprit_corroborate() -> None:
    """Two independent claimants who both say the regime's jets did it agree on who did
    it (docs/relations-annotation.md: the same actors), even with no toll to compare."""
    outlet = _claim(
        1, "Syrian regime jets pounded the town of Homs on Friday.", actors=(AIR_FORCE,)
    )
    monitor = _claim(
        2,
        "Warplanes of the army carried out the strikes on Homs on Friday, the monitor said.",
        claimant=Claimant("actor:136", "SOHR", 136, "monitor", (136,)),
        actors=(ARMY,),
        event_type="shelling",
    )
    link = link_pair(outlet, monitor)
    assert link is not None and link.kind == "corroborates", link and link.reason
    assert "agree on agent" in link.reason
    # the same claimant twice is not corroboration
    again = replace(monitor, claimant=outlet.claimant)
    link = link_pair(outlet, again)
    assert link is not None and link.kind == "related", link.reason
    # nor is a claimant who leaves the agent open ("did not know whether Syrian or Russian
    # jets": audit-dev7, the Idlib market strike) agreeing with one who names it
    unsure = replace(monitor, text="The monitor said it did not know whether Syrian or "
                     "Russian jets carried out the strikes on Homs on Friday.")  # fmt: skip
    link = link_pair(outlet, unsure)
    assert link is not None and link.kind == "related", link.reason


def test_a_toll_reported_on_the_day_of_the_attack_is_closer_than_one_reported_later() -> None:
    """A statement made on the day another claim dates the incident to ("the monitor said
    on Friday") is closer evidence than one made days after it: with only the province
    (one claim by its article) to place both, the same kind of event and an agreeing toll,
    the first pair is one incident and the second is not."""
    attack = _claim(
        1,
        "Air strikes killed 20 people in Hama province on Friday.",
        places=(HAMA,),
        actors=(),
        figures=(_figure("killed", 20),),
    )
    said = _claim(
        2,
        "Twenty people were killed in air strikes, the monitor said on Friday.",
        places=(HAMA,),
        places_inherited=True,
        claimant=Claimant("actor:136", "SOHR", 136, "monitor", (136,)),
        date_rule="statement",
        actors=(),
        figures=(_figure("killed", 20),),
    )
    m = evidence(attack, said)
    assert "reported the day it happened (2016-06-03 / reported 2016-06-03)" in m.evidence
    assert link_pair(attack, said) is not None
    later = replace(said, date_start=date(2016, 6, 5), date_end=date(2016, 6, 5))
    assert not any(e.startswith("reported the day") for e in evidence(attack, later).evidence)
    assert link_pair(attack, later) is None
    # two statements, or a statement on a day of a longer range, are no closer than before
    assert link_pair(replace(attack, date_rule="statement"), said) is None


def test_the_dead_or_the_toll_of_a_later_claim_refer_back_to_the_incident_told_before() -> None:
    """ "Five of the dead were children", "the death toll rose": a claim about the victims
    of the incident its article just told refers back to it, as "the attack" does, though
    its own kind of event (casualties) only goes with the strike and it gives no day (so
    that the article alone would not join it: a claim of the same day would be)."""
    lede = "Air strikes killed 20 people in the town of Kafr Zita on Friday."
    for toll, linked in (
        ("The monitor said five of the dead were children.", True),
        ("The monitor said the death toll could rise further.", True),
        ("The monitor said five of the victims were children.", True),
        ("The monitor said five children were among twenty people.", False),
    ):
        first, second = _article(lede, toll)
        undated = {"date_start": None, "date_end": None, "precision": None, "date_rule": None}
        pair = [first, replace(second, event_type="casualties", **undated)]
        assert (_linked(pair) == {(1, 2)}) is linked, toll


def test_a_general_statement_about_many_incidents_is_not_the_article_s_news() -> None:
    """What happens often or over years ("have often been targeted", "has been attempting
    to seize it for two years") is background, in its article and across articles, unless
    the claim dates itself."""
    news = "Rockets with chemical agents hit Kafr Zita on Friday, activists said."
    kw = {"event_type": "chemical_attack"}
    for general in (
        "The volunteers have often been targeted by government strikes as they rescue others.",
        "Government forces have been attempting to seize the town for more than two years.",
        "Rebel towns have been hit by chemical attacks throughout the conflict.",
        # what the whole war has done, whatever claim it closes
        "Peace talks have stalled with no end in sight to a conflict that has killed 280000.",
        "Millions have fled the country during the six-year war.",
        "Aleppo has been devastated by the civil war, which has killed more than 300000.",
    ):
        assert facts.background(_claim(1, general)) is not None, general
        assert _linked(_article(news, general, **kw)) == set(), general
        other = _claim(2, general, date_rule="inherited", event_type="chemical_attack")
        assert link_pair(_claim(1, news, event_type="chemical_attack"), other) is None, general
    plain = "Rebel towns were hit by chemical attacks, activists said."
    assert facts.background(_claim(1, plain)) is None
    for incident in (
        "A war plane that has killed 12 people was shot down, activists said.",
        "The attack, which has killed 12 people, hit the market on Friday.",
    ):
        assert facts.background(_claim(1, incident)) is None, incident
    assert _linked(_article(news, plain, **kw)) == {(1, 2)}


def test_what_a_place_or_a_thing_is_is_background() -> None:
    """A claim that says what something is, where it lies or what it holds, as an
    article's background does, is no incident: it joins neither its article's news nor
    another article's claim. The incident described ("The attack is a larger part of the
    operation"), a quote after its speaker ("... said al-Shimale It is a public market")
    and a witness in the houses are not descriptions."""
    news = "Air strikes hit the town of Tabaqa on Friday, killing 12 people, activists said."
    kw = {"event_type": "airstrike"}
    for described in (
        "Tabaqa sits on a key supply route into Raqqa and served as a command base.",
        "Palmyra is a UNESCO world heritage site famous for its Roman colonnades.",
        "The shrine contains the grave of Sayyeda Zeinab.",
        "Hafez Assad was born in al-Qardaha located in the Latakia province.",
        "Mayadeen is one of Daesh's last bastions in Syria.",
    ):
        assert facts.background(_claim(1, described)) is not None, described
        assert _linked(_article(news, described, **kw)) == set(), described
    for told in (
        "The attack is a larger part of the operation the army announced on Sunday.",
        "Two buildings collapsed said al-Shimale It is a public market.",
        "We ran inside the houses and saw whole families dead in their beds.",
        "The town is under siege by government forces, activists said.",
    ):
        assert facts.background(_claim(1, told)) is None, told
    # a claim giving a count is about an incident, whatever its verb
    counted = _claim(
        1,
        "The town is a target of strikes that killed 12 people.",
        figures=(_figure("killed", 12),),
    )
    assert facts.background(counted) is None


def test_a_count_over_days_or_months_is_not_the_toll_of_one_incident() -> None:
    """ "Six days of bombing have killed dozens", "57 killed in recent days": a campaign's
    count is no incident's toll, so it neither joins the day's strike nor contradicts its
    toll; a toll "in the past 24 hours" is an incident's."""
    strike = _claim(
        1, "Air strikes killed 12 people in Douma on Friday.", figures=(_figure("killed", 12),)
    )
    for text in (
        "Six days of heavy bombing have killed 40 people in the region.",
        "In recent days 57 civilians have been killed in the region.",
        "Strikes have killed 40 people in the region since March.",
    ):
        period = _claim(2, text, figures=(_figure("killed", 40),), date_rule="inherited")
        assert facts.cumulative(period) is not None, text
        assert link_pair(strike, period) is None, text
    day = _claim(
        2, "Air strikes killed 40 people in the past 24 hours.", figures=(_figure("killed", 40),)
    )
    assert facts.cumulative(day) is None
    assert link_pair(strike, day) is not None
    # the period an incident is measured against counts nothing
    for text in (
        "The attack, the first explosion to hit the town since the outbreak of the war, "
        "killed 40 people on Friday.",
        "It was the deadliest attack on the town since March, killing 40 people on Friday.",
    ):
        first = _claim(2, text, figures=(_figure("killed", 40),))
        assert facts.cumulative(first) is None, text
    most = _claim(2, "Strikes have killed 40 people, most of them children, since March.",
                  figures=(_figure("killed", 40),))  # fmt: skip
    assert facts.cumulative(most) is not None
    # a period dating a noun of the claim, not its count (relations/dev5: the Raqqa toll)
    launched = _claim(2, "A counteroffensive left 40 soldiers dead on Monday in a blow to an "
                         "advance launched earlier this month.", figures=(_figure("killed", 40),))  # fmt: skip
    assert facts.cumulative(launched) is None


def test_counts_an_order_of_magnitude_apart_are_of_different_scopes() -> None:
    """129 dead against 13, "hundreds of thousands" against "hundreds": one counts a part, a
    campaign or the war, the other an incident; the pair is related, neither contradiction
    nor corroboration. 58 against "some 80", or "at least 12" against none, still clash."""
    a = _claim(1, "Air strikes on Homs killed 129 people on Friday, the monitor said.",
               figures=(_figure("killed", 129),))  # fmt: skip
    for other, kind in ((13, "related"), (58, "contradicts"), (0, "contradicts")):
        text = f"State media said the raids on the city left {other} dead."
        b = _claim(2, text, figures=(_figure("killed", other),))
        link = link_pair(a, b)
        assert link is not None and link.kind == kind, other
    assert facts.same_scope(_figure("killed", 1300), _figure("killed", 494))
    assert not facts.same_scope(_figure("killed", 48), _figure("killed", 1))


def test_an_undated_claim_is_about_the_days_just_before_its_article() -> None:
    """A daily round-up's undated claim ("20 civilians were killed in rocket attacks") is of
    its day or the days just before, not of a strike dated five days earlier elsewhere; nor
    two days after, but the day after its dateline can still be the incident's day in
    Syria (the FA-KES dev2 pair 1914947538 / 1965495332: Sputnik's "21.02.2015" over the
    Qardaha bombing of Sunday 22 February)."""
    undated = _claim(
        2,
        "Twenty civilians were killed in rocket attacks on the city.",
        date_start=None,
        date_end=None,
        precision=None,
        date_rule=None,
        published=date(2016, 6, 8),
    )
    days = (
        (date(2016, 6, 6), True), (date(2016, 6, 3), False), (date(2016, 6, 9), True),
        (date(2016, 6, 10), False),
    )  # fmt: skip
    for day, linked in days:
        dated = _claim(
            1, "Rocket attacks hit the city, activists said.", date_start=day, date_end=day
        )
        assert (link_pair(dated, undated) is not None) is linked, day


def test_a_rebel_depot_blamed_for_the_gas_contradicts_the_accusation() -> None:
    """Hollande blames the regime's forces; Moscow says the strike hit a "terrorist"
    stockpile: a denial that names another culprit, without a word of denial."""
    hollande = _claim(
        1,
        "For his part French President Francois Hollande directly blamed Syrian regime forces "
        "for the attack",
        claimant=Claimant("actor:214", "Francois Hollande", 214, "person", (214, 215)),
        event_type="chemical_attack",
    )
    moscow = _claim(
        2,
        "But Moscow which holds a veto defended its Damascus ally saying that while Syrian "
        'aircraft had carried out a strike the chemicals were part of a "terrorist" stockpile '
        'of "toxic substances" that had been hit on the ground.',
        claimant=Claimant("actor:22", "Russia", 22, "state", (22,)),
        actors=(AIR_FORCE,),
    )
    one_event = Match()
    one_event.evidence.append("in one event through the claims that link them")
    link = relate(hollande, moscow, one_event)
    assert link.kind == "contradicts"
    assert set(link.differ) == {"denial", "actors"}
    assert link.detail["values"]["denial"]["words"] == 'terrorist" stockpile'
    # destroying a government's own stockpile is no culprit named
    deal = replace(moscow, text="Syria agreed to destroy its chemical weapons stockpile in 2013.")
    assert relate(hollande, deal, one_event).kind != "contradicts"


def test_a_count_of_others_or_of_a_part_is_not_set_against_a_toll() -> None:
    """ "21 others died in strikes on the east of the city" counts more dead beside another
    count, "13 rebels were among the dead" a part, "two militiamen were also killed" one more
    group: none is the incident's toll, so against a toll of 10 the pair is related, neither
    contradiction nor update. In "six were killed and 34 others injured" the others are the
    injured beside its own dead: its six still clash with another outlet's eight."""
    bus = _claim(
        1,
        "Ten civilians were killed when regime airstrikes hit a bus near Homs.",
        figures=(_figure("killed", 10),),
    )
    for text, value in (
        (
            "21 others died in intense strikes on several neighbourhoods in the east of the city.",
            21,
        ),
        ("Five women and 13 rebels from the six families were among the dead.", 13),
        ("Two pro-regime militiamen were also killed.", 2),
    ):
        other = _claim(2, text, figures=(_figure("killed", value),))
        assert facts.added(other) is not None, text
        link = link_pair(bus, other)
        assert link is not None and link.kind == "related", text
        assert "another group or a part" in link.reason
        same_voice = replace(other, claimant=bus.claimant)
        assert relate(bus, same_voice, evidence(bus, same_voice)).kind == "related", text
    eight = _claim(
        1,
        "Eight civilians were killed on Thursday in rebel fire on Homs.",
        figures=(_figure("killed", 8),),
    )
    six = _claim(
        2,
        "Six civilians were killed on Thursday and 34 others were injured in rocket attacks.",
        figures=(_figure("killed", 6), _figure("injured", 34)),
    )
    assert facts.added(six) is None
    link = link_pair(eight, six)
    assert link is not None and link.kind == "contradicts"


def test_a_word_for_a_count_disputes_only_a_count_far_below_it() -> None:
    """ "Dozens" wounded on the day and 140 counted by the hospitals, or "scores of
    volunteers" and "around 20": a word for a count is a loose early reading, not a dispute
    of a larger or a near count. It still disputes one far below it, or none."""
    dozens = _figure("injured", None, "dozens", "vague")
    assert facts.allows(dozens, _figure("injured", 140, "140"))
    assert facts.allows(_figure("killed", None, "scores of volunteers", "vague"),
                        _figure("killed", 20, "around 20", "about"))  # fmt: skip
    assert not facts.allows(dozens, _figure("injured", 5, "five"))
    assert not facts.allows(dozens, _figure("injured", 0, "no one"))
    bombing = _claim(1, "A bomb killed 44 people and wounded dozens on Wednesday in Homs.",
                     figures=(_figure("injured", None, "dozens", "vague"),))  # fmt: skip
    hospitals = _claim(2, "Hospitals received 44 bodies and 140 injured people, doctors said.",
                       figures=(_figure("injured", 140, "140 injured"),))  # fmt: skip
    link = link_pair(bombing, hospitals)
    assert link is not None and link.kind != "contradicts"
    few = replace(hospitals, text="Hospitals received five injured people, doctors said.",
                  figures=(_figure("injured", 5, "five injured"),))  # fmt: skip
    link = link_pair(bombing, few)
    assert link is not None and link.kind == "contradicts"


def test_a_count_of_fighters_is_not_set_against_a_count_of_civilians() -> None:
    """ "Dozens of terrorists" eliminated and "five civilians" killed in the same offensive
    are counts of different people: never a contradiction. "Dozens of civilians" against
    five civilians still is one."""
    fighters = _figure("killed", None, "dozens of terrorists", "vague")
    civilians = _figure("killed", 5, "Five civilians")
    assert facts.group(fighters) == "fighters of armed groups"
    assert facts.group(civilians) == "civilians"
    assert facts.group(_figure("killed", 38, "38 people")) is None
    assert not facts.same_group(fighters, civilians)
    army = _claim(1, "Army units restored control, eliminating dozens of terrorists.",
                  figures=(fighters,))  # fmt: skip
    monitor = _claim(2, "Five civilians have been killed in the offensive on Homs.",
                     figures=(civilians,))  # fmt: skip
    link = link_pair(army, monitor)
    assert link is not None and link.kind != "contradicts"
    dozens = replace(army, text="Army shelling killed dozens of civilians in Homs.",
                     figures=(_figure("killed", None, "dozens of civilians", "vague"),))  # fmt: skip
    link = link_pair(dozens, monitor)
    assert link is not None and link.kind == "contradicts"


def test_staged_denies_only_as_made_up() -> None:
    """ "The attack was staged" denies it; "Daesh militants have staged counterattacks"
    says they carried them out."""
    for text, denies in (
        ("The ministry said the chemical attack was staged by the White Helmets.", True),
        ("State TV said the footage was completely staged.", True),
        ("Officials dismissed it as staged footage.", True),
        ("Daesh militants have staged counterattacks but the rebels kept momentum.", False),
        ("The rebels staged a surprise assault on the base.", False),
    ):
        assert (facts.denial(_claim(1, text)) is not None) is denies, text


def test_fighters_captured_is_not_a_place_taken() -> None:
    """ "Another 15 terrorists were captured during the failed offensive" has the army take
    prisoners, not a place: it does not dispute who holds the ground."""
    prisoners = _claim(1, "Another 15 terrorists were captured by the army during the offensive.",
                       event_type="capture_territory")  # fmt: skip
    assert facts.controller_claim(prisoners) is None
    seized = replace(prisoners, text="The army captured 15 fighters near the town.")
    assert facts.controller_claim(seized) is None
    town = replace(prisoners, text="The army captured the town of Homs on Sunday.")
    assert facts.controller_claim(town) == ("gains", facts.Cue("capture_territory", 0))


def test_counts_listed_together_add_up_to_the_toll() -> None:
    """ "Killing a woman and nine children" is a toll of 10: against the monitor's 10 dead
    it agrees, and the event's figures give the claim's 10, not its 1 and 9. A part of the
    claim's own total ("including 10 on the bus") and counts of two kinds stay apart."""
    woman = _figure("killed", 1, "a woman")
    children = _figure("killed", 9, "nine children")
    text = "An airstrike hit the village on Tuesday killing a woman and nine children."
    woman = replace(woman, start=text.index("a woman"), end=text.index("a woman") + 7)
    children = replace(
        children, start=text.index("nine children"), end=text.index("nine children") + 13
    )
    village = _claim(1, text, figures=(woman, children))
    [total] = facts.compared(village)
    assert (total.value, total.surface) == (10, "a woman and nine children")
    assert facts.group(total) == "civilians"
    monitor = _claim(2, "Ten people were killed in the strike on Homs, the monitor said.",
                     figures=(_figure("killed", 10, "Ten people"),))  # fmt: skip
    link = link_pair(village, monitor)
    assert link is not None and link.kind == "corroborates", link and link.reason
    summary = summarize([village, monitor], [Edge(1, 2, link.kind)])
    rows = {r["claim_id"]: r["value"] for r in summary.figures["killed"]["by_claimant"]}
    assert rows == {1: "10", 2: "10"}
    assert (summary.figures["killed"]["min"], summary.figures["killed"]["max"]) == (10, 10)
    text = "The strike killed 12 people and injured 30 others."
    twelve = _figure("killed", 12, "12 people")
    thirty = _figure("injured", 30, "30 others")
    two_kinds = _claim(
        3,
        text,
        figures=(
            replace(twelve, start=text.index("12"), end=text.index("12") + 9),
            replace(thirty, start=text.index("30"), end=text.index("30") + 9),
        ),
    )
    assert [(f.kind, f.value) for f in facts.compared(two_kinds)] == [
        ("killed", 12),
        ("injured", 30),
    ]


def test_one_count_of_the_killed_and_injured_is_neither_kind_s() -> None:
    """ "Rocket shells killed and injured five civilians" counts casualties: extraction
    gives the one span as both killed and injured, and neither is set against another
    outlet's 17 injured or 3 killed."""
    text = "A number of rocket shells killed and injured five civilians in the city."
    at = text.index("five civilians")
    span = {"start": at, "end": at + len("five civilians")}
    both = tuple(
        replace(_figure(kind, 5, "five civilians"), **span) for kind in ("killed", "injured")
    )
    shells = _claim(1, text, figures=both)
    assert facts.compared(shells) == ()
    police = _claim(2, "Three children were killed and 17 people injured by the shells.",
                    figures=(_figure("killed", 3, "Three children"),
                             _figure("injured", 17, "17 people")))  # fmt: skip
    link = link_pair(shells, police)
    assert link is not None and link.kind != "contradicts", link.reason


def test_raids_on_one_side_of_a_divided_city_and_shells_on_the_other_are_two_attacks() -> None:
    """ "Air raids on the opposition-held part of Aleppo killed 13" and "8 killed in
    government-held Aleppo" the same day are two attacks, whose tolls dispute nothing;
    "rebels fired rockets on Damascus" hit the government's side of it."""
    raids = _claim(1, "Air raids by regime forces on the opposition-held part of Homs killed "
                      "13 civilians on Monday.", figures=(_figure("killed", 13),))  # fmt: skip
    assert where.front_side(raids) == "opposition"
    for text in (
        "Eight civilians were killed in government-held Homs on Monday.",
        "In retaliation rebels fired rockets on Homs killing eight civilians on Monday.",
        "Terrorist rocket shells on Homs killed eight civilians on Monday.",
        "Missiles on the western districts dominated by the Syrian regime killed eight.",
        "Shells on districts under government control killed eight civilians on Monday.",
    ):
        shells = _claim(2, text, figures=(_figure("killed", 8),), actors=())
        assert where.front_side(shells) == "government", text
        assert evidence(raids, shells).blocked.startswith("different places"), text
        assert link_pair(raids, shells) is None, text
    # one side named, or both in one claim, sets nothing apart
    same_side = _claim(2, "Regime raids on rebel-held Homs killed eight people on Monday.",
                       figures=(_figure("killed", 8),))  # fmt: skip
    link = link_pair(raids, same_side)
    assert link is not None and link.kind == "contradicts"
    held = _claim(2, "Raids on the districts held by rebels killed eight people on Monday.")
    assert where.front_side(held) == "opposition"
    both = _claim(3, "Shells hit rebel-held and government-held districts of Homs.")
    assert where.front(both) is None
    press = _claim(3, "State-controlled television said eight people were killed in Homs.")
    assert where.front(press) is None
    # what hit them says the side too (FA-KES 1923848148 / 1926479024: SOHR's barrel bomb
    # on Bab al-Nayrab and SANA's "terrorist rocket attacks" on Aleppo that Thursday)
    for text in ("Fifteen civilians were killed in a barrel bomb attack on Homs.",
                 "Air strikes on Homs killed fifteen civilians on Monday."):  # fmt: skip
        assert where.front_side(_claim(4, text)) == "opposition", text
    for text in (
        "Terrorist groups positioned in Bustan al-Qasser fired a mortar shell on a school.",
        "Two were killed by rocket shells fired by terrorists on the neighborhood.",
        "Six civilians were killed in terrorist rocket attacks on several neighborhoods.",
    ):
        assert where.front_side(_claim(4, text)) == "government", text


def test_attacks_on_two_sides_of_a_front_are_not_one_event_through_a_third_claim() -> None:
    """A day's toll in a city links to the regime's barrel bombs on its rebel-held east and
    to the rebels' rockets on it alike; the two attacks are still two events (FA-KES
    1923848148 / 1926479024: Bab al-Nayrab and SANA's "terrorist rocket attacks" on Aleppo
    that Thursday), when either says who holds the area. In a battle both sides strike:
    air strikes along a front and the rebels' rockets, sides read only from what hit,
    stay in the battle's event (1923848279 / 1926479317)."""
    bombs = _claim(1, "Barrel bombs on a rebel-held district of Homs killed eleven children.")
    rockets = _claim(2, "Six civilians were killed in terrorist rocket attacks on Homs.")
    toll = _claim(3, "Seventeen people were killed in Homs on Monday, the monitor said.")
    assert match.firm_conflict(bombs, rockets) and not match.firm_conflict(bombs, toll)

    def events(*records: ClaimRecord) -> list[list[int]]:
        by_id = {r.id: r for r in records}
        edges = [Edge(3, r.id, "related", (), {"score": 4.0}) for r in records if r.id != 3]
        return sorted(clusters(set(by_id), edges, by_id))

    assert events(bombs, rockets, toll) == [[1, 3], [2]]
    raids = _claim(1, "Air strikes pounded the fronts west of Homs all night.")
    assert where.front_side(raids) == "opposition" and where.held_side(raids) is None
    assert not match.firm_conflict(raids, rockets)
    assert events(raids, rockets, toll) == [[1, 2, 3]]


def test_a_count_of_children_or_aid_workers_is_part_of_a_toll_not_a_rival_toll() -> None:
    """UNICEF's "25 children" and the monitor's toll of 47, "12 aid workers and drivers"
    and "around 20 people": a part of the dead, not another count of them. Counts of a
    part larger than the toll still clash."""
    toll = _claim(1, "The monitor reported the airstrikes with a death toll of 47.",
                  figures=(_figure("killed", 47),))  # fmt: skip
    for surface, value in (("25 children", 25), ("12 aid workers and drivers", 12)):
        part = _claim(2, f"Airstrikes killed {surface} in the town, the agency said.",
                      figures=(_figure("killed", value, surface),))  # fmt: skip
        assert facts.narrower(part.figures[0], toll.figures[0]), surface
        link = link_pair(toll, part)
        assert link is not None and link.kind != "contradicts", surface
    more = _claim(2, "Airstrikes killed 60 children in the town, the agency said.",
                  figures=(_figure("killed", 60, "60 children"),))  # fmt: skip
    link = link_pair(toll, more)
    assert link is not None and link.kind == "contradicts"
    people = _claim(2, "Airstrikes killed 25 people in the town, the agency said.",
                    figures=(_figure("killed", 25, "25 people"),))  # fmt: skip
    link = link_pair(toll, people)
    assert link is not None and link.kind == "contradicts"


def test_one_claimant_s_gain_and_the_attack_it_foiled_are_not_a_dispute_over_control() -> None:
    """The army taking positions and the army foiling an attack, both in its own words, are
    two actions, and so they are told by another claimant ("the SDF foiled an ISIS attack"
    against "the SDF captured the ISIS headquarters"); an independent claimant saying the
    taker's attack was repelled disputes the gain."""
    army = Claimant("actor:6", "Syrian Arab Army", 5, "armed_forces", (5, 6))
    took = _claim(1, "Army units established control over the hills after killing 100 terrorists.",
                  event_type="capture_territory", claimant=army)  # fmt: skip
    foiled = _claim(2, "Army units foiled an attack launched by terrorist groups near Homs.",
                    event_type="battle", claimant=army)  # fmt: skip
    assert facts.controller_claim(took)[0] == "gains"
    assert facts.controller_claim(foiled)[0] == "repelled"
    link = link_pair(took, foiled)
    assert link is None or "control" not in link.differ
    other = replace(foiled, claimant=Claimant("outlet:outlet 2", "outlet 2"))
    link = link_pair(took, other)
    assert link is None or "control" not in link.differ
    repelled = _claim(2, "An army attack on the hills near Homs was repelled, rebels said.",
                      event_type="battle", actors=(replace(ARMY, role="target"),))  # fmt: skip
    assert facts.controller_claim(repelled)[0] == "repelled"
    link = link_pair(took, repelled)
    assert link is not None and "control" in link.differ


def test_a_toll_of_the_whole_war_is_not_an_incident_s() -> None:
    """ "The downing brought the toll for Russian soldiers killed in the Syrian conflict to
    18" counts the war, not the downing's five."""
    war = _claim(1, "The downing brought the toll for Russian soldiers killed in the Syrian "
                    "conflict to 18.", figures=(_figure("killed", 18),))  # fmt: skip
    assert facts.cumulative(war) is not None
    day = _claim(2, "Five Russian soldiers were killed when the helicopter was downed.",
                 figures=(_figure("killed", 5),))  # fmt: skip
    assert link_pair(war, day) is None
    deadliest = _claim(3, "The raid killed 50 people, the deadliest attack in the war.",
                       figures=(_figure("killed", 50),))  # fmt: skip
    assert facts.cumulative(deadliest) is None


def test_a_smaller_count_is_part_of_a_toll_of_several_attacks_or_places() -> None:
    """ "Six civilians were killed in three explosions" and the four a motorcycle bomb
    killed, "more than 30 killed in and around the city" and the ten on the bus: a total
    and one of its parts, no dispute; nor is the part the same claimant's new figure."""
    for text in (
        "Nine civilians were killed on Saturday in three explosions in Homs.",
        "Raids killed nine people in and around the city of Homs on Friday.",
        "Strikes killed nine people in 11 towns of Homs province on Friday.",
    ):
        total = _claim(1, text, figures=(_figure("killed", 9),))
        assert facts.several(total) is not None, text
        one = _claim(2, "A motorcycle bomb killed four people at the entrance of the village.",
                     figures=(_figure("killed", 4),))  # fmt: skip
        link = link_pair(total, one)
        assert link is not None and link.kind != "contradicts", text
        same_voice = replace(one, claimant=total.claimant)
        link = link_pair(total, same_voice)
        assert link is not None and link.kind not in ("contradicts", "updates"), text
    single = _claim(1, "An airstrike killed nine people in Homs on Friday.",
                    figures=(_figure("killed", 9),))  # fmt: skip
    assert facts.several(single) is None
    link = link_pair(single, _claim(2, "The strike killed four people in Homs.",
                                    figures=(_figure("killed", 4),)))  # fmt: skip
    assert link is not None and link.kind in ("contradicts", "related")


def test_the_state_s_soldiers_and_the_armed_groups_fighters_are_different_dead() -> None:
    """ "30 regime soldiers" (the attackers' claim) and "at least 38 opposition fighters"
    (the monitor's) count different men; two counts of soldiers, or soldiers and
    fighters of no named side, are still compared."""
    soldiers = _figure("killed", 30, "30 regime soldiers")
    rebels = _figure("killed", 38, "at least 38 opposition fighters", "at_least")
    assert facts.group(soldiers) == "fighters of the state"
    assert facts.group(rebels) == "fighters of armed groups"
    assert facts.group(_figure("killed", 9, "nine terrorists")) == "fighters of armed groups"
    assert facts.group(_figure("killed", 9, "nine fighters")) == "fighters"
    assert not facts.same_group(soldiers, rebels)
    assert facts.same_group(soldiers, _figure("killed", 12, "12 soldiers"))
    assert facts.same_group(rebels, _figure("killed", 12, "12 fighters"))
    a = _claim(1, "Aamaq claimed Daesh fighters killed 30 regime soldiers in the attack.",
               figures=(soldiers,))  # fmt: skip
    b = _claim(2, "The Observatory said at least 38 opposition fighters were killed.",
               figures=(rebels,))  # fmt: skip
    link = link_pair(a, b)
    assert link is None or link.kind != "contradicts"


def test_a_count_of_earlier_times_or_the_war_s_start_is_background() -> None:
    """ "It was the third time in less than a week that medical facilities had been hit"
    and "Hama was briefly in rebel hands at the start of Syria's revolution" recall other
    incidents; "struck the hospital for the second time on Tuesday" tells this one."""
    for text, recalled in (
        ("It was the third time in less than a week that medical facilities in the "
         "province had been hit.", True),
        ("Hama city was briefly in rebel hands at the start of Syria's revolution.", True),
        ("Warplanes struck the hospital for the second time on Tuesday.", False),
        ("The start of the offensive was announced on Tuesday.", False),
    ):  # fmt: skip
        assert (facts.recalls(_claim(1, text)) is not None) is recalled, text


def test_at_least_reaches_the_count_joined_to_it() -> None:
    """ "At least seven people were killed and 20 wounded": the 20 is at least 20, so
    another claim's 19 wounded and at least four killed does not clash with it; a count
    with its own words, or after more than a few words, keeps them."""
    text = "At least seven people were killed and 20 wounded when a blast hit a bus."
    killed = Figure("killed", 7, 7, 7, "at_least", False, "At least seven people", 0, 21)
    wounded = Figure("injured", 20, 20, 20, None, False, "20", 38, 40)
    monitor = _claim(1, text, figures=(killed, wounded))
    assert [f.qualifier for f in facts.compared(monitor)] == ["at_least", "at_least"]
    agency = _claim(2, "At least four people were killed and 19 wounded, the agency said.",
                    figures=(Figure("killed", 4, 4, 4, "at_least", False, "At least four", 0, 13),
                             Figure("injured", 19, 19, 19, None, False, "19", 37, 39)))  # fmt: skip
    link = link_pair(monitor, agency)
    assert link is not None and link.kind != "contradicts"
    text = "At least seven people were killed on Sunday in the city and 20 wounded."
    far = _claim(1, text, figures=(killed, replace(wounded, start=59, end=61)))
    assert [f.qualifier for f in facts.compared(far)] == ["at_least", None]


def test_another_count_after_a_time_or_a_model_number_is_one_more_group() -> None:
    """ "Forty minutes later a Sukhoi-34 bomber ... killed another 20 terrorists": the 20
    are more dead, not the ministry's new toll; "Su-34" and "forty minutes" count nobody.
    A count before "another" still makes it no added group ("killed 12 and another 3")."""
    text = ("Forty minutes later a Sukhoi-34 bomber carried out another attack against this "
            "stronghold to kill another 20 terrorists.")  # fmt: skip
    for words in (text, text.replace("Forty minutes", "Ten minutes")):
        later = _claim(1, words, figures=(_figure("killed", 20, "another 20 terrorists"),))
        assert facts.added(later) is not None, words
    both = _claim(1, "The strike killed 12 fighters and another 3 civilians.",
                  figures=(_figure("killed", 12), _figure("killed", 3)))  # fmt: skip
    assert facts.added(both) is None


def test_within_one_article_claimants_corroborate_only_on_a_figure() -> None:
    """An article telling a bombing in its own words beside the monitor it quotes on it, or
    two sources it quotes naming one agent, are one telling: the kind of attack, its place,
    day and agent are the article's, not two claimants agreeing; a toll both give still
    agrees, and two articles telling the event each corroborate."""
    own = Claimant("outlet:outlet 1", "outlet 1")
    sohr = Claimant("actor:136", "SOHR", 136, "monitor", (136,))
    told = _claim(1, "A large truck bomb hit the city of Homs on Friday.", claimant=own,
                  actors=(ARMY,), event_type="bombing")  # fmt: skip
    quoted = replace(told, id=2, key="s1:0000100", start=100, end=160, claimant=sohr,
                     text="The blast struck near the security headquarters, SOHR said.")  # fmt: skip
    [link] = link_within_source([told, quoted])
    assert link.kind == "related", link.reason
    ministry = Claimant("actor:7", "Interior ministry", 7, "government", (7,))
    [link] = link_within_source([replace(told, claimant=ministry), quoted])
    assert link.kind == "related", link.reason
    with_toll = [replace(r, figures=(_figure("killed", 44),)) for r in (told, quoted)]
    [link] = link_within_source(with_toll)
    assert link.kind == "corroborates" and "killed" in link.reason, link.reason
    elsewhere = replace(quoted, source_id=2, source_key="s2", key="s2:0000000")
    link = link_pair(told, elsewhere)
    assert link is not None and link.kind == "corroborates", link and link.reason
    assert "agent" in link.agree or "event" in link.agree, link.agree


def test_strikes_on_different_sites_are_two_attacks() -> None:
    """ "Four medics were killed when an airstrike hit a clinic" and "the air raids that
    hit an aid convoy killed around 20" the same day near one city are two attacks; a
    claim naming no site, or the same kind of site, is not set apart."""
    clinic = _claim(1, "Four medics were killed when an airstrike hit a clinic near Homs.",
                    figures=(_figure("killed", 4, "Four medics"),))  # fmt: skip
    convoy = _claim(2, "The air raids that hit an aid convoy near Homs killed around 20 people.",
                    figures=(_figure("killed", 20, "around 20 people", "about"),))  # fmt: skip
    assert where.sites(clinic) == {"hospital"} and where.sites(convoy) == {"convoy"}
    assert evidence(clinic, convoy).blocked.startswith("different places")
    assert link_pair(clinic, convoy) is None
    hospital = replace(convoy, text="Warplanes struck the hospital in Homs, killing 20.")
    assert link_pair(clinic, hospital) is not None
    plain = replace(convoy, text="Air raids on Homs killed around 20 people.")
    assert where.sites(plain) == frozenset() and link_pair(clinic, plain) is not None
    for words, site in (
        ("hit a medical centre", {"hospital"}),
        ("at the health ministry", set()),
        ("at the base of the hill", set()),
        ("struck the base", {"base"}),
    ):
        assert where.sites(replace(plain, text=words)) == site, words


def test_naming_one_city_says_less_than_naming_one_town() -> None:
    """A shelling of Homs on Friday and one told of Thursday to Saturday, with nothing else
    in common, may be two of the city's incidents; in one town, or with the same agent,
    they are one. A district of the city against the city weighs as the city."""
    first = _claim(1, "Shells hit Homs on Friday, the agency said.", event_type="shelling",
                   actors=())  # fmt: skip
    second = _claim(2, "Shelling struck Homs late in the week, residents said.",
                    event_type="shelling", actors=(), date_start=date(2016, 6, 2),
                    date_end=date(2016, 6, 4))  # fmt: skip
    assert evidence(first, second).score < 3.0
    assert link_pair(first, second) is None
    town = PlaceRef(70, "Talbiseh", "town", (70, 61, 1), 61, (61,))
    assert link_pair(replace(first, places=(town,)), replace(second, places=(town,))) is not None
    assert link_pair(replace(first, actors=(ARMY,)), replace(second, actors=(ARMY,))) is not None
    district = PlaceRef(62, "Al-Waer", "neighbourhood", (62, 60, 61, 1), 61, (61,))
    m = evidence(replace(first, places=(district,)), second)
    assert "Al-Waer is in Homs" in m.evidence and m.score < 3.0


def test_an_attacks_details_are_its_common_words_not_names_nor_any_reports_words() -> None:
    """What two claims must both tell to agree on the event: "suicide", "police station";
    not the names (Midan, Monday, Damascus: place and date are compared as such) nor what
    every report says ("killed", "attack", "state media said"). A group's claim of its
    fighters and a toll share none; words are matched by their first letters ("evacuees",
    "evacuation")."""
    state = _claim(1, "A double suicide bomb attack hit a police station in Syrias capital "
                      "Damascus on Monday state media said.")  # fmt: skip
    toll = _claim(2, "At least 17 people were killed on Monday by suicide bombings that "
                     "targeted a police station in the Midan neighbourhood of Damascus.")  # fmt: skip
    group = _claim(3, "The group said three of its fighters armed with guns and explosives "
                      "were involved in the attack in the southern neighbourhood of Midan.")  # fmt: skip
    assert set(details.details(state).values()) == {"double", "suicide", "police", "station"}
    assert details.shared(state, toll) == ["suicide", "police", "station"]
    assert details.shared(group, toll) == [] and details.shared(group, state) == []
    deal = _claim(4, "The evacuees waited in Rashidin for more than a day.")
    convoy = _claim(5, "A blast hit a bus convoy after an evacuation deal stalled.")
    assert details.shared(deal, convoy) == ["evacuees"]
    # the parties and weapons any report of its kind names are no detail either (audit-dev7:
    # "bombing by the Syrian regime" of a suburb over a week, and its sixth day)
    week = _claim(6, "The suburb has been subject to ferocious shelling by the regime warplanes.")
    day = _claim(7, "Regime warplanes have continued bombardment of a besieged suburb.")
    assert details.shared(week, day) == []


def test_bodies_recovered_so_far_are_a_floor_of_the_toll() -> None:
    """ "The group said five bodies were lifted from the rubble and the rescuers continued
    to look for the others" (audit-dev2: the White Helmets centre strike) does not dispute
    "killing eight volunteers": the dead found so far are at least five. A bare count of
    the dead still disputes another."""
    eight = _claim(1, "Airstrikes struck a centre of the White Helmets killing eight volunteers.",
                   figures=(_figure("killed", 8, "eight volunteers"),))  # fmt: skip
    text = "The group said five bodies were lifted from the rubble."
    found = _claim(2, text, figures=(replace(_figure("killed", 5, "five bodies"),
                                             start=15, end=26),))  # fmt: skip
    assert [f.qualifier for f in facts.compared(found)] == ["at_least"]
    assert relate(eight, found, Match()).kind != "contradicts"
    bare = replace(found, text="The group said five bodies were found in the rubble.")
    assert [f.qualifier for f in facts.compared(bare)] == [None]
    assert relate(eight, bare, Match()).kind == "contradicts"
    so_far = replace(found, text="The group said five bodies have been counted so far.")
    assert [f.qualifier for f in facts.compared(so_far)] == ["at_least"]


def test_what_a_claimant_says_was_an_attack_by_a_party_accuses_it() -> None:
    """ "... in response to what the United States says was a chemical weapons attack by
    the government" holds the government to account, as "accused the government of" does:
    its denial ("Syrian authorities denied charges") answers it, whatever role the
    claim's first mention of the state had ("military strikes against Syria")."""
    for text, accuses in (
        (
            "Obama has asked Congress to authorize military strikes against Syria in response "
            "to what the United States says was a chemical weapons attack by the government.",
            True,
        ),
        ("The government says it was a terrorist attack by rebels on the town.", True),
        ("The United States says the chemical weapons attack killed 1400 people.", False),
    ):
        assert (facts.accusation(_claim(1, text)) is not None) is accuses, text
