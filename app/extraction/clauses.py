"""One claim per claimant: a sentence in which two claimants speak is cut in two.

"The UN has announced that it will investigate the accusation | however a Syrian military
official has denied the attack" and "Al-Qaeda accuses BM of having pledged allegiance to
Daesh | though the militia denies it" are two claims each: the cut is at a contrasting
conjunction that a new speaker and a speech verb follow closely. The same speaker going on
("said A but added B") is not cut: the second part names nobody.
"""

from __future__ import annotations

import re

from app.extraction.attribution import AND_SAYS, Attribution, coordinated, find_attribution

_CUT = re.compile(r"(?:[;,]\s*|\s+)(?:however|but|while|whereas|although|though|yet)\s+|;\s+", re.I)
# "Many blamed the Syrian regime which denied any responsibility": the accused answers in a
# relative clause; its denial is its own claim (the relative pronoun is its speaker)
RELATIVE_DENIAL = re.compile(
    r"\b(which|who)\s+(?:has\s+|have\s+|had\s+)?"
    r"(denied|denies|rejected|rejects|refuted|dismissed)\b",
    re.I,
)
# "The observatory reported that 56 civilians were killed | and Colonel Chris Garver said
# there was evidence": a second speaker named right after "and", with a verb of its own
_AND = re.compile(r"\s+and\s+")
_AND_SPEAKER_WITHIN = 5  # characters from "and" to the second speaker's first word
_AND_SAYS_CUT = re.compile(rf"\s(?={AND_SAYS.pattern})")
_WITH_SAYING = re.compile(r"\s+(?=with\s+[^.;\"“”]{2,90}?\s(?:saying|adding|reporting)\b)")
_MIN_WORDS = 5
_WINDOW = 300  # characters after a cut in which its speaker and verb must stand
_SPEAKER_WITHIN = 60  # characters from the cut to the speaker's first word


def _fewer_words(text: str, start: int, end: int, n: int) -> bool:
    """Has text[start:end] fewer than n words? Reads no more than it needs to."""
    return len(text[start : min(end, start + 64 * n)].split()) < n


def split_by_claimant(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the claims of the sentence text[start:end], in order."""
    denial = next(
        (
            m
            for m in RELATIVE_DENIAL.finditer(text, start, end)
            if m.start() > start and text[m.start() - 1].isspace()
        ),
        None,
    )
    if denial is not None:
        left_end = start + len(text[start : denial.start()].rstrip())
        if not _fewer_words(text, start, left_end, _MIN_WORDS) and not _fewer_words(
            text, denial.start(), end, _MIN_WORDS
        ):
            return [
                *split_by_claimant(text, start, left_end),
                *split_by_claimant(text, denial.start(), end),
            ]
    for m in _AND_SAYS_CUT.finditer(text, start, end):
        # "The Observatory relies on sources | and says it determines ...": the outlet tells
        # the first part, the subject says the second (docs/annotation.md §2, one claimant)
        cut = m.end()
        if (
            not _fewer_words(text, start, cut, _MIN_WORDS)
            and find_attribution(text, start, cut) is None
            and coordinated(text, start, cut) is not None
        ):
            return [(start, m.start()), *split_by_claimant(text, cut, end)]
    for m in _WITH_SAYING.finditer(text, start, end):
        # "Shelling has been on the rise | with the monitor saying a school was hit": the
        # outlet's account, then the monitor's
        if _fewer_words(text, start, m.start(), _MIN_WORDS):
            continue
        speaker = find_attribution(text, m.end(), min(end, m.end() + _WINDOW))
        if speaker is not None and speaker.kind == "named" and speaker.start == m.end() + 5:
            return [(start, m.start()), *split_by_claimant(text, m.end(), end)]
    if (cut := _second_speaker(text, start, end)) is not None:
        return [(start, cut[0]), *split_by_claimant(text, cut[1], end)]
    for m in _CUT.finditer(text, start, end):
        left_end = m.start()
        right_start = m.start() + len(m.group()) - len(m.group().lstrip(" ;,"))
        if _fewer_words(text, start, left_end, _MIN_WORDS):
            continue
        if _fewer_words(text, m.end(), end, _MIN_WORDS - 1):
            break
        # the speaker must stand right after the cut: a bounded window keeps long lines linear
        speaker = find_attribution(text, m.end(), min(end, m.end() + _WINDOW))
        if (
            speaker is None
            or speaker.kind == "passive"
            or speaker.start - m.end() > _SPEAKER_WITHIN
            or speaker.cue_start < speaker.start
            or _trailing(text, m.end(), end, speaker)
        ):
            continue
        return [(start, left_end), *split_by_claimant(text, right_start, end)]
    return [(start, end)]


def _trailing(text: str, cut: int, end: int, speaker: Attribution) -> bool:
    """ "A but B monitors and sources on the ground said.": an attribution that closes the
    sentence after words of its own content tells all of it, not the part after the cut."""
    if _fewer_words(text, cut, speaker.start, 3):
        return False
    return _fewer_words(text, speaker.cue_end, end, _AFTER_VERB) or (
        _FURNITURE.match(text, speaker.cue_end, end) is not None
        and _fewer_words(text, speaker.cue_end, end, _AFTER_FURNITURE)
    )


_AFTER_VERB = 4  # words an attribution may run past its verb: "... told Reuters via telephone."
# "... UNICEF said in a statement on Thursday.": where and when it was said, not content
_FURNITURE = re.compile(
    r"\s*(?:in|on|via|during|late|early|earlier|later)\s(?![^.]*\bthat\b)", re.I
)
_AFTER_FURNITURE = 8


def _second_speaker(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(end of the first claim, start of the second) when text[start:end] is "X said A and
    Y said B": both speakers named, each with a finite verb, the second right after "and"
    and saying something after its verb ("... and medics said." is one claim)."""
    first = None
    for m in _AND.finditer(text, start, end):
        if _fewer_words(text, start, m.start(), _MIN_WORDS):
            continue
        if _fewer_words(text, m.end(), end, _MIN_WORDS - 1):
            break
        second = find_attribution(text, m.end(), min(end, m.end() + _WINDOW))
        if (
            second is None
            or second.kind != "named"
            or second.start - m.end() > _AND_SPEAKER_WITHIN
            or second.cue_start < second.start
            or text[second.cue_start : second.cue_end].endswith("ing")  # "... saying": X's own
            or _fewer_words(text, second.cue_end, end, 3)
        ):
            continue
        first = first or find_attribution(text, start, m.start())
        if first is None or first.kind == "passive" or first.end > m.start():
            return None
        if text[first.start : first.end].lower() == text[second.start : second.end].lower():
            continue
        return m.start(), m.end()
    return None
