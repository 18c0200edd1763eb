"""The words of casualty counts: who the people counted are and what happened to them.

Used by quantities.py, which binds a number to its head noun and to the nearest of these
fate words.
"""

from __future__ import annotations

from app.extraction.normalize import word_set

KILLED = word_set(
    "killed kill kills killing killings dead died die dies dying death deaths martyred "
    "massacred massacring slaughtered slaughtering slew executed executing execute executes "
    "beheaded slain perished lives toll bodies eliminated eliminating neutralized neutralised "
    "liquidated assassinated murdered crucified crucifying"
)
INJURED = word_set(
    "injured injure injures injuring wounded wound wounds wounding hurt injury injuries "
    "suffocation harm suffered suffering"
)
DISPLACED = word_set(
    "fled flee flees fleeing displaced displacing evacuated evacuating uprooted exodus expelled "
    "shuttled bussed"
)
# what people suffer that is no injury: "1100 children are suffering acute malnutrition"
WANTS = word_set("malnutrition hunger starvation famine shortages shortage dehydration")
# people "affected by" these are hurt: "33 people were affected by the gas"
GASES = word_set("gas gases chlorine sarin chemical chemicals toxic poison poisonous")
# fates that are none of the above ("60000 are missing"): the count is `other`
OTHER_FATES = word_set("missing abducted kidnapped detained arrested captured")
# people whose name says their fate, unless a predicate says otherwise ("20 evacuees were
# killed")
NOUN_FATES = {"evacuees": "displaced", "refugees": "displaced", "martyrs": "killed"}
FIGHTERS = word_set(
    "fighters fighter militants militant insurgents insurgent terrorists terrorist troops "
    "soldiers soldier rebels rebel jihadists jihadist gunmen gunman mercenaries operatives "
    "extremists servicemen militiamen guerrillas commanders loyalists combatants forces "
    "reinforcements recruits defectors attackers attacker assailants assailant bombers"
)
PEOPLE = FIGHTERS | word_set(
    "people persons person civilians civilian children child kids women woman men man "
    "residents members individuals others victims families citizens policemen officers "
    "leaders activists workers medics doctors nurses journalists patients students "
    "schoolchildren babies infants pilots airmen elements personnel volunteers hostages "
    "prisoners detainees syrians kurds martyrs casualties deaths dead wounded evacuees "
    "refugees villagers worshippers passengers staff girls boys natives protesters "
    "demonstrators teenagers youths adults brothers sisters sons daughters parents siblings "
    "relatives officials guards crewmembers crew drivers visitors minors rescuers paramedics "
    "employees farmers hopefuls heads"
)
# how badly the hurt were hurt, between a count and its fate: "a nurse critically wounded"
HOW_BADLY = word_set("critically seriously severely badly lightly slightly gravely mortally")
# One person: "a woman was injured", "killed a nurse a hospital employee and two soldiers"
ONE_PERSON = word_set(
    "person civilian child girl boy woman man baby infant father mother son daughter "
    "brother sister husband wife grandfather grandmother nurse doctor medic journalist "
    "photographer soldier officer commander leader fighter militant rebel employee worker "
    "volunteer resident teacher student driver pilot policeman guard member activist "
    "emir cleric"
)
PEOPLE = PEOPLE | ONE_PERSON
# Words that start a count of one person ("a woman", "another soldier", "its pilot"); "a
# father and his son" are two
ONE = word_set("a an one another his her its their")
# "the death of 100", "the killing of six": the noun says what happened to them
OF_CUES = {
    "death": "killed", "deaths": "killed", "killing": "killed", "killings": "killed",
    "massacre": "killed", "execution": "killed", "executions": "killed", "bodies": "killed",
    "lives": "killed", "injury": "injured", "injuries": "injured", "wounding": "injured",
    "displacement": "displaced", "evacuation": "displaced", "exodus": "displaced",
    "martyrdom": "killed", "elimination": "killed", "crucifixion": "killed",
}  # fmt: skip
# "killed another six people": words between the verb and its count
EXTRA = word_set("another additional further other")
# Words that may stand between a count and the predicate saying what happened to it.
AUX = word_set(
    "were was have has had been being are is be got get reportedly allegedly also later all "
    "both already now either to feared believed thought said confirmed more others"
)
STOP = word_set(
    "in on at of from by with for near into across during since after before as and or but "
    "while when because than the a an this that these those their its his her"
)
UNIT_NOUNS = word_set(
    "percent per km kilometres kilometers kilometre kilometer miles mile metres meters hours "
    "hour days day weeks week months month years year minutes times year-old years-old"
)
# Head nouns that are never people, even without a plural s ("50 aircraft")
NOT_PEOPLE = word_set("aircraft")
# Words that follow a head noun rather than a qualifier of one ("a man who", "a soldier named")
RELATIVE = word_set("who whom whose which that named")


def fate_of(word: str) -> str | None:
    if word in KILLED:
        return "killed"
    if word in INJURED:
        return "injured"
    if word in DISPLACED:
        return "displaced"
    if word in OTHER_FATES:
        return "other"
    return None


def count_kind(cue: str | None, noun: str | None) -> str | None:
    if cue is None and noun in NOUN_FATES:
        cue = NOUN_FATES[noun]
    fighter = noun is not None and noun in FIGHTERS
    if cue in ("killed", "injured"):
        return cue
    if cue == "displaced":
        return "fighters" if fighter else "displaced"
    if cue == "other":  # captured fighters are detained people, not a force
        return "other"
    if fighter:
        return "fighters"
    return "other" if noun is not None else None
