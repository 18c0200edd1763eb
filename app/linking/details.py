"""The details a claim tells of an attack in common words ("a police station", "the
convoy", "a suicide bomber", "the parking of the hospital"): what two claims must share,
beyond the kind of attack, its place and its day, to agree on the event itself. Names are
left out (places and actors are compared as such), and so are the words any report of any
attack uses ("killed", "explosion", "said", "on Monday")."""

from __future__ import annotations

import re

from app.extraction.normalize import word_set
from app.linking.records import ClaimRecord

# a word's first letters stand for it: "evacuees" and "evacuation", "waited" and "waiting"
STEM = 5
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*[A-Za-z]")

# every report of an attack has these: telling, time, counting, people, the attack's
# generic words, places in general, parties in general, and English's own small words
_STOP = word_set(
    """
a about above according across added adding after afternoon again against ago all
along also although am amid among an and another any are around as at attack attacked
attacker attackers attacks away back be because been before being below between
blast blasts bomb bombed bomber bombers bombing bombings both but by called came
can capital carried caused civilian civilians claimed claiming clashes city cities
could countryside country daily day days dead death deaths died district districts
did do does dozen dozens during each earlier early east eastern either else evening
explosion explosions explosive explosives fire fired fires firing first five for
four from further had has have having he her here hers him his hit hits hitting
hour hours how however hundreds if in including injured injuries injuring inside
into is it its killed killing killings late later latest least left like lives
local many may men more morning most much near nearby neighbourhood neighbourhoods
neighborhood neighborhoods new night nine no north northern northeast northeastern
northwest northwestern not now number of off official officials on one only or
other others our out outside over part people person persons province provinces
raid raided raids region reported reporter reports residents rocket rockets said
say saying says scores second see seen seven several shell shelled shelling shells
she side since six so some source sources south southern southeast southeastern
southwest southwestern statement still strike strikes struck such targeted
targeting ten than that the their them then there these they third this those
three through to told toll took town towns two under until up upon
us victims village villages was wave we week weeks were west western what when
where which while who whom whose will with without women wounded wounding would
year years yesterday you
airstrike airstrikes air group groups held rebel-held regime-held
government-held opposition-held suspected alleged thousands
activist activists agency channel correspondent journalists media ministry monitor
monitoring monitors news observatory spokesman spokeswoman state television witness
witnesses regime government forces army troops soldiers rebels rebel opposition
militants militant terrorists terrorist jihadists fighters coalition warplanes warplane
jets jet aircraft planes plane chemical weapons weapon gas toxic suburb suburbs
"""
)


def details(r: ClaimRecord) -> dict[str, str]:
    """The claim's detail words by stem (stem -> the word as written first)."""
    if "details" not in r.memo:
        found: dict[str, str] = {}
        for w in _WORD.findall(r.text):
            # a name ("al-Rai", "Midan", "Monday") or part of one is not a common word
            if w.islower() and w not in _STOP:
                found.setdefault(w[:STEM], w)
        r.memo["details"] = found
    return r.memo["details"]  # type: ignore[no-any-return]


def shared(a: ClaimRecord, b: ClaimRecord) -> list[str]:
    """The details both claims tell, as the first claim writes them."""
    da, db = details(a), details(b)
    return [w for stem, w in da.items() if stem in db]
