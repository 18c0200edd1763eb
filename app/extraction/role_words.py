"""The words the role rules read (app.extraction.roles): heads of an actor's noun phrase,
verbs of action and of harm, the nouns and prepositions that make an object, and the
participles that make a sponsor, a holder or a side detail."""

from __future__ import annotations

import re

from app.extraction.normalize import word_set

# Nouns that may follow an actor's name inside its noun phrase ("IS fighters").
HEADS = word_set(
    "forces force troops fighters fighter militants militant jihadists terrorists units unit "
    "soldiers jets warplanes aircraft planes helicopters militia militias group groups members "
    "commanders commander leaders leader officials positions strongholds bases base artillery "
    "gunmen loyalists allies government regime army authorities police military command "
    "brigade brigades battalion division divisions faction factions elements personnel "
    "servicemen operatives affiliates affiliate supporters alliance coalition partners "
    "counterparts men snipers tanks vehicles convoy convoys air force targets team teams "
    "investigators inspectors delegation experts officers agents cells terrorist takfiri "
    "mercenaries organization organisation envoys envoy diplomats monitors observers workers "
    "volunteers rescuers"
)
# the past of verbs of action the -ed test misses
PAST_IRREGULAR = word_set(
    "began took fled fought struck hit shot led held drove fell rose went gave made sent brought "
    "built left came ran won lost broke sought set put cut spread withdrew overran retook "
    "overtook undertook swept kept stood threw beat bore blew laid slew dealt"
)
# irregular past forms and -s forms of verbs of action, which the -ed test misses
ACTION = PAST_IRREGULAR | word_set(
    "begun taken withdrawn overthrown leads lead "
    "launches launch backs back supports support targets attacks continues continue seeks "
    "tries try plans plan uses use runs run sends send deploys deploy arms arm funds fund "
    "besieges besiege enters enter advances advance captures capture seizes seize retakes "
    "retake pushes push fires fire shells bombs raids kills wounds storms storm regains "
    "regain recaptures recapture blocks block cuts imposes impose lifts lift opens open "
    "closes close secures secure unleashed unleashes unleash cracked conducting conducts "
    "conduct operates operate patrols patrol aims aim "
    # the present of headlines and timelines: "Assad sacks the governor", "Iran boosts support"
    "sacks sack boosts boost expands expand agrees agree begins starts takes"
)
WEAPONS = word_set(
    "strikes strike airstrikes airstrike raids raid shelling bombardment bombing bombings "
    "offensive offensives attack attacks assault assaults siege operation operations advance "
    "advances campaign fire missiles missile rockets rocket barrel bombs bomb jets warplanes "
    "aircraft planes helicopters bombers artillery crackdown incursion push drones drone "
    "blockade sniper snipers mortars mortar troops forces helicopter jet warplane plane bomber "
    "onslaught sieges"
)
# words between an owner and its weapon: "a Daesh suicide bomber", "an IS car bomb"
WEAPON_KINDS = word_set("suicide car truck booby-trapped twin double deadly")
# what its owner did, like a weapon: "Russian aggression", "an IS attempt to break the siege"
OWNED_DEEDS = word_set(
    "aggression escalation intervention attempt attempts bid counterattack responsibility "
    "counteroffensive counter-offensive"
)
AUX = word_set(
    "has have had also reportedly allegedly later then recently previously already now still "
    "again apparently successfully finally officially reportedly subsequently meanwhile "
    "initially eventually quickly gradually repeatedly further jointly both all largely mostly first "
    'meantime once " “ ” yesterday today tonight overnight monday tuesday wednesday thursday '
    "friday saturday sunday morning afternoon evening night "
    "would will could can may might must did does do not never is are was were been being be"
)
MODALS = word_set("will would could can may might must shall should")
COPULA = word_set("is are was were be been being got get gets")
SPEECH = word_set(
    "said says say told tells claimed claims reported reports announced announces stated added "
    "confirmed confirms denied denies warned warns noted explained declared insisted urged "
    "condemned called calls accused accuses blamed blames stressed argued estimated believes "
    "believe expressed considered described welcomed praised criticised criticized rejected "
    "acknowledged admitted vowed pledged threatened demanded asked hopes hoped fears feared "
    "wants wanted deny tell claim report announce state confirm warn note explain declare "
    "insist urge condemn accuse blame stress argue documented recorded counted commented"
)
STATIVE = word_set(
    "is are was were be been remains remain remained seems seemed appears appeared has have had "
    "includes include included consists lies lay sits lacks lacked needs needed knows knew "
    "considers considered sees saw"
)
# verbs of diplomacy and procedure: their subject does nothing the claim reports on the
# ground ("the Security Council passed a resolution", "Russia promised a ceasefire",
# "Britain and France have submitted evidence"); a party that agreed a ceasefire grants
# it, but "a truce agreed by" two sponsors is theirs only as sponsors (NOT_AGENT_BY)
PROCEDURE = word_set("passed promised informed submitted discussed discuss discusses")
# passive participles whose subject is no target: "X is backed by", "X was accused of"
PASSIVE_AGENT = word_set("accused blamed suspected responsible")
PASSIVE_NEUTRAL = word_set(
    "backed supported led held controlled based allied linked affiliated known called "
    "considered described believed expected said reported seen thought designated listed "
    "banned outlawed named dubbed formed founded located deployed stationed involved joined "
    "made composed concerned worried alarmed shocked saddened outraged determined committed "
    "prepared convinced interested disappointed pleased"
)
HARM = word_set(
    "killed kill kills killing wounded wound injured injure hurt attacked attack attacks "
    "attacking targeted target targets targeting struck strike strikes striking hit hits hitting "
    "shelled shell shelling bombed bomb bombing bombarded pounded raided besieged besieging "
    "surrounded surrounding surround encircled encircling encircle besiege ambushed ambush ambushing executed execute "
    "beheaded massacred slaughtered eliminated eliminate eliminating destroyed destroy "
    "defeated defeat routed repelled repel repulsed expelled expel drove drive driving driven pushed "
    "push pushing ousted oust evicted captured capture capturing seized detained arrested "
    "kidnapped abducted fought fight fighting battled battling battle confronted confront "
    "shot downed down intercepted pursued chased crushed defeating punish punished hunted "
    "destroying flush flushed flushing dislodge dislodged dislodging repelling routing "
    "expelling ousting evicting executing ambushed engaged engaging blitzed pummeled pummelled "
    "hammered battered blasted rocked tackle tackling stormed storming eradicate eradicated "
    "eradicating"
)
# what a side forced on another ("forced the army to pull back"): it lost the fight, unlike
# one forced to act ("pressure forcing the UN to act")
FORCING = word_set("forced forcing forces")
RETREAT = word_set("pull withdraw retreat flee leave abandon evacuate surrender")
# what an attack is aimed at, owned by its target: "hideouts of ISIL", "positions of the YPG"
TARGET_NOUNS = word_set(
    "positions position hideouts hideout gatherings gathering structures fortifications "
    "headquarters bases base camps camp factory depots depot posts post strongholds stronghold "
    "facilities targets lines ranks dens sites site convoy convoys vehicles members fighters "
    "militants remnants vehicle carrier carriers tank checkpoint checkpoints barracks equipment"
)
NUMBER_WORDS = word_set(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty hundred dozen dozens scores hundreds thousands number"
)
# the other side of a fight, sharing the head of an actor's phrase ("regime and rebel fighters")
SIDES = word_set("rebel opposition insurgent jihadist islamist militant extremist")
# words after a participle that make it passive, with no object: "fighters killed in battles"
REDUCED_BY = word_set("in during")
# a fight whose parties follow "between"/"with": "clashes between A and B"
FIGHTING = word_set(
    "clashes clash clashed fighting battles battle fight fought clashing war conflict "
    "confrontation confrontations"
)
# "terrorists affiliated to X": X owns the fighters a verb acts on
BELONGING = word_set("affiliated belonging loyal linked allied attached")
# the hurt, whom an "including" list names
VICTIMS = word_set(
    "killed dead wounded injured victims casualties hurt detained captured arrested kidnapped"
)
# -ing words that are prepositions, no deed: "with the US according to Moscow"
ING_PREPOSITIONS = word_set(
    "according including regarding concerning following during excluding pending emerging"
)
# participles right after a name that describe it, never its deed: "groups affiliated to X"
MODIFYING = word_set("affiliated linked allied aligned based known called")
TOWARD = word_set("against on at upon targeting")
OBJECT_OF_NOUN = word_set(
    "war fight battle offensive campaign operation operations attack attacks assault strikes "
    "strike airstrikes airstrike raids raid shelling bombardment push advance crackdown "
    "clashes clash fighting siege blockade bombing onslaught"
)
FROM_VERBS = word_set(
    "captured seized recaptured retook retaken taken took liberated freed wrested regained "
    "won capturing seizing recapturing liberating freeing wresting regaining win wins taking "
    "capture seize recapture retake take liberate wrest regain"
)
# nouns that end an apposition describing an actor ("the al Qaeda offshoot")
APPOSED = word_set(
    "offshoot affiliate branch wing ally proxy franchise group militia alliance coalition "
    "faction organisation organization movement outfit"
)
# an owner's branch named in apposition: "Nusra Front Al-Qaidas Syria affiliate drove"
BRANCHES = word_set("offshoot affiliate branch wing arm franchise")
# what is held that is no ground: "held talks", "were to hold a meeting"
TALKS = frozenset({"talks", "negotiations", "meetings", "meeting", "discussions", "consultations"})
# "the Syrian Democratic Forces [SDF] now held 70 percent of the town": its acronym and an
# adverb of time may stand between
HELD = re.compile(
    r"(?:\s*[\[(][A-Z]{2,8}[\])])?(?:\s+(?:now|still|already))?"
    r"[\s-]*(held|controlled|dominated|run|administered)\b",
    re.I,
)
# the holder named after the place: "still under the control of government forces"
HELD_BY = re.compile(r"\b(?:under|in)\s+(?:the\s+)?(control|hands)\s+of\s+(?:the\s+)?$", re.I)
# heads that name people, not arms: what they do decides, when the words after say it
PEOPLE_HEADS = word_set("forces troops")
HOLDING = word_set(
    "held controlled control controls holds hold run dominated besieged-held administered"
)
# The one list of the participles that make a name describe another actor, not act itself.
# A participle right after a name that makes it a sponsor: "a US-Russia brokered ceasefire",
# "Turkish-backed rebels" (a sponsor is mentioned, docs/annotation.md §6)
SPONSORING = word_set("brokered backed sponsored funded supported mediated")
# ... that ties the name to those who act: "Nusra-linked groups", "IS-inspired attackers"
LINKING = word_set("linked affiliated allied aligned inspired leaning")
# ... either, or the one who leads or runs them ("US-led", "Daesh-run"): the name only
# describes the actor after it ("the Daesh-linked Aamaq news agency")
DESCRIBING = SPONSORING | LINKING | word_set("led run")


def _either(words: frozenset[str]) -> str:
    return "|".join(sorted(words))


SPONSOR_SURFACE = re.compile(rf"[-\s]({_either(SPONSORING)})$", re.I)
SPONSORED_AFTER = re.compile(rf"-({_either(SPONSORING)})\b", re.I)  # "Washington-backed"
LINKED = re.compile(rf"-({_either(LINKING)})\b", re.I)
DESCRIBED = re.compile(rf"-(?:{_either(DESCRIBING)})\b", re.I)
NEGATIONS = word_set(
    "not never no don't doesn't didn't won't wouldn't cannot can't couldn't isn't aren't wasn't "
    "weren't hasn't haven't hadn't dont doesnt didnt wont cant couldnt isnt arent wasnt werent"
)
ACCUSE = word_set("accused accusing accuses blamed blaming blames accuse blame")
NOT_AGENT_BY = word_set(
    "backed supported controlled held run sponsored based funded armed accused condemned "
    "denied blamed hosted helped assisted chaired organized organised "
    "welcomed praised criticized criticised described called known founded authorized agreed "
    "authorised approved endorsed recognized recognised dominated managed financed bankrolled "
    "raised set achieved offered inaugurated regarded provided formed distributed "
    "confirmed documented"
)
# what a "by" phrase has undergone, not done: "the losses suffered by Russian forces"
SUFFERED_BY = word_set("suffered sustained experienced incurred endured")
# verbs whose subject undergoes the event: "Daesh suffered a heavy toll", "Hezbollah has
# sustained losses"; "lost" only when no deed of its subject follows (role_subject._lost:
# "IS lost 13 fighters as it took the town")
LOSING = SUFFERED_BY | word_set("suffers suffer sustains sustain losing")
# nouns of a deed whose "by" phrase is its doer ("the use of toxic gas by the regime")
DEEDS = word_set(
    "use gas massacre massacres escalation killing killings violations crimes abuses "
    "aggression bombardment shelling attack attacks strikes airstrikes raids brutality "
    "atrocities atrocity violence terror displacement destruction initiative trip visit"
)
DET = word_set("the a an its their his her this that these those some several two three four")
