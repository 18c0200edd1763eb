"""The words and patterns the event-date rules read (app.extraction.dating): what makes a
date background or a yardstick, what points back to an incident or opens a new thread,
the tenses, and a timeline's headings."""

from __future__ import annotations

import re

# "the deadliest attack since 2011", "for the second time since airstrikes resumed on 15
# November": the date is a yardstick, not the event's
COMPARED = re.compile(
    r"\b(?:first|(?:second|third|fourth|fifth) time|largest|biggest|deadliest|worst|heaviest"
    r"|highest|lowest|most (?!of\b)\w+|fiercest"
    r"|bloodiest|strongest|longest|latest|only|(?<!at )least|ever)\b[^.;]{0,80}\bsince\b[^.;]{0,60}$",
    re.I,
)
SINCE_WAR = re.compile(
    r"\bsince\s+(?:the\s+)?(?:(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+)?(?:Syrian\s+|"
    r"Syrias\s+|countrys\s+|six-year\s+|\w+\s+)?(?:war|conflict|uprising|crisis|revolt|revolution)"
    r"|(?:the\s+)?(?:Syrian\s+|Syrias\s+|Syria['’]s\s+)?(?:war|conflict|uprising|crisis|revolt|"
    r"revolution)\s+"
    r"(?:began|started|erupted|broke out))",
    re.I,
)
IN_YEAR = re.compile(r"\s+in\s+((?:19|20)\d\d)\b")
# "said on Tuesday": the day of a statement, which dates an incident only when nothing else
# has (docs/annotation.md §5 rule 2); not after "that", which opens what is said ("said
# that on Friday and Saturday at least 13 civilians died")
STATEMENT_DATE = re.compile(
    r"\b(?:said|says|told|tells|reported|announced|added|stated|confirmed|denied|claimed|"
    r"warned|statement|briefing|tweeted|wrote)\s+(?:(?!that\b)\w+\s+){0,3}?"
    r"(?:on\s+|late\s+|early\s+)?$",
    re.I,
)
# "In a Sunday statement", "Tuesday's briefing": the date names the saying, too
STATEMENT_NAMED = re.compile(
    r"(?:['’]?s)?\s+(?:statement|briefing|press\s+conference|news\s+conference|interview|"
    r"communiqu[eé]|speech|address)\b",
    re.I,
)
# "said the late Monday strike", "said Monday's attack killed": the date names the event
# that follows it, not the day of the statement
NAMES_EVENT = re.compile(
    r"(?:['’]?s)?\s+(?:\w+\s+)?(?:air\s*strikes?|strikes?|attacks?|raids?|bombings?|blasts?|"
    r"explosions?|shelling|massacre|assault|offensive|ambush|clashes)\b",
    re.I,
)
# a date in a relative clause about something else: "the ceasefire that came into force
# on September 12", "the coalition which launched an air war last September"
BACKGROUND_CLAUSE = re.compile(
    r"\b(?:a|an|the|its|their)\s+(?:[\w.-]+\s+){0,4}?(?:ceasefire|truce|deal|agreement|"
    r"coalition|war|campaign|offensive|resolution|talks|conflict|uprising|revolt|protests?)\s+"
    r"(?:that|which)\s+(?:[\w-]+\s+){0,8}?(?:(?:on|in|since|last)\s+(?:the\s+)?"
    r"(?:(?:evening|morning|night|afternoon|early hours|eve)\s+of\s+)?)?$",
    re.I,
)
# "zones under a deal brokered by Russia in May", "despite the ceasefire announced on July
# 22": the date of the agreement, not of the claim's event (docs/annotation.md §5 rule 1)
BACKGROUND_AGREEMENT = re.compile(
    r"\b(?:a|an|the|its|their)\s+(?:[\w.-]+\s+){0,4}?(?:ceasefire|truce|deal|agreement|"
    r"resolution|talks)\s+(?:brokered|announced|signed|agreed|reached|declared|passed|adopted|"
    r"struck)\s+(?:[\w-]+\s+){0,8}?(?:(?:on|in|last)\s+(?:the\s+)?)?$",
    re.I,
)
# "Kurdish groups which had in 2013 declared autonomy": a relative clause in the past
# perfect tells what came before the claim's event
EARLIER_CLAUSE = re.compile(
    r"\b(?:which|who|that)\s+had\s+(?:\w+\s+){0,2}?(?:in|on|since)\s+$", re.I
)
# a relative clause about what a noun went through: "which was inaugurated by President
# Bashar al-Assad in", "that has been divided since"
OLD_CLAUSE = re.compile(
    r"\b(?:which|that|who)\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:[\w-]+\s+){0,7}?(?:in|on|since|during)\s+$",
    re.I,
)
# "opened an investigation into whether its strikes last week killed civilians": the date
# of what is in question, not of the claim's event
QUESTIONED = re.compile(r"\bwhether\b[^.;]*$", re.I)
# "Since then more than 250,000 have been killed", "groups have since called for": from the
# date the sentence before gave
SINCE_THEN = re.compile(r"\bsince then\b|\b(?:have|has|had)\s+since\b", re.I)
# "U.S. officials said at the time that ...", "at the time of the attack": the time of the
# incident the text dated last, which the claims after it go on about
AT_THE_TIME = re.compile(r"\bat the time\b(?!\s+of\s+writing)", re.I)
# "broke out in 2011 and has since claimed 200,000 lives", "from 10 June to date": what the
# claim counts runs from its date to the reference
ON_SINCE = re.compile(
    r"(?:\s*\([^()]{0,80}\))?\s+(?:\w+\s+){0,8}?(?:and\s+)?(?:(?:has|have|had)\s+since|"
    r"(?:to date|until now|till now)\b)",
    re.I,
)
# "The war which started in March 2011 (...) has killed 200000": the toll of the whole war,
# from its start to the reference, like "since the war began"
WAR_THAT_BEGAN = re.compile(
    r"\b(?:war|conflict|uprising|crisis|revolt|revolution)\b[^.;]{0,30}?\b(?:which|that)\s+"
    r"(?:first\s+)?(?:started|began|erupted|broke out)\s+(?:in\s+)?",
    re.I,
)
HAS_TAKEN = re.compile(
    r"[^.;]{0,120}?\b(?:has|have)\s+(?:\w+\s+)?(?:killed|claimed|left|caused|displaced|cost|"
    r"forced|uprooted)\b",
    re.I,
)
# A reaction to an incident ("condemned the attack", "denied it") happened some other time,
# which an undated sentence does not tell (docs/annotation.md §5)
REACTION = re.compile(
    r"\b(?:condemn(?:ed|s|ing)?|denounc(?:ed|es|ing)|horrified|appalled|deplor(?:ed|es|ing)"
    r"|outrage|with concern|(?:is|are|was|were)\s+(?:deeply\s+|seriously\s+|gravely\s+)?concerned"
    # an evaluation said of it ("This was horrific"), not the adjective of the event
    r"|(?:is|are|was|were)\s+(?:\w+\s+)?(?:horrific|appalling|horrifying))\b",
    re.I,
)
# the reaction a state of mind ("is seriously concerned"), not a deed answering an incident
STATE_OF_MIND = re.compile(r"(?:is|are|was|were)\b", re.I)
# A call to look into an incident ("renewed his push for inspectors to investigate
# allegations that the government carried out a chemical attack"): the day it is dated by
# is the call's (Friday), never the incident's (Wednesday); the claims going on about it
# still take the incident's day
INQUIRY = re.compile(r"\b(?:investigat(?:e|es|ed|ing|ion)|inquiry|probe)\b", re.I)
# A stance taken on an incident (a rejection, dismay) is dated by its own words or not at
# all: it is no detail of the incident it is about. An accusation does take the incident's
# day: whom it blames links it to the incident and to the denial answering it (issue 13);
# one told in the present perfect ("The US has accused the regime of being behind the
# attack", "an official has denied the attack") is a standing position, not that day's
STANCE = re.compile(
    r"\b(?:reject(?:ed|s|ing)|dismay|looking into)\b"
    r"|\b(?:has|have)\s+(?:also\s+|long\s+|repeatedly\s+)?(?:accused|denied)\b",
    re.I,
)
# "A military source denied the army had used any such weapons", "Many pointed their fingers
# at the regime": a denial or a blame answers the incident told, like the accusation it
# answers, and takes its day; so does an account of it, what a speaker said or pictures
# showed ("Most of the town's streets had become empty a witness said", "State television
# aired footage of wrecked shop fronts")
ANSWER = re.compile(r"\b(?:denied|blamed|pointed (?:their|the|a) fingers?)\b", re.I)
ACCOUNT = re.compile(
    r"\b(?:said|told|telling|added|reported|noted|stated|footage|pictures|photographs|images"
    r"|videos?)\b",
    re.I,
)
# Words that point back to an incident already told (one more word may qualify the noun:
# "these heinous actions", "the Boukamal strike")
BACK = re.compile(
    r"\b(?:the|this|that|these|those|its|their|some)\s+(?:(?:deadly|latest|suspected|alleged|twin|"
    r"double|suicide|chemical|gas|car|truck|bomb|terrorist|air|aerial|same|initial|"
    r"reported)\s+)*(?:(?!(?:the|a|an|this|that|these|those|its|their)\b)[a-z][\w-]*\s+)?(?:attacks?|bombings?|blasts?|explosions?|strikes?|airstrikes?|raids?|"
    r"massacre|toll|death toll|incident|assault|shelling|bombardment|killings?|victims|dead|"
    r"wounded|injured|casualties|bombers?|attackers?|explosives?|convoy|operation|offensive|"
    r"battle|clashes|fighting|ambush|siege|evacuation|deaths|carnage|tragedy|fatalities|"
    r"bodies|corpses|scene|wreckage|actions?|crimes?|atrocit(?:y|ies)|aggression)\b"
    r"|\b(?:a|the|gave a|put the)\s+(?:new\s+|higher\s+|final\s+)?(?:death\s+)?toll\b"
    r"|\b(?:adding|added)\b",
    re.I,
)
# a present state that holds today: "are still trapped", "has yet to accede"
STILL = re.compile(
    r"\b(?:(?:is|are|remains?)\s+still|still\s+(?:is|are|remain)|has\s+yet\s+to|have\s+yet\s+to)\b",
    re.I,
)
# a present perfect that tells a state holding today, not an event: dated as the present
# is (docs/annotation.md §5 rule 4: "has been under siege for two years" is today's state,
# "for two years" its duration); not in a clause about a noun ("the border that has been
# closed")
PERFECT_STATE = re.compile(
    r"(?<!\bthat )(?<!\bwhich )\b(?:has|have)\s+"
    r"(?:long\s+|now\s+|also\s+|largely\s+|mostly\s+)?(?:"
    r"been\s+(?:\w+\s+)?(?:under|divided|besieged|encircled|surrounded|held\s+by|"
    r"controlled\s+by|closed|cut\s+off|ongoing)|"
    r"stalled|deadlocked|remained|continued|held\s+its\s+ground|"
    r"returned\s+to\s+(?:\w+\s+)?control)\b",
    re.I,
)
# the incident already told, named again by a statement about it
INCIDENT_BACK = re.compile(
    r"\b(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?|airstrikes?|"
    r"raids?|bombings?|blasts?|explosions?|massacre|incident|assault|ambush|convoy)\b",
    re.I,
)
# Told as happening alongside the incident, or answering it: the incident's day, unless
# what is told stands now ("Meantime, a food convoy is making its way to West Aleppo")
ALONGSIDE = re.compile(
    r"\b(?:meanwhile|meantime|at the same time|in response|(?:later|earlier) (?:in|on) the day|"
    r"(?:later|earlier) that day|the same day|hours (?:later|earlier))\b",
    re.I,
)
# "Meanwhile" ties no time: told elsewhere, what follows is another incident; "the same
# day", "hours later" do tie it to the incident's day
VAGUE_ALONGSIDE = ("meanwhile", "meantime")
# A sentence opening on these tells another development than the one before it ("Moreover
# the army continued on Thursday ...", "In relevant developments in the province on
# Tuesday ..."): the standfirst before it is not about what it dates
ANOTHER_DEVELOPMENT = re.compile(
    r"\W*(?:moreover|meanwhile|meantime|in the meantime|separately|elsewhere|in the same context"
    r"|in (?:a |another |other )?(?:relevant|related|separate|other) developments?)\b",
    re.I,
)
# A round-up's lead: attacks on one day "in a number of provinces", "across the country":
# the incidents told after it in other places, with no date of their own, are its parts
ROUND_UP = re.compile(
    r"\b(?:in|across|on)\s+(?:a\s+number\s+of|several|various|many|multiple|different)\s+"
    r"(?:provinces|areas|regions|cities|towns|fronts|governorates|parts)\b"
    r"|\bacross\s+(?:the\s+country|syria)\b",
    re.I,
)
# A sentence telling an earlier incident as such ("The last attack on the shrine on April
# 25 killed ...", "a previous strike"): not the incident the article leads with
EARLIER_INCIDENT = re.compile(
    r"\b(?:the (?:last|previous|prior)|an earlier|a previous|a prior)\s+(?:\w+\s+)?"
    r"(?:attacks?|bombings?|strikes?|air ?strikes?|raids?|assaults?|massacres?|blasts?|"
    r"explosions?|offensives?)\b",
    re.I,
)
# Words that open a new thread: what follows is not the incident just told
NEW_THREAD = re.compile(
    r"\b(?:previously|elsewhere|in the past|last year|once|regularly|repeatedly|frequently|often|usually|"
    r"recently|have long|has long|in a separate|in another|for (?:the )?(?:(?:more than|over|"
    r"nearly|almost|about|some|the past|the last)\s+)?(?:\w+\s+)?(?:years|months|decades|"
    r"a decade|weeks|a week|a year|a month)|(?:result of|during|throughout|over the course of)"
    r"\s+the\s+(?:\w+-year\s+)?(?:war|conflict|crisis|civil war)"
    r"|the\s+(?:\w+-year\s+)?(?:war|conflict|crisis)\s+(?:has|have|had)\b"
    r"|toll\s+(?:from|of|in)\s+the\s+(?:\w+-year(?:-old)?\s+)?(?:civil\s+)?(?:war|conflict|crisis)"
    # a toll of the whole war: "have been killed in the war", "killed in Syrias civil war",
    # "throughout the Syrian conflict", "across the war-battered country", "since its
    # conflict began", "a civil war which has uprooted millions"
    r"|(?:killed|died|displaced|uprooted)\s+in\s+(?:the\s+|Syrias\s+|Syria['’]s\s+)"
    r"(?:(?:Syrian|civil|\w+-year(?:-old)?)\s+)*(?:war|conflict)"
    r"|throughout\s+the\s+(?:Syrian\s+|\w+-year\s+)?(?:war|conflict|crisis)"
    r"|across\s+the\s+war-(?:battered|torn|ravaged)\s+country"
    r"|since\s+its\s+(?:war|conflict|uprising)\s+began"
    r"|(?:civil\s+)?war\s+(?:which|that)\s+has\s+(?:uprooted|killed|displaced|claimed)"
    # "in Syria's three-year war", "a month of infighting": a whole duration, no date
    r"|\w+-year(?:-old)?\s+(?:civil\s+)?(?:war|conflict|crisis)"
    r"|(?:a|one|two|three|four|five|six|several)\s+(?:months?|years?)\s+of\s+(?:fighting|"
    r"infighting|war|clashes|conflict|siege|bombardment)"
    r")\b",
    re.I,
)
# "The Observatory relies on a network of sources ... and says it determines whose planes
# carry out raids": how a source works, a general statement tied to no time (§5 rule 5);
# not in a relative clause about the speaker ("The Observatory, which relies on ...")
METHOD = re.compile(r"(?<!which )(?<!who )\b(?:relies|rely) on\b|\bdetermines\b", re.I)
# a period of years counted back from now: a duration, no date ("over the past five years")
YEARS_LONG = re.compile(
    r"\b(?:over|in|during|for|within)\s+(?:the\s+)?(?:past|last)\s+(?:two|three|four|five|six|"
    r"seven|eight|nine|ten|\d{1,2})\s+years\b",
    re.I,
)
RELATIVE_BEFORE = re.compile(r"\b(?:which|that|who)\b[^.;]*$", re.I)
# "the deadliest in the city for years": a yardstick, not another thread
SUPERLATIVE = re.compile(
    r"\b(?:first|largest|biggest|deadliest|worst|heaviest|bloodiest|fiercest|most (?!of\b)\w+)\b"
    r"[^.;]*$",
    re.I,
)
# "July 2011 Bashar al-Assad sacks the governor ...": a timeline's heading, a date with its
# year standing bare before the entry it dates (no "in", no "on"); the sentences of the
# entry after it are told at that date (a caption without a full stop may run into the
# heading: "... as anti-terror bulwark April 2013 Powerful Iran-backed ...")
HEADING = re.compile(r"\s+[A-Z]")
HEADING_YEAR = re.compile(r"\b(?:19|20)\d\d$")
NOT_HEADING = re.compile(
    r"\b(?:in|on|of|since|until|till|from|by|before|after|during|to|and|or|between|through"
    r"|throughout|early|late|mid|the|at|than|as of)\s+$",
    re.I,
)
# "IS" is the Islamic State, not a verb ("members of IS were killed")
PRESENT = re.compile(
    r"(?<!-)\b(?!(?-i:IS)\b)(?:is|are|remains?|continues?|controls?|holds?|lives?|faces?|needs?|lacks?|comes|"
    r"coincides?|considers?|includes?|houses|lies|sits|seeks?|wants?|plans?|aims?|hopes?|"
    r"fears?|accuses?|denies|deny|demands|insists|rejects|supports|backs|opposes|bears|says|"
    r"excludes?|cooperates?|threatens?|"
    r"has been|have been|is being|are being|makes|means|now(?!\s+that))\b",
    re.I,
)
# a speech verb in the present before what was said: the statement stands today
PRESENT_CUE = re.compile(
    r"\b(?:says|say|accuses|accuse|warns|warn|insists|insist|denies|deny|believes|believe|"
    r"argues|argue|maintains|maintain|fears|fear|estimates|estimate)\b",
    re.I,
)
# "is said to have died", "are believed to have fled": a past event, reported now
HEARSAY = re.compile(
    r"\s+(?:said|believed|reported|thought|understood|alleged|estimated|feared|known|"
    r"presumed|suspected)\s+to\s+have\b",
    re.I,
)
# "have been killed", "has been destroyed": an event told in the present perfect, which
# dates nothing by itself (a state, "has been besieged", stands at the reference day)
PERFECT_EVENT = re.compile(
    r"\s+(?:\w+\s+)?(?:killed|wounded|injured|executed|destroyed|damaged|hit|targeted|"
    r"struck|bombed|shelled|attacked|kidnapped|abducted|arrested|detained|captured|"
    r"displaced|evacuated|launched|carried out|reported|recorded|documented)\b",
    re.I,
)
PERFECT = ("has been", "have been")
# "the situation will get worse": a prediction happens at no date yet
FUTURE = re.compile(r"\b(?:will|shall|won't|wont)\b", re.I)
PAST = re.compile(
    r"(?<!-)\b(?:was|were|had|did|took|fled|fought|struck|left|came|began|broke|shot|led|held|"
    r"drove|fell|rose|went|gave|made|saw|killed|wounded|injured|died|seized|captured|"
    r"launched|attacked|hit|bombed|shelled|targeted|carried|caused|destroyed|damaged|fired|"
    r"dropped|stormed)\b",
    re.I,
)
# "Government forces have also taken territory": the present perfect tells no event of a day
# gone by, so it is no detail of an incident dated before the reference day ("is said to
# have died" is no finite verb)
HAS_DONE = re.compile(
    r"(?<!\bto )\b(?:has|have)\s+(?:(?:also|now|already|long|repeatedly|since|not|in turn)\s+)?"
    r"(?!been\b)(?:[a-z]+ed|taken|made|led|held|fled|seen|grown|left|lost|won|begun|fallen|"
    r"given|brought|built|sought|shown|become|done|gone|come|risen|spread|struck|hit|cut)\b",
    re.I,
)
# "The latest attack comes one week after a Daesh suicide bomber blew himself up": what the
# claim tells is the earlier incident, that many days before the one gone on about
CAME_AFTER = re.compile(
    r"\b(?:comes?|came|coming)\s+(?:just\s+|only\s+|barely\s+)?"
    r"(a|one|two|three|four|five|six|seven|\d)\s+(day|days|week|weeks)\s+after\b",
    re.I,
)
# counts written as words in relative dates ("two weeks ago", "came three days after")
COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
               "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
