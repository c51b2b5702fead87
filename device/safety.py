"""Replies to safety intents: a spoken fall or a call for help always raises an alert, with a
calm, short reply; a symptom raises a warning and asks a follow-up question."""

from __future__ import annotations

import re

from device.careplan import CarePlan
from device.replies import Action, Reply

__all__ = ["is_as_usual", "is_denial", "is_mention", "is_safety_phrase", "safety_intent",
           "safety_label_of_words", "safety_reply", "safety_word_indices", "stock_words_only",
           "symptom_reply", "symptom_worse_reply", "turn_tails"]

_SERIOUS_FALL = re.compile(r"\b(?:can ?not|can'?t|unable to) (?:get|stand|move|breathe)|hurt|"
                           r"bleed|head|broke|unconscious|on the floor|pain|help")
"""Words in a fall report that make it an emergency (ASR may garble the end: "get top")."""

_REQUEST_AFTER_HELP = (r"(?:with|to(?! (?:get|stand) up)|find|set|turn|remember|understand|"
                       r"spell|think|not|avoid|"
                       r"choose|pick|write|read|make|cook|open|close|sort|fix|plan|book|"
                       r"work|learn|look|search|fill|tidy|clean|wrap|move the|change|put|"
                       r"switch|phone|ring|call|text|send a|email|order|print|check|"
                       r"get (?!up\b|help\b|some ?one\b|somebody\b|an ambulance\b|to the "
                       r"(?:phone|door)\b)|"
                       r"getting (?:the|a|my|some|this|that|these|those|our|rid|ready|"
                       r"dressed|started)\b(?! (?:up|out of (?:the )?bath|off the floor)\b)|"
                       r"finding|writing|reading|filling|sorting|choosing|understanding|setting|"
                       r"using|doing|planning|booking|cooking|cleaning|tidying|wrapping|learning|"
                       r"spelling|working|knitting|sewing|paying|hang|hanging|"
                       r"(?:turning|carrying|lifting|shifting) (?:the|this|that|these|those|a) "
                       r"(?!(?:man|woman|lady|gentleman|person|body|chap|fella)\b))")
"""Words after "help me" that make it an ordinary request ("help me find my glasses")."""

_EMERGENCY_NUMBER = (r"(?:911|999|112|9 1 1|9 9 9|1 1 2|nine one one|nine nine nine|"
                     r"one one two)")
"""The emergency numbers, as digits or as words ("ring nine nine nine", "call 9 1 1")."""

_FETCH = r"(?:call|ring|phone|dial|send|get|fetch)(?: for)?(?: me| us)? (?:an? |the )?"
"""Words that send for a service ("call an", "ring for the", "get me the")."""

_FIRE_SERVICE = r"(?:fire brigade|fire engines?|fire service|firem[ae]n)"
"""The fire brigade, in the words a resident sends for it with."""

_RISE_MYSELF = r"(?:lift|pick|pull|haul|heave|drag|push|get) myself (?:back )?up"
"""Getting oneself up, in any verb of effort: the words of a fall when one cannot
(_SAFETY_PHRASE), and of a fall's label (_FALL_WORDS)."""

_FLOOR_COVERING = r"(?:lino|tiles|carpet|rug)"
"""A floor's covering the resident may be down on ("i'm on the bathroom lino")."""
_CHEST_PAIN = (r"(?:chest pains?|pains? (?:in|across) (?:the (?:middle|centre|center|front) of )?"
               r"(?:my|me|his|her|the) chest)")
"""A chest pain, said either way round ("chest pains", "a crushing pain in my chest")."""
_CUT_PART = (r"leg|arm|hand|finger|thumb|head|wrist|foot|knee|face|shin|calf|thigh|palm|ankle|"
             r"neck")
"""The parts of the body a cut is told of, as alternatives (to go inside a group)."""
_CUT_LIMB = (r"\b(?:cut|gashed|sliced|split|ripped|torn|slashed)(?: open)? (?:my|his|her|their|"
             r"[\w]+'s) (?:\w+ )?(?:" + _CUT_PART + r")\b[^.!?]{0,60}?\b")
"""A limb or a hand cut, and up to what is said of it ("i've sliced my hand on the tin and
..."): a cut that pumps, spurts or pours (:data:`_SAFETY_PHRASE`)."""
_NOT_THE_HEART = (r"(?:toes?|foot|feet|fingers?|hands?|thumbs?|knees?|ankles?|heels?|hips?|"
                   r"wrists?|elbows?|tooth|teeth|legs?|calf|calves|shins?|nails?)\b")
"""Where a crushing pain is no sign of the heart (a toe, a hand, a knee, ...)."""
_CRUSHING_PAIN = (r"\bcrushing (?:pain|ache|feeling)\b(?! (?:in|on|of) (?:my|his|her|the) "
                  r"(?:big |little )?" + _NOT_THE_HEART + r")")
"""A crushing pain not said to be where it is no sign of the heart (:data:`_NOT_THE_HEART`)."""
_SWEAT_OR_RACING = (r"\b(?:sweat\w*|clammy|heart(?:'s| is)? (?:going|racing|pounding|hammering|"
                    r"thumping))")
"""A sweat or a racing heart, told beside a crushing pain (:data:`_SAFETY_PHRASE`)."""
_GONE_PALE = r"\b(?:gone|going|turned|turning) (?:\w+ ){0,2}?(?:pale|grey|gray|white|ashen)\b"
"""Someone's colour gone ("jim's gone ever so pale", "she's turned white")."""
_PERSON_SIGN = (r"gurgl\w*|rattl\w*|wo ?n'?t (?:answer|say|speak|wake|respond|come round)|not "
                r"(?:answering|responding|breathing|speaking|making sense|moving)|can'?t (?:rouse|"
                r"wake|get (?:a|any) (?:word|answer|sense))|breath\w*|gasping|lips|chest|slumped|"
                r"collapsed|floor|pass(?:ing)? out|sweat\w*|clammy")
"""A sign of a person in danger, as alternatives: told beside another ("he's gone a funny
colour and he won't say a word to me")."""
_ANOTHERS_FALL = (r"(?:fell|fallen|slipped|tripped|had an? (?:\w+ )?fall|went flying|came a "
                  r"cropper|took a tumble|had a tumble)(?: (?:down|over|off|out))?\b")
"""How a fall is told of another (:data:`_SOMEONE_ELSE`, :data:`_NAMED_FALL`)."""

_STILL_AND_SILENT = (r"(?:(?:he|she|they|[a-z]+)(?:'s| is|'re| are) )?(?:not (?:moving(?! a "
                     r"muscle| from| off| out| house| in| to| on)|breathing|answering(?! (?:his|"
                     r"her|their|the|my) (?:phone|mobile|door|texts?|calls?))|responding)|"
                     r"wo ?n'?t (?:wake|come round|respond)|can'?t (?:wake|rouse) (?:him|her)|"
                     r"(?<=(?:his|her) )lips(?:'re| are|'ve| have)? (?:going|gone|turning|turned)"
                     r"(?: all)? (?:blue|purple|grey|gray))\b")
"""Someone not moving, not breathing or not answering, or their lips going blue, now ("he's
not moving", "she won't wake", "his lips are going blue"): told beside a colour gone or a
fall (:data:`_SAFETY_PHRASE`)."""
_ODD_COLOUR = (r"(?:a |all |an )?(?:funny|strange|odd|horrible|awful|dreadful|weird|peculiar|"
               r"bluish|bluey|blue|grey|gray|purple|ashen) colou?r\b")
"""A person's colour gone wrong ("a funny colour", "all grey colour"), after a verb."""
_SLIDING_OR_MUDDLED = (r"\b(?:(?:sliding|slipping|slumping|slumped|keeling) (?:off|out of|down)|"
                       r"not making (?:any )?sense(?! of))")
"""Someone sliding off a chair or not making sense, told beside a colour gone
(:data:`_GONE_PALE`)."""
_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
"""The days of the week, by name, as alternatives (to go inside a group)."""
_GONE_BY = (r"last (?:week|month|year|night|time|winter|summer|spring|autumn)|yesterday|"
            r"(?<!\bminute )(?<!\bminutes )(?<!\bmins )(?<!\bhour )(?<!\bhours )ago|"
            r"years back|on (?:" + _WEEKDAYS + r")|"
            r"in (?:january|february|march|april|june|july|august|september|october|november|"
            r"december)")
"""Time words that put a thing in a day, a month or a year gone by (alternatives to put
between word boundaries; :data:`_PAST`, :data:`_NOT_GONE_BY`). Minutes or hours ago are
today, not gone by ("my husband fell ten minutes ago and he's not moving")."""
_NOT_GONE_BY = rf"(?![^.!?]*\b(?:{_GONE_BY}|before|once|twice|in the past)\b)"
"""No word later in the sentence that puts what it follows in the past ("... last week",
"... once before"): :data:`_SPOUSE_DOWN_NOW`, :data:`_DOWN_IN_MY_HOME`."""
_ANOTHER_DOWN_NOW = (r"\b" + _ANOTHERS_FALL + r"(?! asleep)" + _NOT_GONE_BY + r"[^.!?]{0,80}?\b"
                     + _STILL_AND_SILENT)
"""Another fallen and not moving, not breathing or not answering, now ("that man's fallen
over outside my window and he's not moving"; never fallen asleep, never gone by): a call's
words (:data:`_SAFETY_PHRASE`) and someone else in danger, not the resident's fall
(:data:`_ANOTHER_DOWN_AND_STILL`)."""
_STILL_THERE = (
    r"(?:he|she|they|(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bmy )(?<!\bhis )(?<!\bher )(?<!\bour )"
    r"(?<!\byour )(?<!\btheir )(?<!\bits )(?<!\bthat )(?<!\bthis )"
    r"(?!(?:it|that|this|there|what|which|who)\b)[a-z]+)"
    r"(?:'s| is|'re| are|'s been| has been|'ve been| have been) still "
    r"(?:(?:lying|laid|sprawled|stuck) (?:there|out there|down there|on the (?:\w+ )?(?:floor|"
    r"ground|pavement|path|road|grass|lawn|patio|drive|steps|tiles|lino|carpet|flags)|in the "
    r"(?:garden|yard|road|street|gutter|hall|hallway|kitchen|bathroom|bath|shed|greenhouse))|"
    r"on the (?:\w+ )?(?:floor|ground|pavement|path|grass|lawn|patio|tiles|lino|carpet)|"
    r"(?:not moving|not answering|not responding)(?= *$|[,;:.!?]| (?:and|at all|now)\b))\b")
"""Someone still down where they fell, or still not moving, now ("he's still lying there",
"jean's still on the kitchen floor"; never still lying in bed or in hospital, nor a thing
named with "the", "his" or "my": "the ladder's still lying there")."""
_ANOTHER_STILL_DOWN = (r"\b" + _ANOTHERS_FALL + r"(?<!fell out)(?! (?:asleep|with|in love|ill|for|"
                       r"behind|pregnant)\b)[^.!?]{0,80}?\b" + _STILL_THERE)
"""Another fallen, even on a day gone by, and still down there or not moving now ("he fell
off his ladder yesterday and he's still lying there"): a call's words
(:data:`_SAFETY_PHRASE`), a fall's label as a husband's or a wife's still on the floor has
("my wife's slipped on the wet floor and she's still lying there"), and never someone
else's fall gone by (:data:`_SOMEONE_ELSE`, :data:`_NAMED_FALL`)."""
_IN_THE_WATER_NOW = (
    r"(?<!\bdog )(?<!\bdog's )(?<!\bcat )(?<!\bcat's )(?<!\bball )(?<!\bball's )"
    r"\b(?:slid|slipped|fallen|fell|gone|went|tumbled|toppled|rolled)(?: (?:off|down|over) "
    r"(?:the|a) \w+)? (?:in|into) the (?:water|river|canal|pond|lake|sea|pool|cut|dock|harbour|"
    r"stream|brook|beck|burn|reservoir)\b" + _NOT_GONE_BY + r"[^.!?]{0,80}?\b(?:(?:i|we) "
    r"(?:can'?t|cannot|could ?n'?t) (?:reach|get to|grab|get hold of|pull out|get out|get) "
    r"(?:him|her)\b|(?:he|she) (?:can'?t|cannot) swim\b|(?:the )?current(?:'s| is) "
    r"(?:taking|dragging|pulling|carrying) (?:him|her)\b|(?:he|she)(?:'s| is) (?:going under|"
    r"under the water|not coming up)\b)")
"""Someone gone into the water and out of reach, now ("the little one slid off the bank into
the water and i can't reach her"; never the dog, nor a ball, nor a thing gone in): a call's
words (:data:`_SAFETY_PHRASE`) and someone else in danger, not the resident's fall
(:data:`_ANOTHER_DOWN_AND_STILL`)."""
_ANOTHER_IN_DANGER_AHEAD = (rf"(?![^.!?]{{0,120}}?{_ANOTHER_STILL_DOWN})"
                            rf"(?![^.!?]{{0,120}}?{_IN_THE_WATER_NOW})")
"""No other still down where they fell nor in the water out of reach later in the sentence:
told so, another's fall is no fall gone by (:data:`_SOMEONE_ELSE`, :data:`_NAMED_FALL`)."""
_OUT_COLD_NOW = (r"\bout cold\b[^.!?]{0,80}?\b(?:he|she|they)(?:'s| is|'re| are) not "
                 r"(?:coming round|coming to|waking(?: up)?)\b(?! (?:to|for|here|tomorrow|later|"
                 r"today|tonight|this|again|till|until|before|in the)\b)" + _NOT_GONE_BY)
"""Another out cold and not coming round, now, told with how it came ("arthur's out cold on
the lawn, went down like a sack of spuds and he's not coming round"; never round for tea,
never till morning): a call's words (:data:`_SAFETY_PHRASE`) and someone else in danger,
not the resident's fall (:data:`_ANOTHER_DOWN_AND_STILL`)."""
_ANOTHER_LYING_STILL = (
    r"\b(?!(?:cat|dog|puppy|kitten|fox|bird|it|that|this|there|what|who|he|she|one)\b)[a-z]+"
    r"(?:'s| is) (?:just |still )?lying (?:on the (?:\w+ )?(?:pavement|road|path|floor|ground|"
    r"grass|lawn|drive|patio|steps|tiles|flags)|in the (?:road|street|gutter|garden|yard|hall))"
    r"\b[^.!?]{0,30}?\b(?:not moving|not breathing|not answering|not responding)\b"
    + _NOT_GONE_BY)
"""Another by name lying on the pavement or the floor and not moving, now ("ron ran after the
dog and now ron's lying on the pavement outside not moving"; never the cat, never gone by): a
call's words (:data:`_SAFETY_PHRASE`) and someone else in danger, not the resident's fall
(:data:`_ANOTHER_DOWN_AND_STILL`)."""
_SPOUSE_DOWN_NOW = (
    r"(?:my|the|me) (?:husband|wife|hubby|missus|partner|other half)(?:'s| has) (?:just )?"
    r"(?:fallen|slipped|tripped|had an? (?:\w+ )?fall)\b(?! (?:asleep|out with|for|behind|in "
    r"love|ill|silent|quiet|off the wagon|on hard times)\b)"
    + _NOT_GONE_BY + r"(?![^.!?]*\bin may\b)")
"""The resident's husband or wife down now ("my husband's fallen out of bed and the carer
isn't due till eight"; never one gone by, nor fallen asleep, out with one or for one): a
fall of someone with them, so a call, and never someone else's (:data:`_SOMEONE_ELSE`)."""
_DOWN_IN_MY_HOME = (
    r"(?: has|'s) (?:just )?(?:fallen|slipped|tripped|gone over|gone down)(?: over| down)? "
    r"(?:on|in) (?:my|our) (?:own )?(?:rug|carpet|floor|kitchen|hall|hallway|bathroom|lounge|"
    r"living room|front room|sitting room|stairs|landing|doorstep|step|steps|bedroom|toilet|"
    r"porch|conservatory|kitchen floor|bathroom floor)\b" + _NOT_GONE_BY)
"""Someone fallen in the resident's own home now ("the lady from church who visits me has
fallen over on my rug"; never one gone by): someone with them, so a call (the resident's
husband or wife anywhere: :data:`_SPOUSE_DOWN_NOW`)."""
_PERSON_HERE = (r"(?:he|she|visitor|guest|carer|nurse|vicar|priest|minister|rabbi|imam|lady|"
                r"man|woman|gentleman|fella|chap|girl|boy|friend|neighbou?r|postman|postie|"
                r"cleaner|home help|plumber|electrician|builder|window cleaner|son|daughter|"
                r"brother|sister|mum|dad|mother|father|aunt|auntie|uncle|cousin|niece|nephew|"
                r"grand\w+|son-in-law|daughter-in-law|lodger|pal|mate)")
"""A person who may be in the resident's home with them."""
_WEDGED = (r"(?:wedged|jammed|stuck|trapped)(?: down(?: here| there)?| on the floor)? (?:in )?"
           r"between")
"""Caught in the gap a fall leaves one in (with :data:`_GAP_SIDE` either side)."""

_GAP_SIDE = (r"(?:toilet|loo|bath|bathtub|bed|sink|basin|radiator|sofa|settee|chair|armchair|"
             r"commode|wardrobe|cupboard|fridge|washing machine|door|wall|cooker|dresser|"
             r"(?:coffee |bedside |kitchen |dining )?table|bookcase|chest of drawers|cabinet|"
             r"stool|pouffe|(?:lawn ?)?mower|wheelbarrow|shed|fence|workbench|freezer|boiler|"
             r"water butt|(?:wheelie )?bins?)")
"""What a fallen person ends up wedged between: the bathroom's and the bedroom's fixtures, and
the shed's and the garden's ("i'm wedged between the mower and the wall")."""
_LIMB = r"(?:leg|arm|ankle|wrist|foot|knee|hip|shoulder|elbow)"
"""A limb or a joint by name (a limb at a wrong angle or bent the wrong way)."""

_BENT = r"(?:bent|twisted|sticking out|stuck out)"
"""How a limb out of true is said to be ("bent", "sticking out", ...)."""

_APPLIANCE_KIND = r"(?:(?:little|old|electric|new|portable|fan|oil|plug-in) )*"
"""Words that tell an appliance's kind or age before its name ("the little electric heater",
"the old fan heater"), any number of them."""

_SAFETY_PHRASE = re.compile(
    r"\bi(?:'ve| have| just| had|'ve just| have just)? (?:fell|fallen|slipped|tripped)\b|"
    r"\bfell (?:down|over|off|out)\b|\bhad an? (?:\w+ )?fall\b|"
    r"\bon the (?!ground |first |second |third |top |upper |bottom |upstairs |downstairs |"
    r"next |same |other |dance )(?:\w+ )?floor\b|"
    r"(?<!you )\b(?:can ?not|can'?t|unable to|could ?n'?t|cyaan|kyaan|caan) (?:get up|stand up|"
    r"get back up(?! (?:the|to|there|those|these|them|stairs|steps|upstairs|into|onto|on)\b)|"
    r"(?:breathe|breath|breeth|breth)(?! (?:properly |very well |well )?through (?:my|his|her|"
    r"your|their|the|one) (?:\w+ )?(?:nose|nostrils?)\b(?!,? (?:or|and|nor) (?:through )?"
    r"(?:my |his |her )?mouth)| through it (?:at night|properly|very well)\b)|move|"
    r"(?:get|catch) my breath)|"
    # help drawn out as it is shouted: "heeeelp", "helllp"
    r"\bh+e{2,}l+p+\b|\bhe+l{3,}p+\b|\bhe+l+p{2,}\b|"
    rf"\bhelp me(?! (?:please )?{_REQUEST_AFTER_HELP}\b)|"
    r"^(?:please )?help\b(?! (?:me|with|you|us|them|him|her|yourself)\b)|\bhelp!|"
    rf"\bplease help\b(?! (?:me )?{_REQUEST_AFTER_HELP}\b)|"
    rf"\b(?:i need|get|send) help\b(?! {_REQUEST_AFTER_HELP}\b)|"
    r"\bsend (?:some ?one|some ?body)\b(?! (?:a |an |the |some |my |his |her )?(?:card|text|"
    r"message|letter|e-?mail|present|gift|parcel|flowers|photo|picture|note|birthday)\b)|"
    r"\bambulance\b|"
    # blood everywhere, now: "my hand's got caught in the hedge trimmer, there's blood
    # everywhere", "blood's all over the worktop and it won't stop" (never gone by)
    r"(?<!\bwas )(?<!\bwere )\bblood(?:'s| is)? (?:all )?everywhere\b(?![^.!?]*\b(?:only|just) "
    r"(?:rusty |dirty |red )?(?:water|paint|ketchup|jam|wine|beetroot|juice)\b)"
    + _NOT_GONE_BY + r"|"
    r"\bblood(?:'s| is) all over\b[^.!?]{0,40}?\b(?:won'?t|will not) stop\b|"
    r"\b(?:so much|lots of) blood\b|\btumbled\b|"
    r"\b(?:alert|raise the alarm for|get) (?:my |the |a )?(?:carers?|caregivers?|nurses?)\b|"
    # "carer" as the recognizer often writes it, without its last syllable
    r"\balert (?:my |the )?care\b(?! (?:plan|home|package)\b)|"
    rf"\b{_EMERGENCY_NUMBER}\b|\bemergency\b|"
    # a chest pain said either way round: "chest pains", "this crushing pain in my chest"
    rf"\b{_CHEST_PAIN}\b|\bchest (?:is |feels )?(?:\w+ )?(?:hurting|hurts|tight)\b|"
    r"\bchest(?:'s| has) gone (?:really |very |so |all |awfully )?(?:tight|heavy)\b|"
    # the chest said to crush, now: "i've come over all peculiar, my chest's crushing"
    r"\bchest(?:'s| is) (?:all |really |very |so |just )?crushing\b(?! (?:news|blow)\b)|"
    # a crushing feeling in the chest, now: "oh dear, i've got this crushing feeling in my
    # chest, it's very bad" (never one gone by, nor grief: "... when i heard the news")
    r"\bcrushing (?:feeling|sensation|pressure|weight|tightness)\b[^.!?]{0,12}?\b(?:in|on|"
    r"across|round) (?:my|me|his|her|the) chest\b" + _NOT_GONE_BY + r"(?![^.!?]*\bwhen (?:i|we|"
    r"he|she) (?:heard|saw|read|got|found|think|thought)\b)|"
    # an ache, a pain or a heaviness in the chest spreading to the jaw, the arm or the neck:
    # "there's a heavy ache in my chest spreading into my jaw and left arm" (never gone by)
    r"\b(?:ache|aching|pain|heaviness|tightness|pressure|weight)\b (?:in|across|on) (?:my|me|his|"
    r"her|the) chest\b[^.!?]{0,40}?\b(?:spreading|going|moving|running|shooting|radiating|"
    r"travelling|traveling) (?:up |down )?(?:in)?to (?:my|me|his|her|the) (?:left )?(?:jaw|arm|"
    r"neck|shoulder)\b" + _NOT_GONE_BY + r"|"
    # another clutching at the chest, now: "arthur's gone grey and he's clutching at his
    # chest" (never the resident's own at the snooker, nor with laughing, nor gone by)
    r"(?<!was )(?<!were )\b(?:clutching|clutched|gripping|grabbing|grabbed|clawing)(?: at)? "
    r"(?:his|her) chest\b(?![^.!?]*\blaugh\w*\b)" + _NOT_GONE_BY + r"|"
    r"\bheart attack\b|\bstroke\b|\bbleeding\b|\b(?:passing|passed|blacked) out\b|"
    # the resident blacking out, or about to: "i keep blacking out", "i'm going to pass out"
    # (the telly "blacking out" is not these words)
    r"\bi(?:'m| am|'ve been| have been| was| keep| kept)(?: on)? blacking out\b|"
    r"\bi(?:'m| am)(?: \w+)? (?:going to|gonna|about to) (?:black|pass) out\b|"
    # "come a cropper", a fall said the British way, now: "i've just come a cropper"
    # ("i came a cropper on the cobbles when we were in spain" is a story)
    r"\bi(?:'ve| have|ve)? (?:just )?come a (?:right |real |proper |nasty |bad )?cropper\b|"
    r"(?:^|(?<=[.!?] ))(?:just )?come a (?:right |real |proper |nasty |bad )?cropper\b"
    r"(?! (?:with|over|at|on) (?:the |my |me |this |that )?(?:crossword|quiz|puzzle|sudoku|exam|"
    r"test|computer|phone|tablet|forms?|taxes|accounts|recipe|knitting|jigsaw)\b)" + _NOT_GONE_BY
    + r"|"
    # legs not under one, and gone over in a room now: "i've gone over in the bath and i
    # can't get my legs under me"
    r"\b(?:can'?t|cannot|can ?not|couldn'?t) get (?:my|me|his|her) legs (?:back )?(?:under|"
    r"beneath) (?:me|him|her)\b|"
    r"\bi(?:'ve| have)(?: just)? gone (?:over|down) (?:in|on) the (?:bath|bathroom|shower|"
    r"kitchen|hall|landing|stairs|bedroom|lounge|garden|path|toilet|loo)\b|"
    r"\bchoking\b|\bcollapsed\b|\bunconscious\b|\bnot breathing\b|\bgasping\b|"
    r"\bslurred\b|\b(?:keeled|toppled) over\b|\bi(?:'ve| have)? (?:just )?toppled off\b|"
    # someone fetched now: "get someone to me now", "phone for the doctor it's urgent"
    # ("get someone here please" is left to the model: the fast path's domain decoder makes
    # it of garble, docs/safety-path.md)
    r"\bget (?:some ?one|some ?body) to me(?= *$| (?:now|quick|quickly|please|fast|"
    r"right away|straight away|help|i)\b)|"
    r"\b(?:phone|call|ring|get)(?: for)? (?:the |a |my )?doctor (?:it'?s|it is) "
    r"(?:urgent|an emergency)\b|"
    # the resident's speech going, their lips blue: "i'm slurring my words", "my lips have
    # gone blue" (stroke and breathing signs, said now)
    r"\b(?:gone|went|going) (?:all )?(?:funny|numb|dead|weak|floppy) down (?:one|my (?:left|"
    r"right)|the (?:left|right)|his|her) side\b" + _NOT_GONE_BY + r"|"
    # one side gone to jelly, numb or dead, now: "the room's spinning, my left side's gone to
    # jelly and i can't lift my arm" (never from lying on it, nor gone by)
    r"\b(?:my|his|her) (?:left|right) side(?:'s| has| is)? (?:gone|going|feels?|feeling)(?: all)? "
    r"(?:to jelly|like jelly|numb|dead|weak|floppy|heavy|useless)\b(?![^.!?]*\b(?:lying|lay|laid|"
    r"sleeping|slept|sat|sitting) on (?:it|that side)\b)" + _NOT_GONE_BY + r"|"
    r"\bmouth (?:won'?t|will not|does ?n'?t|isn'?t|is not) work(?:ing)?(?: right| properly)?\b"
    r"(?![^.!?]*\b(?:dentist|injection|anaesthetic|teeth|dentures|filling)\b)" + _NOT_GONE_BY
    + r"|"
    r"\bi(?:'m| am)(?: (?!not\b)\w+)? slurring\b|(?<!if )\bmy lips (?:have |are |'ve )?"
    r"(?:gone |turned |"
    r"turning |going )?(?:blue|purple)\b|"
    # smoke from a room or an appliance, now: "there's smoke coming from the kitchen",
    # "... coming out from under the kitchen door"
    r"\b(?:smoke|(?:thick |black |grey |gray )+(?:stuff|fumes))(?:'s| is)? (?:coming|pouring|"
    r"billowing|seeping|creeping|puffing|pumping|belching|spewing|rolling)(?:(?: out)? (?:from|of|"
    r"under|from under|through|round)| out)(?: the| my| that)? (?:(?:back|front|top|bottom|side) "
    r"of (?:the |my |that )?)?" + _APPLIANCE_KIND
    + r"(?:kitchen|oven|cooker|toaster|microwave|bedroom|hall|hallway|landing|lounge|"
    r"(?:box|spare|back|front|utility|sitting|dining|junk|store) ?room|"
    r"living room|bathroom|stairs|loft|attic|socket|plug|fuse box|telly|tv|heater|fire|"
    r"washing machine|dryer|tumble dryer|kettle|door|room|shed|garage|greenhouse|outhouse|"
    r"cellar|summerhouse|(?:shed|garage|back|front|kitchen|bedroom|cellar|loft) door|"
    r"extractor(?: fan)?|cooker hood|"
    r"(?:upstairs |downstairs |bedroom |kitchen |front |back )?windows?)\b"
    r"(?![^.!?]*\b(?:just|only|it'?s) steam\b)|"
    # flames out of a roof or a window, a place gone up like bonfire night, a bonfire caught
    # the fence: "the shed's gone up like bonfire night, flames coming out the roof!"
    r"\bflames (?:are )?(?:coming|pouring|shooting|leaping|licking)(?: out)?(?: of| from)? "
    r"(?:the|my|our|next door'?s) (?:\w+ )?(?:roof|windows?|doors?|shed|garage|loft|chimney|"
    r"cupboard|kitchen|bedroom|landing|stairs)\b|"
    r"\b(?:shed|garage|kitchen|house|cupboard|loft|attic|bedroom|landing|stairs|hall|lounge|"
    r"car|van|caravan|greenhouse|summerhouse)(?:'s| has| is)? (?:just )?gone up like (?:bonfire "
    r"night|a bonfire|a torch|a tinderbox|guy fawkes)\b|"
    r"\b(?:fire|flames|bonfire|blaze)(?:'s| has| have)? (?:just )?(?:jumped|spread|caught|got) "
    r"(?:to |onto |into |over )?(?:the|my|our|next door'?s) (?:\w+ )?(?:fence|fence panels|"
    r"hedge|shed|house|roof|garage|curtains|kitchen)\b|"
    r"\blegs (?:just )?(?:gave|have given) (?:way|out)\b|"
    # legs gone and the resident down for hours, told in fragments: "on the landing... legs
    # went... been here since last night" ("my legs went numb", "... went to jelly at the
    # dentist's" are no such words)
    r"\blegs (?:just )?(?:went|have gone|'ve gone|gone)(?= *(?:[.,;!?]|$| (?:and|been|so|now|"
    r"on me|under me)\b))|"
    r"\b(?:been|i've been|i have been) (?:(?:lying|laid|laying) (?:here|down here|there)|"
    r"stuck (?:here|down here))(?: on the (?:\w+ )?(?:landing|floor|carpet|lino|tiles|rug|stairs|"
    r"step|path|ground|grass|patio|kitchen floor|bathroom floor))? (?:since|for|all)\b"
    # (never awake in bed: "i've been lying here for hours, can't get off to sleep")
    r"(?![^.!?]*\b(?:(?:get off|drop off|get back|go back|get|go) to sleep|can'?t sleep|awake|"
    r"nod off|in (?:my |the )?bed)\b)|"
    # still on the ground outside after going down: "went down hard in the garden getting the
    # washing in, i'm still on the grass and my wrist looks wrong"
    r"\bi(?:'m| am) still (?:down |lying |sat |sitting )?(?:out here |out there )?(?:on|lying on|"
    r"sat on|sitting on) the (?:\w+ )?(?:grass|"
    r"lawn|patio|path|pavement|concrete|gravel|drive|steps|ground|flags)\b(?! (?:verge|bench|seat|"
    r"chair|waiting|sunbathing|reading)\b)|"
    # legs given out and down on the floor: "my pins gave out by the sink and now i'm sat on
    # the lino like a sack of spuds" (never "a bit", nor on the dance floor)
    r"\b(?:legs?|knees?|pins|pegs) (?:just |have |'ve )?(?:gave out|given out|gave way|given way|"
    r"buckled|went|gone|collapsed)\b(?! (?:a bit|a little|slightly)\b)[^.!?]{0,60}?\b(?:on the "
    r"(?!dance )(?:\w+ )?(?:floor|lino|tiles|carpet|"
    r"rug|ground|grass|patio)|like a sack of)\b" + _NOT_GONE_BY + r"|"
    # legs gone from under the resident, who lies where no one lies by choice: "my legs went
    # from under me", "i'm lying by the sofa" (not in bed, on the sofa, in the bath)
    r"\b(?:legs?|knees?|feet|pins|pegs|ladder|step ?ladder|steps|stool|chair) (?:just |(?:have|"
    r"'ve|has|'s) just )?(?:went|"
    r"have gone|'ve gone|has gone|'s gone|gone|gave way|slid) (?:out )?from under me\b|"
    # down the stairs on one's backside and unable to get up: "i've come down the last four
    # stairs on my backside and i can't get back on my feet" (never a way of coming down)
    r"\b(?:come|came|gone|went|slid|bumped) down (?:the )?(?:\w+ ){0,3}?(?:stairs|steps) on "
    r"(?:my|me|his|her) (?:backside|bottom|bum|behind|rear|arse)\b(?=[^.!?]*\bcan'?t (?:get "
    r"(?:back )?(?:up|on (?:my|me|his|her) feet)|stand|shift|move)\b)" + _NOT_GONE_BY + r"|"
    # gone headlong down the steps: "went headlong down the cellar steps. been lying here a
    # while now" (never a story gone by)
    r"\b(?:went|gone|fell|tumbled|pitched|been) headlong (?:down|over|off|into|onto)\b"
    + _NOT_GONE_BY + r"|"
    r"\bi(?:'m| am|'ve been| have been)(?: (?:still|just|now))? lying (?:by|beside|next to|"
    r"behind|under|against|at the (?:bottom|foot|top) of|in front of) (?:the|my) "
    r"(?!(?:husband|wife|partner|cat|dog|grand\w*|daughter|son|bed)\b)\w+\b(?! in bed\b)|"
    r"\bi(?:'m| am|'ve been| have been)(?: (?:still|just|now))? lying on the (?:ground|carpet|"
    r"rug|lino|tiles|path|pavement|grass|landing|stairs|drive|patio|concrete|mat)\b|"
    # down on a floor's covering, said of oneself ("i'm on the bathroom lino and my leg won't
    # do what i tell it"; "on the floor" is above; a night out on the tiles is no fall), and
    # caught in the gap a fall leaves one in ("i'm jammed between the toilet and the wall",
    # "he's wedged between the bed and the wall"; the devil and the deep blue sea are no
    # furniture)
    rf"\bi(?:'m| am)(?: (?:still|just|now|stuck|down))? on the (?:\w+ )?{_FLOOR_COVERING}\b"
    r"(?! (?:tonight|this|with|for|again|shop|sale)\b)|"
    r"(?:\b(?:i'm|i am|i've been|i have been|i've got myself|he's|she's|he is|she is|he's been|"
    rf"she's been)|^been)(?: (?:just|still|now|got))? {_WEDGED} "
    rf"(?:the|my) {_GAP_SIDE} and (?:the|my) {_GAP_SIDE}\b|"
    # someone down and the resident unable to raise them: "my husband's slid out of bed onto
    # the floor and i can't lift him" ("i can't lift him, he's too heavy now" is no fall)
    r"\b(?:on|onto|on to) the (?!(?:ground|first|second|third|top|upper|next|same|other) )"
    r"(?:\w+ )?floor\b.*\b(?:can ?not|can'?t|could ?n'?t) (?:lift|get|pick|move) (?:him|her)\b|"
    # water on the electrics, sparks from them: "water's pouring through the ceiling onto
    # the fuse box", "there's sparks coming off the socket" (the water's own word is often
    # lost: "wagers pouring through the ceiling onto the fuse box", and so is its verb:
    # "wilders forging through the ceiling onto the sockets"; any verb in -ing will do, since
    # nothing else comes through a ceiling onto the electrics: pouring, leaking, dripping, ...)
    r"\b\w+ing (?:in |straight |right )?(?:through|thru|from|"
    r"down|out of) (?:the |my )?(?:kitchen |bathroom |bedroom |hall |landing |lounge )?"
    r"(?:ceiling|roof|light|lights|light fitting|wall|loft|pipe|upstairs)s? "
    r"(?:right |straight |directly |down )?(?:onto|into|over|on|all over) "
    r"(?:the |my )?(?:fuse ?box|sockets?|electrics|plugs?|light (?:fitting|switch)|lights|"
    r"consumer unit|meter|wires|wiring|cooker|oven|hob|telly|tv|television|microwave|kettle|"
    r"toaster|heater|fire|extension leads?)\b|"
    # water come in to the electrics' level, or through a light: "the river's up over the
    # step and coming in under the door, and the sockets are down by the skirting", "water
    # coming through the light in the kitchen ceiling" (not "if the water ever ...")
    r"(?<!if )\b(?:waters?|rivers?|flood ?water|flood|tide|sea|burn|stream)(?:'s| is| has)? "
    r"(?:[\w']+ ){0,6}?(?:coming|pouring|rushing|flooding|getting|running|seeping)(?: up| down)? "
    r"(?:in|into|through|under)\b(?: [\w',]+){0,12}? (?:sockets?|electrics|plugs?|fuse ?box|"
    r"wiring|extension leads?|lights? (?:are |is )?(?:fizzing|sparking|flickering|buzzing))\b|"
    r"\bwater(?:'s| is)? (?:\w+ing) (?:in )?(?:through|out of|from) (?:the |my )?(?:light|"
    r"lights|light fitting|lamp|ceiling rose|bulb|fuse ?box|sockets?|plugs?)\b|"
    # water where the electrics are, told in a few words: "water in the sockets", "there's
    # water all over the fuse box" (a question or a fear is not this: "how do i stop water
    # getting into the sockets", "if water ever got in the plugs")
    r"(?<!if )(?<!stop )(?<!keep )(?<!no )\bwater(?:'s| is|'s got|'s gone| has got| has gone| got|"
    r" gone)? "
    r"(?:in|into|inside|all over|over|on|behind) (?:the |my |all the |both )?(?:sockets?|"
    r"plug sockets?|plugs?|electrics|fuse ?box|consumer unit|wiring|light fittings?|light "
    r"switch(?:es)?)\b|"
    # someone's breathing stopped, said now: "grandad's stopped breathing at the table", "she
    # isn't breathing" (a pause the doctor calls apnoea is not now: "he stops breathing in his
    # sleep", "he's stopped breathing for a few seconds in the night, the doctor says";
    # nor the resident's habits: "i've stopped breathing through my mouth")
    r"(?<!\bi)(?:'s| has| just)(?: just| now)? stopped breathing\b(?! for (?:a |a few |"
    r"a couple of |several |some )?(?:\w+ )?(?:seconds?|moments?|while)\b| (?:exercises|"
    r"through|out of|with|into|the|that|those)\b)|"
    r"\b(?:is|are) ?n'?t breathing\b(?! (?:properly|right|well|through (?:his|her|my) nose)\b)|"
    # a room filling with smoke: "the kitchen's filling with smoke", "smoke filling the hall"
    # ("the kitchen fills with smoke when i do toast" is every morning)
    r"\b(?:kitchen|house|room|hall|hallway|landing|flat|bedroom|lounge|place|stairs|"
    r"stairwell|loft|attic|bathroom|garage|conservatory|it)(?:'?s| is| are)(?: now| all| fast|"
    r" quickly| slowly)? filling (?:up )?with smoke\b|"
    r"\bsmoke(?:'s| is)? filling (?:up )?(?:the|my|our)\b|"
    # furnishings caught, a fire told without its word: "a candle tipped over and the
    # curtains have caught" (a sleeve caught on the door, a pan caught on the bottom: not
    # these words)
    r"\b(?:curtains?|nets|net curtains|tablecloth|tea ?towels?|sofa|settee|bedding|duvet|"
    r"blanket|carpet|rug|tree|lampshade|cushions?|bin)(?:'s| has| have|'ve)(?: just| now| gone"
    r" and)? caught(?= *$|[,.!;]| (?:and|now|alight|too|as well|help|quick)\b)|"
    # a blood sugar meter's "LO", below what it can read: "mum's gone all drowsy and clammy
    # and the meter just says lo" (never "said lo this morning": what it reads now)
    r"\b(?:meter|monitor|machine|reading|sensor|glucometer|reader|it)(?: just| only| now)?"
    r"(?: says| reads| shows| is showing| is saying| is reading|'s showing|'s saying|"
    r"'s reading) (?:just )?lo\b|"
    # speech gone for want of breath, or words that won't come: "i can barely get a sentence
    # out", "he can't get his words out", "i can't finish a sentence" (never a word out of
    # someone, nor a word in edgeways)
    r"\b(?:can'?t|cannot|can ?not|can barely|can hardly|can only just) (?:get (?:a |the |my |"
    r"his |her |their |any )?(?:whole |full |single )?(?:sentences?|words?) out\b(?! of\b)|"
    r"finish (?:a|my|his|her|the) sentence)\b|"
    # someone down who can't be lifted, now: "dad's slid off the commode and i can't lift him
    # on my own", "he's fallen out of bed and he's too heavy for me to lift" (never a care
    # need: "i can't lift him into the bath any more", "she's getting too heavy for me to lift")
    r"\b(?:(?:can'?t|cannot|can ?not|unable to|not strong enough to) (?:lift|pick|shift|budge) "
    r"(?:him|her)"
    r"(?: up| back up)?(?= *$|[,.!?;]| (?:back|on my own|by myself|off|and|now|please|"
    r"help|at all|between us|together|ourselves|by ourselves|on our own)\b)|"
    r"(?:(?<=\bhe's )|(?<=\bshe's )|(?<=\bhe is )|(?<=\bshe is ))(?:far |much |way )?too heavy "
    r"(?:for me )?to (?:lift|get up|pick up|shift|budge))\b"
    r"(?![^.!?]*\b(?:any ?more|these days|any longer|since|in and out|into (?:the|his|her) "
    r"(?:bath|bed|car|chair)|hoist)\b)|"
    # a fall told as going down like a sack of potatoes ("i've gone down like a sack of spuds
    # next to the washing machine"; never a boxer or a footballer who "went down like a sack
    # of spuds": another's only as "has gone")
    r"(?:\bi(?:'ve| have)? (?:just )?(?:gone|went)|\b\w+(?:'s| has)(?: just)? gone|"
    r"(?:^|(?<=[.!?] ))(?:just )?(?:gone|went)) down like an? (?:sack|bag) of "
    r"(?:spuds|potatoes|taters|coal|cement|bricks|flour|spanners|washing|laundry|shopping|logs|"
    r"bones|sand|rags)\b|"
    # gone one's length, or down on the deck: "och, i've gone my length on the kitchen tiles",
    # "i'm down on the deck, duck, the cat took my feet clean out" (never a ship's deck chair)
    r"\bi(?:'ve| have)? (?:gone|went) (?:my|me) length\b" + _NOT_GONE_BY + r"|"
    r"\bi(?:'m| am) (?:still |now )?(?:down |flat )on the deck\b(?! (?:chair|of|with|at|outside)\b)"
    + _NOT_GONE_BY + r"|"
    # flat out on the floor or the flags, said of oneself: "i'm flat out on the flags, love"
    r"\bi(?:'m| am) (?:still )?(?:lying )?flat out on the (?:\w+ )?(?:floor|flags|lino|tiles|"
    r"carpet|rug|ground|grass|lawn|path|patio|pavement|concrete|landing|steps)\b"
    + _NOT_GONE_BY + r"|"
    # ... or like a ton of bricks: "gone down like a ton of bricks in the bathroom, i have,
    # and i'm going nowhere" (never an idea, a joke or the news that went down badly)
    r"(?:\bi(?:'ve| have)? (?:just )?(?:gone|went)|(?:^|(?<=[.!?] ))(?:just )?(?:gone|went)|"
    r"\b(?:he|she|mum|dad|nan|gran|grandad|(?:my|our) (?:husband|wife|mum|dad|hubby|missus|"
    r"(?!(?:idea|joke|plan|speech|news|suggestion|cake|pudding|team|side)\b)[a-z]+))(?:'s| has) "
    r"(?:just )?gone) down like (?:a ton of bricks|a felled (?:tree|oak))\b"
    + _NOT_GONE_BY + r"|"
    # a ceiling or a wardrobe come down with someone under it: "the wind's brought the
    # ceiling down in the back bedroom and margaret's under it"
    r"\b(?:ceiling|roof|wall|tree|wardrobe|bookcase|chimney|beam|shelf|shelves|cabinet)\b"
    r"[^.!?]{0,50}?\b(?:down|collapsed|fallen|fell|come in|caved in|over)\b[^.!?]{0,40}?\b(?:he|"
    r"she|they|i|(?!(?:car|van|cat|dog|shed|bike|it|that|everything|nothing|something|garden|"
    r"lawn|greenhouse|bins?|fence|wall|roof|telly|tv)\b)[a-z]+)(?:'s| is|'m| am|'re| are) "
    r"(?:stuck |trapped |pinned )?under (?:it|them)\b"
    + _NOT_GONE_BY + r"|"
    r"\b(?:he|she|i|mum|dad|my (?:husband|wife|mum|dad))(?:'s| is|'m| am) (?:trapped|pinned) "
    r"under (?:it|them)\b" + _NOT_GONE_BY + r"|"
    r"\b(?:trapped|pinned) under (?:the|a|my) (?:\w+ )?(?:wardrobe|bookcase|ceiling|rubble|tree|"
    r"beam|shelf|shelves|cabinet|fridge|wall|dresser)\b" + _NOT_GONE_BY + r"|"
    # slid off a seat onto the floor: "i've slid off the chair onto the floor and my legs won't
    # do what i tell them"
    r"\bi(?:'ve| have)? (?:just )?(?:slid|slipped|slithered) (?:off|out of|down off) (?:the |my |"
    r"me )?(?:chair|settee|sofa|bed|couch|armchair|stool|commode|toilet|loo|seat) (?:on ?to|on) "
    r"the (?:\w+ )?(?:floor|carpet|rug|lino|tiles|ground)\b(?![^.!?]*\b(?:to (?:play|sit|do|look|"
    r"reach|stretch|kneel)|on purpose|exercises)\b)" + _NOT_GONE_BY + r"|"
    # down outside: "i'm down on the path outside, missed the step off the minibus" (never
    # weeding, kneeling or sunbathing)
    r"\bi(?:'m| am)(?: still)? down on the (?:\w+ )?(?:path|pavement|drive|driveway|patio|ground|"
    r"grass|lawn|flags|ice|concrete|gravel|steps|road)\b(?![^.!?]*\b(?:weeding|kneeling|"
    r"sunbathing|planting|pulling|looking for|on purpose|doing|washing|cleaning|sweeping|"
    r"painting|scrubbing|gardening|chatting|talking|waiting|reading|playing|feeding)\b)"
    + _NOT_GONE_BY + r"|"
    # a fire set to the cloth, done or doing: "the candles have set the tablecloth alight and
    # it's going up the curtains!" (never what might: "before it sets the bed alight", nor
    # "you'll set the world alight")
    r"(?:(?:\b(?:have|has)|'ve|'s)(?: just)? set|(?:\b(?:is|are)|'s|'re) setting) (?:the |my |me )?"
    r"(?:\w+ )?(?:tablecloth|table cloth|curtains?|tea ?towel|napkins?|decorations|tree|"
    r"paper chains|wrapping paper|sofa|settee|chair|bin|rug|carpet|blinds?|bedding|duvet|bed|"
    r"nightie|dressing gown|sleeve|cardigan|hair) (?:alight|on fire|ablaze)\b" + _NOT_GONE_BY
    + r"|"
    r"\b(?:it'?s|fire'?s|flames are|it is) (?:going|gone|climbing|crawling|spreading|caught) "
    r"up the curtains\b" + _NOT_GONE_BY + r"|"
    # down on the floor told by what one is down by, at home: "i'm down by the boiler
    # cupboard and my knees won't play ball", "i've gone down by the fridge" (never down by
    # the sea, nor down by the fridge getting the milk or looking for the remote)
    r"\bi(?:'m| am|'ve gone| have gone|'ve ended up| have ended up) down (?:by|next to|"
    r"beside|between|behind|in front of) (?:the|my) (?:[\w']+ ){0,2}?(?:bed|fridge|freezer|stairs|"
    r"toilet|loo|bath|sink|sofa|settee|chair|armchair|cooker|oven|radiator|cupboard|wardrobe|"
    r"washing machine|dryer|boiler|table|commode|dresser|sideboard)s?\b(?![^.!?]*\b(?:looking|"
    r"searching|hunting|cleaning|waiting|sorting|fixing|mopping|wiping|getting|fetching|having|"
    r"playing|feeding|picking|tidying|painting|scrubbing)\b)|"
    # a burst pipe that is flooding the house now: "the pipe to the radiator has burst and
    # the water's already over my slippers, it won't stop" (never "if the pipes have burst",
    # nor the pipe that burst last winter)
    r"(?<!if )(?<!if the )(?<!if my )(?<!in case )(?<!in case the )"
    r"\b(?:the |a |my )?(?:pipes?|tank|radiator|cylinder|boiler|water main)"
    r"(?: [\w']+){0,4}? (?:'s|has|have|'ve) (?:just )?burst\b(?=[^.!?]*\b(?:won'?t stop|"
    r"can'?t stop it|pouring|gushing|everywhere|over my|up to my|rising|coming through)\b)|"
    # on the floor a night or hours: "nobody's answering the phone and i've been on this floor
    # all night" (never sorting records on it)
    r"\bon (?:this|the) (?:\w+ )?floor (?:all night|since (?:last night|yesterday|this "
    r"morning)|for hours)\b(?![^.!?]*\b(?:sorting|playing|looking|going through|on purpose|"
    r"cleaning)\b)|"
    # help asked to be got: "please get me some help" (never help with the shopping)
    rf"\bget me (?:some )?help\b(?! {_REQUEST_AFTER_HELP}\b)|"
    # down on a floor's covering and unable to shift: "i'm sat on the bedroom carpet, can't
    # shift an inch"
    r"\bon the (?:\w+ )?(?:floor|lino|tiles|carpet|rug)\b[^.!?]{0,60}?\bcan'?t (?:shift|budge|"
    r"move) (?:an inch|a muscle|myself|at all)\b|"
    # gone down by the furniture or in a room: "oh no, i've just gone down by the wardrobe, my
    # hip", "he's gone down in the hall" (never gone down to the kitchen, nor the shops)
    r"\b(?:i'?ve|i have|he'?s|she'?s|he has|she has|(?!(?:water|level|price|sun|tide|swelling|"
    r"temperature|bath|fire|it|that|this|there|what|heating|milk|food|tea)'s)[\w]+'s) (?:just )?"
    r"gone down "
    r"(?:by|beside|next to|near|in|on|at) (?:the|my) (?:\w+ )?(?:wardrobe|bed|sofa|settee|chair|"
    r"armchair|stairs|bath|toilet|loo|sink|cooker|fridge|door|table|window|radiator|dresser|"
    r"commode|hall|kitchen|bathroom|bedroom|landing|lounge|garden|path|patio)\b(?! to\b)|"
    # someone lying at the foot of the stairs or on a floor now: "my wife's lying at the
    # bottom of the stairs", "he's lying on the kitchen floor" (never the dog, nor asleep or
    # at exercises)
    r"\b(?:he|she|(?:my|our|the) (?:\w+ )?(?:husband|hubby|wife|missus|partner|other half|mum|"
    r"mam|mother|dad|father|son|daughter|brother|sister|friend|neighbou?r|carer|lodger|"
    r"grandson|granddaughter|nan|gran|grandad|grandma)|(?:mr|mrs|miss) \w+)(?:'s| is) (?:just |"
    r"still )?(?:lying|laid|laying|sprawled|in a heap) (?:at the (?:bottom|foot) of the (?:\w+ )?"
    r"(?:stairs|steps)|on the (?:\w+ )?(?:floor|lino|tiles|carpet|rug|landing|ground))\b"
    r"(?![^.!?]*\b(?:asleep|sleeping|snoozing|napping|exercis\w*|stretch\w*|yoga|playing|"
    r"sunbath\w*|reading|watching)\b)" + _NOT_GONE_BY + r"|"
    # in a heap by the furniture or on the step now: "she's in a heap by the sideboard saying
    # her hip's gone", "my old pins have packed in halfway up the stairs, i'm in a heap on the
    # step and stuck" (never the washing in a heap)
    r"\b(?:i'?m|i am|he'?s|she'?s|he is|she is)(?: (?:just|still|all))?(?: (?:sat|sitting|"
    r"lying|laid))? in a heap (?:(?:by|beside|"
    r"next to|near|against|at the (?:bottom|foot) of|under|behind) (?:the|my|his|her) \w+|on the "
    r"(?:\w+ )?(?:step|steps|stairs|landing|path|patio|drive|lawn|grass|kerb|pavement|"
    r"doorstep)\b)" + _NOT_GONE_BY + r"|"
    # a limb at a wrong angle now: "he's awake but his leg's at a horrible angle" (never a
    # picture, nor one gone by)
    r"\b(?:my|his|her|their) (?:\w+ )?" + _LIMB + r"(?:'s| is)(?: " + _BENT
    + r")? at an? (?:horrible|funny|strange|odd|"
    r"awful|nasty|wrong|weird|terrible|horrid|sickening|peculiar|unnatural|silly) angle\b"
    + _NOT_GONE_BY + r"|"
    # ... or bent the wrong way after a fall told before it: "i've gone down the last few
    # stairs and my leg's bent funny" (never a fall gone by)
    r"\b(?:fell|fallen|gone down|went down|come off|came off|slipped|tripped|on the floor|"
    r"(?:bottom|foot) of the stairs)\b[^.!?]{0,60}?\b(?:my|his|her|their) (?:[\w']+ )?" + _LIMB
    + r"(?:'s| is) " + _BENT + r" (?:funny|all funny|wrong|all wrong|the wrong way|backwards|"
    r"sideways)\b"
    + _NOT_GONE_BY + r"|"
    # someone to be got out to the resident: "get someone out to me, i've gone down the last
    # few stairs" (never to do a job, nor on a day to come)
    r"\b(?:get|send) (?:some ?one|some ?body) (?:out |round |over )?to me\b(?!\s*(?:to|about|"
    r"for|with|on|next|tomorrow|when|after|at)\b)|"
    # no getting up alone from where one is: "i've kissed the carpet good and proper by the
    # bookcase and there's no getting up on my own this time" (never getting up early)
    r"\bno getting (?:myself )?up (?:on my own|by myself|unaided|without help|off (?:the|this) "
    r"(?:\w+ )?floor|from (?:here|this))\b|"
    # struggling for breath now: "my lips have blown up and i'm struggling for breath", "i'm
    # really struggling to breathe now, it's getting worse", "my heart's racing and i can't
    # get a proper breath" (never lately, on the stairs, or when)
    r"(?:\b(?:i'?m|i am|he'?s|she'?s|he is|she is) (?:really |now |just |badly )?(?:struggling|"
    r"fighting|labouring) (?:for (?:breath|air)|to breathe|to get (?:my|his|her|a) breath)|"
    r"\b(?:i|he|she) (?:can'?t|cannot|can not) get (?:a )?(?:proper|decent|good|full|deep) "
    r"breath)\b(?![^.!?]*\b(?:lately|these days|when|if|on the "
    r"(?:stairs|hill)|going up|after|nose|cold|bunged up)\b)" + _NOT_GONE_BY + r"|"
    # gone down and here since: "i went down in the hall and i've been here since songs of
    # praise finished" (never gone down to the shops)
    r"\b(?:went down|gone down|fell|fallen|slipped|tripped|went over|gone over)\b(?! (?:to|for|"
    r"with|into town|the road|the shops|asleep)\b)[^.!?]{0,60}?\b(?:i'?ve|i have) been (?:here|"
    r"down here|on (?:the|this) (?:\w+ )?floor) (?:since|for|all)\b|"
    # down a while and unable to move: "i've been down since the window cleaner left and my
    # hip won't let me move" (never feeling down)
    r"\bbeen down (?:here |there )?(?:since|for)\b(?![^.!?]*\b(?:died|passed|weeks?|months?|"
    r"days|mornings|lately|cold|flu|bug|virus|depress\w*|low|blue|in the dumps)\b)"
    r"[^.!?]{0,60}?\b(?:won'?t let me (?:move|get up|stand|shift)|can'?t (?:move|get up|stand|"
    r"shift))\b(?! (?:for|in the)\b)|"
    # gone down the step and hardly moving: "ron's gone down the front step seeing the meter man
    # out, he's hardly moving"
    r"\bgone down (?:the|my|his|her) (?:\w+ )?(?:step|steps|stairs)\b(?=[^.!?]*\b(?:hardly|not|"
    r"is ?n'?t|can'?t|won'?t|barely) (?:moving|move|get up|getting up)\b)|"
    # rolled off the bed onto the floor: "reaching for my mobile i've rolled off the bed onto
    # the floor" (never as a child)
    r"\brolled (?:off|out of) (?:the|my) bed (?:onto|on to|on) the (?:\w+ )?floor\b"
    r"(?![^.!?]*\b(?:as a (?:child|girl|boy|kid)|when i was (?:little|young|a))\b)"
    + _NOT_GONE_BY + r"|"
    # a stranger in a room of the home, not let in: "there's a fella in my back bedroom, i
    # never let him in" (never the boiler man)
    r"\b(?:a|some|this|the) (?:man|fella|fellow|bloke|stranger|woman|lad|chap|guy)(?:'s| is)? "
    r"(?:in|upstairs in) (?:my|the|our) (?:\w+ )?(?:bedroom|kitchen|lounge|house|hall|bathroom|"
    r"front room|living room|flat)\b(?=[^.!?]*\b(?:i (?:never|didn'?t|did not) let (?:him|her|"
    r"them) in|(?:going|rooting|rummaging) through my|i don'?t know (?:him|her|who))\b)|"
    # gone over outdoors or on the step, and cannot get up or bear weight: "i've gone over on
    # the step with the dog bowl and i can't put weight on anything" (never "gone over on my
    # ankle" alone, a sprain)
    r"\bi'?ve (?:just )?gone over (?:on|in|off|at|by) (?:the|my) (?:\w+ )?(?:step|steps|kerb|"
    r"path|patio|stairs|drive|lawn|grass|ice|mat|rug|doorstep|slabs?)\b(?=[^.!?]*\b(?:can'?t|"
    r"cannot|can not|won'?t) (?:get up|get myself up|get back up|put (?:any )?weight|stand|"
    r"move)\b)|"
    # a long lie, told softly: "i've been down here a good while and i'm getting cold" (down
    # here on the floor, by what it does to the resident; never down here in the kitchen)
    r"\b(?:been|lying|stuck|laid) down here\b[^.!?]{0,40}?\b(?:i'?m|i am|i'?ve gone|my \w+ "
    r"(?:are|is|have gone)) (?:getting |gone |going |so |very |really |a bit |proper )?(?:cold|"
    r"stiff|numb|chilly|freezing)\b(?![^.!?]*\b(?:heating|radiator|fire on|blanket|cardigan|"
    r"jumper)\b)|"
    # ... or the legs won't lift one after: "i went down on the patio trying to get the
    # washing in and my legs won't lift me" (never these days, nor far)
    r"\b(?:went down|gone down|fell|fallen|slipped|tripped|on the (?:floor|ground|grass|lawn|"
    r"path|patio))\b[^.!?]{0,80}?\b(?:legs?|knees?|pins|pegs)(?: just)? (?:won'?t|will not|"
    r"can'?t|cannot) (?:lift|hold|carry|get|push|take) me(?: up)?\b(?! (?:far|very far|as far|"
    r"any ?more|up the stairs|up hills?))" + _NOT_GONE_BY + r"(?![^.!?]*\b(?:these days|lately)\b)|"
    # a mobility scooter or a wheelchair tipped over with one on it: "the mobility scooter's
    # tipped over with me still on it in the back garden"
    r"\b(?:scooter|wheelchair|wheel chair|chair|buggy|trike|tricycle|bike|commode|rollator|"
    r"walker)(?:'s| has| is)? (?:just )?(?:tipped|toppled|gone|fallen|keeled|turned) over\b"
    r"[^.!?]{0,30}?\bwith (?:me|him|her|mum|dad|us) (?:still )?(?:on|in|sat on|sat in|"
    r"sitting on|sitting in) it\b" + _NOT_GONE_BY + r"|"
    # on one's back and unable to turn: "i'm on me back like a beetle next to the scooter and
    # i can't right meself" (never in bed)
    r"\bon (?:my|me|his|her) back like an? (?:beetle|tortoise|turtle)\b(?![^.!?]*\bin (?:the |my )?"
    r"bed\b)" + _NOT_GONE_BY + r"|"
    r"\b(?:stuck|lying|laid|flat|i'?m|i am)(?: down)?(?: here| there| out here)? like an? "
    r"(?:beetle|tortoise|turtle) (?:on|upside down on) (?:its|his|her|my|me) back\b"
    r"(?![^.!?]*\bin (?:the |my )?bed\b)" + _NOT_GONE_BY + r"|"
    r"\b(?:can ?not|can'?t|could ?n'?t|unable to) right (?:myself|meself|himself|herself)\b"
    r"(?![^.!?]*\b(?:in (?:the |my |his |her )?bed|since|these days|any ?more|lately)\b)"
    + _NOT_GONE_BY + r"|"
    # ... or after going down: "i went down in the garden putting the bins out and i've been
    # lying here a while" (never lying here awake in bed)
    r"\b(?:went down|gone down|fell|fallen|slipped|tripped|missed (?:the|a|my) (?:\w+ )?(?:step|"
    r"stair|footing)|on the (?:floor|ground|grass|lawn|"
    r"path|patio))\b[^.!?]{0,80}?\b(?:been lying|lying) (?:here|there)\b(?![^.!?]*\b(?:bed|"
    r"awake|asleep|sleep)\b)|"
    # a long lie on what the floor is covered with, told before: "the tiles are ever so cold
    # and i've been lying on them since my shower"; unable to shift or budge, or to get off
    # the floor: "i can't shift", "i've kissed the lino and i can't get myself off it" (never a
    # cold that won't shift)
    rf"\b(?:{_FLOOR_COVERING}|floor|ground)\b[^.!?]{{0,60}}?\bbeen lying on (?:them|it)\b|"
    r"\bi (?:can ?not|can'?t|could ?n'?t) (?:shift|budge)(?: myself)?(?= *$|[,.!?;]| (?:at all|"
    r"an inch|from here|off|and|now|love|dear)\b)|"
    rf"\b(?:{_FLOOR_COVERING}|floor|ground)\b[^.!?]{{0,40}}?\b(?:can ?not|can'?t|could ?n'?t) "
    r"get (?:myself|him|her) (?:up )?off (?:it|them)\b|"
    rf"\b(?:can ?not|can'?t|could ?n'?t) get (?:myself|him|her) (?:up )?off the (?:\w+ )?"
    rf"(?:{_FLOOR_COVERING}|floor|ground)\b|"
    # ... or off the ground out of doors after a fall: "tripped on the hose watering the sweet
    # peas and i can't get off the grass" (never any more, nor these days)
    r"\b(?:fell|fallen|slipped|tripped|went down|gone down|went flying|stumbled)\b[^.!?]{0,80}?"
    r"\b(?:can ?not|can'?t|could ?n'?t) get (?:(?:myself|him|her) )?(?:up )?off the (?:\w+ )?"
    r"(?:grass|lawn|ground|path|patio|gravel|pavement|concrete|flags|drive)\b"
    r"(?![^.!?]*\b(?:any ?more|these days|any longer|without a hand)\b)" + _NOT_GONE_BY + r"|"
    # someone lying there hurt, now: "mum tripped over the cat and she's lying there saying
    # her hip hurts" (never lying there reading, nor the cat in the sun)
    r"\b(?:he|she|they|mum|mom|dad|nan|gran|grandad|grandma|grandpa|my (?:husband|wife|mum|"
    r"mother|dad|father|son|daughter|brother|sister|partner|friend|neighbou?r))(?:'s| is|'re| "
    r"are)(?: just| still)? lying (?:there|here|on the (?:\w+ )?(?:floor|ground|concrete|patio|"
    r"path|pavement|tiles|lino|drive|road|steps|grass|lawn)|at the bottom(?: of the (?:stairs|"
    r"steps))?)\b"
    r"(?! (?:on|in) (?:the |his |her |my )?(?:sofa|settee|couch|bed|armchair|chair|recliner|"
    r"hammock|deckchair|sun)\b| (?:reading|watching|asleep|sleeping|dozing|snoring|sunbathing|"
    r"in the sun)\b)"
    r"(?=[^.!?]{0,40}?\b(?:hurts?|hurting|pain|can'?t|won'?t|not moving|not answering|not "
    r"responding|not stirring|groaning|moaning|"
    r"crying|bleeding|cold|stuck)\b)|"
    # bedding or furniture smouldering: "the heater's fallen onto the bed and the blanket's
    # smouldering"
    r"\b(?:blanket|duvet|bed|sheets?|curtains?|carpet|sofa|settee|chair|armchair|rug|"
    r"mattress|towel|clothes|tablecloth|bin|cushion)(?:'s| is| are)? (?:\w+ )?(?:smouldering|"
    r"smoldering|singeing|scorching|charring)\b|"
    # blood through towel after towel: "it's soaked through three towels now" (whatever
    # is said of it first: "it's only a bit of blood, though ...")
    r"\b(?:soaked|soaking|bled|bleeding|come|coming) (?:right |straight )?through (?:\w+ ){0,2}?"
    r"(?:towels?|tea towels?|bandages?|dressings?|plasters?|sheets?|flannels?)\b|"
    # ... said the other way round, after the cut: "i've sliced my hand on the tin and the tea
    # towel's soaked through" (never a towel soaked from the washing up)
    r"\b(?:cut|gashed|sliced|split|slashed|bleeding|blood|bled)\b[^.!?]{0,80}?\b(?:towel|tea "
    r"towel|bandage|dressing|plaster|flannel|kitchen roll|cloth|hanky|handkerchief)s?(?:'s| is| "
    r"are| has| have)? (?:already |now |just |been )?(?:soaked|sodden|drenched|soaking)(?: right| "
    r"straight)? through\b|"
    # a cut that pours: "i've sliced my hand on the dog food tin and it's pouring" (never the
    # rain: "it's pouring down")
    + _CUT_LIMB + r"(?:it'?s|it is|blood'?s|blood is|it keeps|and it) (?:just |"
    r"still )?(?:pouring|gushing)\b(?! (?:down|with rain|of rain|outside|rain)\b)|"
    # a cut that pumps or spurts: "i've cut my leg open on the shears and it's pumping out",
    # "the blood's spurting out of his hand" (never a hose cut, nor a heart pumping)
    + _CUT_LIMB + r"(?:pumping|spurting|gushing|squirting|pulsing)\b|"
    # a cut that will not stop, told after what it looks like: "i've cut my foot doing my
    # corns and it's like a butcher's shop in here, it won't stop no matter how hard i press"
    # (never an itch or a sting that won't stop, nor a cut gone by)
    r"\b(?:cut|gashed|sliced|nicked|split)(?: open)? (?:my|his|her|[\w]+'s) (?:\w+ )?(?:"
    + _CUT_PART + r"|toe|lip|ear)\b[^.!?]{0,100}?\b(?:it|the bleeding|the blood|blood)(?:'s| is)? "
    r"(?:won'?t|will not) stop\b"
    r"(?! (?!bleeding\b)\w+ing\b)" + _NOT_GONE_BY + r"|"
    # someone seen lying in the hall through the letterbox or the window: "she isn't
    # answering her door and i can see her through the letterbox lying in the hall" (never
    # at play or exercise, nor gone by)
    r"\b(?:see|seen|saw) (?:him|her|them|[a-z]+) (?:through (?:the|her|his|their) (?:letter ?box|"
    r"window|glass|door|curtains?) )?(?:lying|laid|slumped) (?:in|on|at|by) (?:the|her|his|their) "
    r"(?:hall|hallway|floor|kitchen|bathroom|landing|lounge|bedroom|stairs)\b(?![^.!?]*\b(?:playing|"
    r"exercises|yoga|stretch\w*|reading|sunbath\w*|watching)\b)" + _NOT_GONE_BY + r"|"
    # someone at the door handle or the lock, now: "somebody's been rattling the door handle
    # and now i can hear them in the hall"; the police to be got round: "get the police round"
    r"\b(?:some ?(?:one|body)|a man|men|they)(?:'s| is| has|'ve| have| are)? (?:been |just been )?"
    r"(?:rattling|trying|forcing|jiggling|fiddling with) (?:the|my) (?:front |back )?(?:door(?: "
    r"handle)?|handle|lock|window)s?\b" + _NOT_GONE_BY + r"|"
    r"\bget (?:the )?(?:police|coppers|cops|bobbies|old bill|polis) (?:round|here|out|over)"
    r"(?: (?:now|quick|"
    r"please|right away|straight away))?(?= *$|[,.!?])|"
    # the police called for first: "police, please, there's a fella been following me home"
    r"^(?:(?:oh|help|quick),? )?police,? (?:please|quick|now|help)\b(?=[,.!?]| *$| (?:quick|now|"
    r"help|hurry|someone|somebody|there|he|she|they|i)\b)|"
    # glass smashed and someone heard inside, now: "somebody's smashed the glass in the back
    # door and i can hear him downstairs"
    r"\b(?:some ?(?:one|body)|they|he|a man)(?:'s| has|'ve| have) (?:just )?(?:smashed|broken|"
    r"put in|kicked in|bashed in) (?:the |my )?(?:\w+ )?(?:glass|window|door|pane|panel)\b"
    r"[^.!?]{0,60}?\b(?:i can hear (?:him|them|someone|somebody)|(?:he'?s|they'?re|someone'?s|"
    r"somebody'?s) (?:in|inside|downstairs|upstairs) )" + _NOT_GONE_BY + r"|"
    # curtains or a pan gone up, the room filling: "the curtains by the gas fire have gone up
    # and the room's filling up, i'm trying to get out" (never curtains hung)
    r"\b(?:curtains?|chip pan|pan|tea towel|sofa|settee|bin|telly|tv|heater|blanket|cushions?|"
    r"mattress)(?: [\w']+){0,4}? (?:has|'s|have|'ve) (?:just )?gone up\b"
    r"(?=[^.!?]{0,60}?\b(?:filling|smoke|smoking|flames?|get out|can'?t (?:see|breathe)|"
    r"on fire)\b)" + _NOT_GONE_BY + r"|"
    # "..., the builders don't work nights, please get the police" (never their number)
    r"\b(?:please,? get (?:the )?(?:police|coppers|cops)|get (?:the )?(?:police|coppers|cops),? "
    r"please)\b(?! (?:(?:non|number|station|website|phone|101)\b|\.\.\.))" + _NOT_GONE_BY + r"|"
    # a header taken, or stuck at the bottom of the stairs: "took a header down the last two
    # stairs and i'm stuck at the bottom like a stranded whale" (never of a league or a list)
    r"\b(?:took|taken|had|done) a header\b" + _NOT_GONE_BY + r"|"
    r"\b(?:i'?m|i am|he'?s|she'?s|i'?ve been) stuck at the bottom\b(?! of (?!the (?:\w+ )?"
    r"(?:stairs|steps)\b))" + _NOT_GONE_BY + r"|"
    # a room full of grey stuff, now: "the front room's full of that horrible grey stuff and
    # the alarm's screaming its head off" (never a cupboard full of grey wool)
    r"\b(?:room|kitchen|hall|hallway|landing|house|flat|lounge|bedroom|stairs|place)(?:'s| is) "
    r"(?:all |gone all )?(?:full of|filling (?:up )?with) (?:that |this |some |the )?"
    r"(?:\w+ ){0,2}?(?:(?:grey|gray|black|thick) (?:stuff|fog|cloud|fumes|haze|muck)|smoke)\b"
    + _NOT_GONE_BY + r"|"
    # fog indoors: "there's a right pea-souper on the landing and it's coming from the spare
    # room" (never the fogs of long ago)
    r"\bpea[- ]?souper\b[^.!?]{0,60}?\b(?:on the landing|in the (?:hall|kitchen|house|flat|"
    r"bedroom|lounge|living room|front room|back room)|coming (?:from|under|out of|through)|under "
    r"the (?:\w+ )?door|up the stairs)\b(?![^.!?]*\b(?:we had|we used to|when i was|in the "
    r"(?:forties|fifties|sixties))\b)" + _NOT_GONE_BY + r"|"
    # the brigade sent for, and a thing caught off a candle or the hob: "get the brigade out,
    # the curtains have caught off the candle and it's running up the wall"
    r"\b(?:get|call|ring|phone|fetch|send for) the brigade(?: out| round| here)?\b|"
    r"\b(?:curtains?|blinds?|nets|tea towel|oven glove|pan|chip pan|tree|bin|sofa|settee|chair|"
    r"bed|duvet|paper|newspapers?|rug|carpet|cardigan|sleeve|dressing gown)(?:'s| has| have|'ve)? "
    r"(?:just )?caught (?:off|from|on) (?:the|a|my) (?:candle|fire|cooker|hob|heater|gas|ring|"
    r"grill|toaster|lamp|cigarette|match)\b" + _NOT_GONE_BY + r"|"
    # a fall "gone and" done: "ooh, i've gone and fallen by the back door"
    r"\bi(?:'ve| have)? (?:only |just )?(?:gone|went) and (?:fell|fallen|slipped|tripped)\b|"
    # someone lying out of doors or on the floor and not moving, now: "please, my neighbour's
    # lying in the garden not moving" (never gone by)
    r"(?<!was )(?<!were )\blying (?:in|on) (?:the|her|his|my|their) (?:\w+ )?(?:garden|path|"
    r"grass|lawn|drive|driveway|patio|yard|pavement|road|street|floor|hall|kitchen|bathroom|"
    r"landing|step|steps),? (?:and )?(?:not moving|not breathing|not answering|not responding|"
    r"wo ?n'?t (?:move|answer|wake|respond))\b(?! a muscle\b)" + _NOT_GONE_BY + r"|"
    # help rung for: "she's not with it at all, ring for somebody, bab" (never asked about
    # for a turn that may come: "do i need to ring for help if ...", "before i ring for help")
    r"(?<!\bbefore i )(?<!\bneed to )(?<!\bshould i )(?<!\bwould you )(?<!\bwill you )"
    r"\bring for (?:some ?body|some ?one|help)\b(?! (?:to (?:come|fix|look|mend|do|sort|help "
    r"(?:with|me (?:with|to)))|about)\b)(?![^.!?]*\b(?:if|when|whenever)\b)" + _NOT_GONE_BY
    + r"|"
    # no getting up alone, told of the floor or of being alone, now: "i'm on the grass and i
    # can't manage up on me own", "i've ended up on the carpet and i can't manage to get up"
    # (never the stairs, a hill or a time of day)
    r"\b(?:can'?t|cannot|could ?n'?t) (?:manage|make it) (?:to get )?up (?:on (?:me|my) own|by "
    r"(?:myself|meself)|off (?:the|this|my) )" + _NOT_GONE_BY + r"|"
    r"\b(?:on|off) (?:the|this|my) (?:\w+ )?(?:floor|ground|grass|lawn|carpet|lino|tiles|path|"
    r"rug)\b[^.!?]{0,60}?\b(?:can'?t|cannot|could ?n'?t) (?:manage|make it) (?:to get )?up\b"
    r"(?! (?:the|them|those|that|these|this|hills?|stairs|steps|early|in time)\b)" + _NOT_GONE_BY
    + r"|"
    # an intruder still in the house: "a fella's just come in through the conservatory ... and
    # grabbed my handbag, he's still in the house"
    r"\b(?:a (?:fella|man|bloke|lad|stranger|youth|woman)|some ?(?:one|body)|burglar|intruder)"
    r"\b(?! from\b)[^.!?]{0,120}?\b(?:he'?s|they'?re|she'?s|he is|they are|she is) still "
    r"(?:in|inside) (?:the|my) (?:house|flat|bungalow|home)\b(?! (?:measuring|fixing|working|"
    r"doing|having|chatting|talking|sorting|looking|drinking|fitting|painting|eating|reading|"
    r"sleeping|asleep|getting|with)\b)" + _NOT_GONE_BY + r"|"
    # words that will not come out right, now: "my arm's gone dead and the words won't come
    # out right" (never gone by, nor when tired)
    r"\b(?:the |my )?words (?:wo ?n'?t|will not|are ?n'?t|are not|just won'?t) (?:come|coming) "
    r"out (?:right|properly|straight)\b(?![^.!?]*\b(?:when i'?m tired|sometimes|always)\b)"
    + _NOT_GONE_BY + r"|"
    # someone gone a funny colour, with another sign in the same breath: "our doris has gone
    # a funny colour on the coach and she's making a gurgling noise", "he's gone a funny
    # colour and he won't say a word to me" (either order; never gone by)
    r"\b(?:gone|turned|going|turning|(?:he|she|you|i)(?:'s| is|'re| are|'m| am)) " + _ODD_COLOUR
    + r"(?=[^.!?]*\b(?:" + _PERSON_SIGN + r")\b)" + _NOT_GONE_BY + r"|"
    r"\b(?:" + _PERSON_SIGN + r")\b[^.!?]{0,80}?\b(?:gone|turned|going|turning) " + _ODD_COLOUR
    + _NOT_GONE_BY + r"|"
    # someone gone grey or pale and not moving, not breathing or not answering, now: "my
    # arthur's gone grey and he's not moving" (either order; never gone by)
    + _GONE_PALE + r"[^.!?]{0,60}?\b" + _STILL_AND_SILENT + _NOT_GONE_BY + r"|"
    r"\b" + _STILL_AND_SILENT + r"[^.!?]{0,60}?" + _GONE_PALE + _NOT_GONE_BY + r"|"
    # another fallen and not moving, now (:data:`_ANOTHER_DOWN_NOW`)
    + _ANOTHER_DOWN_NOW + r"|"
    # another fallen, even on a day gone by, and still down there now
    # (:data:`_ANOTHER_STILL_DOWN`)
    + _ANOTHER_STILL_DOWN + r"|"
    # someone gone into the water and out of reach, now (:data:`_IN_THE_WATER_NOW`)
    + _IN_THE_WATER_NOW + r"|"
    # someone gone down out of doors or in a room and not moving, now: "he's gone down at the
    # bottom of the garden by the old shelter and he's not moving" (never gone down the shops
    # or with the flu)
    r"\b(?:he|she|they|[a-z]+)(?:'s| has|'ve| have)? (?:just )?(?:(?:gone|went) down|dropped|"
    r"keeled over|flaked out) (?:in|at|on|by|"
    r"near|beside|behind|outside|next to) (?:the|his|her|my|their)\b" + _NOT_GONE_BY
    + r"[^.!?]{0,80}?\b" + _STILL_AND_SILENT + r"|"
    # down on the floor and too weak to get up, now: "i'm sat on the bedroom carpet and my
    # arms aren't strong enough to lift me" (never any more, these days)
    r"\bon the (?:\w+ )?(?:floor|carpet|lino|tiles|rug|ground|grass|lawn|patio|path)\b"
    + _NOT_GONE_BY + r"[^.!?]{0,60}?\b(?:(?:are|is|were|was)?(?:n'?t| not) strong enough|"
    r"too weak|(?:can|could|wo|do|does)n'?t|cannot|will not)(?: (?:to|manage to))? (?:lift|push|"
    r"pull|haul|heave|get) (?:me|myself)\b(?![^.!?]*\b(?:any ?more|these days|since|lately)\b)|"
    # a knee or the legs that won't let one up, now: "i've ended up on the deck after that
    # line-dance video, and my knee won't let me up" (never early, nor these days)
    r"\b(?:my|me) (?:\w+ )?(?:knees?|legs?|hips?|back|ankles?|body|arms?) (?:wo ?n'?t|will not|"
    r"just won'?t) let me (?:get )?up\b(?= *$|[,.!?;]| (?:off|again|from|at all|now)\b)"
    + _NOT_GONE_BY + r"(?![^.!?]*\b(?:these days|any ?more|some mornings|sometimes)\b)|"
    # a double dose taken and a sign of it, now: "i've taken double my tablets by mistake and
    # i'm going woozy" (never the dose asked about alone)
    r"\b(?:taken|took|had|swallowed)" + _NOT_GONE_BY + r" (?:a )?(?:double|twice|two lots of|"
    r"two doses of|triple) "
    r"(?:my |his |her |the )?(?:dose of )?(?:[\w-]+ )?(?:tablets|pills|dose|medicine|meds|"
    r"insulin|warfarin|capsules)\b[^.!?]{0,60}?\b(?:woozy|drowsy|faint|dizzy|funny|peculiar|"
    r"muddled|confused|sleepy|can'?t stay awake|heart'?s (?:racing|pounding|going))\b"
    + _NOT_GONE_BY + r"|"
    # a knock to the head with its signs, now: "the workman went down off his ladder and
    # cracked his head on the tiles, and now he's talking nonsense and being sick"
    r"\b(?:cracked|banged|smacked|bashed|hit|split|knocked) (?:my|his|her|their) head\b"
    r"[^.!?]{0,80}?"
    r"\b(?:talking nonsense|not making (?:any )?sense|being sick|been sick|throwing up|vomiting|"
    r"seeing double|out cold|spark out|knocked out|wo ?n'?t wake|can'?t stay awake)\b"
    + _NOT_GONE_BY + r"|"
    # someone gone under the water and not up again: "my grandson's gone under the water off
    # the end of the pier and he hasn't come back up"
    r"\b(?:gone|went|slipped|disappeared) under(?: the water| the waves)?\b[^.!?]{0,60}?"
    r"\b(?:has ?n'?t|have ?n'?t|not|never|did ?n'?t|did not) (?:come|came|bobbed)(?: back)? up\b"
    + _NOT_GONE_BY + r"|"
    r"\bblood(?:'s| is)? (?:\w+ )?(?:pumping|spurting|gushing|squirting|pulsing) (?:out|from|"
    r"everywhere)\b|"
    # "it's pouring out of my hand like a tap left running" (never the nose)
    r"\bit(?:'s| is) (?:just |still )?(?:pouring|gushing|pumping|spurting) (?:out of|from) (?:my|"
    r"his|her) (?:" + _CUT_PART + r")\b" + _NOT_GONE_BY + r"|"
    # "i've got blood pouring from my leg, i caught it on the car bumper" (never the nose)
    r"\bblood(?:'s| is)? (?:just |still )?(?:pouring|streaming) (?:out of|from|down) (?:my|me|his|"
    r"her) (?:\w+ )?(?:leg|arm|hand|head|foot|finger|thumb|wrist|knee|shin|face|ankle|neck)\b"
    + _NOT_GONE_BY + r"|"
    # ... or said of the cut: "my hand slipped with the stanley knife and it's pumping blood"
    r"\b(?:it'?s|it is|he'?s|she'?s|i'?m) (?:pumping|spurting|gushing|pouring|squirting) "
    r"(?:out )?(?:blood|with blood)\b|"
    # a garden fire got away and spreading: "the leaves have got away from me, it's in the
    # conifers now and it's heading for the house", "the bonfire's out of control"
    r"\b(?:bonfire|fire|flames|blaze)(?:'s| has| is| are| have) (?:got |gone |getting )?"
    r"(?:away from me|out of control|out of hand)\b|"
    r"\b(?:got away from (?:me|us)|out of (?:control|hand))\b[^.!?]{0,60}?\b(?:heading|spreading|"
    r"coming|creeping|moving) (?:for|to|towards|into|at) the (?:house|shed|fence|back door|"
    r"kitchen|garage|windows?|roof|bungalow|flat)\b|"
    # lost outside, or in the traffic: "i've come out for the milk and i don't know which
    # house is mine and it's dark", "dad's out there now between the cars and won't come in"
    r"\b(?:do ?n'?t|do not|can'?t|can ?not) (?:know|find|remember|tell) (?:which|where) (?:house|"
    r"home|door|flat|one) (?:is mine|is my|i live|my (?:house|home|flat|door) is)\b|"
    r"\b(?:he|she|they|mum|dad|[\w]+)(?:'s| is| are|'re) (?:out )?(?:there |out )?(?:now )?"
    r"(?:in|into|on|between) (?:the )?(?:main |busy )?(?:road|traffic|cars)\b(?=[^.!?]*\b(?:now|"
    r"won'?t come in|can'?t get (?:him|her) in)\b)|"
    # smoke out of an appliance or the electrics: "smoke's pouring out the back of the telly",
    # "black stuff pouring off the toaster"; a room like a chimney: "the kitchen's like a
    # chimney"
    r"\b(?:kitchen|room|house|hall|hallway|landing|flat|lounge|bedroom|place|garage|shed|cellar|"
    r"loft|attic|bathroom|conservatory|car)(?:'s| is) (?:like|"
    r"full as) a (?:chimney|bonfire|smokehouse|kiln|kipper house)\b|"
    r"\b(?:smoke|black (?:stuff|smoke|fumes|muck|soot))(?:'s| is)? (?:[\w']+ing) (?:out of|"
    r"(?:out )?from (?:behind|under(?:neath)?)|out|from|off)(?: the (?:back|bottom|top|side|"
    r"front) of)? (?:the |my |our )?" + _APPLIANCE_KIND
    + r"(?:telly|tv|television|plug|socket|heater|fridge|freezer|"
    r"microwave|oven|cooker|washing machine|dryer|tumble dryer|computer|lamp|fuse ?box|boiler|"
    r"extension lead|charger|hob|electric blanket|wall|ceiling|loft|toaster|kettle|iron|"
    r"cupboard|meter|meter cupboard|airing cupboard|boiler cupboard|floorboards|skirting|"
    r"skirting boards?|"
    r"grill|deep fat fryer|fryer|air fryer|chip pan)s?\b|"
    # a fire inside a wall, a loft or a socket: "i can hear crackling up in the loft and the
    # ceiling's hot to touch", "the plug's sparking and there's a burning smell"
    r"\b(?:ceiling|wall|walls|floor|door|plug|socket|switch|wires?|cables?|loft hatch)(?:'s|s)?"
    r"(?: (?!and\b|but\b)[\w']+){0,4}? (?:(?:is|are) )?(?:red |really |very )?hot to (?:the )?"
    r"touch\b|"
    r"\bcrackling (?:up |coming from |from )?(?:in )?(?:the |my )?(?:loft|attic|roof|walls?|"
    r"ceiling|socket|plug|fuse ?box)\b|"
    r"\b(?:plug|socket|sockets|plugs|wire|wires|lead|fuse ?box|switch|heater|telly|tv|ceiling|"
    r"light|light fitting|lamp|extractor|extractor fan|shower|immersion)"
    r"(?:(?:'s| is| are)?|(?: (?!and\b|but\b)[\w']+){1,4} (?:is|are|'s|keeps|started|has started))"
    r" (?:sparking|smoking|melting)\b(?! hot\b)|"
    r"\b(?:there'?s|there is|i can smell) an? (?:awful |horrible |strong )?(?:burning|"
    r"electrical burning) smell\b|"
    # legs that will not bear the resident now: "i'm on the landing and my legs won't take me"
    # (never far, nor these days)
    r"\bmy legs (?:wo ?n'?t|will not|can'?t|could ?n'?t|just won'?t) (?:take|hold|carry|support) "
    r"me\b(?! (?:far|very far|as far|up (?:the )?(?:stairs|hills?))\b)(?![^.!?]*\b(?:these days|"
    r"lately|any ?more)\b)|"
    # something swallowed that poisons: a child or another at the resident's tablets, or
    # anyone at bleach or a battery ("i've swallowed my tablets" is a dose taken)
    r"\b(?:child|kid|baby|toddler|wee one|little one|grandson|granddaughter|grandchild|grandkid|"
    r"he|she|the dog|my (?:husband|wife))(?: (?!i\b|i'\w+)[\w']+){0,3}?(?:'s| has| is| just)? "
    r"(?:just |gone and )?swallowed\b|"
    # ... or eaten someone's pills: "the little one's just eaten some of nan's pills"
    r"\b(?:child|kid|baby|toddler|wee one|little one|grandson|granddaughter|grandchild|grandkid|"
    r"the dog)(?:'s| has)? (?:just )?(?:eaten|ate|had|got into|been at|chewed) (?:some |a few |"
    r"all |one )?(?:of )?(?:my |the |his |her |nan'?s |grandad'?s |granny'?s |[\w]+'s )?"
    r"(?:[\w]+ )?(?:pills|tablets|medicine|meds|capsules)\b|"
    r"\bswallowed (?:some |a |the |a bit of |half a |a whole |all )?(?:of )?(?:the |my )?"
    r"(?:bleach|batteries|battery|button battery|washing (?:tablet|pod|capsule)s?|dishwasher "
    r"tablets?|weedkiller|antifreeze|white spirit|dettol)\b|"
    r"\b(?:taken|took|had|swallowed) (?:far |way )?too many (?:of )?(?:my |his |her |the )?"
    r"(?:tablets|pills|painkillers|paracetamol|sleeping pills)\b|"
    # a child or another gone floppy, now: "is it normal for the baby to go this floppy?",
    # "my husband's gone all floppy in his chair" (floppy ears, a floppy hat are no call)
    r"\b(?:baby|child|toddler|infant|little one|wee one|grand(?:son|daughter|child|kid)|"
    r"husband|wife|he|she|him|her|our kid|our lad|our lass|bairn|mam|mum|mom|mother|dad|"
    r"father|nan|nana|nanna|gran|granny|grandma|grandad|grandpa)(?:'s)?\b"
    r"(?: (?!(?:hair|hair's|fringe|hat|hat's|ears|ear|collar|brim|lettuce|flowers|plants|sponge|"
    r"cake|pastry|dough|bread|toast|chips|celery|tulips|daffodils|roses|leaves|cushions?|"
    r"pillows?|bunting)\b)"
    r"[\w']+){0,4}? floppy\b"
    r"(?! (?:hat|hats|ears|ear|disk|disc|fringe|collar|brim|toy|bunny|rabbit)\b)|"
    # no pulse, no breath in a learner's words, someone who will not come round: "no pulse,
    # he no breathe, what i do?", "mr jones is out cold on the settee, i've shaken him and he
    # won't come round" (a pulse taken at the surgery is no such thing: "no pulse" alone)
    r"\b(?:no|can'?t find (?:a|his|her|the)|there'?s no|i can'?t feel (?:a|his|her)) pulse\b|"
    r"\b(?:he|she|they|him|her) (?:no|not|no can|cannot|can't) breathe?\b|"
    r"\b(?:he|she|they|husband|wife|mum|dad|grandad|grandma|nan|baby|child)(?:'s| is| are)? "
    r"(?:won'?t|will not|can'?t|cannot) (?:come round|come to|be woken|wake up)\b|"
    r"\bi can'?t (?:wake|rouse) (?:him|her|them|my (?:husband|wife|mum|dad))\b|"
    # out cold after a knock on the head: "the carer's gone down the stairs and banged her
    # head on the post at the bottom, she's out cold"
    r"\b(?:banged|hit|bumped|cracked|smacked|knocked) (?:his|her|their) head\b[^.!?]{0,80}?\b(?:he|"
    r"she|they)(?:'s| is|'re| are) (?:out cold|out for the count|not answering|not responding|"
    r"not moving)\b" + _NOT_GONE_BY + r"|"
    # another on the resident's floor, poorly: "margaret from next door came over poorly,
    # she's on my floor and her breathing's gone all rattly" (never a storey)
    r"\b(?:he|she)(?:'s| is) (?:lying |flat out )?on (?:my|the|our) (?!(?:ground|first|second|"
    r"third|top|upper|bottom|next|same|other) )(?:\w+ )?floor\b"
    r"(?=[^.!?]{0,60}?\b(?:breath\w*|poorly|not moving|won'?t|can'?t|not answering|"
    r"not responding|grey|blue)\b)"
    + _NOT_GONE_BY + r"|"
    # gone out like a light and not coming round: "our george has gone out like a light
    # mid-sentence and he's not coming round" (never off to sleep)
    r"\b(?:gone|went) out like a light\b(?=[^.!?]*\b(?:mid-?sentence|not coming (?:round|to)|"
    r"won'?t come (?:round|to)|won'?t wake|not waking|not answering|can'?t (?:wake|rouse) "
    r"(?:him|her))\b)" + _NOT_GONE_BY + r"|"
    # "my albert's gone out like a light at the dinner table and i can't bring him round"
    # (never round to an idea, nor round for tea)
    r"\b(?:can ?not|can'?t|could ?n'?t) bring (?:him|her|them) round\b(?! (?:to|for|here|"
    r"tomorrow|later|on)\b)|"
    # slid off a seat and not right: "then elsie just slid off the settee and she's not making
    # any sense"
    r"\b(?:slid|slipped|slumped|keeled|toppled|flopped) (?:off|out of|down off|sideways off) "
    r"(?:the |his |her |my |me )?(?:settee|sofa|couch|chair|armchair|seat|stool|bench)\b"
    r"[^.!?]{0,60}?\b(?:not making (?:any )?sense|not answering|not responding|not right|"
    r"talking gibberish|gone floppy|won'?t (?:wake|come round))\b" + _NOT_GONE_BY + r"|"
    # a weight on the chest now: "it's like an elephant's sat on my chest since i lugged the
    # laundry up and i'm sweating cobs"
    r"\b(?:an? )?(?:elephant|hippo|ton of bricks|great weight|heavy weight|weight|bus)"
    r"(?:'s| has| is)? (?:sat|sitting|standing|stood|pressing|parked) (?:down )?on (?:my|me|his|"
    r"her) chest\b" + _NOT_GONE_BY + r"|"
    # slumped or keeled over and will not come round: "she's slumped over in the chair and
    # won't come round"
    r"\b(?:slumped|keeled|flopped|gone limp|out cold|passed out|collapsed)\b[^.!?]{0,40}?\band "
    r"(?:he |she |they )?(?:won'?t|will not|can'?t|cannot) (?:come round|come to|be woken|wake "
    r"up)\b|"
    # ... or out cold and not coming round (:data:`_OUT_COLD_NOW`), or lying on the pavement
    # and not moving (:data:`_ANOTHER_LYING_STILL`)
    + _OUT_COLD_NOW + r"|" + _ANOTHER_LYING_STILL + r"|"
    # water up to the electrics: "the flood's up to the sockets downstairs"
    r"\b(?:flood|flood ?water|water|river)(?:'s| is| has)? (?:come |got |risen )?up to the "
    r"(?:sockets|plugs|electrics|fuse ?box)\b|"
    # sparks, or a room full of smoke: "water pouring thru ceiling onto fuse box theres
    # sparks", "de kitchen full a smoke an mi cyaan see de door" (sparks between two people,
    # or in their eyes, are no fire)
    r"\bthere(?:'s| is| are) sparks\b(?! (?:between|flying between|in (?:his|her|their|your|my) "
    r"eyes)\b)|"
    r"\b(?:kitchen|house|room|hall|hallway|landing|flat|bedroom|lounge|place|stairs|cupboard|"
    r"garage|shed|cellar|loft|attic|bathroom|conservatory)(?:'?s| is)? "
    r"full (?:of|a|o') (?:(?:black|thick|grey|white|acrid|choking|horrible|blue) )?smoke\b"
    r"(?! (?:alarms?|detectors?)\b)|"
    r"\b(?:kitchen|room|hall|hallway|landing|lounge|living room|bedroom|front room|back room)"
    r"(?:'?s| is) (?:like a (?:proper |right |real |regular )?pea[- ]?souper|thick with "
    r"smoke)\b|"
    # "it's like a pea-souper up here, the smoke's that thick, i can't find the top of the
    # stairs" (never the weather, nor smoke as it was)
    r"\blike a (?:proper |right |real |regular )?pea[- ]?souper\b(?=[^.!?]*\bsmoke\b)"
    + _NOT_GONE_BY + r"|"
    r"\bsmoke(?:'s| is) (?:that|so|ever so|really|too|getting|very) thick\b" + _NOT_GONE_BY + r"|"
    # someone outside at night with a torch: "there's a man in the garden shining a torch in
    # the windows"
    r"\bshining an? (?:torch|light) (?:in|into|through) (?:the |my |our )?(?:\w+ )?windows?\b|"
    r"\bsparks (?:are |is )?(?:coming|flying|shooting|pouring) (?:off|out of|from) (?:the |my )?"
    r"(?:fuse ?box|sockets?|electrics|plugs?|wall|light (?:fitting|switch)|lights|heater|"
    r"fire|telly|tv|cooker|oven|kettle|toaster|microwave|wires|wiring|consumer unit|meter)\b|"
    # a scald: "i've tipped the kettle over my leg, the skin's coming away" ("dipped" as a
    # recognizer hears "tipped"; tea spilt on a skirt is no scald)
    r"\b(?:tipped|dipped|spilt|spilled|poured|knocked|dropped) (?:the |my |a |some |a pan of "
    r"|the pan of )?(?:kettle|boiling water|hot water|chip pan|hot fat|hot oil|"
    r"boiling (?:pan|fat|oil))(?: \w+)? (?:over|on|onto|down) (?:my|me|myself)\b|"
    r"\bskin(?:'s|s| is| has)? (?:coming|come) (?:away|off)\b(?! (?:off |from |of )?the\b)|"
    # lost in one's own home, all of a sudden: "i don't know where i am, this isn't my house"
    # ("i don't know where i am with these tablets" is a figure)
    r"\bi (?:do ?n'?t|do not) know where i am\b(?!,? (?:with|on|in|at|up to|going|supposed|"
    r"meant|putting|keeping)\b)|"
    # unable to rise, in any verb of effort: "i can't pick myself up", "i can't haul myself
    # up off the tiles" (not up a stair or a hill: "i can't drag myself up the stairs")
    r"\bwent flying\b|\b(?:can ?not|can'?t|could ?n'?t) " + _RISE_MYSELF + r"\b"
    r"(?! (?:the|those|these|them|that|our|my) "
    r"(?:stairs|steps|hill|slope|path|drive|bank|ladder|road|street|lane))|"
    r"\b(?:having a|had a) (?:fit|seizure)\b|"
    r"\bgas (?:ring|hob|tap|cooker|fire|oven)(?:'s| has| is)? (?:been )?(?:on|left on|turned on)\b"
    r"[^.!?]{0,30}?\bno (?:flame|light)\b|"
    r"\bgas leak\b|\b(?:smell|smells|smelling|stinks?|stinking|reeks?|reeking|whiff|stench|"
    r"pong) (?:of |like )?gas\b|\bleaking gas\b|"
    # a chest or a heart gripped as in a vice: "och, it's like a vice round my heart, and my
    # jaw's aching with it"
    r"\b(?:like a vice|in a vice|vice-like|vice like)\b[^.!?]{0,20}?\b(?:chest|heart)\b|"
    r"\b(?:chest|heart)\b[^.!?]{0,20}?\b(?:like a vice|in a vice|vice-like|vice like)\b|"
    # a break-in heard: "someone's downstairs, i heard the glass in the back door go"
    r"\bheard (?:the |a )?(?:glass|window|pane)\b[^.!?]{0,30}?\b(?:go|smash\w*|break\w*|"
    r"shatter\w*|put in)\b(?=[^.!?]*\b(?:someone|somebody|some ?one|footsteps|downstairs|in "
    r"the house|intruder|burglar)\b)|"
    r"\b(?:(?:someone|somebody)(?:'s| is)|there(?:'s| is) (?:someone|somebody)) (?:in the house|"
    r"downstairs)\b(?!,? (?:with me|it'?s))(?=[^.!?]*\b(?:glass|window|"
    r"smash\w*|broke\w*|forced|jemmied)\b)(?![^.!?]*\b(?:fix\w*|mend\w*|measur\w*|clean\w*|"
    r"fitt?\w*|glazier|repair\w*)\b)|"
    # ... or heard coming in, with the resident hiding: "someone's in the house... i heard the
    # back door go and i'm upstairs, i daren't come down" (never "... with me")
    r"\b(?:someone|somebody|some one)(?:'s| is) (?:in the house|downstairs)\b(?!,? (?:with me|"
    r"it'?s))(?=.{0,80}?\b(?:i daren'?t|i dare not|i'?m (?:too )?(?:scared|frightened|terrified)"
    r"|i'?m hiding|heard (?:the |a )?(?:back |front |side |kitchen )?door (?:go|open|bang|slam|"
    r"click|creak))\b)|"
    # ... or told by its smell: "there's a stink of rotten eggs everywhere" (never the drains)
    r"\b(?:smell|smells|smelling|stink|stinks|stench|whiff|pong|reek|reeks) (?:of |like )?rotten "
    r"eggs?\b(?![^.!?]*\b(?:drains?|sewer|sprouts|dog|wind|bin|compost|pond|the egg)\b)|"
    # the smell told as strong now: "that gas smell round the heater is really strong now"
    # ("the gas smell was strong yesterday" is a story)
    r"\bgas smell(?:'s| is)? (?:(?:round|in|from|by|near|at|coming from|off) (?:the |my |that )?"
    r"(?:[\w']+ ){0,2}?(?:is |'s )?)?(?:really |very |so |getting |quite |awful |ever so )?"
    r"(?:strong|stronger|worse|bad|awful|overpowering)\b|"
    # the carbon monoxide alarm sounding now (a gas nobody smells: never a thing to wait
    # on; a smoke alarm may be the toast, and is the model's)
    r"\b(?:carbon monoxide|co|c o) (?:alarm|detector|monitor)s?(?:'s| is| has| have| are| keeps?"
    r"| just)? (?:going off|gone off|went off|sounding|ringing|alarming|screeching|"
    r"shrieking|screaming|blaring|wailing|howling)\b|"
    r"\b(?:on|caught|catching) fire\b|\bin flames\b|"
    # a building gone up in fire: "the shed's gone up like a tinderbox and ken's still in
    # there" (never gone up in price)
    r"\b(?:shed|house|garage|kitchen|caravan|flat|bungalow|barn|summerhouse|greenhouse|car|"
    r"van|bin|hut|workshop)(?:'s| has| is)? (?:gone|going|went) up like a (?:tinderbox|torch|"
    r"bonfire)\b|"
    r"\b(?:shed|house|garage|kitchen|caravan|flat|bungalow|barn|summerhouse|workshop)(?:'s| has| "
    r"is)? (?:gone|going) up\b[^.!?]{0,40}?\b(?:still in there|inside|in it)\b|"
    # flames climbing the curtains, the walls or the furniture, whatever lit them: "there's
    # flames licking up the curtains from the candle" (never up the chimney)
    r"\bflames?\b[^.!?]{0,30}?\b(?:licking|climbing|creeping|shooting|spreading|running|"
    r"crawling|racing) (?:up|along|across|over|into|through|round) (?:the |my |our )?"
    r"(?:curtains?|blinds?|nets|net curtains|walls?|ceiling|door|cupboards?|units|tablecloth|"
    r"sofa|settee|bed|bedding|carpet|stairs|banister|wallpaper)\b|"
    # flames at the fence or the shed, now: "the builders' rubbish has gone up and the flames
    # are licking at the fence"
    r"\bflames?\b[^.!?]{0,30}?\b(?:licking|climbing|creeping|spreading|leaping|reaching) (?:at|"
    r"up|along|across|over|into|onto|round) (?:the |my |our |next door'?s )?(?:\w+ )?(?:fence|"
    r"fence panels?|hedge|shed|garage|back door|house|conservatory|trellis|summerhouse|"
    r"greenhouse|gate|roof)\b" + _NOT_GONE_BY + r"|"
    # flames out of a pan or an appliance, now: "flames are licking up out of the pan",
    # "flames coming out of the oven" (never a fire in its grate, nor a gas ring's flame)
    r"\bflames\b(?:'s| is| are|'re)? (?:\w+ )?(?:coming|pouring|shooting|leaping|licking|"
    r"bursting|roaring) (?:up )?(?:out of|out from|from|off|up from|out the (?:back|top|front) "
    r"of) (?:the|a|my|his|her|our) (?:\w+ )?(?:pan|chip pan|frying pan|cooker|hob|oven|grill|"
    r"toaster|fryer|air fryer|microwave|kettle|heater|socket|plug|telly|tv|dryer|tumble dryer|"
    r"washing machine|bin|chimney|fridge|freezer|boiler|extension lead|charger)\b|"
    # flames there now, a battery or an appliance smoking: "the scooter's battery is smoking
    # and there's flames under the seat" (never old flames)
    r"\bthere(?:'s| is| are|'re) (?!old )(?:\w+ )?flames\b(?! (?:of|on the (?:gas|hob|telly|tv|"
    r"screen|cooker|stove))\b)(?![^.!?]*\b(?:fireplace|grate|hearth|log ?burner|wood ?burner|"
    r"stove|candles?|chiminea|fire ?pit|bonfire|barbecue|bbq|cosy|lovely)\b)|"
    r"\b(?:battery|batteries|charger|plug|socket|scooter|wheelchair|extension lead|cable|wire|"
    r"wiring|fuse ?box|toaster|kettle|telly|tv|television|heater|fan heater|microwave|tumble "
    r"dryer|dryer|washing machine|electric blanket|laptop|phone)(?:'s| is| are)? (?:\w+ )?"
    r"(?:smoking|smouldering|sparking)\b(?! hot\b)|"
    # "the oxygen tubing's caught light off the cooker" (never "caught the light")
    r"\b(?:caught|catching|catches) (?:light|alight)\b|"
    # a fire shouted at the start, or a pan alight: "fire in the chip pan, it's up the wall,
    # what do i do?", "the chip pan's gone up" ("a fire in the chip pan years ago" is told
    # as a story, and "fire up the telly" is no fire)
    r"^(?:oh )?fire(?:[,.!?]| in (?:the|my|our)\b| help\b| quick\b|$)|"
    r"(?<!a )(?<!the )\bfire in the (?:chip pan|frying pan|pan|oven|grill|toaster|microwave|"
    r"bin|kitchen)\b|\bchip pan(?:'s| is| has)? (?:gone up|going up|alight|ablaze)\b|"
    # a fire said as news, at the end or before a call: "there's a fire", "help there's a
    # fire in the kitchen" ("there's a fire on in the lounge" is the heater: the model's)
    r"\b(?:there'?s|there is)(?: really| actually| honestly)? an? (?:big )?fire"
    r"(?: in (?:the|my|our) "
    r"(?:kitchen|house|flat|"
    r"bedroom|hall|hallway|landing|garage|loft|attic|bathroom|building|shed|stairs|"
    r"bungalow|oven|chip pan|frying pan|pan|toaster|microwave|bin))?"
    r"(?= *$| (?:help|please|love|dear|quick|quickly|hurry|call|send|get|ring|"
    r"phone|everywhere)\b)|"
    # the fire brigade asked for now, like an ambulance: "send a fire engine", "get me the
    # fire brigade" (asking them round to check a smoke alarm is not a call)
    rf"\b{_FETCH}{_FIRE_SERVICE}\b"
    r"(?! (?:to (?:check|fit|test|look|come round|visit)|about|round)\b)|"
    # someone in the home who should not be: "there's an intruder", "somebody's broken in",
    # "he forced his way in" (a burglar alarm, a car broken into: not these words)
    r"\b(?:there'?s|there is|there are|there'?re) (?:an? |some )?(?:intruders?|burglars?)\b|"
    r"\b(?:an? |the )?(?:intruders?|burglars?) (?:is |are )?(?:in|inside|downstairs|upstairs)"
    r"\b(?! the (?:news|film|paper))|"
    r"\b(?:some ?one|some ?body|they|he|she|a man|a woman|men)(?:'?s| is| are| has| have)?"
    r" (?:just )?(?:trying to )?(?:broken|break|breaking|broke) in(?:to (?:my|the|our) "
    r"(?:house|home|flat|bungalow))?\b|"
    r"\b(?:forced|forcing|pushed|pushing|barged|barging|shoved) (?:his|her|their) way "
    r"(?:in|into (?:my|the|our) (?:house|home|flat))\b|"
    r"\b(?:forced|pushed|barged|shoved) (?:in )?past me\b|"
    # a stranger in the home now: "a man has got in through the back door", "a man shoved
    # the door open and came in"
    r"\b(?:a man|a woman|some ?one|some ?body|a stranger|men)(?:'s| has| have) (?:just )?"
    r"got in (?:through|by|via) the\b|"
    r"\b(?:a man|a woman|some ?one|some ?body|a stranger) (?:just )?"
    r"(?:forced|shoved|kicked) (?:the|my) (?:front |back )?door (?:open|in)\b|"
    # stroke signs in another, now: "harold's slurring and his mouth's gone crooked", "her face
    # is drooping on one side" ("he was slurring at the party" is a story; a crooked smile in
    # a photo, a face that fell at the bill, are no such signs)
    r"\b(?!(?:was|were|been)\b)[\w']+(?:'s| is| are|'re| keeps?| kept| started| has started)"
    r"(?: (?:all|just|suddenly|now|really|badly|a bit))? slurring\b|"
    # ... or their speech gone to nonsense: "his speech is all scrambled, like a radio between
    # stations" (never words that get muddled when tired, nor a speech at a wedding)
    r"\b(?:his|her|my|mum'?s|dad'?s) (?:speech|words|talking)(?:'s| is| are| has| have)? "
    r"(?:suddenly |just )?(?:gone |going |come out |coming out )?(?:all )?(?:scrambled|jumbled|"
    r"garbled|gobbledygook|nonsense|funny|strange|weird|wrong)\b(?![^.!?]*\b(?:when (?:i'?m|"
    r"he'?s|she'?s) tired|sometimes|these days|always|crossword|scrabble)\b)|"
    r"\b(?:face|mouth|smile|lip|eyelid)(?:'s| is| has)? (?:gone|going|started|starting|begun) "
    r"(?:to )?(?:all )?(?:droop\w*|crooked|lopsided|twisted|slack|down on one side|funny on one "
    r"side)\b|\b(?:face|mouth|smile)(?:'s| is| keeps) (?:all )?droop(?:ing|y)\b|"
    r"\b(?:my|his|her|their) (?:face|mouth|smile) (?:all )?droop(?:ing|y)\b|"
    # a chest pain gone into the arm or the jaw: "the pain's crushing and going down my arm",
    # "the pain's gone up into my jaw" (a knee's pain "going down" is easing; a shoulder
    # slept on is no such sign)
    r"\bpain(?:'s| is| has)? (?:\w+ ){0,3}?(?:going|gone|spreading|spread|shooting|moving|moved|"
    r"travelling|running) (?:right |straight )?(?:(?:up|down) )?(?:down|up|into|through) "
    r"(?:my|his|her) (?:left |right )?(?:arm|jaw|neck)\b|"
    # ... told after the chest and more: "a pain in my chest since i got back from the shops
    # and it's going down my arm"
    r"\bchest\b[^.!?]{0,60}?\b(?:it'?s|it is|it has|and) (?:going|gone|spreading|spread|"
    r"shooting|moving|moved|travelling) (?:right |straight )?(?:(?:up|down) )?(?:down|up|into|"
    r"through) (?:my|his|her) (?:left |right )?(?:arm|jaw|neck)\b|"
    # the worst headache ever, or one that came on like a thunderclap: "worst headache of my
    # life, it came on like a thunderclap while i was drying my hair" (never a worry about
    # one: "what's a thunderclap headache")
    r"\bworst headache (?:of my life|i'?ve ever had|i have ever had|ever)\b|"
    r"\bheadache\b[^.!?]{0,40}?\b(?:came on |come on |hit me )?like a (?:thunderclap|thunderbolt|"
    r"clap of thunder)\b|"
    # a weight on the chest with a sweat: "just a bit of pressure on my chest that's been
    # there an hour and i'm sweating buckets", "my chest's gone tight and i've come over all
    # clammy" (a sweat alone, from the heat or a walk, is no such sign)
    r"\b(?:pressure|tightness|heaviness|a weight|squeezing|crushing)\b[^.!?]{0,15}?\b(?:on|in|"
    r"across|round) (?:my|me|his|her|the) chest\b[^.!?]{0,60}?\b(?:sweat\w*|clammy|cold and "
    r"grey)\b|"
    r"\bchest(?:'s| is| has| feels)? (?:gone |going |all |really |very )?(?:tight|heavy)\b"
    r"[^.!?]{0,60}?\b(?:sweat\w*|clammy)\b|"
    r"\b(?:sweat\w*|clammy)\b[^.!?]{0,60}?\b(?:pressure|tightness|heaviness|a weight|squeezing|"
    r"crushing)\b[^.!?]{0,15}?\b(?:on|in|across|round) (?:my|me|his|her|the) chest\b|"
    # a crushing pain, wherever it is not said to be, with a sweat or a racing heart: "my
    # heart's going like the clappers and there's a crushing pain and i'm all sweaty" (never
    # a crushing pain in a toe, a foot or a hand)
    + _CRUSHING_PAIN + r"[^.!?]{0,60}?" + _SWEAT_OR_RACING + r"|"
    + _SWEAT_OR_RACING + r"\b[^.!?]{0,60}?" + _CRUSHING_PAIN + r"|"
    # a handful or a whole box of tablets swallowed: "i think he's had a handful of my
    # warfarin, he's only three" (never "i've had my tablets")
    r"\b(?:had|taken|swallowed|eaten|got into|necked|downed) (?:a (?:whole )?handful of|the "
    r"(?:whole|entire) (?:box|bottle|packet|pack|strip|tub|lot) of) (?:my|his|her|the|your|their|"
    r"\w+'s) (?:\w+ )?(?:tablets|pills|medicines?|meds|warfarin|paracetamol|painkillers|"
    r"sleeping tablets|sleeping pills|heart pills|blood thinners|insulin|capsules)\b|"
    # someone gone pale or grey, and sliding off a chair or not making sense: "jim's gone ever
    # so pale and he's sliding off his chair and he's not making sense"
    + _GONE_PALE + r"[^.!?]{0,60}?" + _SLIDING_OR_MUDDLED + r"|"
    + _SLIDING_OR_MUDDLED + r"\b[^.!?]{0,60}?" + _GONE_PALE + r"|"
    # the resident's husband or wife down now: "my husband's fallen out of bed and the carer
    # isn't due till eight", "the wife's just had a fall in the bathroom" (never one gone by:
    # "my husband had a fall last year"; never fallen asleep, out with one, or for one)
    rf"\b{_SPOUSE_DOWN_NOW}|"
    # ... or anyone fallen in the resident's own home now: "the lady from church who visits
    # me has fallen over on my rug", "the carer's slipped on my bathroom floor" (never one
    # gone by, nor a vase)
    rf"\b{_PERSON_HERE}(?: [\w']+){{0,5}}?{_DOWN_IN_MY_HOME}|"
    # too many pills at once: "she's swallowed the whole bottle", "i've downed a handful of my
    # sleeping pills" ("i've taken all my tablets" is the day's dose, told)
    r"\b(?:swallowed|downed|necked|taken|took|had|eaten|ate) (?:the|a) whole (?:week'?s |day'?s |"
    r"month'?s |fortnight'?s )?(?:bottle|packet|pack|box|tub|strip|dosette|blister pack)\b"
    r"(?! (?:back )?(?:to|into|in to) (?:the|a|my)\b)|"
    r"\b(?:swallowed|downed|necked) (?:all|a handful of|a fistful of|"
    r"loads of|a load of) (?:of )?(?:my |the |me |his |her |their )?(?:[\w-]+ ){0,2}?(?:pills|"
    r"tablets|paracetamol|painkillers|capsules|meds)\b|"
    # ... or told by the pills first: "the tablets... i took the whole lot... didn't mean to"
    # ("i took the whole lot to the tip" is no pills)
    r"\b(?:pills|tablets|paracetamol|painkillers|capsules|meds|sleeping pills)\b[^!?]{0,40}?"
    r"\b(?:i|he|she|they)(?:'ve| have| has|'s)? (?:swallowed|downed|taken|took|had) (?:the "
    r"whole lot|the lot|all of them|them all|every (?:one|last one) of them)\b|"
    r"\b(?:can ?not|can'?t|could ?n'?t) feel (?:my|his|her|the) (?:left|right) (?:side|arm|leg|"
    r"hand)\b|"
    # ... or one side of the face: "the room's spinning and i can't feel one side of my face"
    # (never numb from the dentist's injection)
    r"\b(?:can ?not|can'?t|could ?n'?t) feel (?:one side of|half of|half|the (?:left|right) side "
    r"of) (?:my|his|her|their|the) (?:face|mouth|body|tongue|lips?)\b(?![^.!?]*\b(?:dentist|"
    r"injection|anaesthetic|anesthetic|numbing|jab|filling|extraction|tooth|teeth)\b)|"
    r"\b(?:my|his|her) (?:left|right) (?:side|arm|leg)(?:'s| is| has)? (?:gone |"
    r"going )?(?:numb|dead|limp|floppy)\b(?! (?:from|with|after) (?:sitting|lying|kneeling|the "
    r"cold)\b)|"
    # a tumble told the old way: "i've gone base over apex on the wet patio", "ted's gone
    # head over heels over the pushchair" (never head over heels in love, or for someone)
    r"\b(?:gone|went|going|fell|fallen|come|came) (?:base over apex|arse over (?:tit|teakettle|"
    r"elbow|tip)|head over heels|heels over head|a[\w]* over tit)\b(?! (?:for|in love|with)\b)|"
    # someone lying on the floor, not moving, grey or not breathing: "the bloke who came
    # about the meter is lying on the hall carpet, grey as ash, and he's not moving" (never a
    # pet, nor not moving a muscle)
    r"(?:^|(?<=[.!?] ))(?![^.!?]*\b(?:dog|dogs|cat|cats|puppy|kitten|doll|teddy|rug doctor)\b)"
    r"[^.!?]*?\blying (?:on|across) the (?:\w+ )?(?:floor|carpet|rug|ground|lino|tiles|path|"
    r"patio|landing|stairs|pavement)\b[^.!?]{0,40}?\b(?:not moving(?! a muscle)|"
    r"is ?n'?t moving|wo ?n'?t move|not breathing|grey|gray|blue|not answering|can'?t wake)\b|"
    # someone still down there, hurt: "... and he's still down there groaning"
    r"\bstill down (?:there|here)\b[^.!?]{0,30}?\b(?:groaning|moaning|crying|can'?t|won'?t|hurt|"
    r"in pain|not moving|bleeding)\b|"
    # eyes rolled back: "her eyes have rolled back and she's not with us"
    r"\b(?:my|his|her|their|mum'?s|dad'?s) eyes(?: have| 've| are| 're)? (?:\w+ )?roll(?:ed|ing) "
    r"back\b|"
    # a leg that won't take the weight, now: "i've gone down in the kitchen and my leg won't
    # take my weight" (never these days)
    r"\b(?:my|his|her) (?:\w+ )?(?:leg|legs|knee|knees|ankle|hip)(?:'s| is| are| has| have)? "
    r"(?:\w+ )?(?:won'?t|can'?t|will not|cannot) (?:take|hold|bear) (?:my|his|her) weight\b"
    r"(?![^.!?]*\b(?:these days|any ?more|since|when|lately|for (?:a|some) (?:while|time))\b)|"
    # half of the face or the body that won't work now: "half my mouth won't work", "one side
    # of his face won't move" (never half the lights)
    r"\b(?:half|one side of|the (?:left|right) side of) (?:my|his|her|their) (?:mouth|face|"
    r"body|arm|leg)(?:'s| is| has| have| are)? (?:suddenly |just )?(?:won'?t|can'?t|does ?n'?t|"
    r"is ?n'?t|not) (?:work|move|working|moving)\b|"
    r"\b(?:one side of|side of) (?:my|his|her|their|your) (?:face|mouth)(?:'s| is| has)? "
    r"(?:gone |going |started )?(?:droop\w*|numb|dropped|fallen|slack|crooked)\b|"
    # ... or the side said after: "mum's face has dropped on one side" (never a face that fell
    # at the bill)
    r"\b(?:face|mouth)(?:'s| is| has)? (?:gone |going |started )?(?:droop\w*|dropped|fallen|"
    r"slipped|slack|crooked) (?:on|down|at) (?:one|the (?:left|right)|his (?:left|right)|"
    r"her (?:left|right)|my (?:left|right)) side\b|"
    # a throat closing, a tongue or lips swelling, a face blowing up, now: "my throat's
    # closing up after those prawns", "her face is blowing up like a balloon" (lips swollen
    # from a cold sore are said otherwise)
    r"\b(?:throat|airways?)(?:'?s| is| has| are)? (?:\w+ )?(?:closing|swelling|swelled|tightening)"
    r" up\b|\b(?:throat|airways?) feels? (?:like|as if|as though) (?:it'?s|it is|they'?re|they "
    r"are) (?:closing|swelling|tightening)(?: up)?\b|"
    r"\b(?:tongue|lips|face)(?:'s| is| are)? (?:\w+ )?(?:(?:swelling|puffing|blowing) up|"
    r"ballooning)\b|"
    # ... or swelling with the breath going after it: "arthur's been stung by a wasp and his
    # throat's swelling, he can hardly breathe" (a sore throat hard to swallow with is no
    # such sign)
    r"\b(?:throat|tongue|airways?)(?:'?s| is| has| are)? (?:\w+ )?(?:swelling|swelled|swollen|"
    r"closing|tightening)\b[^.!?]{0,40}?\b(?:can (?:hardly|barely|scarcely|only just)|"
    r"struggling to|fighting to) (?:breathe|get (?:his|her|my|a) breath)\b|"
    # blood brought up, or sick black like coffee grounds: "i've been sick and it's black,
    # like coffee grounds", "i've been vomiting blood" (never beetroot, red wine or
    # blackcurrant, nor last week's)
    r"\b(?:been sick|being sick|was sick|vomit\w*|threw up|thrown up|throwing up|brought up|"
    r"bringing up)\b[^.!?]{0,40}?\b(?:(?:it'?s|it was|it is|and it'?s|all|it'?s all) (?:black|"
    r"dark red|bright red|blood)\b|(?:like )?coffee grounds|blood)\b(?![^.!?]*\b(?:beetroot|"
    r"wine|blackcurrant|ribena|liquorice|last (?:week|month|year)|years ago)\b)|"
    # ... or a face, lips or tongue swollen or come up in lumps, with what set it off or the
    # breath going: "bob's wheezing like an old kettle and his face has come up in big lumps
    # after them peanuts" (never what always happens, nor last summer's)
    r"\b(?:tongue|lips|face|mouth|throat)(?:'s| is| are| has| have)? (?:all )?(?:come up in "
    r"(?:\w+ )?(?:lumps|welts|hives|blotches|bumps|a rash)|swollen(?: up)?|swelled(?: up)?|"
    r"blown up|puffed up|gone (?:massive|huge|enormous|fat)|(?:gone|come|blown) up like a "
    r"balloon)\b(?=[^.!?]*\b(?:peanuts?|nuts|prawns?|shellfish|crab|mussels|sesame|"
    r"stings?|stung|wasps?|bees?|antibiotics?|penicillin|new (?:tablets?|pills?|medicine)|"
    r"wheez\w*|can'?t (?:swallow|breathe)|struggling to (?:swallow|breathe))\b)(?![^.!?]*\b(?:"
    r"last (?:year|summer|week|month|time)|years ago|once|as a (?:child|girl|boy)|when i was|"
    r"always|every time|so i (?:avoid|don'?t))\b)|"
    # off a ladder and not getting up: "the lodger's come off the stepladder and he's not
    # getting up" (someone gone down in a room whom the resident cannot lift: below)
    r"\b(?:come|came) off (?:the|a|his|her|my) (?:step ?ladder|ladder|steps|stool|roof|horse|bike)"
    r"\b(?=[^.!?]*\b(?:not getting up|can'?t get up|won'?t get up|is ?n'?t getting up|not moving|"
    r"is ?n'?t moving|wo ?n'?t move|can'?t feel (?:his|her|my|me) (?:legs|feet))\b)|"
    # a stranger at the windows or the doors: "there's a man in my back garden with a torch
    # looking in the windows" (a window cleaner, a man come to measure the windows, are none)
    r"\b(?:a man|a woman|some ?one|some ?body|a stranger|men|two men|a lad|lads|a bloke|blokes|"
    r"a fella|a guy|a fellow|a chap)\b[^.!?]{0,50}?"
    r"\b(?:(?:forcing|jemmying|jimmying|prising|trying to force|trying to prise|trying to jemmy)"
    r"(?: open)? (?:the|my|our) (?:\w+ )?(?:doors?|windows?|locks?|shed|garage|gate)|"
    r"with a torch|(?:looking|peering|peeping|staring|shining a torch) (?:in|into|through) "
    r"(?:the|my|our) (?:\w+ )?windows?|trying (?:the|my|our) (?:front |back |patio |side |"
    r"kitchen |garage |french |conservatory |shed |bathroom |bedroom |toilet |landing )?(?:door|"
    r"handle|"
    r"door handle|windows?|shed))\b|"
    # ... or with a tool to break in: "there's a bloke at the window with a crowbar"
    r"\b(?:a man|a woman|some ?one|some ?body|a stranger|men|two men|a lad|lads|a bloke|"
    r"blokes|a fella|a guy|a fellow)\b[^.!?]{0,40}?\b(?:at|by|round|outside|in) (?:the|my|our) "
    r"(?:\w+ )?(?:windows?|doors?|garden|yard|shed)\b[^.!?]{0,20}?\bwith an? (?:crowbar|jemmy|"
    r"knife|machete|hammer|bat|baseball bat|iron bar|screwdriver)\b|"
    r"\b(?:a man|a woman|some ?one|some ?body|a stranger|men|two men|a lad|lads|a bloke|"
    r"blokes|a fella|a guy|a fellow|a chap)\b with an? (?:crowbar|jemmy|machete|iron bar|"
    r"baseball bat)\b[^.!?]{0,20}?\b(?:at|by|round|outside|in) (?:the|my|our) (?:\w+ )?"
    r"(?:windows?|doors?|garden|yard|shed)\b|"
    # an intruder told by what he does: "there's a chap in my front room going through the
    # drawers", "a chap's just put his shoulder to my front door twice"
    r"\b(?:some ?one|some ?body|a (?:man|woman|chap|bloke|fella|fellow|guy|lad|stranger)|two "
    r"men|men)(?:'s| is| are)?(?: [\w']+){0,5}? (?:going|rooting|rummaging|rifling|searching) "
    r"(?:through|in) (?:my|the|our|all my) (?:drawers|things|stuff|belongings|bag|handbag|"
    r"purse|cupboards|pockets|wallet|jewellery|jewelry)\b|"
    r"\b(?:put|putting|puts|shoving|throwing) (?:his|her|their) (?:shoulder|weight|boot|foot) "
    r"(?:to|against|into|through) (?:my|the|our) (?:\w+ )?door\b(?! to (?:shut|close|open|"
    r"free|get it|push it|ease it|budge it)\b)|"
    # a call hidden from someone in the room: "just pretend i'm asking about the weather, he's
    # right next to me"
    r"\bpretend (?:i'?m|i am) (?:just )?(?:asking|talking to you|talking) (?:you )?about\b|"
    # down by the door since the post came, the legs gone: "ended up on the mat by the door
    # been here since the postman came legs won't go"
    r"\blegs (?:won'?t|will not|wo n'?t|just won'?t) (?:go|work|hold me|take me|take my "
    r"weight)\b(?! (?:up|down|far|as far|like|any|very|fast|quick)\b)|"
    # stuck in the bath, now ("i can't get out of the bath without my rail" is a habit)
    r"\b(?:i|he|she)(?:'m| am|'s| is|'ve been| have been| has been)? (?:stuck|trapped) in "
    r"(?:the|my|his|her) (?:bath|bathtub|tub)\b|"
    r"\b(?:can ?not|can'?t|could ?n'?t) get (?:myself |him |her )?out of (?:the|my) (?:bath|"
    r"bathtub|tub)\b(?! (?:without|on my own any more|any more|these days|nowadays|like i used "
    r"to|as (?:easily|quickly|fast) as)\b)|"
    # ... said the other way round: "i'm lying in the empty bath and can't get out, been here
    # over an hour", "i'm like a beached whale in this bath ... can't shift myself" (never a
    # habit: "... these days")
    r"(?<!used to )\b(?:lying|laid|sat|sitting|stuck|slid|slipped|whale|i'?m) (?:right down )?in "
    r"(?:the|my|this) (?:empty )?(?:bath|bathtub|tub)\b[^.!?]{0,80}?\b(?:can ?not|can'?t|"
    r"could ?n'?t) (?:get out|shift|budge|get up)\b(?! to\b)(?![^.!?]*\b(?:without|any more|"
    r"these days|nowadays|like i used to)\b)" + _NOT_GONE_BY + r"|"
    # someone slumped who does not answer: "frank's slumped in his chair and he's not
    # answering me"
    r"\b(?:slumped|keeled|flopped)\b[^.!?]{0,40}?\b(?:not answering|not responding|wo ?n'?t "
    r"(?:answer|respond)|is ?n'?t (?:answering|responding)|not talking to me)\b|"
    # an appliance alight: "the toaster's gone up and the cupboard above it's catching"
    r"(?<!of )\b(?:the |my |our |a )(?:toaster|pan|frying pan|oven|grill|microwave|tumble dryer|"
    r"dryer|heater|telly|tv|"
    r"kettle|fryer|air fryer|cooker|hob|cupboards?|curtains)(?:'s| has| is| are| have)? (?:gone "
    r"up|going up|alight|ablaze)(?! (?:in price|by|again in price)\b)|"
    # ... or caught, said so: "the toaster's caught and the cupboards are going up"
    # (a pan only with the fire said after: "the pan's caught, i'll soak it" is the rice)
    r"\b(?:toaster|chip pan|grill|oven|heater|fryer|tea ?towel|bin)(?:'s| has) caught(?= *$|"
    r"[,.!?;]| and\b)|\bpan(?:'s| has) caught and (?:the |i )?(?:flames?|fire|smoke|can'?t)\b|"
    r"\b(?:cupboard|curtains?|blind|tea ?towel|wall|ceiling)(?: above it| next to it)?(?:'s| is)? "
    r"(?:catching|caught|alight)\b(?! (?:the|my|your|his|her|a) \w)|"
    r"\b(?:oh )?my chest\b[^.!?]{0,30}?\bsomething'?s (?:really |very |badly |terribly )?"
    r"wrong\b|"
    # a dose taken twice, a poison drunk or eaten: "i've taken this morning's tablets twice
    # over", "she's drunk some of the bleach", "my grandson's been at the dishwasher tablets"
    r"(?<!have i )(?<!did i )(?<!have you )\b(?:taken|took|had|swallowed)\b(?: [\w']+){0,4}? "
    r"(?:tablets|pills|dose|medicine|meds|insulin|injection)(?: [\w']+){0,2}? (?:twice|two "
    r"times|twice over|double)\b(?! (?:a|per|every|each) (?:day|week|night|morning|evening)\b| "
    r"daily\b| weekly\b)|"
    r"(?<!have i )(?<!did i )\b(?:taken|took) (?:them|those|these|both|the lot) (?:twice|two times|"
    r"twice over)\b(?! (?:a|per|every|each) (?:day|week|night|morning|evening)\b| daily\b)|"
    r"(?<!if i )(?<!if you )(?<!if he )(?<!if she )\b(?:taken|took|had|given (?:him|her|myself)|"
    r"gave (?:him|her|myself)) an? (?:double|triple) dose\b|"
    r"\b(?:drunk|drank|swallowed|swigged|sipped|had a (?:sip|mouthful|swig|gulp)) (?:out of|from|"
    r"some of)\b[^.!?]{0,50}?\b(?:it was|it's|that was|turned out to be|it were|it had|it has|"
    r"it'd got|it's got|there was|there's) (?:some |got )?(?:bleach|"
    r"weedkiller|white spirit|turps|antifreeze|anti-freeze|drain cleaner|paraffin|poison|"
    r"washing[- ]up liquid|descaler)\b|"
    r"\b(?:drunk|drank|swallowed|eaten|ate|swigged|sipped|licked|chewed|been at|got into)"
    r"(?: (?:some|a bit|half|all|a drop) of)?(?: the| my| a| some)? (?:bleach|dishwasher "
    r"tablets?|washing (?:tablets?|pods?|capsules?|liquid)|white spirit|antifreeze|weedkiller|"
    r"dettol|turps|paraffin|batteries|button batter(?:y|ies)|rat poison|slug pellets|"
    r"drain cleaner|oven cleaner)\b|"
    # a diabetic low, the resident's or another's: "it's my sugar, i'm all shaky and sweaty and
    # muddled", "bert's sugar must be low, he's confused and dripping with sweat"
    r"\b(?:my|his|her|[\w]+'s) (?:sugar|sugars|blood sugar|levels?)\b[^.!?]{0,60}?\b(?:shaky|"
    r"shaking|sweaty|sweating|muddled|confused|can'?t think straight|dripping with sweat|"
    r"won'?t wake)\b|"
    # the alarm meant this time: "it's not a drill this time, the hall's full of smoke"
    r"\b(?:it|this)(?:'?s| is)? not a drill\b|\b(?:it|this) is ?n'?t a drill\b|"
    # something alight that caught what is near it: "the electric fire's caught the curtains"
    r"\b(?:fire|heater|candle|cigarette|fag|pan|toaster|lamp|grill|hob|cooker)(?:'s| has)? "
    r"caught (?:the |my )?(?:curtains?|blinds?|carpet|rug|tea ?towel|cupboards?|chair|sofa|"
    r"settee|bedding|bed|sheets|nightie|dressing gown|sleeve|paper|wall)\b|"
    # a boiler making people ill (carbon monoxide): "the boiler's making us both dizzy and sick"
    r"\b(?:boiler|fire|heater|gas fire|stove|cooker)(?:'?s| is) making (?:us|me|him|her|everyone)"
    r"(?: both| all)? (?:feel )?(?:dizzy|sick|ill|sleepy|drowsy|headachy|poorly|faint)\b|"
    # someone gone down or over in a room and hurt, stuck there or unable to be raised now:
    # "mum's gone over in the lounge and she's hit her head", "dad's gone down in the toilet
    # and he's stuck behind the door", "bill's gone down in the shower and i can't lift him"
    r"\b(?:gone|went) (?:down|over) (?:in|on) the (?:shower|bath|bathroom|kitchen|hall|hallway|"
    r"landing|garden|stairs|toilet|loo|patio|path|lounge|bedroom|living room|conservatory|"
    r"front room|sitting room|dining room|back room|utility room|porch|garage)\b"
    r"[^.!?]*\b(?:hit (?:his|her|my) head|banged (?:his|her|my) head|stuck|wedged|jammed|"
    r"trapped|can'?t get (?:up|him "
    r"up|her up)|not moving|won'?t get up|bleeding|too heavy (?:for me )?to (?:lift|move|get up)|"
    r"(?:can ?not|can'?t|could ?n'?t) (?:lift|move|shift|get|pick|pick up) (?:him|her|them))\b|"
    # a tumble, the resident's own, now ("the shares took a tumble" is no fall)
    r"(?:^|\bi(?:'ve| have)? (?:just )?)(?:took|taken|had) a (?:bit of a |nasty |bad |little )?"
    r"tumble\b|"
    # a no turned back, and what follows it: "no actually i do need someone, i can't stand"
    # ("i can't stand it", "i can't stand the noise" are no such words)
    r"\bi do need (?:some ?one|some ?body|help|an ambulance|a doctor|you to (?:call|get|send|"
    r"ring|phone))\b|\bi can'?t stand(?= *$| *[,.!?]| (?:up|on my (?:own|legs|feet)|properly|at "
    r"all|any more)\b)|"
    # someone fetched, said at its end: "... and i can't turn over, please get someone" ("get
    # someone here please" is left to the model, as above)
    r"\b(?:please )?get (?:some ?one|some ?body)(?: round| over)?(?= *$| *[.!?]| "
    r"(?:now|quick|quickly|please|fast|help)\b)|"
    r"\bon my back\b[^.!?]{0,40}?\b(?:can ?not|can'?t|could ?n'?t) (?:turn over|roll over|sit "
    r"up)\b|"
    # another who does not respond: "mrs patel isn't responding, she's slumped over in her
    # chair" (the telly not responding to the remote is no such thing)
    r"\b(?:he|she|husband|wife|mum|dad|mother|father|grandad|grandma|granny|nan|mr \w+|mrs \w+|"
    r"miss \w+)(?:'s| is)? (?:not|is ?n'?t) (?:responding|answering me|waking up)\b(?! to\b)|"
    r"\b(?:is ?n'?t|not|wo ?n'?t) (?:responding|answering|waking)\b[^.!?]{0,40}?\bslumped\b|"
    # smoke said to be there: "no wait, it's not the telly, there really is smoke upstairs"
    r"\bthere(?:'s| is|'s really| really is) (?:\w+ )?smoke (?:upstairs|downstairs|in here|"
    r"everywhere|on the landing|in the (?:kitchen|hall|hallway|lounge|bedroom|"
    r"bathroom|loft|attic|house|flat|stairs|stairwell|living room|front room|back room|garage|"
    r"shed))\b|"
    r"\bsmoke(?:'s| is)? (?:coming|pouring|billowing|creeping|rising) (?:up|down|along|into) "
    r"(?:the |my )?(?:stairs|staircase|landing|hall|hallway|stairwell|bedroom|room|kitchen|"
    r"house)\b|"
    # someone gone from the house at night: "mum's not in the house and it's three in the
    # morning, her coat's still on the hook", "jim's gone out in his pyjamas and i can't see
    # him anywhere"
    r"\b(?:not in the house|not in (?:his|her) bed|nowhere to be (?:found|seen)|gone missing|"
    r"wandered off|gone out|got out)\b[^.!?]{0,60}?\b(?:(?:one|two|three|four|five|[1-5]) "
    r"(?:in the morning|o'?clock|a\.?m\.?)|middle of the night|in (?:his|her) (?:pyjamas|pajamas|"
    r"nightie|nightdress|night ?gown|slippers|dressing gown)|coat'?s still|can'?t (?:see|find) "
    r"(?:him|her))\b|"
    # a life the resident means to end: "i don't want to be here any more, i've got the
    # tablets out", "i'm going to end it tonight" ("i could kill myself laughing", "i want to
    # die of embarrassment", "i'm going to end it with him" are none)
    r"\bi (?:do ?n'?t|do not) want to (?:be here|live|go on (?:living|like this|any ?more)|wake "
    r"up)(?: any ?more)?\b(?! (?:when|while|if|at|on|in|during|with|without|tomorrow|next|after|"
    r"for|a|an|the|my|that|this|until|till|today|here|there|alone)\b)|"
    r"\bi (?:just )?want to die\b(?! (?:of|from|laughing|when|if)\b)|"
    r"\b(?:going to|gonna|want to|wanna|i'll|i will|i'm going to) (?:kill myself|take my (?:own )?"
    r"life|top myself|do myself in|end it all|end my life)\b(?! (?:laughing|if)\b)|"
    r"\b(?:going to|gonna|i'll|i will) end it(?: all)? (?:tonight|today|now|this time)\b|"
    r"\bi'?ve got the (?:tablets|pills) (?:out|ready|lined up|counted out)\b|"
    # the house breached by the storm: "a tree has come through the bedroom roof and the
    # ceiling is coming down"
    r"\b(?:tree|branch|chimney|lamp ?post|pole)(?:'s| has| is)? (?:come|came|coming|fallen|fell|"
    r"crashed|smashed) (?:down )?(?:through|into|onto) (?:the |my |our )?(?:\w+ )?(?:roof|ceiling|"
    r"window|wall|house|bedroom|kitchen|conservatory)\b|"
    r"\b(?:ceiling|roof)(?:'s| is)? (?:coming|falling|caving) (?:down|in)\b|"
    # the cold or the heat in the body, now: "i've locked myself out in the snow in my nightie
    # and i can't feel my hands", "i can't stop shivering", "i feel faint and burning hot and
    # i've started being sick", "stuck in the car in a snow drift"
    r"\b(?:i'?ve|i have|i'?m|i am) (?:locked|shut) (?:myself )?out\b[^.!?]{0,40}?\b(?:snow|"
    r"freezing|frozen|nightie|nightdress|night ?gown|pyjamas|pajamas|slippers|dark|can'?t feel)\b|"
    r"\b(?:can ?not|can'?t) stop shivering\b|"
    r"\bfaint\b[^.!?]{0,40}?\b(?:burning hot|being sick|vomiting|throwing up)\b|"
    r"\b(?:i'?m|i am|we'?re|we are|i'?ve been|we'?ve been) stuck (?:in (?:the|my|our) car )?"
    r"in (?:a |the )?(?:snow ?drift|drift|ditch|flood ?water|floods?)\b|"
    # a power line down: "the storm's brought the power line down across the garden and it's
    # sparking by the gate"
    r"\b(?:power ?lines?|overhead (?:lines?|cables?)|(?:electric|electricity|power) "
    r"(?:cables?|lines?))\b[^.!?]{0,50}?\b(?:sparking|down|snapped|fallen)\b")
"""Words that make a fall or a call for help clear whatever the model's score (once the
negated, idiomatic and someone-else's uses are taken out: :func:`defuse`)."""

_NO_WARNING_SIGN = (
    r"(?:^|(?<=[.!?] ))(?![^.!?]*\b(?:worst|sudden|suddenly|out of (?:nowhere|the blue)|came on|"
    r"thunder\w*|knock\w*|hit|banged|bumped|fell|fall|fallen|floor|can'?t see|double|blurr\w*|"
    r"can'?t (?:move|feel|lift|stand|get up|speak|talk|swallow)|dead|spinning|"
    r"stiff|neck|sick|vomit\w*|confused|slurr\w*|droop\w*|numb|weak|never had|alarm|carbon|gas|"
    r"fumes|faint\w*|dizzy|pass(?:ed|ing)? out|black(?:ed)? out|collaps\w*|bleed\w*|blood in|"
    r"blood from|coughing up|black (?:poo|stools?)|help|ambulance|999|emergency|chest|breath\w*|"
    r"wake|unconscious|seizure|fit|smoke|fire|flames|burning|sparks|smell)\b)[^.!?]*?")
"""The start of a sentence that tells no warning sign (a knock, a fall, sickness, a sudden
onset, the worst ever, an alarm, bleeding, breath, the chest, smoke or fire...), up to an
everyday symptom or request read as no call after it (:data:`_IDIOM`; never a denial:
"have I taken my pills today" is a question about them, not a no)."""

_NO_STROKE_SIGN = (
    r"(?:^|(?<=[.!?] ))(?![^.!?]*\b(?:sudden\w*|face|arm|arms|leg|legs|speech|words|droop\w*|"
    r"slurr\w*|weak|chest|one side|dizzy|confused|can'?t (?:move|lift|speak|talk|see))\b)")
"""The start of a sentence that tells no sign of a stroke (sudden, the face, an arm, a leg,
speech, drooping, weakness, the chest, ...): numb or tingling fingers read as no call after
it (:data:`_IDIOM`)."""

_BLOOD_THINNER = (r"(?:warfarin|blood thinners?|thinners|anticoagulants?|apixaban|rivaroxaban|"
                  r"edoxaban|dabigatran|clopidogrel|aspirin)")
"""A blood thinner, by name or by kind (bruising put down to one is everyday)."""

_ADV = r"(?:(?:really|actually|even|ever|just|yet|been|recently|today|at all|any more) ){0,2}"
_NEGATED = re.compile(
    # a slip caught: "don't ring anybody, i only slipped a touch on the back step and caught
    # myself on the rail"
    r"\b(?:slipped|tripped|stumbled|wobbled|lost my footing)\b[^.!?]{0,40}?\b(?:and|but) (?:i )?"
    r"caught (?:myself|meself|hold of)\b(?!.*\b(?:fell|fallen|gone down|went down|floor|stuck|"
    r"can'?t|cannot|hurt|bleeding)\b)|"
    # a turn not bad enough to go down: "i've come over a bit dizzy, not enough to fall over"
    r"\bnot (?:bad )?enough to (?:fall|fall over|go over|keel over|knock me (?:over|down)|put me "
    r"on the floor)\b|"
    # "i don't need an ambulance", "no thanks i do not need any help", "never needed help"
    rf"\b(?:do ?n[o']?t|does ?n[o']?t|did ?n[o']?t|wo ?n'?t|will not|never) {_ADV}"
    r"(?:need|want|require)(?:s|ed)? (?:to call |to get |to send for |for |a lift to |to go to )?"
    r"(?:an? |any |the )?(?:help|ambulance|emergency|doctor|anyone|anybody|someone|somebody|"
    r"fire brigade|a ?and ?e|a ?& ?e|casualty|hospital)\b|"
    # "no need to call an ambulance", "no need for help"
    r"(?<=, )not (?:call |ring |phone |get |send for )?(?:the |an )?(?:ambulance|fire brigade|"
    r"paramedics)\b|"
    # "nobody's collapsed, that was the telly" (never a thing said to have collapsed instead)
    # a fall promised against: "no, i won't fall on the stairs, i've got the rail"
    r"\bi (?:wo ?n'?t|will not|shan'?t|am not going to|'m not going to) (?:fall|trip|slip|go "
    r"flying|tumble)\b|"
    r"\b(?:no ?one|nobody|no-one)(?:'s| has| is)? (?:collapsed|fallen|fallen over|fell|fell over|"
    r"hurt|been "
    r"hurt)\b(?![^.!?]*\bi said\b)|"
    r"\bno need (?:for|to) (?:call |get |send for |send |ring |phone )?(?:an? |any |the )?"
    r"(?:help|ambulance|anyone|anybody|someone|somebody|doctor|fire brigade)\b|"
    # an instruction reported with its condition, told as not met: "the nurse said ring 999
    # if it bleeds a lot. it's not, it's just a bit sore round the stitches"
    r"\b(?:said|says|told (?:me|us)) (?:to )?(?:ring|call|phone|dial|get)(?: for)?(?: an?| the)? "
    rf"(?:ambulance|doctor|help|{_EMERGENCY_NUMBER}) (?:if|when) (?:it|they|the \w+|my \w+|i) "
    r"[^.!?;]{0,40}?[.,;!] (?:and |but |well )?(?:it'?s not|it is ?n'?t|it has ?n'?t|"
    r"it does ?n'?t|they'?re not|they are ?n'?t|they have ?n'?t|i'?m not|i have ?n'?t)\b|"
    # a chest pain denied: "i've not got chest pain, i said my chest of drawers"
    r"\b(?:i )?(?:have ?n'?t|have not|'ve not|ve not|ai ?n'?t|do ?n'?t have|do not have) "
    r"(?:got )?(?:any |a )?(?:chest pains?|pains? in (?:my|the) chest)\b|"
    # a bleed not wanted again: "did i take my blood thinner? i don't want to be bleeding like
    # last time"
    r"\b(?:do ?n'?t|do not|would ?n'?t|would not) want to (?:be |go |start )?(?:bleeding|bleed)"
    r" (?:like|as|the way) (?:last time|before|i did|the other (?:day|week|time))\b"
    r"(?![^.!?]*\b(?:won'?t stop|will not stop|can'?t stop|everywhere|pouring|spurting|gushing|"
    r"now)\b)|"
    # no bleeding, said as a no: "no, no bleeding, it's only a little nick off the cat's claw"
    r"(?:^|[.,!?;] )(?:no,? )?no (?:bleeding|blood)\b(?! (?:way|chance|idea|hope|good|use|"
    r"thing|fear)\b)|"
    # "no don't call an ambulance", "please don't send a fire engine"
    rf"\b(?:do ?n[o']?t|do not|no need to|never) {_FETCH}(?:ambulance|{_FIRE_SERVICE})\b|"
    # "i haven't fallen", "i did not fall", "i never fell", "i have not had a fall" (never a
    # purpose: "what can i do so i don't fall over", a request, not a no)
    rf"(?<!\bso i )(?<!\bso we )(?<!\bso he )(?<!\bso she )(?<!\bso that i )"
    rf"\b(?:have ?n[o']?t|has ?n[o']?t|had ?n[o']?t|did ?n[o']?t|do ?n[o']?t|never|not) {_ADV}"
    r"(?:fall|fallen|fell|falls|falling|slipped|slip|tripped|trip|"
    r"had an? (?:\w+ )?fall|had any falls)(?: (?:down|over|off|out))?\b|"
    # "i was only asleep, i hadn't collapsed", "he hasn't passed out" (never "i nearly
    # collapsed")
    rf"\b(?:have ?n[o']?t|has ?n[o']?t|had ?n[o']?t|did ?n[o']?t|never) {_ADV}"
    r"(?:collapsed|collapse|passed out|pass out|fainted|faint|blacked out|black out|keeled "
    r"over|keel over)\b|"
    # a call's word said by mistake: "stop, cancel that, i didn't mean emergency, i was reading
    # out the wedding card"
    r"\bi (?:did ?n'?t|did not|never) mean (?:to say )?(?:emergency|help|ambulance|999|police|"
    r"fire)\b|"
    # ... or only read out: "never mind the ambulance bit, i was only reading the paper out to
    # you"
    r"\b(?:never mind|ignore|forget|take no notice of) (?:the|that) (?:ambulance|emergency|fire|"
    r"police|help|999|accident|crash|fall)(?: bit| part| stuff| business| word)\b(?=[^.!?]{0,20}?"
    r"\b(?:i was|i'?m|it was) (?:only |just )?(?:reading|saying|quoting|talking about)\b)|"
    # no one in need of the ambulance: "yes, it's all sorted, nobody needs an ambulance, the
    # alarm went off by mistake"
    r"\b(?:nobody|no ?one|no-one|none of us) (?:needs|wants|needed|wanted) (?:an? |the )?"
    r"(?:ambulance|paramedics?|help|police|fire brigade)\b|"
    # ... said of one standing by: "they had an ambulance parked by the gate at the summer
    # fair, just in case, but nobody needed it"
    r"\b(?:an?|the) (?:ambulance|paramedics?|first aid(?: tent)?)\b[^.!?]{0,80}?\b(?:nobody|"
    r"no ?one|no-one|none of us) (?:needed|wanted|used) (?:it|them|one)\b|"
    # the emergency number waved off, with why: "no, don't call 999, i've just knocked the
    # glass over", "don't go ringing the emergency people if you hear me snore"
    r"\bdo ?n'?t (?:go )?(?:call|ring|phone|dial|calling|ringing|phoning|dialling)(?: for)? "
    r"(?:the |an? )?(?:999|nine nine nine|ambulance|emergency(?: people| services?| line)?|"
    r"paramedics)\b,? (?=(?:i'?ve (?:only |just )|i (?:only|just) |it was (?:only|just) |"
    r"it'?s (?:only|just) |if you hear )(?![^.!?]*\b(?:can'?t|cannot|won'?t stop|bleed\w*|"
    r"hurt\w*|fell|fallen|floor|breath\w*)\b))|"
    # the alarm pressed by mistake: "cancel that, i pressed the emergency button by mistake"
    r"\b(?:pressed|pushed|hit|set off|knocked|caught|pulled|leaned on|sat on) (?:the|my|me) "
    r"(?:emergency|panic|alarm|help|red|care ?line|lifeline) (?:button|pendant|cord|alarm|"
    r"buzzer)\b[^.!?]{0,40}?\bby (?:mistake|accident)\b|"
    r"\baccidentally (?:pressed|pushed|hit|set off|knocked|pulled) (?:the|my|me) (?:emergency|"
    r"panic|alarm|help|red|care ?line|lifeline) (?:button|pendant|cord|alarm|buzzer)\b|"
    # a call said to be far from it: "i've got a bit of a headache, nothing to ring 999
    # about"
    rf"\b(?:nothing|not anything|not something|not worth) (?:to |worth )?(?:ring|call|phone|"
    rf"dial|get|bother|troubl)\w* (?:for |out )?(?:an? |the )?(?:{_EMERGENCY_NUMBER}|ambulance|"
    r"paramedics|emergency services|fire brigade)(?: (?:out|in))? (?:about|over|for)\b|"
    # a call said to be far from it: "i've a bit of a chest, nothing like a heart attack"
    r"\bnothing like (?:a|an) (?:heart attack|stroke|fit|seizure|emergency|fall)\b|"
    # a call denied as the reason: "ring my son dave, not because i've fallen or anything"
    r"\bnot (?:because|cos|'cause|that) (?:i'?ve |i have |i'?m |i am )?(?:fallen|had a fall|"
    r"hurt|poorly|ill|in trouble|on the floor|stuck|collapsed)\b|"
    r"\b(?:not|no|is ?n'?t|was ?n'?t) (?:an? |really an? )?emergency\b|"
    # "don't you go setting the house on fire while i'm asleep"
    r"\b(?:do ?n'?t|do not|never) (?:you )?(?:go )?(?:set|setting) (?:the (?:house|place|"
    r"kitchen|flat|chip pan|pan|frying pan|cooker|oven|grill|toaster|tea towel|curtains)|anything|"
    r"yourself|myself) (?:on fire|alight|ablaze)\b|"
    # "i've checked, there's no smell of gas"
    r"\bno (?:smell|sign|whiff|trace|hint) of (?:gas|smoke|burning)\b|\bno gas smell\b|"
    # "there's no fire, it's only next door's barbecue smoke coming over"
    r"\bnothing(?:'s| is) (?:on fire|burning|alight)\b|"
    r"\bthere(?:'s| is) no fire\b(?! (?:alarm|escape|exit|door|extinguisher|blanket|brigade)s?\b)|"
    r"\b(?:it's|it is|that's|that is) (?:only|just) (?:next door'?s|the neighbou?rs'?|"
    r"someone'?s) (?:barbecue|bbq|bonfire|chiminea|fire pit)\b|"
    r"\bno (?:help|ambulance) (?:is )?(?:needed|required)\b|"
    # "no, love, no ambulance, i only sneezed" (never "there's no ambulance coming")
    r"\bnot help,? help\b|"
    r"(?:^|[,.!?] )no (?:ambulance|paramedics|fire brigade)(?=[,.!]|$| (?:please|thanks|thank you|"
    r"needed|love|dear)\b)|"
    r"\bnot (?:bleeding|choking|having a (?:stroke|heart attack|fit|seizure))\b|"
    # "i don't want to end up on the floor"; "i was only sat on the floor going through the
    # bottom drawer"
    r"\b(?:do ?n'?t|do not|never) want to (?:end up|be|land up|finish up) (?:on the (?:\w+ )?floor|"
    r"in a heap)\b|"
    r"\b(?:i'?m|i am|i was) (?:only|just) (?:sat|sitting|kneeling|knelt) (?:down )?on the "
    r"(?:\w+ )?floor\b(?= (?:going through|sorting|looking|searching|playing|doing|cleaning|"
    r"reading|with|for)\b)|"
    rf"\bnot having (?:any )?{_CHEST_PAIN}\b|\bno {_CHEST_PAIN}\b|"
    r"\b(?:so )?i'?m not worried\b|"
    r"\bnot (?:about|going) to (?:keel over|collapse|pass out|faint|drop dead)\b|"
    r"\b(?:(?:it'?s|it is|it was|that'?s) not|(?:it|that) (?:is|was) ?n'?t) (?:a |an )?(?:fire|"
    r"gas leak|burglar|intruder)\b|"
    # "he's not unconscious, he's asleep"
    r"\b(?:not|is ?n'?t|was ?n'?t) unconscious\b|"
    # "it's not blood, it's beetroot juice", "i'm not stuck, i'm doing the skirting boards"
    r"\b(?:it|that)(?:'s| is| was) not (?:real |actual )?blood\b|"
    r"\b(?:it|that) (?:isn't|wasn't) (?:real |actual )?blood\b|\b(?:i'm|i am) not stuck\b|"
    r"\b(?:nobody|no one|no-one|noone) needs? (?:any )?help\b|"
    r"\b(?:nobody|no one|no-one|noone)(?:'s| is| has| was) (?:bleeding|hurt|injured|choking|"
    r"fallen|on the floor)\b|"
    r"\b(?:i'm|i am|i was|i wasn't|i'm not|i am not) not (?:on|lying on) the (?:\w+ )?floor\b|"
    r"\bnot (?:on|lying on) the (?:\w+ )?floor\b|"
    r"\b(?:was ?n'?t|were ?n'?t|was not|am not|'m not) (?:calling|shouting|asking) for help\b")
"""A call for help or a fall that the sentence denies (the negation governs the words
next to it only: "i'm not okay i need help" denies nothing)."""

_AS_USUAL = re.compile(
    # a symptom said to be nothing serious: "the paint fumes have given me a thick head and
    # sore eyes, nothing serious" (never hoped or guessed so, nor with a "but" after)
    r"(?<!hope )(?<!probably )(?<!maybe )(?<!sure )(?<!be )(?<!hope it's )(?<!hope its )"
    r"(?<!sure it's )(?<!hope it is )\bnothing (?:serious|to worry about)\b(?![^.!?]*\bbut\b)|"
    # a chest a bit tight or wheezy with a cold, or coming and going: "my chest's a bit tight
    # with this cold, it's only the catarrh", "my chest's a bit wheezy, it's the old pit dust,
    # it comes and goes"
    r"\bchest(?:'s| is)? (?:a bit |a little |slightly |bit )?(?:tight|wheezy|chesty|rattly) "
    r"(?:with|from) (?:this|my|the|a) (?:cold|cough|catarrh|chest infection|hay ?fever|flu)\b|"
    r"\bchest(?:'s| is)? (?:a bit |a little |slightly |bit )?(?:wheezy|chesty|rattly)\b"
    r"(?=[^.!?]*\b(?:comes and goes|as usual|as always|like always)\b)|"
    # bleeding that has stopped: "the bleeding's stopped now, there's no need to send anybody"
    r"\b(?:the )?bleeding(?:'s| has| is)? (?:all |now |finally |just )?(?:stopped|eased off|"
    r"stopped now|settled)\b|\b(?:it'?s|it has|it) (?:finally |now )?stopped bleeding\b|"
    # a symptom as it always is, or eased: "my chest is wheezy but no worse than usual",
    # "the angina's niggling, i've had my spray and it's settled", "the chest pain has gone"
    # (never a pain gone into the arm)
    r"\bno worse than (?:usual|normal|ever|it usually is|yesterday|last week)\b|"
    # "the district nurse says my chest's a bit wheezy but nothing urgent"; "my chest's a bit
    # wheezy, it's the cold air at the bus stop, nothing sharp"
    r"\b(?:chest|breathing)(?:'?s| is|'s been| has been) (?:a bit |a little |bit )?(?:wheezy|"
    r"chesty|rattly|"
    r"crackly)\b[^.!?]{0,60}?\b(?:nothing sharp|(?:it'?s|just) the cold(?: air)?|with (?:this|the) "
    r"cold snap|not bad|just a nuisance)\b"
    r"(?![^.!?]*\b(?:can'?t|cannot|struggling|tight\w*|worse|arm|jaw|sweat\w*)\b)|"
    # dizzy from standing up too quick or bending down: "i feel a bit dizzy, i think i stood
    # up too quick", "my head's swimming a bit, came over all peculiar bending down to the
    # onions" (never with a fall, the floor, a black-out, the chest, the arm or speech)
    r"(?:^|(?<=[.!?] ))(?![^.!?]*\b(?:fell|fallen|fall|floor|(?:went|gone|go|going|come|came|"
    r"i'?m|am|was) down|blacked|black out|passed out|fainted|can'?t|cannot|chest|hit|keeled|"
    r"collaps\w*|breath\w*|sick|arm|face|speech|words|slurr\w*|numb|weak)\b)[^.!?]*?\b(?:(?:stood|"
    r"got|sat) up too (?:quick|quickly|fast|sharp|sharpish|sudden|suddenly)|(?:dizzy|swimming|"
    r"peculiar|woozy|light-?headed)\b[^.!?]{0,30}?\b(?:bending|bent) down (?:to|for|over)|"
    # ... or passing: "bit dizzy when i stood up just now, but i'm sat down and it's passing"
    r"(?:dizzy|woozy|light-?headed|giddy|swimmy)\b[^.!?]{0,60}?\b(?:it'?s|it is|it has) "
    r"(?:passing|passed|going off|gone off|wearing off|worn off|settling|settled|easing|"
    r"eased)(?! (?:off )?(?:into|to|worse)\b))\b|"
    # a chest sore from coughing, nothing sharp: "my chest is killing me from coughing all
    # night, not a sharp pain, just raw"; heartburn as ever: "my chest feels like it's on fire
    # every time i eat christmas pudding, it's that heartburn again" (never with the arm,
    # the jaw, a sweat, the breath, a tightness or a crushing, nor worse or spreading)
    r"(?:^|(?<=[.!?] ))(?![^.!?]*\b(?:arm|jaw|sweat\w*|breath\w*|tight\w*|crush\w*|"
    r"can'?t|cannot|worse|spread\w*|sick|different|never|fell|fallen|floor)\b)[^.!?]*?"
    r"\bchest\b[^.!?]{0,40}?(?:\b(?:killing me|sore|raw|aching|hurts?|hurting)\b[^.!?]{0,12}?"
    r"\bfrom (?:all (?:the|this|that) )?cough\w*\b(?=[^.!?]*\b(?:not a sharp|nothing sharp|just "
    r"raw|just sore)\b)|\b(?:on fire|burning|burns)\b[^.!?]{0,60}?\b(?:heartburn|indigestion|"
    r"acid|reflux)\b(?=[^.!?]*\b(?:again|nothing new|as usual|as always)\b)|"
    r"\b(?:on fire|burning|burns)\b(?=[^.!?]*\bevery time i (?:eat|have)\b)"
    r"(?=[^.!?]*\b(?:heartburn|indigestion|acid|reflux)\b))|"
    r"\bbut nothing urgent\b|"
    # "i used my angina spray earlier and the tightness went off straight away"
    r"\b(?:spray|gtn|tablet|pill|puffer|inhaler)\b[^.!?]{0,60}?\b(?:the )?(?:tightness|pain|"
    r"ache|wheez\w*)(?:'s| has| is)? (?:went|gone|eased|settled|cleared|lifted|passed)(?: off|"
    r" away)?\b(?! (?:into|down|up|to|worse|bad|tighter|heavier)\b)(?![^.!?]*\b(?:back|again|"
    r"returned|worse)\b)|"
    # a chest or a breath that goes tight on exertion, not now: "my chest gets a bit tight
    # when i rush for the bus, not now, but it keeps happening"
    r"\b(?:chest|breath\w*|heart)\b[^.!?]{0,20}?\b(?:gets?|goes|go) (?:a (?:bit|little|touch) |"
    r"quite |ever so |all )?(?:tight|heavy|short|racing|pounding|fluttery|achy|sore)\b when "
    r"(?:i|i'?m|i am) [^.!?]{0,40}?,? not (?:right )?now\b|"
    # ... made light of, or a reading up again: "me head's banging, it's only a headache
    # mind", "my pressure is high again this morning" (never "it's not just a headache";
    # never "it's only indigestion", as a heart attack is often told by who would not be a
    # bother: measured, it took a call written blind out of the words net)
    r"(?<!not )\b(?:it'?s|it is|only|just) (?:(?:an? )?(?:bit of a |little )?(?:headache|"
    r"migraine)|a (?:bit of a |little )?(?:cold|sniffle))\b(?! (?:and|but) (?:now|"
    r"suddenly)\b)|"
    r"\b(?:my|me|his|her) (?:blood )?pressure(?:'s| is| was)? (?:a bit |quite |very |really )?"
    r"(?:high|up|low|down|raised) again\b|"
    r"\b(?:same|just) as (?:always|usual|normal|ever)\b|\bnothing new\b|\bon the mend\b|"
    r"\b(?:same|just) as (?:every|each) (?:morning|day|night|evening|week)\b|"
    r"\b(?:it'?s|it has|it) (?:passed|gone off|worn off)(?: now| already)?\b(?! (?:into|down|up|"
    r"to|through|round|out)\b)|"
    r"\bpins and needles\b[^.!?]{0,40}?\b(?:from|after) (?:sitting|kneeling|lying|crossing)\b|"
    r"\b(?:it|it's|it has|that|wheeze|pain|chest|cough|breathing)(?:'s| has| have| is)? "
    r"(?:eased|easing|settled|settling|calmed)(?: off| down)?(?: now)?\b(?! (?:a bit|slightly|"
    r"but)\b)|"
    r"\b(?:spray|inhaler|tablets?|puffer|nebuli[sz]er|gtn)(?:'s| has| have)? (?:worked|done the "
    r"trick|settled it|sorted it)\b|"
    r"\b(?:chest )?pains?(?: in (?:my|me|his|her|the) chest)? (?:has|have|'s) (?:gone|eased|"
    r"settled|stopped|passed)\b"
    r"(?! (?:into|down|up|to|through|round)\b)|"
    r"\bbut i can breathe (?:fine|ok|okay|alright|all right|normally)\b|"
    # "my chest is bad this morning but i'm breathing alright"
    r"\bbut i(?:'m| am) (?:still )?breathing (?:alright|all right|fine|ok|okay|normally)\b")
"""A symptom told as it always is, made light of, or eased (no call; a "no" only as the
answer to a question: "is it getting worse?" "it's settled now". Said out of the blue,
it is answered as what it is, never "All right.": :func:`is_denial`)."""

_IN_THE_DREAM = (r"(?! (?:and|but|so) (?:then |now )?(?:i |he |she )?(?:woke|wake|waking|now|"
                 r"really|actually|still|fell|fallen|then)\b| (?:then|now|still|but|when)\b)"
                 r"[^.!?,;]")
"""A character of what happened in a dream, up to the clause's end, "then", "now",
"still", "but", or "and" with a waking or a fall after it (:data:`_IDIOM`)."""

_GREETED = (r"^(?:(?:hiya|hi|hello|evening|morning|afternoon|good (?:morning|afternoon|"
            r"evening)|right|well|ey up|now then),? )?")
"""The start of a turn, with a greeting at most before what it says (:data:`_IDIOM`)."""

_IDIOM = re.compile(
    # the fire asked to be put on: "put the gas fire on, it's perishing in here" (never with
    # smoke, a smell or flames)
    _GREETED + r"(?:(?:can|could|would|will) you |please |(?:just |now )?)?(?:(?:put|turn|switch|"
    r"pop|stick) (?:the|my|me) (?:gas |electric |coal |log |little |big )?fire (?:on|up)|(?:put|"
    r"turn|switch) (?:on|up) (?:the|my|me) (?:gas |electric |coal |log |little |big )?fire)\b"
    r"(?![^.!?]*\b(?:smell\w*|smoke|smoking|burning|flames?|alight|caught|gas leak)\b)|"
    # the sky on fire: "the sky looked like it was on fire with all them colours"
    r"\bsky(?:'s| is| was| looked| looks| were)(?: like (?:it was|it's|it is|it were))?"
    r"(?: all| just| completely)? (?:on fire|ablaze|aflame)\b|"
    # carried out in a box: "my husband always said they'd carry him out of that house in a box"
    r"\bcarr(?:y|ied) (?:me|him|her|us|them) out (?:of (?:\w+ ){1,3})?in a (?:box|coffin|"
    r"wooden box|pine box)\b|"
    # a thing nearly set on fire: "my granddaughter nearly set her veil on fire leaning over a
    # candle, she was fine though"
    r"\b(?:nearly|almost) (?:set|caught|went up) (?:(?:\w+ ){0,3}?)?(?:on fire|alight|fire)\b|"
    # a dance floor on fire: "the dance floor was on fire once they put abba on"
    r"\bdance ?floor (?:was|were|is|'s) (?:absolutely |really |proper |properly )?on fire\b|"
    # another who would have had a heart attack: "my mother would have had a heart attack if
    # she'd seen my hair in that photo"
    r"\b(?:he|she|they|you|[a-z]+)(?:'d have|'d've| would have| would've| would of) had an? "
    r"(?:heart attack|stroke|fit|"
    r"coronary|seizure|kittens?|cow|blue fit)\b|"
    # a memory or plans gone up in smoke
    r"\b(?:memory|memories|plans?|savings|money|hopes?|dreams?|chances?|pension|holiday)"
    r"(?:'s| has| have| is| are)? (?:all |just )?gone up in smoke\b|"
    # the news as all fires and floods: "stop reading the news out, it's all fires and floods"
    r"\bit'?s all (?:fires|floods|wars|murders|stabbings|doom|disasters)(?: and (?:fires|floods|"
    r"wars|murders|stabbings|doom|gloom|disasters))?\b|"
    # another who'll have a heart attack at the news: "call derek, he'll have a heart attack when
    # he hears"
    r"\b(?:he|she|they|you|[a-z]+)(?:'ll| will) have an? (?:heart attack|stroke|fit|coronary|"
    r"seizure|kittens?|cow) (?:when|if|once|at|seeing)\b|"
    # a player on fire: "he's been on fire this year"
    r"\b(?:he'?s|she'?s|they'?ve|he has|she has|they have) been on fire (?:this|all|lately|"
    r"recently|for)\b|"
    # an arm twisted into a yes: "yes please, go on then, you've twisted my arm"
    r"\b(?:you'?ve|you have) twisted my arm\b|"
    # every noise taken for an emergency, lying awake: "three in the morning and i'm awake again
    # listening for him, every little noise i think it's an emergency" (the worry, not one now)
    r"\bevery (?:little |single )?(?:noise|sound|creak|bump|cough|groan)\b[^.!?]{0,30}?\b"
    r"(?:i think|i'?m thinking|thinking|i'?m sure) (?:it'?s|it is|it'?ll be) an? emergency\b|"
    # who looks after the one who cares, wondered: "i sit here listening to him breathing and i
    # just think, well, who's looking after me, you know?"
    r"\b(?:think|thinking|wonder|wondering),? (?:well,? )?who(?:'s| is)(?: going to be| gonna be)? "
    r"(?:looking after|caring for|there for) me\b|"
    # going round the bend, sat in: "tell me a story, i'm going round the bend sat here"
    r"\b(?:i'?m|i am|i was|i'?ll be) going round the (?:bend|twist)\b|"
    # on one's last legs, worn out: "i'm on my last legs today, absolutely jiggered"
    r"\bon my last legs\b(?=[^.!?]*\b(?:jiggered|whacked|knackered|shattered|worn out|tired|"
    r"exhausted|pooped|done in|cream crackered|dead on my feet)\b)|"
    # an alarm chirping for its battery: "my smoke alarm keeps chirping, i think the
    # battery's on its way out" (never with smoke, fire, burning or gas said besides)
    r"\b(?:smoke|fire|carbon monoxide|co|heat) alarm(?: (?:in|on|by|up|at|over) (?:the|my) "
    r"[\w']+(?: [\w']+)?)?(?:'s| is)? (?:keeps |keep |has been |been "
    r"|only |just )?(?:chirp\w*|beep\w*|bleep\w*|tweet\w*)\b(?=[^.!?]*\bbatter(?:y|ies)\b)"
    r"(?![^.!?]*\b(?:"
    r"there'?s|i can (?:smell|see)|full of) (?:smoke|fire|flames|burning|gas)\b)|"
    # a turn that only says someone is at the door, a hush or a greeting at most before it:
    # "hush a minute, someone's knocking" (never "... trying to get in", "... won't go away")
    r"^(?:(?:hush|shush|sh+|quiet|hang on|hold on|wait|listen|oh|ooh)(?: (?:a|one|just a) "
    r"(?:minute|min|sec|second|mo|moment|tick))?,? )*(?:there'?s )?(?:some ?one|some ?body)"
    r"(?:'s| is)? (?:knocking|at the (?:front |back )?door|ringing the (?:door ?)?bell)"
    r"(?: (?:at|on) the (?:front |back )?door)?[.!]?$|"
    # a turn that only says goodnight and one is going up: "night night, i'm going up"
    r"^(?:night night|nighty night|night|good ?night|ta-?ra|tara|ta ta|bye|bye bye|cheerio|"
    r"see (?:you|ya))(?:,? (?:love|dear|then|all|pet|duck|for now))?,? i'?m (?:going up|off up|"
    r"off to bed|going to bed|turning in|off to my bed|away to my bed|(?:away|off|going) to put "
    r"(?:me|my) feet up|off for (?:a|my) (?:nap|lie down|kip|snooze)|going to sit (?:by|in front "
    r"of|near) the fire(?:side)?|(?:going|off) (?:to|for) (?:a|my) sit down|going to sit (?:down|"
    r"in my chair))(?: now| then)?[.!]?$|"
    # up and down to come, after a water tablet: "just took the water tablet, so i'll be up and
    # down all morning"
    r"\b(?:i'?ll|i will|i'?m going to|i am going to|i'?m gonna) be up and down\b(?= (?:all|to|"
    r"like|the)\b|[.!,]?$)|"
    # a foot gone over on and walked on: "my knee's been aching since i went over on it at the
    # street party, it's bruised but i'm walking on it" (never with a warning sign)
    + _NO_WARNING_SIGN + r"\b(?:went|gone|go|going|turned) over on (?:it|my|me|his|her)\b"
    r"[^.!?]*?\bbut (?:i'?m|i am|i can|i've been|he'?s|she'?s|he can|she can) (?:still )?"
    r"(?:walk(?:ing)?|getting about|getting around|hobbling about|managing) on it\b|"
    # a request said not to be urgent, with no warning sign: "can you ring my son, i want him
    # to look at the leaking washing machine, it's not urgent"
    + _NO_WARNING_SIGN + r"\b(?:it'?s|it is|that'?s|there'?s) (?:not|nothing|no) (?:urgent|"
    r"rush|hurry)\b|"
    # a caller at the door sent away: "somebody's been knocking on the door selling broadband,
    # i told him where to go"
    r"\b(?:knocking|knocked|came round|calling|at the door) (?:on the door |at the door )?"
    r"selling\b|\btold (?:him|her|them) where to go\b|"
    # a thing that will give one a turn one day: "these passwords'll give me a stroke one of
    # these days"
    r"\b[\w']+(?:'ll| will| are going to| is going to| gonna|'d| would| could) give (?:me|us|"
    r"him|her|anyone|anybody|everyone|everybody|you|a saint) an? "
    r"(?:heart attack|stroke|coronary|funny turn)\b|"
    # another who had an ambulance out and is home now: "the lad next door had an ambulance
    # out last week, he's home now and doing fine"
    r"\b(?:had|called|got) an? ambulance (?:out|round|over|for (?:him|her|them|\w+))\b(?=[^.!?]*"
    r"\b(?:he|she|they)"
    r"(?:'s| is|'re| are) (?:(?:back )?home|(?:now )?doing (?:fine|well|alright|all right|ok|"
    r"okay|better)|on the mend|recovering)\b)|"
    # a caller at the door and nothing more: "stop talking, someone's at the door" (never
    # one trying to get in, banging or forcing it)
    + _NO_WARNING_SIGN + r"\b(?:(?:someone|somebody)(?:'s| is)|there'?s (?:someone|somebody)) "
    r"at the (?:front |back )?door\b(?![^.!?]*\b(?:trying|"
    r"forcing|forced|banging|kicking|shouting|breaking|won'?t (?:go|leave)|pushing|pushed|"
    r"get in|barging|force)\b)|"
    # the sound turned up, and prices choked on: "i can't hear a blessed thing, crank it
    # up", "i'm choking on these prices at the till"
    + _NO_WARNING_SIGN + r"\b(?:crank|turn|whack|bump|pump) (?:it|that|the (?:volume|sound|"
    r"telly|tv|radio)) up\b|"
    r"\bchok(?:ing|ed|e) on (?:the|these|those|them|my|his|her) (?:prices?|bills?|costs?|fares?|"
    r"rent|price tag|figures)\b|"
    # not too many tablets: "i took my tablets, honest, and not too many this time, just the
    # two"
    + _NO_WARNING_SIGN + r"\bnot too many(?: this time| today| tonight)?\b(?![^.!?]*\b(?:but|"
    r"except|then|and now)\b)|"
    # a gas bill, a gas meter, the gas man, with no gas smelt, heard or felt: "opening the gas
    # bill gave me a right headache, and it's still there"
    r"(?:^|(?<=[.!?] ))(?![^.!?]*\b(?:leak\w*|smell\w*|whiff|stink\w*|pong|hiss\w*|fumes|"
    r"carbon|dizzy|sick|headachy|faint\w*|fire|flames|smoke|bang|explo\w*|alarm|breath\w*|"
    r"chest|clutch\w*|grey|gray|pale|collaps\w*|fell|fallen|on the floor|blood|bleed\w*|"
    r"unconscious|ambulance|999|stroke|heart attack|slump\w*|keel\w*|not answering|"
    r"won'?t wake|not waking|can'?t move|won'?t move)\b)"
    r"[^.!?]*?\bgas (?:bill|bills|meter|card|key|supplier|company|board|tariff|prices?|"
    r"standing charge|man|engineer|safety check)\b|"
    # a dream told: what happened in it, after "where", "that", "about" or "i dreamt", to
    # the clause's end (never past "then", "now", "still", "but", nor "and" with a waking or
    # a fall: "i had a bad dream and fell out of bed" is a call): "i had that nightmare
    # again where i'm drowning and can't breathe, it's only a dream", "i dreamt i was falling
    # off a cliff and woke up with a jolt" (a dream told without them: :data:`_NOT_NOW`)
    r"\b(?:(?:had|having|have) (?:that |a |the |this |another |my )?(?:\w+ )?(?:dream|"
    r"nightmare)s?(?: again)? (?:where|that|about|in which)\b(?:" + _IN_THE_DREAM + r")*|"
    r"(?:i (?:dreamt|dreamed)|in my (?:dream|nightmare)s?)\b(?:" + _IN_THE_DREAM + r")*)|"
    r"\b(?:it'?s|it was) (?:only|just) a (?:bad )?(?:dream|nightmare)\b|"
    # a house so quiet one could scream, snoring that's murder, pipes banging like a
    # break-in: "the house is that quiet i could scream", "he snores like a chainsaw, it's
    # murder", "the pipes were banging like somebody breaking in, but it's only the boiler"
    # ("the nights are the worst, ...": "worst" before a comma is no worst pain)
    + _NO_WARNING_SIGN.replace("(?:worst|", "(?:worst(?!,)|")
    + r"\b(?:i|you) could (?:scream|cry|spit|weep)\b|"
    + _NO_WARNING_SIGN + r"\bit'?s (?:sheer |absolute |bloody )?murder\b|"
    r"\blike (?:somebody|someone|a burglar|burglars|an intruder) (?:was |were )?(?:breaking "
    r"in|trying to get in|kicking the door in)\b(?=[^.!?]*\b(?:only|just)\b)|"
    # a call said and at once taken back as a joke: "the oven's on fire! only joking, the
    # dinner's just a bit crispy round the edges" (to the taking back; never with "really",
    # "seriously", "honestly", "actually" or "but" after it, nor "i'm not joking")
    r"^.{0,120}?(?:[.!?,;:]+ |\u2014 |- )(?:(?:oh,? )?(?:only|just) (?:joking|kidding|messing|"
    r"teasing|pulling your leg|having you on)|i'?m (?:only |just )(?:joking|kidding|messing|"
    r"teasing|pulling your leg|having you on))\b(?!.*\b(?:really|seriously|honest(?:ly)?|"
    r"actually|but|no wait)\b)|"
    # waiting or not knowing killing one: "it's killing me, waiting on these blood results"
    r"\b(?:it'?s|this is|that'?s) killing me,? (?:waiting|not knowing|wondering|the waiting)\b|"
    r"\b(?:the )?(?:waiting|not knowing|suspense)(?:'s| is) (?:\w+ )?killing me\b|"
    # a chest pain gone by, found to be only indigestion: "the nurse says my chest pain last
    # month was only indigestion" (never with now, again, back, worse after it)
    r"\b(?:chest pains?|pains? in (?:my|me|his|her) chest)\b[^.!?]{0,40}?\b(?:was|were|turned "
    r"out to be|had been) (?:only|just|nothing but|nothing more than) (?:a bit of |some )?"
    r"(?:indigestion|wind|trapped wind|heartburn|reflux|acid|a pulled muscle|muscular|a strain|"
    r"anxiety|a panic attack|a virus)\b(?![^.!?]*\b(?:now|again|back|worse|today|tonight)\b)|"
    # a mishearing put right: "stop, stop, i didn't say emergency, i said surgery"
    r"\bi (?:didn'?t|did not|never) say [\w' ]{1,30}?,? i said\b|"
    # "no, nobody's collapsed, i said the fence collapsed"
    r"\b(?:no ?one|nobody)(?:'s| has| is)? [\w']+,? i said (?:the|my|a|an|his|her|our|that)"
    r"(?: (?!(?:and|but|now|so|then)\b)[\w']+){1,4}|"
    # a thing, not a person, collapsed: "no, no emergency, i said the marquee collapsed at the
    # fete" (never on one)
    r"\bthe (?:marquee|tent|gazebo|awning|stall|trestle table|deckchair|deck chair|"
    r"fence|cake|sponge|souffl\w+|scaffolding|bouncy castle|umbrella|brolly|"
    r"pergola|trellis)(?:'s| has| had)? (?:just )?collapsed\b(?! (?:on|onto|over) (?:me|him|her|"
    r"us|top|them)\b)|"
    # a chest sore with a cold's cough, made light of: "bit of a pain in my chest when i
    # cough, nothing sharp, just sore from this cold" (never with breath, sweat, the arm or
    # the jaw, crushing, tight or heavy, the worst, sudden, or blood)
    r"^(?![^.!?]*\b(?:breath\w*|sweat\w*|clammy|arm|jaw|crushing|tight\w*|heav\w*|worst|"
    r"sudden\w*|blood|(?<!nothing )(?<!not )sharp|spreading|faint\w*|dizzy)\b)[^.!?]*?"
    r"\b(?:chest|ribs)\b[^.!?]{0,30}?\bwhen i cough\b[^.!?]*?\b(?:from|with) (?:this|the|my|a|"
    r"me) (?:\w+ )?(?:cold|cough|flu|chest infection|bug)\b|"
    # a head or a memory like a sieve: "run that by me again, my head's like a sieve"
    r"\b(?:head|memory|brain)(?:'s| is)? like a sieve\b|"
    # a spare part, ears blasted off, a blazing row, snoring like a chainsaw, a turn that is
    # only "it's only me" and who: "i feel like a spare part now they've all got their own
    # lives", "you're blasting my ears off", "we had a blazing row but we've made up now"
    r"\b(?:making|make|made) my ears ring\b|\bwind (?:your|yer|ya) neck in\b|"
    # a sock put in it; fallen off the wagon; a hand wanted with a jar; exercises done: "put
    # a sock in it a minute, the kettle's boiling", "i've fallen right off the wagon with
    # that exercise bike", "i need a hand with this jar lid", "i've done my twenty
    # sit-to-stands"
    r"\bput a sock in it\b|\b(?:fallen|fell|falling) (?:right |clean |straight |completely )?off "
    r"the wagon\b|"
    + _NO_WARNING_SIGN + r"\bi need a hand (?:with|opening|undoing|doing|getting) (?:this|the|a|"
    r"my|these|those) (?:[\w']+ ){0,2}?(?:jar|lid|tin|bottle|packet|zip|buttons?|top|cap|can|"
    r"box|carton|jacket|coat|cardigan)s?\b|"
    + _NO_WARNING_SIGN + r"\bi'?ve (?:done|finished) (?:my|me|all my|the) (?:\w+ )?(?:sit[- ]to[- ]"
    r"stands?|exercises|stretches|squats|leg raises|laps|lengths|physio)\b|"
    # fit to drop; a shower head furred up; doing one's head in; tablets knocked back; a new
    # woman; blowing hot and cold; out of one's skin; in stitches: "i've been on my feet all
    # morning and i'm fit to drop, so i'm having a sit down", "i've knocked back my tablets
    # with my cuppa", "i'm in stitches, the cat's come out of the wash basket in my knickers"
    r"\b(?:fit|ready) to drop\b(?![^.!?]*\b(?:floor|fallen|can'?t get up)\b)|"
    r"\b(?:shower ?head|kettle|taps?|element|iron|pipes?)(?:'s| is| are| has| have)? (?:all |gone |"
    r"got )?furred up\b|"
    r"\bdoing (?:my|me|his|her|your) (?:head|nut|swede|box) in\b|"
    r"\b(?:knocked|knocking|knock) (?:back|down) (?:my|me|the|his|her) (?:\w+ )?(?:tablets?|pills?|"
    r"meds|medicine|medication|capsules?)\b|"
    r"\bfeel(?:s|ing)? like a new (?:woman|man|person|lady|fella)\b|"
    r"\bblow(?:ing|s)? hot and cold\b|"
    r"\b(?:jump|jumped|jumping|leapt|leaped) out of (?:my|me|his|her) skin\b|"
    r"\b(?:i'?m|i am|i was|we were|we'?re|had me|have me|got me|has me|left me)(?: (?:still|"
    r"absolutely|just))? in stitches\b(?! (?:at|from|after|in) (?:the )?(?:hospital|a and e|"
    r"casualty|surgery)\b)|"
    r"\b(?:blasting|blowing|bursting|splitting) my ear ?drums\b|\bdown a peg(?: or two)?\b|"
    r"^(?:oh |just |now |right,? )?button it\b|"
    # ringing ears and pins and needles, with no warning sign: "my ears have been ringing all
    # morning", "i've got pins and needles in my fingers"
    + _NO_WARNING_SIGN + r"\b(?:ears?(?:'ve| have| has| are| is| keep| keeps)?(?: been)? "
    r"(?:ringing|buzzing|whistling|humming|whining)|pins and needles)\b|"
    # fingertips numb again, as ever: "the tips of my fingers are numb again, i can't feel the
    # buttons on my cardigan" (never sudden, nor with the face, an arm, a leg, speech)
    + _NO_STROKE_SIGN + r"[^.!?]*?\b(?:finger ?tips|tips of (?:my|me) fingers|fingers|toes)"
    r"(?:'re| are| have gone|"
    r" go)? (?:all )?(?:numb|tingly|tingling) (?:again|as usual|like always|as ever)\b|"
    # ... or white and numb from the cold: "my hands have gone all white and numb from the
    # cold, they're tingling a bit now" (never sudden, nor with the face, an arm, a leg)
    + _NO_STROKE_SIGN + r"[^.!?]*?\b(?:hands|fingers|finger ?tips|toes|feet)"
    r"(?:'re| are| have gone| have| went| go)? "
    r"(?:all )?(?:(?:white|blue|cold|dead|stiff|numb|tingly)(?:,| and) )?(?:numb|tingly|tingling|"
    r"white|dead) (?:from|with|in|because of) the cold\b|"
    r"\blike a spare (?:part|wheel)\b|\b(?:blasting|blowing|bursting) my ears(?: ?drums)? "
    r"(?:off|out)\b|\bblazing (?:rows?|argument|arguments|barney|ding-dong)\b|"
    + _NO_WARNING_SIGN + r"\bsnor(?:ing|es|ed|e) like an? [\w']+(?: [\w']+)?[.!]?(?=$|[.!?] )|"
    + _GREETED + r"it'?s (?:only|just) me(?:,? (?:the|your|it'?s) [\w']+)?(?:,? (?:i'?ve )?"
    r"(?:just )?(?:popped|come|called|dropped|nipped|looked) (?:in|round|by|over))?[.!]?$|"
    # another's knock on the head made light of: "the little 'un bumped his head on the slide
    # but he's running round like nothing happened"
    r"\b(?:bumped|banged|knocked|hit|cracked) (?:his|her|their) head\b[^.!?]{0,60}?\bbut "
    r"(?:he|she|they)(?:'s| is|'re| are)(?: now)? (?:fine|ok|okay|alright|all right|running "
    r"(?:round|about|around)|right as rain|grand|none the worse|back to normal|laughing)\b|"
    # a turn that only says one is back home or sitting down to a meal, a greeting before
    # it at most: "hiya, i'm just back from the corner shop", "evening, i'm just sitting down
    # to my tea"
    + _GREETED + r"i'?m (?:just |only )?(?:back|home|in) from (?:the |my |a |an )?"
    r"(?!.*\b(?:and|but|so|then|now|with)\b)(?:[\w']+ ){0,2}[\w']+[.!]?$|"
    + _GREETED + r"i'?m (?:just )?(?:sitting|sat) down (?:to|for|with) (?:my|me|a|"
    r"our|the) (?:\w+ )?(?:tea|dinner|lunch|supper|breakfast|brew|cuppa|meal|programme|soaps?|"
    r"crossword|paper)[.!]?$|"
    # a stomach doing somersaults, with no warning sign: "my stomach's doing somersaults, i
    # don't fancy my dinner at all"
    + _NO_WARNING_SIGN + r"\b(?:stomach|tummy|belly|insides|guts)(?:'s| is| are)? (?:doing|"
    r"turning) (?:somersaults|cartwheels|backflips|flips)\b|"
    # an alarm clock set: "set an alarm for half six, i've got the hospital in the morning"
    + _NO_WARNING_SIGN.replace("|alarm|", "|") + r"\bset (?:an?|the|my) alarm(?: clock)? "
    r"(?:for|at|to)\b|"
    # "climbing the walls" stuck indoors; a heart "in the right place"; "going for my lie
    # down"; a chesty cough told with "my breathing's fine"
    r"\bclimbing the walls\b|\bheart(?:'s| is) in the right place\b|\bgoing (?:for|to have) "
    r"(?:my|a) (?:lie down|lie-down|nap|snooze|kip|rest)\b|\bmy breathing(?:'s| is) (?:fine|"
    r"ok|okay|alright|all right|normal|no worse)\b|"
    # an old fall told by its year: "when my hip went in 2019 i was on the floor for hours,
    # never again, that's why i got you" (never with "now", "today" or "again" after it)
    r"\bwhen (?:my|i|he|she)\b[^.!?]{0,40}?\b(?:in|back in) (?:19|20)\d\d\b"
    r"(?![^.!?]*\b(?:now|today|tonight|(?<!never )again|just)\b)[^.!?]*|"
    # a near fall that passes, sat down: "i nearly went over with dizziness reaching up to
    # the line, but i'm sat down now and it's passing off"
    r"\b(?:nearly|almost) (?:fell|went over|went down|keeled over|toppled)\b[^.!?]*?\bbut "
    r"(?:i'?m|i am) (?:sat|sitting|safe|fine|ok|okay|alright|all right)\b(?: down)?(?: now)?\b|"
    # a near miss: "i nearly went flying over the cat, but i caught the door frame" (never
    # with a landing, a hurt or a floor after it)
    r"\b(?:nearly|almost|very nearly|near enough|all but) (?:fell|went flying|went over|went "
    r"down|tripped|slipped|toppled|keeled)(?: (?:down|over|off|out))?\b(?![^.!?]*\b(?:hurt|hit|"
    r"landed|banged|broke|broken|bleeding|can'?t|couldn'?t|won'?t|stuck|floor|ground|did|lying|"
    r"now)\b)|"
    # medicine taken, said plainly ("i have taken the blood thinner now, at half time"; never
    # too many, twice, the wrong one or another's), and the channel changed ("change the
    # channel, i can't stomach any more of this hospital drama"), with no warning sign
    r"(?:^|(?<=[.!?] ))(?![^.!?]*\b(?:too many|too much|double|twice|times|wrong|extra|whole|"
    r"all of|overdose|someone else'?s|by mistake|instead|again|\d+|two|three|four|five|six|"
    r"(?<!not )all at once|(?<!not )in one go|"
    r"several|lots|handful|strange|funny|odd|weird|woozy|drowsy|racing|unwell|poorly|ill|"
    r"rash|swell\w*|itch\w*|throat|lips|tongue)\b)" + _NO_WARNING_SIGN
    + r"\b(?:(?:i(?:'ve| have)(?: just| now)? (?:taken|had|swallowed)|i took|i swallowed|"
    r"(?:he|she|mum|mam|mother|dad|father|husband|hubby|wife|missus)(?:'s| has)(?: just| now| "
    r"already)? (?:had|taken)|"
    r"(?<![\w'] )swallowed|(?:has|have|did) (?:he|she|i|"
    r"you|they) (?:had|taken|take|have)) (?:my|the|his|her|their) (?:[\w']+ ){0,2}?(?:tablets?|"
    r"pills?|medicine|meds|blood thinners?|warfarin|inhaler|insulin|injection|dose|spray|"
    r"drops|calcium|vitamins?|iron|statins?|antibiotics?|painkillers?|paracetamol|"
    r"metformin|amlodipine|ramipril|omeprazole|levothyroxine))\b|"
    # in a sentence with no warning sign (_NO_WARNING_SIGN), one guard for all three: a worry
    # for another's job or money ("i keep fretting about my grandson, he's lost his job and i
    # can't settle for worrying"), the channel changed, and everyday symptoms
    + _NO_WARNING_SIGN + r"(?:\b(?:fret\w*|worr\w+)\b[^.!?]*?\b(?:lost (?:his|her|their) job|"
    r"(?:his|her|their) (?:job|money|debts?|bills|exams?|divorce|mortgage|marriage|rent|"
    r"business|interview)|redundan\w+)\b|"
    r"\b(?:change|turn over|switch over) (?:the|this|that) (?:channel|programme|side)\b|"
    # everyday symptoms in a sentence with no warning sign (_NO_WARNING_SIGN): a splitting or
    # banging headache ("my head's banging, it's like a brass band in there"), bruising on
    # blood thinners ("i bruise like a peach since i went on the blood thinners"), no
    # appetite ("i've no appetite at all lately, i just can't face food"); never with the
    # worst ever, a sudden onset, a knock, sickness, bleeding or other signs beside them
    r"\b(?:(?:a|this|my|me) (?:splitting|banging|pounding|thumping|"
    r"throbbing) head(?:ache| ache)?|(?:my|me|his|her) head(?:'s| is) (?:banging|pounding|"
    rf"thumping|throbbing|splitting)|bruis\w*\b[^.!?]{{0,80}}?\b{_BLOOD_THINNER}|"
    rf"{_BLOOD_THINNER}\b[^.!?]{{0,80}}?\bbruis\w*|(?:i'?ve|i have|i've got) no "
    r"appetite|(?:lost|off) (?:my|me|his|her|their) (?:appetite|food)|can'?t face (?:my )?"
    r"(?:food|eating|dinner|tea|breakfast)|up (?:\w+ ){0,2}times (?:in|during) the night|"
    r"(?:i'?m|i am) (?:away|off) (?:up )?(?:to|to my|to me|to the) (?:bed|beddy-byes|kip)|"
    r"pins and needles in (?:my|me|both) (?:feet|foot|toes)|"
    r"(?:i'?m|i am|i feel|i'?m feeling|i am feeling|feeling) (?:a bit |so |really |ever so |"
    r"completely |totally |all )?(?:shattered|knackered|exhausted|worn out|done in|whacked|"
    r"cream crackered|washed out|wrung out|run down|drained|tired out)|"
    r"headache coming on|(?:a |an? )?(?:dull|mild|slight|little|nagging) (?:headache|ache|one "
    r"behind (?:my|me) eyes)|(?:my|me|his|her) (?:bunions?|corns?|toes?|feet|foot|knees?|hips?|"
    r"back|shoulders?|elbows?|wrists?|ankles?|fingers?|hands?)(?:'s| is| are|'re)? (?:throbbing|"
    r"aching|playing (?:me )?up|giving me gyp|sore|stiff))\b)|"
    # a cold, a cough that won't shift or a stomach bug caught, in a sentence with no warning
    # sign and no swelling, lips, tongue, rash or wheeze: "i've caught the little one's cold,
    # my throat's scratchy and my nose won't stop running", "got a tickly cough that won't
    # shift", "my stomach's upset, i think i've picked up the baby's bug"
    r"(?:^|(?<=[.!?] ))(?![^.!?]*\b(?:swell\w*|swollen|closing|lips|tongue|rash|hives|wheez\w*|"
    r"blood)\b)" + _NO_WARNING_SIGN + r"\b(?:caught (?!(?:out )?in\b)(?:[\w']+ ){0,4}?cold|"
    r"(?:my|me) cough(?:'s| is| has)? (?:come )?back|hacking (?:away )?(?:all (?:night|day|"
    r"morning|afternoon|evening|week)|(?:all )?through the (?:night|film|programme|match|news|"
    r"service|concert|play|quiz))|"
    r"(?:a (?:bit|little|touch) |feeling |bit |slightly )under the weather|"
    r"(?:tickly|niggly|nagging|irritating|annoying|dry|chesty) (?:little )?cough (?:that |which )?"
    r"(?:won'?t|will not|i can'?t) (?:shift|go|budge|clear|get rid of)|"
    r"(?:nose|throat)(?:'s| is) (?:all )?(?:scratchy|runny|tickly|sore|raw|dry)|nose (?:won'?t|"
    r"will not) stop running|(?:stomach|tummy)(?:'s| is) (?:a bit |all )?upset|(?:an? )?upset "
    r"(?:stomach|tummy)|(?:tummy|stomach) bug|(?:picked up|caught|got) (?:a|the|whatever|his|"
    r"her|their) (?:\w+ )?bug)\b|"
    # a little nosebleed that is stopping: "my nose has sprung a leak, just a little bleed,
    # it's already stopping"
    r"\bnose\b[^.!?]{0,60}?\b(?:just|only) a (?:little|small|tiny|wee) (?:bleed|drip|trickle)"
    r"\b[^.!?]{0,30}?\b(?:stopping|stopped|easing|slowing|drying up)\b|"
    # off to bed "up the wooden hill"; a quiet house "like a morgue"
    r"\b(?:up )?the wooden hill\b|\blike (?:a|the) (?:morgue|mortuary|graveyard|tomb|funeral "
    r"parlour|mausoleum)\b|\bquiet as (?:the|a) grave\b|"
    # sport on the telly: "he's having a heart attack, that manager, look at him on the
    # touchline"; a player in form: "ronnie's on fire tonight, he's potting everything"
    r"\b(?:he'?s|she'?s|he is|she is) having (?:a heart attack|a stroke|kittens|a fit|a seizure|"
    r"a meltdown),? (?:that|the) (?:manager|referee|ref|coach|linesman|umpire|commentator|pundit|"
    r"presenter|newsreader|contestant|goalie|keeper|striker|captain|batsman|bowler|jockey|"
    r"trainer|player|chairman|gaffer)\b|"
    r"\b(?:\w+'s|he'?s|she'?s|they'?re|he is|she is|they are) on fire(?: tonight| today| this "
    r"(?:season|week|afternoon|evening|match|game|round|frame|innings))?\b(?=[^.!?]*\b(?:potting|"
    r"pots|scoring|scored|scores|goals?|wickets?|runs|centur\w+|form|winning|won|answers?|"
    r"points|frames?|breaks?|darts|bingo|quiz|aces?|tries|putts?)\b)|"
    # "still alive and kicking!"; "you've lost me, go over that once more"; a pill that nearly
    # choked one, now down ("nearly choked on the thing"); "only me again, don't get up" to
    # the resident
    r"\balive and kicking\b|\byou(?:'ve| have)? lost me\b|\bsafe and sound\b|"
    r"\b(?:hello|hiya|hi|well hello),? stranger\b|"
    r"^(?:ey|eh|ay|aye) up(?:,? (?:me )?(?:duck|love|pet|lad|mate|there))?[.!]?$|"
    # "these new aids are killing me", "my feet smell like a dead badger"
    r"\b(?:these|those|my|me|the|this) (?:new |old |false )?(?:shoes|boots|slippers|aids|"
    r"hearing aids|glasses|teeth|dentures|feet|knees|bunions?|corns?|stairs|neighbou?rs|kids|"
    r"grandkids|stockings|tights)(?:'re| are|'s| is) (?:\w+ )?killing me\b|"
    r"\b(?:feet|socks|shoes|slippers|trainers|breath|fridge|bin|dog|cat)(?:'s| is| are)? "
    r"(?:smell|smells|stink|stinks|pong|pongs|hum|hums) like (?:a |an |something )?dead\b|"
    # gums that bleed a little when brushed; eyes that sting from the shampoo or the soap
    r"\bgums? (?:bleed|bleeds|bleeding|bled|a bit bloody)\b[^.!?]{0,30}?\b(?:when|after|while|"
    r"if) (?:i |i'm |i am )?(?:brush|floss|clean)\w*|"
    r"\b(?:bleeding|bled|blood) (?:from|in|off) (?:my|me|his|her) gums\b[^.!?]{0,30}?\b(?:when|"
    r"after|while|if) (?:i |i'm |i am )?(?:brush|floss|clean)\w*|"
    r"\beyes? (?:are |is |'re |'s |have been |keep |kept )?(?:stinging|smarting|itch\w*|"
    r"watering|gritty)\b[^.!?]{0,40}?\b(?:shampoo|soap|onions?|hay ?fever|pollen|eye ?drops|"
    r"suncream|sun cream|chlorine|tiredness|screen)\b(?![^.!?]*\b(?:bleach|chemical|acid|oven "
    r"cleaner|can'?t see|blind)\b)|"
    # "the nurse has just left and i'm still in one piece"; "my hearing aid's on the blink"
    r"\b(?:i'?m|i am|we'?re|we are) (?:all )?(?:still )?in one piece\b|"
    r"\b(?:hearing aids?|aids?|telly|tv|radio|phone|remote|kettle|fridge|washer|washing machine|"
    r"boiler|tablet|ipad|laptop|computer|clock|doorbell|glasses)(?:'s| is| are|'re)? (?:on the "
    r"blink|playing up|acting up)\b|"
    r"\b(?:nearly|almost|near enough) (?:choked|choking)(?: (?:on|over) (?:it|that|the|a|my|this|"
    r"them|those)\b(?: (?!(?:and|but|now)\b)[\w']+){0,3})?|"
    # (only with a visitor's words about it: the recognizer hears "she can't get up" as
    # "... don't get up")
    r"\b(?:only me|it'?s me|it'?s only me)(?: again)?[,!.]? (?:don'?t|do not|no need to) get "
    r"up\b|\b(?:don'?t|do not) get up,? i'?ll (?:let myself in|get it|get the door|see myself "
    r"out|make the tea|put the kettle on)\b|"
    # "help, i'm drowning in paperwork"; ears ringing; a scam asked about ("i got a text
    # saying urgent help needed ... is that real?", "... that's a scam isn't it?")
    r"\bdrowning in (?:paperwork|work|bills|letters|forms|post|junk|emails?|washing|ironing|"
    r"debt|red tape)\b|"
    r"\b(?:ears? (?:are |is |'re |keep |keeps )?ringing|ringing in (?:my|his|her|the) ears?)\b|"
    # the drains or the bin smelling of rotten eggs (not the gas)
    r"\b(?:drains?|sewers?|sprouts|bins?|compost|pond)(?:'s| is| are)? (?:\w+ )?(?:smell|smells|"
    r"stink|stinks|reek|reeks|smelling|stinking) (?:of |like )?rotten eggs?\b|"
    # a gadget that chokes, a cough told big, "cut it out", a frog in the throat, trapped in
    # a word search: "the grandson says my tablet is choking because i've got too many things
    # open", "i nearly coughed my lungs up singing"
    r"\b(?:computer|laptop|phone|ipad|tablet|printer|hoover|vacuum|engine|drains?|sink|"
    r"plughole|wifi|internet|broadband|telly)(?:'s| is| keeps)? (?:\w+ )?choking\b(?! (?:on|me|"
    r"him|her)\b)|\bcough(?:ed|ing)? (?:my|his|her|me) (?:lungs|guts|heart) (?:up|out)\b|"
    r"\bcut it out\b(?! of\b)|\bswallowed a frog\b|\bfrog in (?:my|his|her|me) throat\b|"
    r"\btrapped in (?:a|this|that|the) (?:word ?search|crossword|conversation|meeting|queue|"
    r"time warp|loop)\b|"
    # fallen for someone or a line; a baby's pair of lungs; a stomach that thinks its throat's
    # been cut; an accident waiting to happen; no breath for laughing; a custard emergency; a
    # baby learning to walk; an adult at play on the floor; a splinter talked of
    r"\b(?:fallen|fell|falling) for (?:[\w'-]+ ){0,6}?hook,? line,? and sinker\b|\b(?:fallen|fell|"
    r"falling) for (?:him|her|them|that one|the (?:new )?(?:neighbour|vicar|postman|milkman|"
    r"doctor|lodger|chap|lad|lass|fella|scam|trick|patter|con))\b|"
    r"\b(?:a (?:good |fine |right )?)?pair of lungs on (?:her|him|them|it)\b|\bscream(?:ing|s|ed)? "
    r"the (?:house|place) down\b|\bthinks? my throat'?s been cut\b|\baccident waiting to happen\b|"
    r"\b(?:can'?t|couldn'?t|could not|cannot) breathe (?:for|from|with) laugh(?:ing|ter)\b|"
    r"\bemergency\W+(?:we'?ve|we have|i'?ve|i have|we'?re|we are|i'?m) (?:run |ran |all )?out "
    r"of\b|"
    # a gadget down called an emergency: "emergency! the wi-fi's gone down and the final's on
    # in ten minutes"
    r"\bemergency\W+(?:the |my |our )?(?:wi-?fi|internet|broadband|router|telly|tv|remote|sky "
    r"box|tablet|ipad|laptop|computer|printer|phone signal)(?:'s| is| has)? (?:gone (?:down|off)|"
    r"not working|broken|stopped|packed up|died|frozen|crashed)\b|"
    r"(?<!call )(?<!ring )(?<!phone )\b(?:biscuit|custard|chocolate|cake|crisps?|"
    r"fashion|knitting|wool|sprout) emergency\b|\blearning to walk\b|"
    r"\b(?:on the (?:\w+ )?floor|floor)\b[^.!?]{0,30}?"
    r"\b(?:building|playing|doing) (?:lego|a jigsaw|jigsaws|trains|the train set|with)\b|"
    r"\b(?:for|with|about) (?:this|a|the|my|that) splinter\b|"
    # tablets that went down like a lead balloon, a back giving gyp, knees that are murder, hair
    # dragged through a hedge backwards or a crime scene, tights like wrestling an octopus
    r"\blike a lead balloon\b|\b(?:giving|gives|gave|give) (?:me|him|her|us) (?:some )?gyp\b|"
    r"\b(?:knees?|back|hips?|feet|legs|shoulders?|stairs|joints)(?:'s| is| are) (?:\w+ )?"
    r"murder\b|\bthrough a hedge backwards\b|\b(?:a|like a) crime scene\b|\bwrestling an? "
    r"(?:octopus|eel|bear)\b|"
    # what counts as an emergency, asked: "if i tear my skin and it bleeds, is that an
    # emergency or can i see to it myself?"
    r"\b(?:is|would) (?:that|it|this) (?:be )?(?:classed as |counted as |called )?an emergency,? "
    r"or\b|"
    # can't do a thing to save one's life: "i'm all fingers and thumbs today, can't thread the
    # needle to save my life"; "knock it on the head" (stop it); "i'll love you and leave
    # you"; on one's last legs with a task: "i'm on my last legs with this jumper"
    r"\b(?:can'?t|cannot|can not|could ?n'?t|could not)\b[^.!?]{0,40}?\bto save (?:my|his|her|"
    r"their|your|our) li(?:fe|ves)\b|\bknock (?:it|that|this) on the head\b|"
    r"\b(?:i'?ll|i will|i must|got to|gotta|have to|i'd better) love you and leave you\b|"
    r"\bon (?:my|its|their|his|her) last legs with (?:this|that|the|my|these|those)\b|"
    r"\bon my last legs\b(?=[^.!?]*\b(?:done the|time for bed|off to bed|up the wooden hill|"
    r"night night)\b)|"
    # off to bed before one drops: "ta-ra, love, i'm off up before i drop"
    r"\b(?:off|going|go|get|heading|turn in|get myself) (?:up|upstairs|to bed|up to bed|to my "
    r"bed)\b[^.!?]{0,20}?\bbefore i (?:drop|keel over|flake out|conk out)\b|"
    # pills popped: "pills are popped, job's a good 'un" (taken, never one's clogs)
    r"\b(?:pills|tablets|meds|tabs)(?:'ve| have| are| were)? (?:been |all )?popped\b|"
    r"\bpopped (?:my|me|the|all my|all me) (?:pills|tablets|meds|tabs)\b|"
    # the pollen and its sneezing: "the pollen's playing havoc, i'm sneezing my head off"
    r"\bthe pollen(?:'s| is| count)\b|\bsneezing (?:my|his|her) head off\b|"
    # a bleed told as what would happen: "if i nick myself with the secateurs i'll bleed like
    # billy-o"
    r"\bif (?:i|he|she|you) (?:nick|cut|catch|scratch|prick|graze)\w* (?:myself|himself|herself|"
    r"yourself)\b[^.!?]{0,60}?\b(?:i'?ll|i will|he'?ll|she'?ll|you'?ll|i'd|i would) bleed\b|"
    # a thing not understood: "come again? that went right over me head"
    r"\b(?:went|gone|goes|going) (?:right |straight |clean |completely )?over (?:my|me|his|her|"
    r"your) head\b(?! and\b)|"
    # sirens heard and a fire asked of: "i heard sirens going past the chemist's, is there a
    # fire somewhere?" (never with smoke, a smell or burning said besides)
    r"\b(?:(?:an? |the )?(?:ambulance|police|fire engine|fire brigade) )?sirens?\b[^.!?]{0,60}?"
    r"\bis there (?:a fire|an accident)(?: somewhere| on| about)?\b"
    r"(?!.*\b(?:smoke|smell\w*|burning|flames|i can see)\b)|"
    # like death warmed up: "i feel like death warmed up, all bunged up and sniffly"
    r"\blike death warmed (?:up|over)\b|"
    # a frog in the throat: "my throat feels like it's got a frog in it"
    r"\bfrog in (?:my|his|her|the|me|your) throat\b|\bthroat feels? like (?:it'?s|it has) got a "
    r"frog in it\b|"
    # gone to a room for something and forgotten it: "i went up to the bedroom for something,
    # stood there like a... well, anyway, came down and remembered it was my cardigan"
    r"\b(?:went|go|gone|came|walked|come) (?:up|upstairs|in|into|through|down|downstairs)(?: to)?"
    r"(?: the \w+)? for something\b(?=.*\b(?:forgot|forgotten|remember\w*|no idea|clue)\b)|"
    # the ambulance had for another, who is all right now: "my neighbour had to get the
    # ambulance last night, she's alright now"
    r"\b(?:had to get|had to call|had|called|got) (?:an?|the) ambulance\b(?=[^.!?]*\b(?:last "
    r"night|yesterday|earlier|this morning|last week)\b)(?=[^.!?]*\b(?:he|she|they)(?:'s| is|'re|"
    r" are) (?:alright|all right|fine|ok|okay|(?:back )?home|on the mend)\b)|"
    # an ambulance seen at another's door: "the ambulance was outside number twelve earlier",
    # "the ambulance that went by was for number nine"
    r"\bthe ambulance (?:that (?:went|came|drove) (?:by|past) )?(?:was|'s been|has been|went|"
    r"stopped|pulled up) (?:outside|at|round|to|by|for|across|over)\b[^.!?]{0,20}?"
    r"\b(?:number \w+|next door|the neighbou?rs?|over the road|across the road|opposite)\b|"
    # to the land of nod, a scam, blow me down, floored: "right, i'm off to the land of nod,
    # ta-ra", "that's one of them scams, isn't it?", "blow me down ... i was floored"
    r"\bland of nod\b|\b(?:that'?s|it'?s|is (?:that|it|this)|sounds like|must be) (?:one of "
    r"(?:them|those|these) |a |an |just a )?(?:\w+ )?scams?\b|\bblow me down\b|"
    r"\bi was floored\b(?= *(?:[.!?]|$))|"
    # hay fever and its sneezing, a splinter: "i've got hay fever something awful, my eyes
    # are streaming", "there's a splinter in my thumb and it's throbbing"
    r"\bhay ?fever\b|\b(?:can'?t|cannot|won'?t) stop sneezing\b|\bsplinters? in (?:my|his|her|"
    r"the) (?:\w+ )?(?:thumb|finger|hand|foot|toe|palm|knee|heel)\b|"
    # a feeling of being shut in, a stitch from rushing, tablets down the hatch, "pipe down"
    r"\bfeel(?:s|ing)? (?:like )?(?:a )?prisoner in (?:my|his|her|their|our) own (?:home|house|"
    r"flat)\b|\ba stitch in (?:my|his|her) side\b|\bdown the hatch\b|\bpipe down\b|"
    r"\bfeel(?:s|ing)? (?:so |a bit |really |quite )?trapped in (?:my|his|her|their|our|this|"
    r"the) (?:own )?(?:home|house|flat|bungalow|room|chair|four walls)\b|"
    # a pet's trouble, a plant's: "the cat's been stung on the nose", "the dog's bleeding
    # from his ear", "the dog's got heatstroke", "the budgie's lying on the floor of his
    # cage", "the roses are dying" (never "the dog's bitten me")
    r"\b(?:the|my|our|his|her) (?:cat|dog|pup|puppy|kitten|budgie|rabbit|horse|pony|hamster|"
    r"parrot|canary|tortoise|guinea pig|ferret)(?:'s| has| is)?(?: been| got)? (?:bleeding|"
    r"stung|bitten by|heatstroke|limping|poorly|been sick|being sick|swollen|choking on (?:a|"
    r"his|her|its) (?:bone|toy|ball))\b|"
    r"\bon the floor of (?:his|her|its|the|their) (?:cage|hutch|tank|basket|kennel|pen|run)\b|"
    r"\b(?:roses?|plants?|tomato(?:es)?|flowers?|lawn|grass|hedge|seedlings?|courgettes?|"
    r"geraniums?|fuchsias?|shrubs?|bushes|tree|trees|apple tree|pot plants?|hanging baskets?)"
    r"(?:'s| is| are| have| has)? (?:all )?(?:dying|dead|died|drowning|on (?:its|their) last "
    r"legs)\b|"
    r"\b(?:is (?:that|this|it) (?:a |one of those )?(?:scam|real|genuine|con|fraud)|(?:that'?s|"
    r"it'?s|this is|sounds like) (?:a |one of those |just a )?(?:scam|con|fraud|fiddle)s?)\b|"
    # a fall denied as said: "no i never said i fell, i said i'd been in the hall"
    r"\b(?:never|did ?n'?t|didn'?t) (?:say|said) (?:that )?i (?:fell|had fallen|'d fallen|had a "
    r"fall)\b|"
    # the kitchen's own words: "this curry's on fire, too much chilli", "i've burnt the toast
    # again", "the soup's gone off", "my eyes are burning after chopping the onions", "i scalded
    # my tongue on my tea", "bleeding a little but i'll live" (never a pan on fire: "the
    # curry's on fire in the pan"; never blood that won't stop)
    r"\b(?:this|that|the|my) (?:curry|chilli|chili|vindaloo|madras|jalfrezi|sauce|salsa|dish|"
    r"food)(?:'s| is| was) (?:absolutely |really |proper |properly )?on fire\b(?! in (?:the|a) "
    r"(?:pan|oven|microwave|grill))|"
    r"\bburn(?:t|ed) (?:the |my |his |her |our |some )?(?:toast|dinner|tea|supper|sausages|"
    r"bacon|cake|rice|porridge|milk|potatoes|chips|bread|pie|roast|onions|mince|beans|soup|"
    r"custard|gravy|pastry|biscuits|crumpets?|pizza|eggs?)\b|"
    r"\b(?:soup|milk|meat|chicken|fish|cheese|food|bread|yog(?:h)?urt|ham|butter|cream|eggs?|"
    r"salad|mince|stew|gravy|leftovers)(?:'s| has| have| is| are)? (?:gone|going|went) off\b|"
    r"\beyes? (?:are |is |'re )?(?:burning|watering|stinging|streaming)\b[^.!?]{0,40}?"
    r"\bonions?\b|\bonions?\b[^.!?]{0,40}?\beyes? (?:are |is |'re )?(?:burning|watering|"
    r"stinging|streaming)\b|"
    r"\bscald(?:ed)? my (?:tongue|mouth|lips?) on (?:my |the |a |that )?(?:tea|coffee|soup|"
    r"drink|cuppa|porridge|cocoa)\b|"
    r"\b(?:bleeding|bled) (?:a (?:little|bit|tiny bit|wee bit)|slightly|only a (?:little|bit))\b"
    r"(?![^.!?]*\b(?:won'?t stop|will not stop|can'?t stop|everywhere|pouring|spurting)\b)|"
    # minor, said so: "i've burnt my finger on the kettle, it's only small but it stings";
    # "her throat's scratchy, but she's breathing fine"
    r"\b(?:it'?s|it is) only (?:a )?(?:small|little|tiny|minor)\b|\b(?:only|just) a (?:small|"
    r"little|tiny|minor) (?:burn|cut|nick|scald|graze|bruise|blister)\b|"
    r"\b(?:she'?s|he'?s|i'?m|they'?re|she is|he is|i am) breathing (?:fine|ok|okay|all right|"
    r"alright|normally|normal|properly)\b|"
    # "the tap's dripping and it's driving me up the wall"; "a fox screaming out the back,
    # sounds like someone being murdered" (a likeness, not a call)
    r"\bdriv(?:ing|es|en) (?:me|him|her|us|them) (?:up the wall|round the bend|round the "
    r"twist|mad|crazy|potty|barmy|scatty|to distraction)\b|"
    r"\b(?:sounds?|sounded|sounding) (?:just )?like (?:some ?one|some ?body|a (?:baby|child|"
    r"woman|man|person)) (?:is |was )?(?:being )?(?:murdered|killed|strangled|attacked)\b|"
    r"\b(?:fell|fallen|falling|fall) (?:head over heels|asleep|in love|out of love|"
    r"for (?:it|that|him|her|them|his|their|(?:my|your|our) (?:late )?(?:wife|husband|missus|"
    r"hubby|sweetheart|girl|boy|fella|man|partner|first love)|"
    r"(?:one of )?(?:these|those|a|the|that|another) "
    r"(?:\w+ )?(?:scams?|cons?|tricks?|lines?|emails?|calls?|texts?))|"
    # behind with the ironing, on the bills, in class: not behind the sofa, where one lies
    r"behind(?= (?:with|on|in|at|again|a bit|badly|a lot|the times|the others|the rest|"
    r"everyone|schedule)\b|$|[,.!?;])|"
    r"apart|to bits|to pieces|short|silent|quiet|ill|sick|pregnant|into (?:a|the) habit)\b|"
    r"\bbleed(?:ing|s)? (?:the |a |my |your |all the )?(?:radiators?|rads?|brakes?|pipes?|"
    r"system|heating|boiler|valves?)\b|"
    r"\bdying (?:for|to|of (?:laughter|boredom|curiosity|thirst|hunger))\b|"
    r"\b(?:heart|face) (?:sank|fell)\b|\bfell off (?:the|my) (?:wagon|radar)\b|"
    r"\btook my breath away\b|\b(?:we|they|you) (?:all )?fell out\b|"
    r"\b(?:fell|fallen|falling) out (?:over|with)\b|"
    r"\b(?:fell|fallen) off the edge of the world\b|"
    r"\b(?:you're|you are|you've been|that's|that was|it's|it was|been) (?:such )?an? "
    r"(?:big |great |real |good |huge )?help\b|"
    # everyday figures of speech with the words net's words (a new user's sentences; the
    # literal ones beside them still call: "i'm on fire", "i'm gasping for air", "i slipped
    # up the stairs", "i've had a stroke", "i tripped over the cable")
    r"\b(?:fell|falling) about (?:laughing|in stitches|with laughter)\b|"
    r"\b(?:nearly|almost) fell (?:off|out of) (?:my|the|his|her) (?:chair|seat|hide|pew|"
    r"deckchair|armchair|bed|stool|perch)"
    r"(?= (?:when|laughing)\b)|"
    # ... or after the laugh: "he laughed so much he nearly fell off his chair"
    r"\blaugh(?:ed|ing)? (?:so much|so hard|that much|that hard|till|until)\b(?: [\w']+){0,5}? "
    r"(?:nearly|almost) fell (?:off|out of) (?:my|the|his|her) (?:chair|seat|pew|deckchair|"
    r"armchair|stool|loo|toilet|sofa|settee|bench)\b|"
    r"\b(?:on|rolling (?:about |around )?on) the (?:\w+ )?floor (?:laughing|in stitches|"
    r"with laughter)\b|"
    # a story that had the resident in stitches ("that joke had me on the floor"; never
    # "the dog had me on the floor", a fall)
    r"\b(?:story|stories|joke|jokes|film|programme|program|show|comedian|comic|sketch|panto|"
    r"pantomime|play|sitcom|episode|tale|speech|sermon|book|cartoon) (?:had|has|have|left|"
    r"would have|would've|'d have|will have|'ll have) (?:me|us|everyone|everybody|the whole "
    r"\w+) (?:rolling )?on the floor\b(?! (?:and|but) (?:i |i've |now )?(?:can'?t|could ?n'?t|"
    r"hurt|broke|banged))|"
    # laughing till the breath went: "i laughed so hard i couldn't breathe"
    r"\blaugh(?:ed|ing)? so (?:hard|much) (?:that )?(?:i|we|she|he) (?:could ?n'?t|can'?t|"
    r"cannot|could hardly) (?:breathe|get my breath|catch my breath)\b|"
    r"\b(?:you|you've|you'll|you'd|you're|that|that'll|that'd|it|it'll|it'd|he|he'll|he's|"
    r"she|she'll|she's|they|they'll|they're)"
    r"(?: (?:nearly|almost|just|have|'ve|has|'s|will|would|could|going to|gonna|'d|"
    r"are going to|'re going to|is going to|'s going to))* "
    r"(?:gave|give|gives|given|giving) (?:me|us|her|him|you|them) an? (?:heart attack|stroke|"
    r"coronary|funny turn)\b|"
    # "that news is enough to give anyone a heart attack"
    r"\benough to give (?:anyone|anybody|someone|somebody|a saint|you|me|us|people|a person) "
    r"an? (?:heart attack|stroke|coronary|funny turn)\b|"
    # a song sung along to: "i was only singing along to 'help!' by the beatles"
    r"\b(?:sing\w*|sang|play\w*|hum\w*|whistl\w*|listen\w*)(?: along)?(?: to)? ['\"\u2018\u201c]"
    r"help!?['\"\u2019\u201d]|"
    # a reaction told as a turn: "you should have seen his face when he saw my old pipes, i
    # thought he was going to have a heart attack"
    r"\bwhen (?:he|she|they) (?:saw|heard|got|opened|read)\b[^.!?]{0,80}?\b(?:thought|swear|"
    r"swore|reckon|reckoned) (?:he|she|they)(?:'d| would| was going to| were going to) "
    r"(?:have|had|take) an? (?:heart attack|coronary|stroke|fit|funny turn)\b|"
    r"\b(?:nearly|almost|near|near enough|very nearly) (?:had|have|having) an? "
    r"(?:heart attack|stroke|coronary|fit)"
    r"(?: (?:when|at|over|seeing|looking|reading|opening|on the spot)\b| ?[,.!?;]|$)|"
    r"\b(?:a|the|what a|at the) stroke of (?:luck|genius|good fortune|good luck|bad luck|"
    r"misfortune|midnight|twelve|the pen|fate)\b|"
    r"\bchok(?:ing|ed|e) back (?:the |my |her |his )?tears\b|"
    r"\bi (?:just |nearly |almost )?collapsed into (?:a |my |the )?bed\b|"
    r"\bcollapsed (?:in|into) (?:(?:a )?(?:fits?|puddle|flood|heap|floods) of )?"
    r"(?:laughter|giggles|tears)\b|"
    r"\b(?:gasping|choking|parched) for (?:an? |some |my )?(?:proper |nice |good |decent |hot |"
    r"strong |fresh )?(?:(?:drop|wee drop|sup|mouthful|"
    r"drink|nip|dram|glass) of )?(?:cup|cuppa|brew|drink|pint|tea|"
    r"coffee|fag|cigarette|smoke|glass|beer|wine|whisky|whiskey|gin|brandy|sherry|lemonade|"
    r"juice|squash)\b|"
    r"\b(?:i'm|i am|i was|you're|you are|you were|(?:caller|player|team|striker|bowler|"
    r"batsman|batter|keeper|goalie|band|singer|quizmaster|he|she|they)(?: on (?:the )?(?:telly|"
    r"tv|radio|stage|box))?(?:'s| is| was| were|"
    r"'re| are))(?: (?:really|absolutely|just))? on fire "
    r"(?:today|tonight|this (?:morning|afternoon|evening|week)|lately|at (?:the )?(?:quiz|"
    r"crossword|cards|bingo|scrabble|dominoes|darts|bowls|golf|whist)|with (?:the|my|these|"
    r"this|that) (?:crossword|puzzles?|quiz|cards|knitting|answers))\b|"
    r"\bslipped up (?:and (?:i )?(?:forgot|missed|took|left|put|gave|sent|paid|bought|"
    r"got the)|(?:again )?(?:with|on) (?:my |the )?(?:tablets|pills|medicine|dates?|times?|"
    r"appointments?|bills?|shopping|order|names?|money|forms?|count))\b|"
    r"\bbleeding (?:me|us|them|him|her|you) dry\b|"
    # a secret kept, a nuisance, a slide back into old ways: "i can't breathe a word of it",
    # "he's a pain in the neck", "i slipped into my old habits" (never the bath, the pond or
    # a fall after it: "i slipped into my slippers and then fell" still calls)
    r"\b(?:breathe|breathed|breathing) a (?:single )?word\b|"
    r"(?:'s|\bis|\bare|'re|\bwas|\bwere|\bbe|\bbeing|\bwhat|\bsuch) an? (?:real |right |proper |"
    r"total |absolute |royal |bit of a |bit of an? )?pain in the (?:neck|backside|bum|arse|"
    r"rear|behind)\b|"
    r"\bslipped (?:back )?into (?:(?:my|his|her|their|our|the|some|a|an|old|bad|usual|"
    r"same|more|something|comfortable) )*(?:habits?|ways|routines?|rut|something|"
    r"nap|doze|daydream|reverie|slippers|dressing gown|nightie|nightdress|pyjamas|pajamas|"
    r"cardigan|coat|dress)\b(?! (?:and|then|but)(?: then| now)?(?: i)? (?:fell|fall|hurt|"
    r"banged|went|landed|hit|broke|can'?t|slipped|tripped))|"
    r"\b(?:passing|passed|pass|handing|handed) out (?:the |some )?(?:leaflets|flyers|papers|"
    r"sweets|cards|programmes|hymn books|presents|biscuits|food|tickets|prizes|forms)\b|"
    r"\bblacked out (?:the |my |all the )?(?:windows?|curtains|screens?|names?|text|lines?|"
    r"words)\b|"
    r"\btripped (?:the |a |my )?(?:fuse|fuses|switch|trip switch|breaker|circuit breaker|"
    r"circuit|electrics)\b(?! (?:and|then) (?:i )?(?:fell|fall|hurt|banged|went|landed|hit|"
    r"broke|can'?t))|"
    # what the resident can no longer do as they did, not what happened now: "i can't get
    # up the stairs as fast as i used to", "i can't get up early any more"
    # ("i can't get up any more" may be said on the floor, and breathing that is worse
    # than it was is the model's: not here)
    r"\b(?:can ?not|can'?t|could ?n'?t) (?:get up|stand up|move)"
    r"(?: (?:the|those|these|our|them|it|stairs|steps|hill|slope|path|bank|drive|"
    r"in the morning|of a morning|out of (?:the |my |an )?(?:chair|armchair|bed|bath)|"
    r"off the (?:sofa|settee)))*? "
    r"(?:as (?:fast|quick|quickly|well|easily|early|much) as|like i (?:used to|did)|"
    r"these days|nowadays)\b|\b(?:can ?not|can'?t) get up early\b|"
    r"\b(?:can ?not|can'?t|could ?n'?t) stand up to (?:my|him|her|them|people|bullies|"
    r"the (?:council|landlord|neighbours?))\b|"
    r"\b(?:can ?not|can'?t) stand (?:up )?for (?:long|very long|too long|more than)\b|"
    # things that bleed or choke, and a falling-out, not the resident
    r"\b(?:colou?rs?|dyes?|inks?|paint) (?:are |is |have |has |keep |keeps )?(?:bleeding|bled)\b|"
    r"\b(?:weeds?|ivy|brambles|bindweed|traffic|leaves|roots) (?:are |is )?choking\b|"
    r"\bchoking the (?:roses|plants|flowers|garden|borders?|drains?|pipes?|gutters?|town|"
    r"roads?)\b|"
    r"\bhad an? (?:\w+ )?fall ?out (?:with|over)\b|"
    # stroking a pet, a stroke that is not the illness
    # ("i think i'm having a stroke my face feels funny" is a call: never "a stroke ...")
    r"\b(?:i|you|he|she|we|they|to|and|gently|always|often|just|love|like|loves|likes) "
    r"strok(?:e|es|ed|ing) (?:the|my|his|her|its|their|a) (?:cat|cats|dog|dogs|kitten|"
    r"kittens|puppy|pony|horse|rabbit|fur)\b|"
    r"\b(?:breast ?stroke|backstroke|brush ?strokes?|(?:tennis|golf) strokes?)\b|"
    # kneeling on a floor for a job: "me knees are killing me after kneeling on the bathroom
    # floor regrouting"
    r"\b(?:kneeling|knelt|kneel) (?:down )?on the (?:\w+ )?floor\b(?![^.!?]*\b(?:stuck|can'?t|"
    r"cannot|couldn'?t|help|since|hours?|ages)\b)|"
    # someone sent for a job: "send someone to fix the boiler"
    r"\bsend (?:some ?one|some ?body)(?: round| over)? to (?:fix|mend|repair|look at|check|"
    r"service|read|clean|cut|deliver|collect|empty|install|fit|paint|measure|quote)\b"
    r"(?! (?:on )?(?:me|us|him|her|mum|dad|my (?:husband|wife))\b)|"
    # a nuisance close behind, money running out, a shock or a bore survived, a rich meal, a
    # stage set alight, words tripped over or forgotten: "he's breathing down my neck", "i'm
    # bleeding money on the heating", "i nearly passed out from boredom", "a heart attack on
    # a plate", "she set the dance floor on fire", "i tripped over my words", "i blacked out
    # on her name" (never "i've passed out", "i tripped over my own feet", "the room's on
    # fire")
    r"\bbreath(?:e|es|ed|ing) down (?:my|your|his|her|our|their|the) necks?\b|"
    # sayings of death and the grave, spicy food, a crossword clue, a swear word: "he'd wake
    # the dead", "one foot in the grave", "my mouth's on fire after that vindaloo", "stuck on
    # seven down", "a bleeding nuisance"
    r"\bwake the dead\b|\b(?:one|a) foot in the grave\b|"
    # similes: "he preaches like the church is on fire", "the clock's blinking like it's
    # having a seizure", "he flopped down like he'd collapsed" (never what a thing smells,
    # looks, sounds or feels like: "it feels like my chest is on fire" calls)
    r"(?<!smells )(?<!smell )(?<!looks )(?<!look )(?<!sounds )(?<!seems )(?<!feels )"
    r"(?<!feel )(?<!it's )(?<!its )(?<!it is )\blike (?:the|a|an|his|her|their|our) "
    r"(?:[\w']+ ){0,2}?(?:is |was |were |'s |s )?(?:on fire|in flames|ablaze|collapsing|"
    r"falling down|going up in flames|burning down)\b|"
    r"\blike an? (?:chip pan|house|forest|bush|grass|gorse|heather) fire\b|"
    r"\b(?:get|gets|got|getting|went|go|going) on like an? (?:[\w']+ ){0,2}?(?:on )?fire\b|"
    r"\ba walking (?:heart attack|stroke|coronary|fire hazard|disaster|accident|time ?bomb)\b|"
    r"\bhelp ma boab\b|"
    # blood in sayings, a champion at a game, tiredness, a bingo caller's hush, a pan's noise:
    # "there's bad blood between them", "he gets my blood boiling", "she's a killer at
    # canasta", "running on fumes", "eyes down and nobody breathe", "the pressure cooker's
    # screaming its head off"
    r"\bbad blood\b|\bblood (?:out of|from) (?:a|the) stone\b|"
    r"\b(?:that'll|that will|that would|that'd|to) (?:have|get|leave) (?:me|us) (?:rolling "
    r"(?:about |around )?)?on the floor\b(?! (?:and|but) (?:i |i've |now )?(?:can'?t|could ?n'?t|"
    r"hurt|broke|banged))|"
    r"\btwist (?:my|your|his|her|their) arm\b|"
    r"\b(?:my|me|your|his|her|our) ears (?:are|were|is|was|'re) (?:\w+ )?bleeding (?:from|with|at|"
    r"after)\b|"
    r"\bchok(?:ing|ed|es) on (?:the|his|her|their) (?:doubles|putt|penalty|penalties|final|serve|"
    r"big stage|last (?:shot|putt|ball|dart|leg|set|hurdle))\b|"
    r"\b(?:referee|ref|umpire|linesman|judges?)(?:'s)? (?:needs?|wants?) (?:an? )?(?:ambulance|"
    r"doctor|optician|glasses)\b|"
    # a machine having a breakdown, smelling salts fetched for a bill, a liar choking on his
    # lies, a shock from cold hands: "the freezer's having a nervous breakdown"
    r"\b(?:freezer|fridge|telly|tv|computer|laptop|car|washing machine|boiler|printer|phone|"
    r"kettle|oven|hoover|dishwasher|tumble dryer|dryer|heating|radiator|lawnmower|mower|"
    r"microwave|router|internet|wifi)(?:'s| is| has been| was) having (?:an? )?(?:nervous "
    r"breakdown|breakdown|fit|funny turn|heart attack|seizure|meltdown)\b|"
    r"\bsmelling salts\b|\bchok(?:ing|ed|es) on (?:his|her|their|your|my) own (?:lies|words|"
    r"bile|pride|tongue)\b|\b(?:nearly|almost) went into (?:shock|orbit|a coma)\b|"
    r"\b(?:makes?|made|making|gets?|got|getting|sets?) (?:my|your|his|her|our|their|the) blood "
    r"(?:boil|boiling|up|run cold|curdle)\b|"
    r"\bmy blood (?:boils|boiled|is boiling|was boiling|'s boiling|ran cold|runs cold|"
    r"curdled)\b|"
    r"\ban? (?:real |absolute |right |proper |total )?killer (?:at|on|with)\b|"
    r"\brunning on (?:fumes|empty)\b|\b(?:nobody|no one|no-one|noone) breathes?\b|"
    r"(?<!alarm's )(?<!alarm is )(?<!alarm's been )(?<!alarm has been )(?<!alarms are )"
    r"\b(?:screaming|screeching|shrieking|whistling) its head off\b|"
    # a threat or a near thing that never happened: "if she mentions that caravan once more
    # i'll have a stroke", "one more number and i'd have had a seizure" (not "i think i'm
    # going to have a stroke", a warning now)
    r"\bif\b[^.!?]{0,80}?\bi(?:'ll| will) have an? (?:stroke|heart attack|coronary|fit|"
    r"seizure)\b|\bi(?:'ll| will) have an? (?:stroke|heart attack|coronary|fit|seizure) if\b|"
    r"\b(?:i'd|i would|we'd|we would) have had an? (?:seizure|fit|heart attack|stroke|"
    r"coronary|funny turn)\b|"
    # a thing, a dish, a crop or a side that collapses or keels over: "the yorkshires have
    # collapsed again", "england collapsed, all out for ninety-two", "the runner beans keeled
    # over in the wind" (a person, a ceiling or a shelf coming down on someone is no such thing)
    r"\b(?:yorkshires?|yorkshire puddings?|puddings?|souffl[eé]s?|sponges?|cakes?|meringues?|"
    r"scones?|loaf|bread|pastry|trifle|jelly|tent|gazebo|deckchair|brolly|umbrella|"
    r"runner beans|beans|sunflowers|dahlias|tomato plants|tomatoes|plants|sweet peas|lupins|"
    r"delphiniums|hollyhocks|canes|talks|deal|plans?|market|prices|shares|pound|government|"
    r"batting|innings|middle order|top order|tail|defence|team|side|england|scotland|wales|"
    r"ireland|australia|row|rows|stitches|knitting|scarf|jumper|sleeve|house of cards|"
    r"sandcastle|tower|united|city|rovers|wanderers|athletic|villa|spurs|arsenal|chelsea|"
    r"liverpool|everton|celtic|rangers|the lads)(?:'ve|'s| have| has| had| just| all| "
    r"completely)* (?:collapsed|"
    r"keeled over|toppled over|flopped)\b|"
    # the fire brigade asked for a man too hot to handle
    r"\b(?:some ?(?:one|body) )?(?:call|ring|get) (?:the |a )?(?:fire brigade|fire engine|"
    r"firemen)\b(?=[,.!?;:]?(?: [\w',.!?-]+){0,12}? (?:too hot to handle|hot stuff|so hot|smoking "
    r"hot)\b)|"
    r"\blike (?:it'?s|it is|it was|it were|it had|it'd) (?:having|had|been having) an? "
    r"(?:seizure|fit|heart attack|stroke|funny turn|breakdown|nervous breakdown)\b|"
    r"\b(?:like|as if|as though) (?:he|she|you|they|we)(?:'d| had| would have|'d have) "
    r"(?:just )?(?:collapsed|fainted|passed out|keeled over|been shot|been hit|been "
    r"poleaxed|been knocked out)\b|"
    r"\bmy (?:mouth|tongue)(?:'s|s| is| was| were|'s been| has been| had been) (?:on fire|"
    r"burning|in flames)\b|"
    # a memory's lapse on the stairs, a friend keen on a thing: "went up and down them stairs
    # and forgot what i went up for", "ring pat, she's dead keen on quizzes" (never a limb or
    # a face gone dead: "his face has gone dead funny and he can't talk properly")
    r"\bforg[eo]t what (?:i|he|she|we) (?:went|came|had gone|had come|was going|'d gone|'d come) "
    r"(?:up|upstairs|down|downstairs|in|out|through)(?: (?:the stairs|there|here))? for\b|"
    r"(?<!gone )(?<!going )(?<!gone all )\bdead (?:keen|chuffed|posh|proud|pleased|handy|easy|"
    r"lucky|nice|jealous|excited)\b|"
    r"\bstuck on (?:(?:\w+|\d+) (?:down|across)|the (?:crossword|puzzle|clue|last clue|"
    r"quiz|question|sudoku|wordsearch|jigsaw))\b|"
    r"\bbleeding (?:nuisance|idiot|cheek|racket|hell|mess|liberty|joke|disgrace|thing|things|"
    r"pigeons?|birds?|weather|rain|council|telly|computer|phone|kids|noise|row|waste|"
    r"seagulls?|squirrels?|foxes|cat|dog|traffic|buses|trains|government)\b|"
    r"\b(?:choking|choked) (?:with|by) (?:weeds|ivy|brambles|bindweed|leaves|moss|dust|"
    r"nettles|traffic)\b|"
    r"\b(?:bleeding|bled|bleeds?) (?:money|cash|pounds|dollars|customers|members|jobs)\b|"
    r"\b(?:nearly|almost|practically|all but|about|just about|fair) (?:passed out|fainted|"
    r"collapsed|keeled over|"
    r"died|had an? (?:heart attack|stroke|fit)) (?:from|with|of|in) (?:sheer |pure |the )?"
    r"(?:boredom|shock|surprise|laughter|laughing|excitement|embarrassment|delight|joy|"
    r"fright|nerves|the (?:price|cost|bill))\b"
    # ... and the trip that caused it, told: "i nearly died of embarrassment when i tripped
    # over my own keepnet at the match" (never with just now, still or can't)
    r"(?:(?<=embarrassment) when i (?:tripped|fell|slipped|went flying)(?: over| down| off)?\b"
    r"(?![^.!?]*\b(?:just now|today|this morning|and now|can'?t|cannot|still)\b))?|"
    r"\bheart attacks? (?:on a (?:plate|stick|bun|roll|bap)|in a (?:bun|box|bowl|tin))\b|"
    r"\b(?:set|sets|setting) (?:the )?(?:dance ?floor|world|stage|charts|thames|heather|"
    r"(?:your|my|his|her|"
    r"our|the) (?:mouth|tongue|throat|belly|insides)) (?:alight|on fire|ablaze)\b|"
    r"\btripped over (?:my|his|her|their|your|our|every|each|the odd) (?:own |single )?"
    r"(?:words?|tongue|lines?)\b|"
    r"\bblacked out on (?:his|her|their|the|my|your) (?:name|names|words|lines|number|pin|"
    r"password|address)\b|"
    # a journey the resident cannot make: "i can't get up to london for the wedding" (not
    # to the toilet, the door or the phone, where one may lie)
    r"\b(?:can ?not|can'?t|could ?n'?t) get up to (?:much|anything much|a lot|owt|anything|"
    r"mischief|no good)\b|"
    r"\b(?:can ?not|can'?t|could ?n'?t) get (?:up|down|over|across|out) to (?:london|town|"
    r"the (?:city|shops|town|village|church|chapel|club|coast|seaside|lakes|cemetery|market|"
    r"pub|hall|races)|church|chapel|mass|bingo|"
    r"(?!(?:go|get|reach|answer|call|ring|phone|the|my|me|her|him|it)\b)[\w']+ for "
    r"(?:the|a|our|my|his|her|their) (?:wedding|funeral|christening|party|match|service|do|"
    r"reunion|show|concert|birthday|anniversary|graduation))\b|"
    r"\bsend (?:some ?one|some ?body) (?:round|over) (?:next (?:week|month|" + _WEEKDAYS
    + r")|on (?:" + _WEEKDAYS + r")|tomorrow|this (?:week|weekend|afternoon|evening)|"
    r"later this week)\b|"
    # sayings of the heart, a promise, a habit called an emergency, knees in distress, a
    # simile of a fit, embarrassment, a cold, a bill, temper: "my heart's in my mouth when he
    # reverses", "cross my heart and hope to die", "his snoring is a medical emergency",
    # "my knees are sending out distress signals", "like a spider had a seizure", "my heart
    # bleeds for him", "i went up in flames", "at death's door with this cold", "daylight
    # robbery", "spitting blood over that ticket"
    r"\bheart(?:'s| is| was)? (?:right |up )?in (?:my|your|his|her|our|their) mouths?\b|"
    r"\bheart (?:leapt|jumped|leaps|jumps) into (?:my|your|his|her|our|their) mouths?\b|"
    r"\bcross my heart(?: and hope to die)?\b|"
    r"\b(?:snoring|singing|cooking|driving|dancing|whistling|haircut|hair|outfit|jumper|"
    r"handwriting|fashion sense|garden|lawn|hedge|wallpaper)(?:'s| is| was) (?:a |an )?(?:\w+ )?"
    r"emergency\b|"
    r"\b(?:knees?|back|legs?|feet|stomach|tummy|belly|body|joints?|hips?|bladder|brain|ears?|"
    r"eyes?) (?:are |is |'re |'s |keep |keeps )?(?:sending|send|sends) (?:out )?(?:an? )?(?:sos|"
    r"distress (?:signals?|calls?|flares?)|mayday)\b|"
    r"\blike an? (?:[\w']+ ){1,2}?(?:had|'d had|has had) an? (?:seizure|fit|heart attack|stroke|"
    r"funny turn|breakdown|nervous breakdown)\b|"
    r"\b(?:my|your|his|her|our|their) heart bleeds\b|\bbleeding hearts?\b|"
    r"\bi (?:just |nearly |practically |almost )?went up in flames\b|"
    r"\bat death'?s door with (?:this|a|my|the|that) (?:\w+ )?(?:cold|cough|flu|sniffles?|"
    r"hangover|hay ?fever|toothache|chill)\b|"
    r"\b(?:smoke|fire) alarm\b[^.!?]{0,60}?\b(?:(?:new |flat |low |dead )batter(?:y|ies)\b|"
    r"batter(?:y|ies)(?:'s| is| are) (?:low|flat|dead|going)\b)|"
    r"\bover my dead body\b|\bsick to death of\b|\bdead on my feet\b|\bcan'?t help it\b|"
    r"\b(?:feel|felt|feeling) like i'?ve been hit by an? (?:bus|truck|lorry|train|tractor|"
    r"steamroller)\b|"
    r"\b(?:\w+) time i'?ve been up (?:to|for) the (?:loo|toilet|bathroom)\b|"
    r"\blike (?:it'?s|it is|it was|it were) an? (?:\w+ )?emergency\b|"
    r"\b(?:thinks|think|thought) every (?:\w+ )?is an? (?:heart attack|stroke|emergency)\b|"
    r"\bfits? of (?:the )?(?:giggles|laughter|laughing|pique|temper|rage|coughing|sneezing|"
    r"jealousy)\b|"
    r"\ba (?:spot|bit|touch|little|smidge|speck) of (?:bleeding|blood)\b|"
    r"(?<!can't )(?<!cant )(?<!cannot )(?<!couldn't )\b(?:get|got|getting|kept having to get|"
    r"keep having to get) up (?:for a wee|for the loo|to go to the (?:loo|toilet|bathroom)|in the "
    r"night)\b|"
    r"\b(?:cat|dog|pup|puppy|kitten|budgie|rabbit|horse|pony|hamster|parrot|canary)(?:'s| has| "
    r"had| is)? (?:had|having|has had) an? (?:seizure|fit|stroke|heart attack|funny turn)\b|"
    r"\bhaving kittens\b|\bnot (?:an? )?(?:heart attack|stroke|coronary),? (?:just|only|it'?s "
    r"(?:just|only)) (?:an? )?(?:panic|flap|fluster|worry|nerves|wind|indigestion)\b|"
    r"\bdaylight robbery\b|\bspitting (?:blood|feathers|nails|tacks) (?:over|about|at|because|"
    r"when)\b|"
    # a small cut made light of: "it's only a shaving nick, it's stopped already" (never "not
    # just a scratch")
    r"(?<!not )\b(?:it's|it is|it was|only|just) (?:a |an )?(?:little |tiny |small |wee )?"
    r"(?:shaving )?(?:nick|scratch|graze|paper cut|pinprick|shaving cut)\b|"
    r"\bit(?:'s| has)? stopped (?:bleeding )?(?:already|now)\b|"
    # "give over" (stop it), a dose told as done: "that's me blood pressure one swallowed";
    # a band or a side playing well: "the band were on fire"
    r"\bgive over\b|"
    r"\b(?:my|me|his|her) (?:back|knees?|hips?|feet|legs|shoulders?|neck|joints|muscles|thighs|"
    r"calves)(?:'s| is| are|'re|'s been| has been| have been| been)? (?:\w+ )?on fire\b|"
    r"\bstrok(?:e|ed|ing) (?:the|my|his|her|your|our) (?:cat|dog|kitten|puppy|pup|horse|pony|"
    r"rabbit|guinea pig|hair|beard|chin)\b|"
    r"\b(?:sound|noise|music|racket|telly|tv|radio|that|it)(?:'s| is) going (?:right )?through my "
    r"head\b|\b(?:gives?|giving|gave) (?:me|him|her|us|you) (?:a |the )?(?:heart attack|coronary|"
    r"funny turn)s?\b|"
    r"\b(?:i'?m|i am|i was|he'?s|she'?s|they'?re|he was|she was) (?:absolutely |really |just |"
    r"still )?fuming\b|"
    r"\bthat'?s (?:me |my |the )?(?:(?!all\b|every\b|both\b|whole\b)[\w']+ ){0,3}?(?:tablet|pill|"
    r"one|dose|capsule) (?:swallowed|taken|done|down)\b|"
    r"\b(?:band|team|side|lads|choir|orchestra|singer|players?|strikers?|bowlers?|batsmen|"
    r"dancers?|comedian)(?:'s| is| was| were|'re| are)(?: (?:really|absolutely|just|properly|"
    r"totally))? on fire\b|"
    # ... the band or the team named first: "my grandson's in a band, he says they're on fire
    # at the moment"; or a person in form for a while ("she's on fire this season")
    r"\b(?:band|team|side|group|choir|club|quiz team|darts team)\b[^.!?]{0,40}?\b(?:he'?s|"
    r"she'?s|they'?re|we'?re|he is|she is|they are|we are) (?:really |absolutely |properly )?"
    r"on fire\b(?! (?:right now|now)\b)|"
    r"\b(?:he'?s|she'?s|they'?re|we'?re|he is|she is|they are|we are) (?:really |absolutely |"
    r"properly )?on fire (?:at the moment|lately|these days|this (?:season|year|term))\b|"
    # an offer, a go-ahead, a sunset, a swear word: "help yourself, love", "fire away", "the
    # sky's on fire tonight", "it's bleeding freezing in here" (never "help yourself up")
    r"\bhelp (?:yourself|yourselves)\b(?! up\b)|\bfire away\b|"
    r"\b(?:the )?sky(?:'s| is| was| were| looks| looked)? (?:all |properly |really |just )?"
    r"(?:on fire|ablaze|aflame|in flames)\b|"
    r"\bbleeding (?:freezing|cold|hot|boiling|baltic|awful|useless|typical|marvell?ous|"
    r"ridiculous|stupid|daft|hopeless|terrible|lovely|brilliant|expensive|nuisance|cheek|"
    r"racket|weather|rain|telly|thing|hell|heck)\b")
"""Figures of speech that use the words of a fall or a call for help."""

_NOUN = (r"(?!(?:i|i've|ive|i'd|i'm|me|and|then|but|so|just|when|as|while|if|or|it|"
         r"on|at|to|off|up|for|with|from|am|is|are|was|were|be|been|can|could|will|would|not|"
         r"no|a|an|the|my|other|day|days|"
         r"morning|afternoon|evening|night|week|weekend|time|way|minute|moment|hour|"
         r"foot|feet|leg|legs|knee|knees|hip|hips|ankle|ankles|back|hand|hands|balance)\b)"
         r"[\w']+")
"""A word of a noun phrase that is not the resident (nor a time, nor their own body)."""

_SOMEONE_ELSE = re.compile(
    rf"\b(?!{_SPOUSE_DOWN_NOW})(?![\w' ]{{0,60}}?{_DOWN_IN_MY_HOME})"
    # (never one down and not moving: "that man's fallen over outside and he's not moving",
    # nor one still down there, nor one in the water out of reach)
    rf"(?![^.!?]{{0,120}}?{_ANOTHER_DOWN_NOW}){_ANOTHER_IN_DANGER_AHEAD}"
    r"(?:he|she|they|my (?:\w+ )?(?:brother|sister|husband|wife|son|"
    r"daughter|friend|neighbou?r|mum|mom|mother|dad|father|cat|dog|grand\w+|cousin|aunt|uncle|niece|nephew)"
    r"(?: (?!has\b|had\b|just\b)\w+)?|"  # a name after it: "my friend betty fell"
    r"someone|somebody|a (?:man|woman|child|friend)|"
    # someone or something else named by a noun: "the postman fell off his bike", "a picture
    # fell off the wall", "my glasses fell down the back of the sofa", "our jim fell over"
    # (never the resident: "the other day i fell", "my foot slipped", "this morning fell")
    rf"(?:a|an|the|(?:that|this)(?! we\b| we'\w+| us\b)|my|our|his|her|their|your|some) "
    rf"{_NOUN}(?: {_NOUN}){{0,3}}?|"
    # a fall heard of: "i heard that margaret had a fall at the shops"
    rf"(?:heard|told me|said) (?:that )?{_NOUN}(?: {_NOUN}){{0,2}}?)"
    r"(?:'s| has| had| just)* " + _ANOTHERS_FALL)
"""Someone else's fall, or a thing's (their own emergency words, "he can't get up", still
count)."""

_NAMED_FALL = re.compile(
    r"(?:^|(?<=[,;:.!?] ))(?!(?:i|i've|ive|i'd|i'm|just|and|then|so|oh|well|yes|no|hey|right|"
    r"sorry|love|dear|please|help|now|look|today|tonight|yesterday)\b)"
    # (never one still down there now: "he fell off his ladder yesterday and he's still
    # lying there", nor one in the water out of reach)
    + _ANOTHER_IN_DANGER_AHEAD +
    r"(?:(?:old|young|little|poor|dear) )?(?:(?:mr|mrs|ms|miss|dr|auntie|uncle|nurse) )?[\w']+"
    r"(?: (?:at|from) number [\w']+| next door| (?:over|across|down|up) the (?:road|street|way))? "
    r"(?:has |had |just )*" + _ANOTHERS_FALL)
"""A fall told of someone by name, at the start of the turn or of a clause, a title and
where they live at most with it ("old mr jenkins at number twelve had a fall"; "david fell
over at school last week", "remind me to buy a bath mat, sylvia went flying in hers last
week"): someone else's when a time word puts it in the past (:data:`_PAST`)."""

_NOT_OF_HOME = r"(?:(?!\b(?:now|my|me|here|i|i'?m|i'?ve|we|us)\b)[^.!?])"
"""One character of a sentence, short of a word that brings in the resident or the home
("now", "my", "I", "we", ...): a programme's story told to the sentence's end
(:data:`_NOT_A_CALL`)."""
_PROGRAMME = (r"(?:holby(?: city)?|casualty|corrie|coronation street|eastenders|emmerdale|"
              r"hollyoaks|the archers|line of duty|call the midwife|doctors|midsomer(?: murders)?|"
              r"tipping point|pointless|the chase|countdown|death in paradise|doc martin)")
"""A programme named on the telly or the radio ("holby", "corrie", "the archers", ...)."""

_PROGRAMME_TURN = (_NOT_OF_HOME + r"{0,80}?\b(?:collapsed|keeled over|choked|had an? (?:stroke|"
                   r"heart attack|fit|seizure))\b" + _NOT_OF_HOME + r"*")
"""A turn told after a programme is named, read to the sentence's end while no one of the
home is in it (:data:`_NOT_OF_HOME`; "... last night, a chap collapsed on the ward"): a
mention (:data:`_NOT_A_CALL`, :data:`_MENTION`)."""

_NOT_A_CALL = re.compile(
    # a siren on the telly or the radio: "turn it down, that ambulance siren on the telly is
    # going right through me"
    r"\b(?:an? |the |that |this )?(?:ambulance|police|fire engine|fire brigade)s?(?:'s)? sirens? "
    r"(?:\w+ )?on the (?:telly|tv|television|radio|programme|film)\b|"
    # the bits of a programme with an ambulance: "put on casualty, i like the bits with the
    # ambulance"
    r"\b(?:the|those|them) (?:bits?|parts?|scenes?|episodes?|ones?) (?:with|where|when) "
    r"(?:the |an? )?(?:ambulance|fire engine|paramedics?|helicopter|police)s?\b|"
    # the ambulance that took another, told: "joan fell at the legion dance and the ambulance
    # took her, she's home now though"
    r"\b(?:the|an) ambulance (?:took|came for|came and took|came and got|had to take|carted off) "
    r"(?:her|him|them)\b|"
    # help asked with a password or a gadget: "help, i can't remember my password for the
    # bank app!" (never "help, i can't find my way home", nor "... get up")
    r"^(?:please )?help\W+(?=i (?:can'?t|cannot) (?:remember|work out|figure out|log in|log on|"
    r"get into|spell|understand|think of|do) (?:my|the|how|where|what|this|which|it)\b)|"
    # ... or a thing lost: "help! i've lost my glasses again, the blessed things"
    r"^(?:please )?help\W+(?=i(?:'ve| have)? (?:lost|mislaid|dropped|can'?t find) (?:my|the|me) "
    r"(?:\w+ )?(?:glasses|specs|spectacles|keys|remote|purse|wallet|hearing aids?|aids|teeth|"
    r"phone|book|pen|glasses case|magnifier|batteries|battery|handbag|bag|stick)\b)|"
    # what to do if one only thinks one smells gas or burning, asked: "what should i do if i
    # think i smell gas but can't be sure" (never a person's turn: "what do i do if i think
    # he's stopped breathing" is left to the words net)
    r"\bwhat (?:should|do|would|shall|must) (?:i|we) do if (?:i|we) (?:ever )?(?:think|suspect) "
    r"(?:i (?:can )?smell|there'?s|there is|there might be) (?:an? )?(?:gas(?: leak)?|burning|"
    r"smoke|carbon monoxide|leak)\b(?![^.!?]*\b(?:now|strong|stronger|worse|i can smell it)\b)|"
    # "what exercises can i do so i don't go wobbly and end up on the floor?"
    r"\bso (?:that )?(?:i|we|he|she) (?:don'?t|do not|won'?t|will not|never)\b[^.!?]{0,40}?\b"
    r"(?:end up on the floor|fall|fall over|have a fall|take a tumble|go flying|trip|slip)\b"
    # (... and where: "what sort of shoes are best so i don't slip on the floor at the day
    # centre?")
    r"(?: (?:on|over) (?:the|my|a) (?:\w+ )?(?:floor|lino|tiles|carpet|rug|ice|path|step|steps|"
    r"stairs))?|"
    # "help me not fall", "exercises to help me avoid falling": a request
    r"\bhelp me (?:not|to not|avoid|stop) (?:fall|falling|trip|tripping|slip|slipping)\w*\b|"
    r"\b(?:wobbly|unsteady|shaky|doddery) on (?:the|my) (?:[\w']+ )?floor\b(?=[^.!?]*\b(?:lately|"
    r"these days|recently|sometimes|at times|of late)\b)|"
    r"\b(?:secret|trick|key|answer) to (?:not|never) (?:slipping|falling|tripping|having a fall|"
    r"going (?:head over heels|flying|arse over \w+|over))\b(?: (?:on|in|over|down) (?:the |my )?"
    r"(?:[\w']+ ){0,2}?(?:floor|stairs|ice|rug|step|steps|bath|shower|path|pavement|lino|"
    r"tiles|carpet)\b)?|"
    r"\b(?:how (?:can|do|could|should) (?:i|we|you)|(?:best|safest) way to) (?:stop|avoid|"
    r"prevent|keep) (?:myself |him |her )?(?:from )?(?:slipping|falling|tripping|having a fall|"
    r"going (?:head over heels|flying|arse over \w+|over))\b(?: (?:on|in|over|down) (?:the |my )?"
    r"(?:[\w']+ ){0,2}?(?:floor|stairs|ice|rug|step|steps|bath|shower|path|pavement|lino|"
    r"tiles|carpet)\b)?|"
    # the alarm pendant asked about or seen to: "should i wear my emergency pendant to the
    # fete?", "the man came and fixed the emergency cord in the bathroom"
    r"\b(?:should|do|can|must|shall|could) i (?:wear|keep|take|carry|charge|test|use) (?:my |"
    r"the |me )?(?:emergency|panic|alarm|care ?line|lifeline|help) (?:pendant|button|alarm|"
    r"bracelet|watch|necklace|cord)\b|"
    # ... or whether it works: "is the emergency button on my pendant meant to work out on the
    # towpath?"
    r"\b(?:is|does|will|would|can|should) (?:the|my|this|me) (?:emergency|panic|alarm|help|red) "
    r"(?:button|pendant|cord|alarm|bracelet|watch)(?: on (?:my|the|this|me) (?:pendant|wrist|"
    r"watch|bracelet|necklace))? (?:meant to |supposed to |going to |still |even )?(?:work|reach|"
    r"go|ring|get through)\b|"
    r"\b(?:fixed|mended|repaired|tested|checked|serviced|replaced|installed|fitted|put in) "
    r"(?:the|my|me|our|a|an|new) (?:new )?(?:emergency|panic|alarm|help|pull) (?:cord|button|"
    r"pendant|alarm|bell|buzzer)s?\b|"
    # the ambulance as a service, a vehicle passing, a job: "set a reminder for the
    # ambulance transport", "the air ambulance landed", "i used to drive an ambulance"
    r"\bair ambulance\b|\bst\.? john(?:'s)? ambulance\b|"
    r"\bambulance (?:transport|station|service|driver|strike|"
    r"chaser|depot|base|headquarters|hq|garage|bay|trust|control)s?\b|"
    # ... its crew, never asked for: "bring the ambulance men" is a call
    r"(?<!bring the )(?<!send the )(?<!get the )(?<!get me the )(?<!fetch the )(?<!call the )"
    r"(?<!send me the )(?<!i need the )\bambulance (?:crew|staff|man|woman|men)s?\b|"
    r"\b(?:drive|drives|drove|driven|driving) an? ambulance\b|"
    # a tradesman's emergency call-out: "the emergency call-out for the plumber was even
    # worse"
    r"\bemergency call[- ]?outs?\b|"
    # the safety talk on a plane, a coach or a ferry: "the cabin crew showed us the emergency
    # exits but i wasn't listening"
    r"\bemergency (?:exits?|doors?|lighting|landing|drill|instructions|procedures?|stop button)"
    r"\b|"
    r"\b(?:an?|the) ambulance(?:'s| has| just| has just|'s just)? (?:went|goes|go|going|gone|"
    r"drove|raced|came|"
    r"come|was|flew|whizzed|sped|shot) "
    r"(?:past|by|down|up|outside|next door|for next door|for (?:the |my )?neighbou?rs?|"
    r"for (?:(?:old )?(?:mr|mrs|miss|ms) [\w']+|"
    r"him|her|them|(?:the|a|an|that|our|my) (?:old |young |\w+ )?(?:man|woman|lady|fella|"
    r"fellow|chap|bloke|gentleman|couple|family|people|neighbou?rs?|girl|boy|lad|lass|child|kid|"
    r"baby)))\b|"
    r"\bthere (?:was|were) an? ambulance\b|"
    r"\b(?:an?|the) ambulance (?:went|came|goes|comes|was) (?:flying|speeding|tearing|racing|"
    r"whizzing|screaming|hurtling) (?:past|by|down|up|along)\b|"
    # the non-emergency number, an instruction reported with its condition: "what's the number
    # for the non emergency police", "the nurse said to ring 999 if the chest pains come
    # back" (the condition's clause, to its comma: "..., and they have" is said apart)
    r"\bnon[- ]?emergency\b|"
    # 999 calls handled in a job: "i was a telephonist at the exchange, i put through 999
    # calls all night during the floods"
    r"\b(?:put through|putting through|took|taking|answered|answering|handled|handling|"
    r"manned|manning|dealt with|dealing with)\b[^.!?]{0,20}?\b(?:999|emergency) calls\b|"
    r"\b(?:said|says|told (?:me|us|him|her)|tells (?:me|us)|advised(?: me| us)?|reminded me) "
    r"(?:that )?(?:i (?:should|must|was to|am to|'m to|need to) |to |we should )?(?:ring|call|"
    rf"phone|dial|get|send for)(?: for)?(?: an?| the| my)? (?:ambulance|doctor|help|fire brigade|"
    rf"paramedics|{_EMERGENCY_NUMBER}) (?:straight away |right away |at once )?"
    r"(?:if|when|whenever|in case|should)\b(?:(?! and | but )[^.!?;,])*"
    r"(?!.*\b(?:and (?:they|it|she|he) (?:have|has|are|is|did)|(?:they|it)(?:'re|'s| are| is| have|"
    r" has) (?:back|come back|started)|and now|right now|just now)\b)|"
    # a reminder to ring a service some day: "remind me to ring the fire brigade on monday
    # about their smoke alarm check"
    r"\bremind me (?:[\w']+ ){0,3}?to (?:ring|call|phone|contact|email) (?:an? |the )?"
    r"(?:fire brigade|fire service|firemen|ambulance service|doctor'?s?|surgery|nhs)\b|"
    # when one would call: "when should i call an ambulance" (advice, not a call)
    r"\bwhen (?:should|do|would|must) (?:i|you|we|one|someone|a person) (?:call|ring|phone|"
    rf"get|dial)(?: for)?(?: an? ambulance| {_EMERGENCY_NUMBER})?\b|"
    # an emergency trade or store: "the emergency plumber", "an emergency supply of biscuits"
    r"\bemergency (?:supply|supplies|plumber|electrician|dentist'?s?|vets?|torch|kit|fund|"
    r"inhalers?|spray|rescue pack|pack|prescriptions?|medication|meds|tablets|pills|antibiotics|"
    r"steroids|glucagon|insulin|"
    r"exit|lighting|lights?|locksmith|glazier|stop|brake|landing)\b|"
    # a programme or a song: "i love watching 999 what's your emergency", "play emergency"
    r"\b(?:watching|watch|play|playing|record|recording|listen to|listening to) "
    r"(?!out\b)(?:(?!(?:call|ring|phone|dial|get|send|need|an|it'?s|this|is)\b)[\w']+ ){0,3}?"
    r"(?:999|nine nine nine|emergency|ambulance)\b|"
    r"\bwhat'?s your emergency\b|"
    r"\b(?:999|nine nine nine|911|emergency|ambulance|paramedics?|casualty|a ?and ?e|a ?& ?e) "
    r"(?:programmes?|programs?|shows?|series|documentar(?:y|ies)|dramas?|films?|episodes?)\b|"
    # ... or one about them: "turn the telly over to that programme about the 999 call handlers"
    r"\b(?:programmes?|programs?|shows?|series|documentar(?:y|ies)|dramas?|films?|episodes?) "
    r"(?:about|on|with) (?:the )?(?:999|nine nine nine|emergency|ambulance|paramedics?|a ?and ?e|"
    r"a ?& ?e|fire ?(?:men|fighters|brigade)|police)\b|"
    # someone on the telly as the resident watches: "i'm watching holby, a man's just collapsed
    # in the car park, terrible acting"
    r"\b(?:i'm|i am|we're|we are|i was|we were) watching\b[^.!?]{0,40}?\b(?:a|the|some|this|"
    r"that) (?:man|woman|fella|fellow|chap|lad|girl|boy|bloke|lady|patient|doctor|nurse|"
    r"character|actor)(?:'s| has| is| just)*(?: just)? (?:collapsed|fallen|fell|bleeding|"
    r"choking|had an? (?:stroke|heart attack|fit|seizure)|having an? (?:stroke|heart attack|"
    r"fit|seizure))\b|"
    # testing the alarm: "can you test the emergency button without ringing anybody", "it's
    # the carer, just testing the pendant. this is a test"
    r"\btest(?:ing|ed)? (?:the |my |our )?(?:(?:emergency|panic|alarm|help|lifeline|careline|"
    r"personal alarm) )?(?:button|pendant|cord|alarm|call|line)s?\b|"
    r"\bthis is (?:just |only )?a test\b|"
    # how the alarm works: "what happens if i press the emergency button on the pendant by
    # mistake?", "how does it know if i've had a fall, is it the watch?"
    r"\bwhat (?:happens|would happen|will happen) (?:if|when) (?:i|you|someone|somebody|he|she) "
    r"(?:press|presses|pressed|pull|pulls|push|pushes|set off|sets off|trigger|triggers) "
    r"(?:the |my |this |that )?(?:emergency |panic |red |help )?(?:button|pendant|cord|alarm)\b"
    r"(?: (?:on|by) (?:the|my) (?:pendant|wrist|watch|bracelet|wall))?"
    r"(?: by (?:mistake|accident))?|"
    r"\bhow (?:does|do|would|will|can) (?:it|the \w+|you|they) (?:know|tell|detect|spot|notice) "
    r"(?:if|when|that) (?:i|i'?ve|i have|someone|somebody)\b(?: [\w']+){0,4}? (?:fall|fell|"
    r"fallen|had a fall)\b|"
    # a thing dropped on the floor, not the resident: "i just dropped the remote on the
    # floor", "i've just dropped a whole tray of eggs on the floor" (never "i dropped on the
    # floor", nor "i've dropped my stick and i'm on the floor")
    r"\b(?:dropped|spilt|spilled|knocked|tipped|threw|chucked) (?:the|my|a|an|some|his|her|it|"
    r"them|that|this) (?:(?!and\b|i'?m\b|i\b|me\b|myself\b|but\b|now\b)[\w']+ ){0,4}?"
    r"(?:on|onto) the (?:\w+ )?floor\b|"
    # a catchphrase quoted from an advert or done as a voice: "my brother does that advert
    # voice, 'i've fallen and i can't get up', every christmas" (the quotation only)
    r"\b(?:advert|ad|commercial|catchphrase|impression|impersonation|voice|sketch|jingle)s?"
    r"(?: of| from| where (?:she|he|they) (?:says|goes|said))?,? '[^.!?]*?\w'(?=[\s,.!?]|$)|"
    # ... or a voice on the telly: "cancel that, it was a man on the telly shouting for an
    # ambulance, not me"
    r"\b(?:it was|that was|it's|that's) (?:a |the |just )?(?:man|woman|fella|bloke|someone|"
    r"somebody|lady|person|voice|girl|lad) on the (?:telly|tv|radio|programme|film|news)\b[^.!?]*|"
    # ... or read aloud from a book: "listen to this: 'he clutched his chest and collapsed to
    # the floor' - ooh, it's a good book"
    r"\b(?:listen to this|hark at this|get this|it says here|the book says)[,:]? "
    r"'[^.!?]*?\w'(?=[\s,.!?-]|$)|"
    # a turn on the telly: "is that heart attack in the soap real or are they acting?"
    r"\b(?:heart attack|stroke|fall|collapse|fire|fit|seizure|crash|accident)s? (?:in|on) "
    r"(?:the|that|this|last night'?s) (?:soap|film|programme|program|show|drama|episode|book|"
    r"play|story|news|telly|tv|series)\b|"
    # a story's: "the book i'm reading has a burglar in the first chapter"
    r"\b(?:book|story|film|programme|novel|chapter|play|episode)\b[^.!?]{0,30}?\b(?:has|had|"
    r"with|about) an? (?:burglar|intruder|murder|fire|ghost)\b|"
    # asked whether a thing is an emergency: "is it an emergency if my ankles are puffy?"
    r"\bis (?:it|this|that) an emergency (?:if|when)\b|"
    # the alarm itself as a thing: "the new emergency pendant came in the post"
    r"\b(?:new|spare|old|replacement) emergency (?:pendants?|buttons?|cords?|alarms?|"
    r"bracelets?|watch(?:es)?)\b|"
    # the emergency sold or kept for: "they're selling home emergency cover for thirty quid"
    r"\b(?:home )?emergency (?:cover|insurance|policy|plan|fund|kit|supplies|contact details?|"
    r"tax|plumber|locksmith|electrician)\b|"
    # which to do, asked: "if i ever can't breathe, should i ring 999 or press my button?"
    r"\b(?:should|would|do) (?:i|we) (?:actually |really |just )?(?:ring|call|phone|dial|press)"
    r"(?: for)? (?:an? |the |my )?"
    rf"(?:ambulance|{_EMERGENCY_NUMBER}|button|pendant|doctor)\b(?: or (?:press|ring|call|phone) "
    r"(?:my |the |an? )?[\w']+)?|"
    # a scene in a film or a book: "there was a bit in the film where a woman couldn't breathe"
    r"\bin the (?:film|programme|program|show|drama|episode|book|play|story|soap) (?:where|when)"
    r"\b(?:(?! (?:and|but|so) (?:now|i|i'm|i've|me)\b)[^.!?;]){0,60}|"
    # someone on the floor at play: "grandad's on the floor playing trains with me"
    r"\bon the (?:\w+ )?floor (?:playing|doing (?:a|the|my|some) (?:jigsaw|puzzle|exercises|"
    r"stretches|physio|yoga|pilates)|doing (?:the|my|me) (?:\w+ )?(?:exercises|stretches)|with the "
    r"(?:grand\w+|kids|children|dog|cat|puppy|jigsaw|puzzle|train set))\b|"
    # someone on the telly: "that hospital drama had a man bleeding everywhere"
    r"\b(?:drama|film|programme|program|soap|episode|series|documentary|show)s? "
    r"(?:last night |yesterday )?(?:had|showed|shows|has) (?:a|an|some|this|that) "
    r"(?:man|woman|fella|fellow|chap|lad|girl|boy|bloke|lady|gentleman|patient)\b"
    r"(?: [\w']+){0,3}? (?:bleeding|collapsing|collapsed|choking|falling|on fire|having an? "
    r"(?:heart attack|stroke|fit|seizure))\b|"
    # a thing the resident cannot shift, not their body: "i can't move the wardrobe on my
    # own" (not "i can't move my legs", nor "... the wardrobe off me"; never "my ...": the
    # recognizer makes "i can't move my lift sight" of "... my left side")
    r"\b(?:can ?not|can'?t|could ?n'?t) move (?:the|this|that|these|those|our) "
    r"(?!(?:legs?|arms?|hands?|feet|foot|head|neck|body|side|left|right|fingers?|toes?|face|"
    r"mouth|lips|eyes?|hips?|knees?|shoulders?|back)\b)[\w']+\b(?! (?:off|from|on top of) me\b)|"
    # ... or a thing of theirs named as one ("i can't move my car, it's blocked in"; still
    # not "my" before anything else: "my lift sight" is a recognizer's "my left side")
    r"\b(?:can ?not|can'?t|could ?n'?t) move my (?:car|van|bike|bicycle|scooter|caravan|"
    r"motor|wheelie bin|bins?|sofa|settee|wardrobe|piano|fridge|freezer|furniture|"
    r"appointment|money|savings|plants?|pots|boxes)\b(?! (?:off|from|on top of) me\b)|"
    # getting down on the floor for something, not falling there: "i got down on the floor
    # to look for my earring" ("... and now i can't get up" still calls)
    r"\b(?:got|get|getting|went|go|gone|sat|sit|knelt|kneeled|kneel|kneeling) down on (?:the|my|"
    r"to the) (?:\w+ )?floor (?:to|for) (?:look|find|search|pick|get|fetch|reach|clean|scrub|"
    r"sort|play|fix|do|stretch|exercise|wipe|check|see|fish|root|rummage|dig|retrieve)\b|"
    # ... told with what one does there, then "on purpose": "i'm down on the floor going
    # through the lps on purpose"
    r"\b(?:i'?m|i am) (?:just |only )?down on (?:the|my) (?:\w+ )?floor (?:[\w']+ ){1,6}?on "
    r"purpose\b|"
    # ... or sat there on purpose: "i sat on the floor on purpose to sort the bottom drawer"
    r"\b(?:sat|sitting|sit|knelt|kneeled|kneeling|kneel|got|getting|(?:i'?m|i am) (?:just |only )?"
    r"down)(?: down)? on (?:the|my) "
    r"(?:\w+ )?floor (?:on purpose|deliberately|to (?:look|find|search|pick|get|fetch|reach|"
    r"clean|scrub|sort|play|fix|do|stretch|exercise|wipe|check|see|wrap|fold|paint|tidy)|"
    r"(?:sorting|cleaning|tidying|scrubbing|wrapping|folding|painting|stretching|exercising|"
    r"playing) |(?:looking|searching|hunting|feeling about|feeling around|rooting about) for)\b|"
    # a child or a pet asleep or at play on the floor: "my grandson's fast asleep on the floor
    # in front of the telly" (not a husband or a wife: one found there may have collapsed)
    r"\b(?:grand(?:son|daughter|child|children|kids?)|kids?|children|baby|toddler|dog|dogs|cat|"
    r"cats|puppy|kitten)(?:'s| is| are|'re| was| were)? (?:fast |sound |still )?(?:asleep|"
    r"sleeping|napping|dozing|snoring|playing) on the (?:\w+ )?floor\b|"
    # things that went flying: "the papers went flying in the wind" ("... and so did i")
    r"\b(?:the |my |his |her |our )(?:papers?|leaves|hat|cards|plates?|cups?|feathers|sparks|"
    r"bits|ball|shopping|letters) went flying\b|"
    # the emergency contact as a record ("call my emergency contact" still calls)
    r"\bemergency contacts? (?:is|are|was|were|number|numbers|details|list|card|form)\b|"
    r"\b(?:change|update|add|set|check|who is|who's|what is|what's) (?:my |the |our )?"
    r"emergency contacts?\b|"
    r"\b(?:as|is|'s|was)(?: still| now| always)? (?:my|the|our|her|his) emergency contacts?\b|"
    # which number is the emergency one: "what's the emergency number in ireland, is it 999
    # or 112"
    r"\b(?:what'?s|what is|which is|what was) the emergency (?:number|line|services? number)\b|"
    rf"\bis it {_EMERGENCY_NUMBER} or {_EMERGENCY_NUMBER}\b|"
    # getting up off the floor practised or taught: "i've been practising getting up off the
    # floor with the physio"
    r"\b(?:practis|practic|learn|learnt|taught|teach|show(?:ed|n)? me how)\w* (?:\w+ ){0,2}?"
    r"(?:get(?:ting)?|getting back|rise|rising) (?:back )?up (?:off|from) the (?:\w+ )?floor\b|"
    # a utility's emergency line, a condition's medicine or clinic: "what number is the gas
    # emergency line", "have i had my stroke medication", "the stroke nurse comes at ten"
    r"\bemergency (?:\w+ )?(?:appointment|slot|prescription)s?\b|"
    r"\b(?:gas|water|electric|electricity|power|council|housing|repairs?|vet'?s?|dentist'?s?|"
    r"boiler|heating|plumbing|nhs) emergency (?:line|number|helpline|hotline|service|team|"
    r"call ?out)s?\b|"
    r"\b(?:stroke|heart attack) (?:medication|medicine|meds|tablets?|pills?|nurse|clinic|"
    r"ward|unit|club|group|support|team|specialist|consultant|check|review|association|"
    r"rehab|physio|survivors?|risk)\b|"
    # what a condition looks like: "the signs of a heart attack", "how can you tell if
    # somebody has had a stroke", "what do you do for someone who is choking"
    r"\b(?:signs?|symptoms?) of (?:an? )?(?:heart attack|stroke|choking)\b|"
    r"\b(?:tell|know|spot) (?:if|when|whether) (?:some ?one|some ?body|a person|they|he|she)"
    r"(?:'s| is| has)? (?:had|having|has) an? (?:stroke|heart attack|fit|seizure)\b|"
    # ... or whether it is one, asked with no sign told anywhere in the turn: "how do you tell
    # if it's a stroke or just tiredness?" (never "... his face has dropped", nor now)
    r"\bhow (?:do|can|would|will|could) (?:you|i|we|one|they) (?:tell|know|spot) (?:if|when|"
    r"whether) (?:it'?s|it is|it was|this is) (?:an? )?(?:stroke|heart attack|fit|seizure)\b"
    r"(?!.*\b(?:now|face|mouth|arm|arms|leg|legs|speech|talk\w*|words|droop\w*|slurr\w*|weak|"
    r"numb|side|dizzy|confused|chest|breath\w*|collaps\w*|fell|fallen|floor|can'?t|cannot)\b)|"
    # the ambulance as transport to a clinic: "is it the ambulance or the hospital transport
    # that takes me to dialysis on wednesdays?"
    r"\bambulance\b[^.!?]{0,40}?\b(?:takes?|took|brings?|brought|fetch(?:es)?|collects?|"
    r"picks?) (?:me|us|him|her) (?:up )?(?:to|for|from) (?:my |the |his |her )?(?:\w+ )?"
    r"(?:dialysis|appointments?|clinic|chemo\w*|radiotherapy|day centre|day hospital|physio\w*|"
    r"check-?ups?|outpatients|scans?)\b|"
    # a programme watched on a day gone by, told: "there was a right pile-up on casualty last
    # night, a bus went straight into a car and a woman collapsed" (never with the resident or
    # the home in it)
    r"(?:\bon (?:the )?(?:telly|tv|news|" + _PROGRAMME + r")|(?:^|(?<=[.!?] ))in " + _PROGRAMME
    + r") (?:last night|the other night|yesterday|last week)\b" + _PROGRAMME_TURN + r"|"
    # ... or as last night's: "in last night's call the midwife the nurse collapsed, did she
    # die in the end?"
    r"(?:^|(?<=[.!?] ))(?:in|on) (?:last night'?s|yesterday'?s|last week'?s|this week'?s|"
    r"saturday'?s|sunday'?s) (?:episode of )?" + _PROGRAMME + r"\b,?" + _PROGRAMME_TURN + r"|"
    # ... or told with the programme first: "on tipping point a woman said her husband had a
    # heart attack on holiday"
    r"(?:^|(?<=[.!?] ))(?:on|in) " + _PROGRAMME + r"\b,?" + _PROGRAMME_TURN + r"|"
    # ... or asked after, the turn told in the next sentence: "did you see casualty last
    # night? that fella collapsed in the pub and they had to shock him"
    r"\b(?:see|saw|seen|watch|watched|catch|caught) " + _PROGRAMME + r" (?:last night|the other "
    r"night|yesterday|last week)\b\?? ?" + _PROGRAMME_TURN + r"|"
    # asking after another's illness: "how her husband's getting on after his stroke"
    r"\b(?:after|since) (?:his|her|their) (?:\w+ )?(?:stroke|heart attack|fall|op|operation)\b|"
    r"\bfor (?:some ?one|some ?body|a person) (?:who is|who's|that is) (?:choking|bleeding|"
    r"having an? \w+(?: \w+)?)\b")
"""Safety words in a request, a question or a mention that calls for nobody: the words net
leaves these to the model."""

_MENTION = re.compile(
    # the ambulance that takes one to an appointment: "the ambulance for my hospital
    # appointment's meant to pick me up at ten"
    r"\bambulance (?:for|to take me to|to) (?:my|the|his|her) (?:hospital |clinic |outpatients? |"
    r"eye |dialysis |x-ray )?(?:appointment|clinic|check-?up|scan|dialysis)\b|"
    # an ambulance that came for another, or that another saw: "tell her the ambulance that
    # came for mr jones over the road has gone", "not to worry about the ambulance he saw
    # outside, it was for next door" (never one that came for the resident, nor "an ambulance"
    # asked for: "get an ambulance come to number five")
    r"\b(?:the|that) ambulance (?:that |which )?(?:came|come|was|were) (?:for|to) "
    r"(?!(?:me|us)\b)[\w']+\b|"
    r"\b(?:the|that) ambulance (?:that |which )?(?:he|she|they|you|[a-z]+) (?:saw|seen|spotted|"
    r"noticed)\b|"
    r"\b(?:it|the ambulance) (?:was|were|'s) (?:for|at) (?:next door|the neighbours?|over the road|"
    r"across the road|the house opposite)\b|"
    # a song, a film or a record called help: "that song 'help!', was that the beatles?"
    r"\b(?:song|record|tune|single|album|film|number|lp) (?:called |named |titled )?['\"]?help\b|"
    # whether to ring, asked beside a question: "is it normal for these eye drops to sting, or
    # should i be ringing the emergency line at the hospital?"
    r"\bor should (?:i|we) (?:be )?(?:ring|call|phon|dial)\w* (?:the |an? )?(?:emergency|"
    r"ambulance|999|111|doctor|out of hours)\b|"
    # a question about the pull cord: "that red emergency cord in the bathroom, is it meant to
    # hang right down to the floor?"
    r"\b(?:red |pull |alarm |emergency |help )+cords?\b(?=[^.!?]*\?)|"
    r"\bhang(?:s|ing)? (?:right )?down to the floor\b|"
    # a danger told on the news: "you said something about a gas leak on the news, say that
    # bit again?"
    r"\b(?:about|of) (?:a|the|that) (?:gas leak|fire|explosion|flood|crash|stabbing)\b[^.!?]{0,20}?"
    r"\bon the (?:news|radio|telly|tv)\b|"
    # a medicine put on after a stroke gone by: "yes, i've taken the blood thinners, the ones
    # the hospital put me on after the stroke"
    r"\b(?:put|started|has|had) (?:me|him|her) on\b[^.!?]{0,40}?\bafter (?:the|my|his|her) "
    r"(?:stroke|heart attack|op|operation|fall|bleed)\b|"
    # the signs of an illness asked: "is chest pain one of the signs of dementia?"
    r"\b(?:is|are|can) [\w' ]{2,30}? (?:one of )?the (?:(?:early |warning )?signs?|symptoms?) "
    r"of\b|"
    # an advert about dialling 999: "that advert about dialling 999 on the radio is so loud"
    r"\b(?:advert|advertisement|ad|jingle|leaflet|poster|campaign)s? (?:about|for|saying|telling "
    r"you to) (?:dialling|calling|ringing|phoning|to dial|to call|to ring) (?:999|911|112|nine "
    r"nine nine|an ambulance)\b|"
    # first aid asked of a cut in general: "is it right you should hold a bleeding cut up above
    # your heart?" (never one's own cut)
    r"\b(?:(?:should|do|must|ought) (?:you|one|i|we)|(?:you|one|we) (?:should|must|ought)) (?:to )?"
    r"(?:hold|keep|raise|press|put|elevate|"
    r"treat|stop)\b[^.!?]{0,20}?\b(?:an?|the) (?:bleeding |bad |deep )?(?:cut|nosebleed|wound|"
    r"graze|burn|scald)\b[^.!?]*\?|"
    # the telly or the radio quoted, the news told, a message or a letter read aloud (never
    # past "and now", "and i", "and my"): "on the telly he just shouted someone call an
    # ambulance", "the radio says there's been a gas leak in the town centre", "jake's text
    # says 'i'm dying here, send help'", "'dear mum, ... tom fell off his bike but he's fine
    # now, love sarah'" (a letter has its sign-off; "dear me, i've fallen" is no letter)
    r"(?:\bon the (?:telly|tv|radio)\b[^.!?]{0,20}?\b(?:shouted|said|says|yelled|screamed|cried)|"
    r"\b(?:the )?(?:radio|news|paper|telly|tv)(?:'s| is| was)? (?:says?|said|saying|reporting|"
    r"reported)|\b(?:text|message|letter|card|e-?mail|note|postcard|leaflet|booklet|label|"
    r"packet|instructions|insert|poster|notice|sign)(?: (?:in|on|at|by|over) (?:the |my |our |"
    r"this |that )?[\w']+)?(?: just)? (?:says|said|reads|read)\b|"
    r"\b(?:it )?says (?:here )?on the (?:box|packet|label|bottle|tube|tin|jar|leaflet|back|side|"
    r"lid)\b|"
    r"\bdid you (?:just )?say\b(?=[^.!?]{0,60}\?)|"
    r"\b(?:i'?m|i am|i was) (?:just |only )?reading (?:it|this|that|them) (?:out|aloud)\b|"
    # ... or said at the start, to a colon or a quote: "reading this out to you: 'if someone
    # suddenly becomes confused, call 999.' sensible, isn't it?"
    r"(?:^|(?<=[.!?] ))reading (?:it|this|that|them) (?:out|aloud)(?: to you)?"
    r"(?::|,? ?['\"\u2018])|"
    r"\bread(?:ing)? (?:me |us |out |this out |that out )?(?:this|the|that|my|a) (?:\w+ )?"
    r"(?:leaflet|letter|label|notice|card|booklet|instructions|sign|poster|text|message|note|"
    r"sheet)(?: (?:from|off|about) (?:the |my |a )?[\w']+)?(?: out| aloud| to me)?"
    r"(?::|,? ?['\"\u2018])|"
    r"^['\"\u2018]?dear (?!(?:me|god|lord|heavens|dear|oh)\b)[\w']+(?: [\w']+)?,"
    r"(?=.{0,200}\b(?:love|from|yours|regards|best wishes|xx+)\b))"
    r"(?:(?! and (?:now|i|my|me|there|it'?s|he'?s|she'?s|we'?re|someone|somebody)\b|\.\.\.|"
    r"\u2026|,? (?:oh|ooh|ow|ouch|hang on|wait)\b)[^!?]){0,160}|"
    # a story or a thing read aloud to someone, its quote to the quote's end: "i'm reading to
    # jack: 'help, help! cried the little bear, i've fallen down the well!'"
    r"\breading\b[^.!?'\"\u2018\u201c]{0,40}?[:,] ?['\"\u2018\u201c].{0,200}?['\"\u2019\u201d]"
    r"(?=\W*$|[,.;:!?]?\s)|"
    # children playing at hospitals or fire engines, what they shout, to the sentence's end
    # (never past "now", "but", "and then", "suddenly", "when", "really"):
    # "the grandkids are playing hospitals, one of them keeps shouting 'call an ambulance!'"
    r"\bplaying (?:at )?(?:hospitals?|doctors(?: and nurses)?|nurses|ambulances?|firem[ae]n|"
    r"fire ?(?:engines?|brigades?)|police|cops and robbers|emergencies|999)\b"
    r"(?:(?!\b(?:now|but|and then|suddenly|when|really)\b)[^.!?]){0,120}|"
    # an ambulance asked about as the way to an appointment: "do i need an ambulance to get to
    # outpatients, or can i go on the bus?", "is the hospital transport the same as an
    # ambulance?"
    r"\b(?:do|does|will|would|should|can|could|shall) (?:i|we|you|he|she|they) (?:need|have|"
    r"get|send|book|order|want|ask for|go in) an? ambulance (?:to (?:get|go|take) (?:me |us |"
    r"him |her )?(?:to|for)|for (?:my|the|his|her|an|a) (?:\w+ )?(?:appointment|outpatients|"
    r"clinic|scan|check-?up|operation|op|x-?ray|transfer))\b|"
    r"\b(?:the )?same as an? ambulance\b|\binstead of an? ambulance\b|"
    # a thing read out, the quote first: "'call 999 if the smell of gas persists', it says on
    # this leaflet" (the quote only: what follows is read)
    r"(?:^|(?<=[.!?] ))['\"\u2018\u201c].{1,160}?['\"\u2019\u201d][.,!]? (?:(?:it|that'?s what "
    r"(?:it|they)) says?|says (?:the|this|my|that|on|in|here))\b|"
    # a turn on the telly: "the fella on the telly just collapsed in the soap"; how to tell
    # one illness from another: "how would you tell a heart attack from bad indigestion"
    r"\b(?:on|in) (?:the |that |this )?(?:hospital |police |medical |crime |cop )?(?:telly|tv|"
    r"soap|film|programme|show|news|drama|series|serial|documentary|" + _PROGRAMME
    + r")\b[^.!?]{0,30}?\b(?:just )?"
    r"(?:collapsed|keeled over|had an? (?:stroke|heart attack|fit|seizure))\b|"
    r"\b(?:that|the|this) (?:hospital |police |medical |crime |cop )?(?:drama|soap|film|programme|"
    r"show|series|serial) (?:where|in which) (?:some ?one|some ?body|a [\w']+|an [\w']+|the "
    r"[\w']+)(?:'s| has| is| just)? (?:just )?(?:collapsed|keeled over|had an? (?:stroke|heart "
    r"attack|fit|seizure)|fallen|fell)\b|"
    r"\b(?:collapsed|keeled over|had an? (?:stroke|heart attack|fit|seizure))(?: (?!(?:and|but|"
    r"now|my|i)\b)[\w']+){0,3}? in (?:the|that|this|tonight'?s|last night'?s) (?:hospital |police "
    r"|medical |crime |cop )?(?:soap|film|programme|show|episode|drama|series)\b|"
    # ... the programme told first: "that hospital drama last night, a chap collapsed on the
    # ward and i couldn't settle after it"
    r"\b(?:that|the|this) (?:hospital |police |medical |crime |cop )?(?:drama|soap|film|"
    r"programme|show|series|serial|episode) (?:last night|the other night|yesterday|last week|"
    r"on (?:the )?(?:telly|tv)(?: last night)?)\b" + _PROGRAMME_TURN + r"|"
    r"\bhow (?:would|do|can|could) (?:you|i|we|one) tell (?:the difference between )?(?:an? |the )?"
    r"(?:[\w']+ ){1,4}?(?:from|and|apart)\b(?: (?:an? |the |bad |plain )?[\w']+){0,3}|"
    # a question for everyday advice: "i keep waking at four, is there anything i can do to
    # sleep through", "what can i do to keep my ankles from swelling" (no sentence of the
    # intent data, the figures or the held-out files that asks so is a call, unless it says
    # one plainly beside it: "what can i do to stop this bleeding" is the words net's)
    r"\b(?:is there anything (?:i|we) (?:can|could|should) do (?:to|about|for)|what (?:can|could|"
    r"should) (?:i|we) do (?:to|about) (?!it\b)|how (?:can|do|could) (?:i|we) (?:stop|get "
    r"better|keep|avoid|sleep|cope)|any tips (?:for|on))\b|"
    # a puzzle's clue or question, to the sentence's end (never past "when", "and now", "and
    # then", "suddenly"): "crossword clue here, seven letters, a sudden attack of illness,
    # i've tried stroke", "there's a question in my quiz book asking what number you ring
    # for the fire brigade in france"
    r"(?:\b(?:crossword|quiz|puzzle|trivia)(?: book| card| show| sheet| night)? (?:clue|"
    r"question)s?|\b(?:clue|question) (?:in|on|from) (?:my |the |this |a |today'?s )?"
    r"(?:crossword|quiz|puzzle|trivia))\b"
    r"(?:(?!\b(?:when|and now|and then|suddenly)\b)[^.!?]){0,160}|"
    # ... or told before its letters, no one of the home in it: "help me with seven down,
    # would you? 'emergency vehicle', nine letters." (never what is said after them: "seven
    # down, eight letters, oh god, derek's gone all floppy")
    r"(?:^|(?<=[.!?] ))" + _NOT_OF_HOME + r"{0,80}?\b(?:three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|thirteen|fourteen|fifteen|\d{1,2})(?:,\d{1,2})? letters\b|"
    # a storey of a building: "my flat is on the ground floor", "the first floor flat"
    # ("on the floor" is the words net's; "on the ground floor" never was)
    r"\b(?:ground|first|second|third|fourth|fifth|top|upper|1st|2nd|3rd|4th) "
    r"floor (?:flats?|apartments?|bedrooms?|bathrooms?|rooms?|windows?|landing|toilet|loo|"
    r"office|lounge|kitchen|of (?:the|a|our|my|this|that))\b|"
    r"\bon the (?:ground|first|second|third|fourth|fifth|top|upper|1st|2nd|3rd|4th) floor\b|"
    # (not "on the bottom floor": a recognizer's "on the bathroom floor")
    # a phone that will not ring out (asked about: it may be a call that could not be made)
    r"\b(?:can ?not|can'?t|could ?n'?t) get (?:my|the) (?:phone|mobile|telephone|landline) to "
    r"(?:ring out|ring|dial|work|connect|go through)\b|"
    # a mild cough, which no call is told by alone: "i've a tickly cough that won't shift"
    r"\b(?:tickly|tickling|chesty|niggly|nagging|dry|little|bit of a) cough\b|"
    r"\bcough that (?:won't|will not|wo n't) (?:shift|go|clear|budge)\b|"
    # an illness being got over: "my friend is recovering from a stroke"
    r"\b(?:recovering|recovered|recuperating|recuperated|getting over|got over|"
    r"convalescing) (?:from )?(?:an? |the |his |her |their |my |your )?(?:\w+ )?"
    r"(?:stroke|heart attack|fall|fit|seizure|operation|op)\b")
"""Words of a call that tell of a place or of an illness being got over, not of a fall or
a call now: the words net leaves them to the model, and the model's alert on them is asked
about first (:func:`is_mention`; device.safety_decision, step 4)."""


_LONG_AGO = (r"(?:(?:a (?:few|couple of) |\w+ )?(?:years?|months?|weeks?) (?:ago|back)|"
             r"(?:ages|yonks|donkey'?s years) ago|"
             r"last (?:year|month|spring|summer|autumn|winter|christmas|easter|" + _WEEKDAYS
             + r")|"
             r"(?:at|over) (?:christmas|easter)|"
             r"(?:christmas|easter|the (?:year|summer|winter|spring|autumn)) before last|"
             r"the (?:year|summer|winter|spring|autumn) before (?:our |my |the |his |her )?"
             r"[\w']+|(?:during|in) the (?:war|blitz)|"
             r"back in (?:january|february|march|april|may|june|july|august|september|"
             r"october|november|december|the (?:spring|summer|autumn|winter|day))|"
             r"as a (?:child|girl|boy|kid|youngster|teenager|lad|lass|nipper|schoolboy|"
             r"schoolgirl)|before christmas|"
             r"in the (?:spring|summer|autumn|winter)(?=,? (?:but|he'?s|she'?s|he is|she is|"
             r"they'?re)|,? and (?:that|my|the|this|it)\b[^.!?]{0,30}?\bstill\b)|"
             r"the year (?:my|our|we|i|he|she|they|the)\b|"
             r"when i was (?:young|younger|little|small|courting|at school|about (?:\w+ty|\d+)|"
             r"a (?:child|girl|boy|kid|youngster|teenager|lad|lass|nipper|tot))|back then|"
             r"in (?:19|20)\d\d|in nineteen \w+(?: \w+)?|in '\d\d|"
             r"in twenty (?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
             r"eighteen|nineteen|twenty(?:[- ]\w+)?)\b|in two thousand(?: and)? \w+|"
             r"in (?:fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|"
             r"eight|nine)(?! (?:minutes|mins|seconds|secs|hours|days|weeks|years|pounds|quid|"
             r"pence|p|miles|yards|feet|times)\b)|"
             r"back in (?:'?\d\d|(?:19|20)\d\d|the (?:fifties|sixties|seventies|eighties|"
             r"nineties|\d0s|'\d0s)))\b")
_MY_FALL = (r"(?:i(?:'ve| have| had)? )?(?:fell|fallen|slipped|tripped|went flying|"
            r"(?:went|gone) (?:my|me) length|"
            r"took a (?:\w+ )?tumble|had a (?:\w+ )?tumble|"
            r"had an? (?:\w+ )?fall)(?: (?:down|over|off|out))?")
_OLD_TURN = (r"(?:had (?:an?|his|her|their|the|my) (?:\w+ )?(?:stroke|heart attack|fit|seizure)|"
             r"passed out|blacked out|"
             r"fainted|collapsed|caught fire|went up in flames|burn(?:ed|t) down)")
_AT_AGE = (r"at (?:the age of )?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
           r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|[2-9]\d)\b"
           r"(?! ?(?:past|to|minutes|mins|o'?clock|am|pm|a\.m\.|p\.m\.)(?!\w))(?![:.]\d)")
"""An age a turn came at ("he had a heart attack at fifty"), never a time of day."""
_AGAIN = (r"(?!.*\b(?:another|right now|just now|and now|(?<!walking )(?<!driving )"
          r"(?<!talking )(?<!working )(?<!playing )(?<!dancing )(?<!gardening )(?<!walk )"
          r"(?<!talk )(?<!drive )(?<!work )again)\b)")
"""Nothing said since of a turn now or again ("... and i think i'm having another one",
"... and now he can't lift his arm"; "she's walking again now" is no such word)."""
_DAY_GONE = (r"(?:on (?:" + _WEEKDAYS + r")|"
             r"last (?:week|month|night)|yesterday|the other day)")
"""A day gone by, told as news ("on saturday", "last week", "the other day")."""
_KIN = (r"(?:brother|sister|husband|wife|son|daughter|friend|neighbou?r|mum|mother|dad|"
        r"father|cousin|aunt|uncle|niece|nephew)")
"""A relative or a friend, said as "my ...": whose turn may be told as news."""
_NOT_NOW = re.compile(
    # the last fall told as gone by: "last time i fell was on the ice by the bridge, must be
    # five years back"
    r"\b(?:the )?last time i (?:fell|had a fall|tripped|slipped|went flying)(?: over| down)? "
    r"(?:was|were)\b(?=[^.!?]*\b(?:" + _GONE_BY + r"|before)\b)|"
    # an ambulance another had to call on a day gone by: "they had to call an ambulance at the
    # club on saturday when the drummer collapsed, he's fine now though"
    r"\b(?:they|we|he|she|someone|somebody|the \w+) had to (?:call|ring|phone|get|send for) "
    r"(?:an? |the )?(?:ambulance|paramedics|999|police|fire brigade)\b[^.!?]*?\b" + _DAY_GONE
    + r"\b" + _AGAIN + r"[^.!?]*|"
    # another's stroke or fall told as a time gone by: "when dad had his stroke we had to
    # clear his house in a weekend"
    r"\bwhen (?:my |our |poor )?(?:he|she|mum|mam|dad|nan|gran|grandad|grandma|husband|wife|"
    r"brother|sister|auntie|uncle|[a-z]+) had (?:his|her|their) (?:first |second |last |big )?"
    r"(?:stroke|heart attack|fall|fit|seizure|turn)\b|"
    # a fall that took another into a home, told: "the old boy who had this flat before me had
    # a fall and went into a home"
    r"\b(?:had a fall|fell|took a tumble)\b[^.!?]{0,20}?\band (?:then )?(?:went|moved|had to "
    r"go|ended up|was put) (?:in|into) (?:a|the) (?:care |nursing |residential )?home\b|"
    # the police's non-emergency line asked for: "what's the police non-emergency number?
    # someone's dumped a mattress on the verge"
    r"\bnon-? ?emergency (?:number|line|phone line|service)\b(?![^\n]*\b(?:wait|actually|but|"
    r"help|quick|quickly|hurry|now)\b)|"
    # a fall guarded against, told: "i'm off up, i'll hold the banister so i don't fall"
    r"\bso (?:that )?(?:i|we) (?:don'?t|do not|won'?t|will not|never) (?:fall|fall over|have a "
    r"fall|trip|slip|go flying|take a tumble)\b(?![^.!?]*\b(?:but|and now|again)\b)|"
    # another taken off by ambulance, told: "poor stan was taken off by ambulance on sunday"
    r"\b(?:was|were|got) (?:taken|carted|whisked|rushed) (?:off |away |in |into hospital )?(?:by|"
    r"in an?|in the) ambulance\b|"
    # calls seen at work: "i must have seen a thousand chest pains come through those doors"
    r"\b(?:seen|treated|nursed|dealt with) (?:a (?:thousand|hundred|few|lot of)|hundreds of|"
    r"thousands of|plenty of|loads of|lots of) (?:chest pains|heart attacks|strokes|falls|"
    r"fractures|overdoses)\b|"
    # since another's stroke, long past: "the nurse said we should be getting it since jean's
    # stroke" (never one's own)
    r"\bsince (?:his|her|their|[a-z]+'s) (?:\w+ )?(?:stroke|heart attack|tia)\b|"
    # the fire brigade or an ambulance others had to send for, told: "a lady got her hair
    # caught in a hand dryer and they had to send the fire brigade"
    r"\b(?:they|he|she|some ?one|some ?body|the staff|the neighbours?) had to (?:send|call|ring|"
    r"get|fetch)(?: for)? (?:the |an? )?(?:fire brigade|fire engines?|firem[ae]n|ambulance|police|"
    r"paramedics)\b|"
    # another's fall, with a call to ask after them: "my friend edna from chapel had a fall in
    # her shower, could you get her on the phone so i can see how she is?"
    # (never the resident's husband or wife, who live with them, nor one rung for another:
    # "my wife fell, ring her daughter")
    rf"\b(?:my|our) (?:\w+ )?(?!(?:husband|wife)\b){_KIN}\b[^.!?]{{0,30}}?\b(?:had a (?:\w+ )?"
    r"fall|fell)\b(?=[^.!?]*\b(?:get (?:her|him) on the phone|(?:ring|call|phone) (?:her|him)(?= *"
    r"(?:[,.!?]|$| (?:up|please|for me|now|so|and|to see|back)\b))|see how (?:she|he)(?:'s| is)|"
    r"how (?:she|he)(?:'s| is) (?:doing|getting on|keeping))\b)" + _AGAIN + r"|"
    # a slip only a bit, and fine: "tell her i'm not hurt, i slipped a bit on the step but
    # i'm fine" (never with a word of being stuck, unable, hurt or bleeding after it)
    r"\bi (?:slipped|tripped|stumbled|wobbled) (?:a bit|a little|slightly|a touch)\b[^.!?]{0,40}?"
    r"\bbut i'?m (?:fine|alright|all right|ok|okay|grand)\b(?![^.!?]*\b(?:can'?t|cannot|won'?t|"
    r"bleed\w*|floor|stuck|hurt\w*)\b)|"
    # a fall in the night or earlier, and fine now: "tell her i had a fall in the night but
    # i'm fine now and back in bed" (never hurt, nor unable)
    r"\bi (?:had a (?:\w+ )?fall|fell(?: over| down)?|tripped|slipped|stumbled)(?: (?:on|over) "
    r"(?:a|the|my|some) (?:[\w']+ ){0,2}?[\w']+)? (?:in the night|last night|this morning|"
    r"earlier(?: on)?|"
    r"yesterday|the other (?:day|night)|last week|a (?:few|couple of) days ago|on (?:"
    + _WEEKDAYS + r"))\b(?=[^.!?]*\bbut i'?m (?:absolutely |perfectly |quite |totally )?(?:fine|"
    r"alright|all right|ok|okay|grand|right as rain)\b)(?![^.!?]*\b(?:can'?t|cannot|won'?t|"
    r"hurt\w*|pain\w*|bleed\w*|floor)\b)|"
    # the ambulance that brought one home: "tell her the ambulance brought me home safe and
    # sound"
    r"\b(?:the |an )?ambulance (?:\w+ )?(?:brought|dropped|took|drove|fetched|got) (?:me|us|him|"
    r"her) (?:back )?home\b|"
    # another off a stool or a bike on a day gone by: "big terry fell off his stool at the
    # darts last night, but he was only laughing" (never with a sign of harm)
    r"\b(?:fell|tumbled|toppled|slipped|came) off (?:his|her|their) (?:bar ?stool|stool|chair|seat|"
    r"bike|ladder|horse|perch)\b[^.!?]{0,40}?\b" + _DAY_GONE + r"\b" + _AGAIN
    + r"(?![^.!?]*\b(?:still|not moving|can'?t|won'?t|hurt|bleeding)\b)[^.!?]*|"
    # a bone broken long ago, with how: "i broke my wrist at a bonfire party in 1972, i slipped
    # in the mud by the beck" (the sentence; never with a fall since)
    r"\b(?:broke|broken|fractured|cracked|did) (?:my|his|her) (?:\w+ )?(?:wrist|hip|arm|leg|ankle|"
    r"elbow|shoulder|collarbone|pelvis|knee)\b[^.!?]{0,60}?\b" + _LONG_AGO + _AGAIN + r"[^.!?]*|"
    # ears still ringing after a noise: "my ears are still ringing from those bangs"
    r"\bears? (?:are |is |'re |'s |have been |has been )?(?:still )?ringing (?:from|after|since) "
    r"(?:the|those|these|that|all|last)\b|"
    # the services out on the news: "there's flooding up the valley and the fire brigade's
    # been out, is it bad?"
    r"\b(?:the )?(?:fire brigade|firemen|fire engines?|lifeboat|coastguard|mountain rescue)"
    r"(?:'s| has|'ve| have) been (?:out|called out|busy|out all night)\b"
    r"(?![^.!?]*\b(?:now|again|back|still|smoke|smoking|flames?|burning|smell\w*)\b)|"
    # an ambulance that came for another, told: "an ambulance came for one of the residents in
    # the night", "the ambulance that took mrs pugh was only for a check-up"
    r"\b(?:an|the) ambulance (?:came|had to come) for (?:one of|a (?:man|lady|woman|resident|"
    r"neighbou?r)|the (?:man|lady|woman|chap|fella|old)|mr|mrs|miss|old|(?:my|our) "
    r"(?:neighbou?r|friend))\b|"
    r"\bthe ambulance that (?:took|came for|fetched|picked up) "
    r"(?!(?:me|us|ages|so|too|long|forever|an hour|hours)\b)[\w']+|"
    # the emergency number rung before, more than once: "my neighbour's had to call 999 twice
    # this month"
    r"\b(?:call|ring|dial|phone|called|rung|rang|dialled|phoned)(?: for)? (?:999|an ambulance|"
    r"the ambulance|the police) (?:twice|three times|four times|several times|a few times|"
    r"a couple of times|more than once) (?:this|last|in the last) (?:week|month|year|winter|"
    r"summer|spring|autumn)\b|"
    # a hypothetical told as advice: "the carer said if i ever can't get up off the floor i
    # should roll onto my side first, is that right?"
    r"\bif (?:i|he|she|we) ever\b[^.!?,]{0,80}?(?=,? (?:i|we|he|she|you) (?:should|must|have "
    r"to|need to|ought to|'?m to|am to|'?re to|are to)\b)|"
    # a stroke or a fall the ward said one had had: "the ward sister said i'd had a mini
    # stroke, what does that actually mean for me?" (never "says i've had a stroke", now)
    r"\b(?:said|says|told (?:me|us)|reckons?|thinks?|thought)(?: that)? (?:i|he|she)(?:'?d| had) "
    r"had (?:a |an )?(?:mini[- ]?|small |little |minor |slight )?(?:stroke|tia|heart attack|fit|"
    r"seizure|fall)\b|"
    # one's own fall told with the month it came: "when i fell in the garden in march the
    # paramedics were lovely"
    r"\b(?:when|since) i (?:fell|had (?:a|my) (?:\w+ )?fall|slipped|tripped|went flying)\b"
    r"[^.!?,]{0,40}?\b(?:" + _DAY_GONE + r"|last (?:year|month|spring|summer|autumn|winter))\b"
    r"(?![^.!?]*\b(?:now|again|another|can'?t|cannot|still (?:down|on|lying|here))\b)|"
    r"\b(?:when|since) i (?:fell|had (?:a|my) (?:\w+ )?fall|slipped|tripped|went flying)\b"
    r"[^.!?,]{0,40}?\bin (?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\b(?![^.!?]*\b(?:now|again|another)\b)|"
    # help got long ago, asked about: "how did people get an ambulance before everybody had a
    # telephone?"
    r"\bhow did (?:people|they|folk|folks|we|you|anyone|anybody) (?:get|call|ring|phone|fetch|"
    r"send for) (?:an? |the )?(?:ambulance|doctor|help|police|fire brigade)\b(?=[^.!?]*\bbefore\b)|"
    # why 999, asked: "why did they pick 999 for the emergency number?"
    r"\bwhy (?:did|do|is|was) (?:they|we|it) (?:pick|choose|chose|use|have|become|called) "
    r"(?:999|nine nine nine)(?: (?:for|as) (?:the|an?) (?:emergency )?(?:number|line))?\b|"
    # a weakness told as left by an old stroke: "my right side went weak after my stroke
    # years ago" (never with a word of now or again)
    r"\b(?:after|since|from|with) (?:my|his|her|the) (?:\w+ )?(?:stroke|heart attack)\b"
    r"(?=[^.!?]*\b" + _LONG_AGO + r")(?![^.!?]*\b(?:now|again|another)\b)|"
    # a spray or tablets for chest pain, asked about for when it comes: "the doctor gave me a
    # spray for chest pain, how many puffs am i meant to have if it ever comes on?"
    r"\b(?:spray|tablets?|pills?|puffer|patch(?:es)?|medicine) for (?:my |the |any )?(?:chest "
    r"pains?|angina)\b(?=[^.!?]*\b(?:if|when|whenever) (?:it|they|the pain) (?:ever |next )?"
    r"(?:comes?|starts?|flares?|happens?)\b)(?![^.!?]*\b(?:now|not working|is ?n'?t working|"
    r"has ?n'?t worked|still)\b)|"
    # what the device should do if it ever comes, asked now: "if i ever can't breathe, would
    # you call 999 for me" (to the clause's end; never past "and now", "but")
    r"\bif (?:i|he|she|we|they|my [\w']+) ever\b[^.!?]{0,60}?,? (?:would|will|could|can|do) "
    r"you (?:please )?(?:call|ring|phone|dial|get|send|press|alert|tell)\b"
    r"(?: (?!(?:and|but|now)\b)[\w']+){0,6}|"
    # what someone might ever do, supposed: "if a stranger ever pushed his way in, what
    # would i say to you?" (the clause, to its comma)
    r"\bif (?:someone|somebody|anyone|anybody|a [\w']+|an [\w']+|the [\w']+) ever\b"
    r"[^.!?,;]{0,60}|"
    # a turn that might ever come, asked about: "if i ever did go down in the night and
    # couldn't get up, what's the best thing to do?" (the clause, to its comma)
    r"\bif (?:i|he|she|we) ever\b[^.!?,]{0,80}(?=, (?:what|how|who|where|which|should (?:i|we)|"
    r"do (?:i|we))\b[^.!?]*\?)|"
    # a wish to be ready for what may come: "how can i stop my husband wandering at night?
    # he's fast asleep now, i just want to be ready" (to the clause's end; never past "and
    # now", "but")
    r"\b(?:i|we) (?:just |only )?(?:want(?:ed)?|like|need) to be (?:ready|prepared)\b"
    r"(?: (?!(?:and|but|now)\b)[\w']+){0,8}|"
    # the risk of a turn, asked: "what are the chances of having a stroke if you've got af"
    r"\bwhat(?:'s| is| are) (?:the|my|his|her|your) (?:chances?|risks?|odds|likelihood) of"
    r"(?: (?!(?:and|but|now)\b)[\w']+){1,10}|"
    # a carer's need, not a fall: "she's getting too heavy for me to lift", "i can't lift him
    # into the bath any more"
    r"\b(?:getting too heavy (?:for me )?to (?:lift|manage|move)|(?:can'?t|cannot|can ?not) "
    r"(?:lift|manage) (?:him|her|them)(?: [\w']+){0,4}? any ?more)\b|"
    # a turn told as having happened once, long ago: "i set the toast on fire once making a
    # midnight snack", "my sister rang at midnight once to say dad had collapsed" (never
    # "once again", "once more")
    r"\b(?:set|caught)\b[^.!?]{0,25}?\b(?:on fire|alight|light)\b once\b(?! (?:again|more)\b)|"
    r"\bonce to (?:say|tell (?:me|us|him|her))\b(?: (?!(?:and|but|now)\b)[\w']+){0,8}|"
    # a death of long ago, told: "my brother died of a heart attack at fifty two"
    r"\b(?:died|passed away|passed on|was killed|were killed) (?:of|from|with|after|in) "
    r"(?:an? |his |her |their |the )?(?:massive |big |sudden |bad )?(?:heart attack|stroke|"
    r"fall|fit|seizure|bleed|fire)\b|"
    # breath through the nose or the mouth, and a pause in sleep the doctor knows of: "he
    # isn't breathing through his nose properly with this cold", "i've stopped breathing
    # through my mouth since the new mask", "my husband stops breathing in his sleep, it's
    # apnoea", "... stopped breathing for a few seconds in the night" (any call said beside
    # them is a call: "... and now i can't wake him")
    r"\b(?:(?:is|are|was|were) ?n'?t|not|stopped|started|been|keep|kept|try|trying|tried) "
    r"breathing (?:properly |very well |well )?through (?:my|his|her|their|your|the|one) "
    r"(?:\w+ )?(?:nose|nostrils?|mouth)\b(?!,? (?:or|and|nor) )|"
    r"\b(?:can ?not|can'?t|could ?n'?t) breathe (?:properly |very well |well )?through "
    r"(?:(?:my|his|her|their|your|the|one) (?:\w+ )?(?:nose|nostrils?)\b(?!,? (?:or|and|nor) )|"
    r"it (?:at night|properly|very well)\b)|"
    # a blocked nose: "my nose is bunged up like a blocked drain, i can't breathe through it
    # at all"
    r"\bnose(?:'s| is)? (?:all |completely |totally |so )?(?:bunged|blocked|stuffed|stuffy)"
    r"(?: up)?\b[^.!?]{0,60}?\b(?:can ?not|can'?t|could ?n'?t) breathe through it\b|"
    r"\bstop(?:s|ping)? breathing (?:for (?:a |a few |a couple of |several |some )?(?:\w+ )?"
    r"(?:seconds?|moments?) )?(?:(?:[\w']+ ){0,3}?(?:in|during) (?:his|her|my|their|your|the) "
    r"(?:sleep|night)|at night)\b|"
    r"\bstop(?:s|ped|ping)? breathing for (?:a |a few |a couple of |several |some )?(?:\w+ )?"
    r"(?:seconds?|moments?)\b|\bsleep apn(?:o)?ea\b|"
    # a fall long past, the marker within a few words: "years ago i slipped on the ice",
    # "i tripped over in town a couple of years back" (never a fall now told after the
    # marker: "we moved here three years ago and now i've fallen in the garden")
    rf"\b{_LONG_AGO} (?:(?!(?:and|but|now|then|so|today|tonight|just|again)\b)\w+ ){{0,3}}?"
    rf"{_MY_FALL}\b|\b{_MY_FALL}(?: [\w'-]+){{0,6}}? {_LONG_AGO}\b|"
    # ... or where it hurt since, by the season: "my hip's aching where i fell in the summer"
    rf"\bwhere {_MY_FALL}(?: [\w'-]+){{0,4}}? in the (?:spring|summer|autumn|winter)\b{_AGAIN}|"
    # a turn long past, the resident's or another's, with no other since: "i passed out once
    # at a wedding in 1974", "my brother had a stroke in 2011 but he's still playing bowls"
    # (not "... years ago and now he's having another")
    rf"(?:\b{_LONG_AGO} (?:\w+ ){{0,3}}?{_OLD_TURN}\b|\b{_OLD_TURN}(?: [\w',]+){{0,6}}? "
    rf"(?:{_LONG_AGO}|{_AT_AGE})\b){_AGAIN}|"
    # another's turn on a day gone by, told as news: "my friend irene had chest pains on
    # saturday, she's in the hospital and doing well" (not the resident's, nor since)
    rf"(?:\b(?:he|she|they|my (?:\w+ )?{_KIN}(?: (?!had\b|has\b)\w+)?)"
    r" (?:had|has had) (?:an? |his |her |their )?(?:" + _CHEST_PAIN + r"|stroke|heart attack|fit|"
    rf"seizure|funny turn)(?: [\w']+){{0,3}}? {_DAY_GONE}\b){_AGAIN}|"
    # a pain that turned out to be nothing: "the chest pains i had in march turned out to be
    # indigestion"
    rf"\b(?:{_CHEST_PAIN}|heart attack|stroke|the pains?)(?: [\w']+){{0,6}}? turned out to be "
    r"(?:just |only |nothing but )?(?:indigestion|heartburn|wind|trapped wind|nothing|a pulled "
    r"muscle|anxiety|a panic attack|stress|acid|reflux)\b|"
    # another's turn with others caring for them: "my brother in karachi had a stroke, the
    # family are with him at the hospital"
    rf"(?:\b(?:he|she|they|my (?:\w+ )?{_KIN}(?: in \w+)?)"
    r" (?:had|has had|'s had) (?:an? |his |her |their )?(?:stroke|heart attack|fit|seizure|fall)"
    r"\b(?=[^.!?]*\b(?:in (?:the )?hospital|at the hospital|the family (?:are|is) with|"
    rf"(?:they're|they are|the doctors are|nurses are) with (?:him|her)))){_AGAIN}|"
    # a question about lying on the floor: "how do i get up if i'm on the floor on my own"
    r"\b(?:how|what|who|should)\b(?: [\w']+)*? if (?:i|you|someone|somebody|they|he|she)"
    r"(?:'m| am| are| is|'s| was| were)? (?:ever )?(?:stuck |lying )?on the (?:\w+ )?floor\b|"
    # the last one, long over: "the last time i fell was before christmas"
    r"\bthe last time i (?:fell|had a fall|slipped|tripped)\b|"
    # a condition, not an event: "what should i do if i fall", "if someone has a stroke"
    r"\bif (?:i|you|someone|somebody|anyone|they|he|she|a person|an? (?:child|baby|toddler|"
    r"kid|grandchild|grandson|granddaughter|man|woman|friend|relative|neighbou?r|pensioner|"
    r"old person|elderly person|guest)|(?:my|your|the) (?:child|baby|toddler|kid|grandchild|"
    r"grandson|granddaughter|friend|husband|wife|partner|neighbou?r|mum|mother|mom|dad|father|"
    r"son|daughter|brother|sister|nan|gran|grandad|grandma|grandpa))"
    r"(?:'s| is| ever| were| was|'m| am| are)?"
    r" (?:[\w']+ ){0,3}?(?:fall|fell|falls|slip|slipped|slips|trip|tripped|trips|"
    r"end up on the (?:\w+ )?floor|choking|chokes?|"
    r"(?:have|had) an? (?:fall|stroke|"
    r"heart attack|fit|seizure)|having a (?:stroke|heart attack|fit|seizure)|"
    r"has a (?:fall|stroke|heart attack|fit|seizure)|collapses?|(?:is|are|was) bleeding|"
    r"(?:can'?t|could ?n'?t|can ?not) breathe|stops? breathing)\b"
    # ... and what would follow it: "what do i do if i fall and can't get up"
    r"(?: and (?:i |they |he |she |you )?(?:can ?not|can'?t|cannot) (?:get up|stand up|move|"
    r"lift (?:him|her|them)|get (?:him|her|them) up)\b)?|"
    # a dream: "i dreamt the house was on fire", "i had a nightmare that i fell down the stairs"
    # (never across "and", "then", "woke": "i had a bad dream and fell out of bed" is a fall;
    # waking on the floor is said apart: "... and i woke up on the floor")
    r"\b(?:dreamt|dreamed|dreaming|had (?:an?|the|this|that|such an?) (?:[\w']+ ){0,3}?"
    r"(?:dream|nightmare)|in (?:the|my|a|that) (?:dream|nightmare))"
    r"(?: that| about| last night)? (?:(?!(?:and|then|so|but|woke|when)\b)[\w']+ ){0,5}?"
    r"(?:on fire|in flames|fell|fallen|breaking in|broke in|broken in|could ?n'?t breathe|"
    r"can'?t breathe|drowning|"
    r"had an? (?:fall|stroke|heart attack)|collapsed|choking|bleeding)\b|"
    # ... and what could not be done in it: "i dreamt i was stuck in a lift and couldn't
    # breathe" (never on waking, nor still: "... and couldn't breathe when i woke up")
    r"\b(?:dreamt|dreamed|had (?:an?|the|this|that|such an?) (?:[\w']+ ){0,3}?(?:dream|"
    r"nightmare))(?: that| about| last night)? (?:(?!(?:then|so|but|woke|when)\b)[\w']+ ){0,8}?"
    r"and (?:i )?(?:could ?n'?t|could not) (?:breathe|move|get out|escape|scream|shout)\b"
    r"(?! (?:when|after|once) (?:i|he|she) (?:woke|wake)| and (?:now|still)\b)|"
    # a fall feared, not had: "i'm afraid i'll fall one night and nobody will know"
    r"\b(?:afraid|scared|frightened|worried|terrified|petrified) (?:that )?(?:i'?ll|i will|i might|"
    r"i'?d|of) (?:fall|falling|have a fall|having a fall|collapse|collapsing)\b|"
    # a fire the resident does not want: "i don't want it catching fire while i'm asleep",
    # "in case it catches fire"
    r"\b(?:do ?n'?t|does ?n'?t|would ?n'?t|never) want (?:it|them|that|this|anything|the \w+)"
    r" (?:to )?(?:catch|catching) fire\b|\bin case (?:it|they|that|the \w+) (?:catch|catches)"
    r" fire\b|"
    # ... or worries it might: "turn the telly off at the wall, i'm worried about it catching
    # fire overnight"
    r"\b(?:worried|worry|worrying|scared|frightened|afraid|nervous) (?:about |of |that )?(?:it|"
    r"them|that|this|the \w+)(?: (?:might|could|would|will))? (?:catching|catch|going up in|go "
    r"up in) (?:fire|flames)\b|"
    # a danger that might happen: "what do i do if i smell gas", "if the pan catches fire"
    r"\bif (?:i |you |we |someone |anyone )?(?:ever )?(?:can )?(?:smell|smells) (?:of )?gas\b|"
    r"\bif (?:there'?s|there is|there was) (?:an? )?(?:fire|gas leak|intruder|burglar)\b|"
    r"\b(?:if|when|whenever) (?:the |my |a |your )?(?:carbon monoxide|co|c o) (?:alarm|detector|"
    r"monitor) (?:ever )?(?:goes|go|went|sounds|starts) (?:off)?\b|"
    r"\bif (?:some ?one|some ?body|anyone|any ?body|a burglar|burglars) (?:ever )?"
    r"(?:tries to |tried to )?(?:breaks?|broke|gets|got|forces|forced) (?:in|their way in)\b|"
    r"\bif (?:the |a |my |your )?(?:[\w']+ ){0,2}?(?:ever )?(?:(?:catches|catch|caught) fire|"
    r"(?:is|are|goes|went) (?:on fire|up in flames))\b|"
    # what the resident would say, not says: "if i said i can't get up you'd ring sarah,
    # wouldn't you" (to the clause's end: "..., i need help" is said apart)
    r"\bif (?:i|you|someone|somebody|he|she) (?:ever )?(?:said|say|says|shouted|shout|shouts|"
    r"told you|tell you|called out|call out|yelled|yell)(?: that)?(?: [\w']+){1,8}|"
    # play: "pretend there's a fire!", "pretend you're an ambulance and go nee naw" (to the
    # clause's end)
    r"\b(?:let'?s )?pretend(?:ing)? (?:that )?(?:there'?s|there is|you'?re|you are|"
    r"(?:i'?m|i am)(?! (?:just )?(?:asking|talking)\b)|"
    r"we'?re|it'?s|he'?s|she'?s|i'?ve|i have|i'?d|i had|i said|i fell|i fall|"
    r"some(?:one|body)'?s)\b(?: [\w']+){0,8}|"
    # what to do if a thing ever happens again, as told by a nurse or a doctor: "the nurse
    # said if the wound ever bleeds through again i'm to dial 999, so i've written it on the
    # fridge" (never "... and it has")
    r"\b(?:said|says|told (?:me|us)|tells (?:me|us)|advised(?: me| us)?) (?:that )?if\b"
    r"[^.!?]{0,60}?\b(?:ever|again)\b[^.!?]{0,40}?\b(?:i'?m|i am|we'?re|we are|i was|i should|"
    r"i must|to) (?:to )?(?:dial|ring|call|phone|press|pull)\b(?: (?:for )?(?:an? |the |my )?"
    r"(?:999|112|911|ambulance|doctor|help|emergency (?:line|number)|red cord|pendant|button|"
    r"alarm))?(?![^.!?]*\b(?:and (?:it|he|she) (?:has|is|did)|and now|which it (?:has|is))\b)|"
    # a symptom the resident has been told what to do about if it ever comes: "the doctor
    # said if i ever get chest pain i'm to ring straight away, and i haven't had any"
    r"\bif (?:i|you|he|she|we) (?:ever )?(?:get|gets|got|have|has|had|feel|feels|start "
    r"(?:getting|having)) (?:any |the |a |an |bad |more )?(?:chest pains?|pains? in (?:my|the|"
    r"his|her) chest|stroke|heart attack|fit|seizure|fall|falls)\b|"
    # a fire supposed: "if the house was on fire i'd grab my teeth first"
    r"\bif (?:[\w']+ ){1,3}(?:was|were) (?:ever )?(?:on fire|in flames|alight|burning down)\b"
    r"(?=[^.!?]{0,20}?\b(?:i'?d|i would|we'?d|we would|you'?d|you would)\b)|"
    r"\bwhat (?:would|will|could|might) happen if\b(?: (?!(?:and|but|so|now|then)\b)[\w']+)"
    r"{1,8}|"
    # a night remembered: "i keep thinking about the night frank had his stroke"
    r"\b(?:think(?:ing)?|thought|remember(?:ing)?|forget|dream(?:ing|t)?) (?:about |of )?the "
    r"(?:night|day|time|morning|evening|afternoon) (?:that |when )?(?:[\w']+ ){1,3}?(?:had (?:his|"
    r"her|their|a|an|the|my) (?:stroke|heart attack|fall|fit|seizure)|fell|collapsed|died)\b|"
    # a knock at the door explained: "someone's knocking, it's probably the meter reader"
    r"\b(?:some ?one|some ?body)(?:'s| is) (?:knocking|at the door|ringing the bell|at the "
    r"window)\b[^.!?]{0,12}?\b(?:it'?s |it is |that'?ll be |it'?ll be )?(?:probably|must be|"
    r"expect it'?s|only)\b(?: [\w']+){0,4}|"
    # a scam call hung up on: "the man said there'd been fraud on my account but i hung up"
    r"\b(?:fraud|scam|scammer|bank|account)\b[^.!?]{0,60}?\bi (?:hung up|put the phone down)\b|"
    # a call's words taken back by what it was: "my wife keeps saying the house is on fire but
    # it's only the sunset on the window"; a game's or a film's: "my grandson's game is all
    # explosions and people screaming for help"
    r"\b(?:on fire|in flames|smoke|burning|an intruder|a burglar|some ?one in the house)\b"
    r"[^.!?]{0,20}?\bbut (?:it'?s|it is|it was|it turned out to be) (?:only|just)\b|"
    r"\b(?:on fire|in flames|an intruder|a burglar|some ?one in the house)\b[^.!?]{0,10}?\bbut "
    r"(?:it|there|he|she) (?:is|was) ?n'?t(?=[,.!?;]| (?:really|at all|real|true)\b|$)|"
    r"\b(?:game|film|programme|program|show|telly|tv|cartoon)\b[^.!?]{0,40}?\b(?:screaming|"
    r"shouting|crying|calling) for help\b|"
    # a scare called off: "i thought i smelled gas but it was just the cooker lighting"
    r"\bi thought (?:i|there|it|he|she|someone|somebody)\b[^.!?;]{0,60}?\bbut (?:it was|it's|"
    r"it is|it turned out|turns out)(?: to be)? (?:just|only|nothing)\b|"
    # "don't panic, it's only the smoke alarm, it's the toast again"; a noise in the night
    # explained, said first: "it's only the foxes screaming", "it's only the pipes knocking"
    r"\b(?:it'?s|it is|it was|that'?s|that was) (?:only|just) (?:the )?(?:smoke alarm|fire alarm|"
    r"toast|burnt toast|steam|cooker|grill)\b|"
    r"^(?:it'?s|it is|that'?s) (?:only|just) (?:the )?(?:foxes|fox|cats?|wind|owls?|boiler|pipes|"
    r"radio|telly|neighbours)\b(?: [\w']+){0,2}|"
    # another's collapse on a day gone by, or another in hospital with their turn, or the
    # ambulance been and gone: "our neighbour collapsed at the bus stop on monday", "my
    # sister's in hospital with chest pains", "the ambulance has been and gone, they checked
    # dad over and said he's fine" (not the resident's, nor since)
    rf"(?:\b(?:he|she|they|(?:my|our) (?:\w+ )?{_KIN}(?: (?!had\b|has\b)\w+)?) (?:collapsed|"
    r"fainted|passed out|blacked out|was taken ill|took ill|was rushed (?:in|to hospital))"
    rf"(?: [\w']+){{0,4}}? {_DAY_GONE}\b){_AGAIN}|"
    rf"(?:\b(?:he|she|they|(?:my|our) (?:\w+ )?{_KIN}(?: \w+)?)(?:'?s| is|'re| are) (?:in|at) "
    r"(?:the )?hospital with (?:an? |his |her |their |bad |some )?(?:" + _CHEST_PAIN + r"|"
    r"stroke|heart "
    rf"attack|fit|seizure|fall|pneumonia|infection)\b){_AGAIN}|"
    # life since an old turn: "he walks slowly since the stroke", "i haven't been the same
    # since my fall last spring" (never a turn of this morning, today, an hour ago)
    r"\bsince (?:his|her|my|the|their|mum'?s|dad'?s) (?:\w+ )?(?:stroke|heart attack|fall|op|"
    r"operation|bypass)\b(?! (?:this|today|tonight|earlier|just|an hour|last night|a minute|"
    r"minutes|half an hour)\b)(?![^.!?]*\b(?:but now|and now|again|another)\b)|"
    # a turn of another's kin: "my friend's husband had a heart attack pushing the mower,
    # should i ease off the heavy cleaning?"
    rf"\b(?:my|our) (?:\w+ )?{_KIN}'s (?:\w+ )?{_KIN} had an? (?:\w+ )?"
    rf"(?:heart attack|stroke|fall|fit|seizure|funny turn)\b{_AGAIN}|"
    # another who had a turn and is in hospital now or on the mend: "my neighbour had a
    # stroke, bless her, she's in the royal now and doing alright"
    rf"\b(?:he|she|they|(?:my|our|the) (?:\w+ )?{_KIN}(?: \w+)?)(?:'s| has)? had an? (?:\w+ )?"
    r"(?:stroke|heart attack|fit|seizure|fall|funny turn)\b(?=[^.!?]*\b(?:he|she|they)(?:'s| is|"
    r"'re| are) (?:(?:in|at) (?:the )?(?:hospital|royal|infirmary|general|[\w']+ ward)|(?:back )?"
    r"home(?: now)?\b|(?:now )?doing (?:alright|all right|well|fine|ok|okay|better)|on the mend|"
    r"recovering|over the worst|(?:came|come|got|pulled) through(?: it)?(?: (?:fine|alright|all "
    rf"right|ok|okay|well))?)\b){_AGAIN}|"
    # what a leaflet or a label says to do in an overdose, read aloud (never beside what the
    # resident has taken)
    r"\b(?:leaflet|label|box|packet|instructions|insert|sheet|bottle|notice|card|letter)"
    r"(?:'s| has)? (?:says?|said|reads|tells you|warns|goes)[,:]? (?:that )?(?:in (?:the )?"
    r"case of|in the event of|if you (?:take|have taken|think you have taken)) (?:an? )?"
    r"(?:overdose|too many|too much)\b(?![^.!?]*\b(?:i'?ve|i have|i took|i think i|and i)\b)|"
    # the crew seen leaving another's: "i saw the paramedics leave hers and i want to know
    # she's alright"
    r"\b(?:saw|seen|watched|noticed) (?:the|an) (?:ambulance|paramedics?|ambulance crew) "
    r"(?:leave|leaving|go|going|pull away|pulling away|drive off|driving off)\b(?! (?:here|mine|"
    r"ours|my)\b)|"
    # the ambulance gone by for another: "the ambulance went past earlier for the chap at
    # number nine, i hope he's alright"
    r"\b(?:the|an) ambulance (?:went|came|drove|was|has been)(?: past| by| round| up the road| "
    r"down the road)?(?: earlier| this morning| this afternoon| last night| just now)? for "
    r"(?:the|a|an|old|mrs|mr|miss) (?:[\w']+ ){0,2}?(?:at|next door|over the road|across the road|"
    r"opposite|up the road|down the road|in number|from number)\b|"
    # an alarm only being tested: "the fire alarm's going off but it's only the warden
    # testing it"
    r"\b(?:fire|smoke|heat|co|carbon monoxide) alarms?\b[^.!?]{0,40}?\b(?:only|just) (?:the |a |my "
    r"|our )?[\w']+(?: [\w']+)? (?:testing|checking) (?:it|them|the alarms?)\b|"
    # ... or by the resident: "that beeping's just me testing the smoke alarm, i've pressed
    # the button" (never with smoke, fire, burning, flames or gas said besides)
    r"\b(?:only|just) me (?:testing|checking) (?:the |my |our )?(?:fire|smoke|heat|co|carbon "
    r"monoxide) alarms?\b(?![^.!?]*\b(?:smoke|fire|burning|flames|gas)\b)|"
    # another's collapse told with its day gone: "the paramedics came for mr patel across the
    # road yesterday, he'd collapsed by his car" (never one found now: "i came in and she'd
    # collapsed")
    rf"\b{_DAY_GONE}\b[^.!?]{{0,60}}?\b(?:he|she|they)(?:'d| had) (?:just )?(?:collapsed|keeled "
    r"over|passed out|fainted)\b" + _AGAIN + r"|"
    # a choke on a drink gone by and the resident all right: "i had a choking cough on my
    # water earlier and my throat's still a bit sore, but i'm alright"
    r"\b(?:a choking cough|a coughing fit|choked|choking) on (?:my|me|a|the|some) (?:\w+ )?"
    r"(?:water|tea|drink|coffee|crumbs?|biscuit|toast|food|dinner|soup)\b[^.!?]{0,20}?\b"
    r"(?:earlier|this morning|at (?:lunch|dinner|tea|breakfast)(?:time)?|before)\b"
    r"(?=[^.!?]*\bbut i'?m (?:alright|all right|fine|ok|okay)\b)" + _AGAIN + r"|"
    # a fall told as a story: "shall i tell you about the time i fell out the bath in a guest
    # house in blackpool?"
    r"\b(?:about|remember|recall|of) the (?:time|day|night) (?:when )?(?:i|he|she|we|my \w+)"
    r"(?: [\w']+){0,2}? (?:fell|slipped|tripped|went flying|took a tumble|came a cropper|had a "
    r"fall)\b" + _AGAIN + r"|"
    # a letter, a text or a caller saying money is in danger, read out: "this letter says my
    # account's in danger and i must act urgently or lose everything"
    r"\b(?:letter|email|e-mail|text|message|caller)(?:'s| has)? (?:says?|said|claims?|claimed)"
    r"\b[^.!?]{0,40}?\b(?:account|bank|money|savings|card|pension|payment|bill|tax|parcel)\b"
    r"[^.!?]{0,40}?\b(?:urgent\w*|danger|immediately|act now)\b|"
    # the ambulance that took another on a day gone by, or that is there for another house:
    # "tell him the ambulance took mrs jenkins next door yesterday", "tell him i'm fine, the
    # ambulance outside is for the house over the road"
    rf"\b(?:the|an) ambulance (?:took|fetched|collected|came for) (?!me\b|us\b)[^.!?]{{0,40}}?"
    rf"\b{_DAY_GONE}\b{_AGAIN}|"
    r"\b(?:the|that|an) ambulance(?: (?:outside|out there|in the street|down the road|over the "
    r"road|across the road))? (?:is|'s|was) (?:for|at) (?:the (?:house|flat|bungalow|people|"
    r"family|couple|lady|man|woman|chap|fella) (?:over|across|opposite|next door|at|on|down|up)|"
    r"next door|number \w+|the neighbou?rs?|(?:mrs|mr|miss|ms|old) \w+|someone else|somebody "
    r"else)\b|"
    r"\b(?:the )?(?:ambulance|paramedics?|ambulance crew)(?:'s| has| have)? (?:been and gone|"
    r"came and went|come and gone)\b|"
    r"\bchecked (?:him|her|them|dad|mum|my \w+) over and said (?:he's|she's|they're|he is|"
    r"she is|they are) (?:fine|ok|okay|alright|all right)\b|"
    r"\b(?:the )?ambulance (?:came|took (?:him|her|them)(?: in| away)?)(?: [\w']+){0,3}? "
    r"(?:and|but) (?:he|she|they)(?:'s| is|'re| are) (?:recovering|fine|ok|okay|home|"
    r"doing (?:well|fine)|in (?:the )?hospital)\b")
"""A fall long past or a hypothetical one: not a call (:func:`is_negated_call`); a plain
call in another clause still counts."""


_LEADING_NO = re.compile(r"^(?:no|nope|nah|not really|incorrect|wrong)\b")
"""A no by its first word alone (:func:`only_a_leading_no`)."""

_DENIAL = re.compile(
    _LEADING_NO.pattern + r"|"
    r"\bi(?:'m| am) (?:fine|ok|okay|all ?right|alright|good|not hurt|grand|right as rain)\b|"
    r"\bi(?:'m| am) (?:perfectly |quite |absolutely )?(?:fine|ok|okay|all ?right|alright)\b|"
    r"\bi did ?n[o']t fall\b|\bi do ?n[o']t need (?:any )?help\b|\bfalse alarm\b|"
    r"\b(?:everything|all)(?:'s| is) (?:fine|ok|okay|all ?right|well)\b|\bno help needed\b|"
    r"\bno harm done\b|\bpanic over\b")
"""An explicit "no, I am fine" to "Did you fall? Do you need help?"."""

_NOT_FINE = re.compile(r"\bnot (?:fine|ok|okay|all ?right|alright|good|really fine)\b|"
                       r"\bno(?:t)? (?:i|it) (?:am|is) not\b|"
                       # a no turned back: "no actually i do need someone", "no wait, ..."
                       r"^(?:no|nope|nah),? (?:wait|actually|hang on|hold on)\b"
                       r"(?!,? i'?m (?:fine|ok|okay|alright|all right)\b)|"
                       r"\bactually,? i do need\b")


_SEEN_TO = re.compile(
    r"\b(?:the (?:staff|carers?|nurses?|paramedics|neighbours?)|they|we|someone|somebody) "
    r"(?:got|helped|picked|lifted) (?:her|him|them) (?:back )?up\b|"
    r"\bbut (?:she|he|they)(?:'s| is|'re| are) (?:fine|ok|okay|alright|all right|home now|"
    r"doing (?:well|fine|grand)|right as rain|grand)\b")
"""Someone else's fall already seen to ("... at her care home but the staff got her up and
she's fine"): told as news, like a fall in the past."""

_PAST = re.compile(rf"\b(?:{_GONE_BY}|as a (?:child|girl|boy|lad|lass)|when (?:he|she|they) "
                   r"was)\b")
"""Time words that put a fall in the past."""


_FILLERS = frozenset({"um", "umm", "uh", "uhm", "er", "erm", "hmm", "mm"})
"""Hesitations that carry no meaning: "help me um turn the heating up" is "help me turn
the heating up"."""


_APOSTROPHES = {w.replace("'", ""): w for w in (
    "i'm", "i've", "you're", "you've", "that's", "there's", "what's", "he's", "she's",
    "don't", "didn't", "doesn't", "can't", "couldn't", "wouldn't", "shouldn't", "isn't",
    "wasn't", "aren't", "weren't", "haven't", "hasn't", "hadn't")}
"""Contractions typed or transcribed without their apostrophe ("im fine", "ive fallen"),
only those that are no other word ("its", "id", "were", "well", "lets" stay as they are)."""


def _norm(text: str) -> str:
    return " ".join(_APOSTROPHES.get(w, w) for w in text.lower().replace("\u2019", "'").split()
                    if w not in _FILLERS)


def defuse(text: str) -> str:
    """``text`` (normalised) with its negated, idiomatic and someone-else's uses of safety
    words blanked out: "no thanks i don't need an ambulance" -> "no thanks i ...".
    The words net (:func:`is_safety_phrase`) reads what is left."""
    low = _norm(text)
    if _PAST.search(low):
        low = _NAMED_FALL.sub(" ... ", low)
    for rule in (_NOT_A_CALL, _MENTION, _NEGATED, _AS_USUAL, _IDIOM, _SOMEONE_ELSE,
                 _NOT_NOW):
        low = rule.sub(" ... ", low)
    return " ".join(low.split())


def is_safety_phrase(text: str) -> bool:
    """Whether ``text`` says plainly that the resident fell or needs help now ("i fell",
    "help me", "can't breathe", "call an ambulance"); never for a denial ("i haven't
    fallen", "no i don't need an ambulance"), an idiom ("i fell asleep", "dying for a cup
    of tea") or someone else's fall ("my brother fell off his bike")."""
    return bool(_SAFETY_PHRASE.search(defuse(text)))


def _call_phrases(text: str) -> list[list[str]]:
    """The words of each plain safety phrase in ``text`` (normalised, as the words net reads
    them)."""
    return [m.group(0).split() for m in _SAFETY_PHRASE.finditer(defuse(text))]


def _find_words(words: list[str], phrase: list[str]) -> int | None:
    """Where ``phrase`` starts in ``words``, word for word, or None."""
    return next((i for i in range(len(words) - len(phrase) + 1)
                 if words[i:i + len(phrase)] == phrase), None)


def safety_word_indices(text: str) -> list[int]:
    """Indices of the words of ``text`` (split on whitespace) that the words net's plain
    safety words cover ("oh love go on the floor five" -> [3, 4, 5]); empty without them.
    For a recognizer's word posteriors: how sure it was of the words that make the call."""
    kept = [(i, n) for i, w in enumerate(text.split()) if (n := _norm(w))]  # no fillers
    words = [n for _, n in kept]
    out: set[int] = set()
    for said in _call_phrases(text):
        i = _find_words(words, said)
        if i is not None:
            out.update(kept[j][0] for j in range(i, i + len(said)))
    return sorted(out)


_STOCK_CALL = re.compile(
    r"^(?:(?:please )?help(?: me)?!?|(?:i need|get|send) help|ambulance|emergency|stroke|"
    r"heart attack|collapsed|tumbled|(?:keeled|toppled) over|in flames|(?:on|caught|catching) "
    rf"fire|(?:passing|passed|blacked) out|bleeding|choking|gasping|unconscious|gas leak|"
    rf"(?:so much|lots of) blood|chest pains?|{_EMERGENCY_NUMBER})$")
"""A call's stock words, one phrase of the words net each: the words every call for help
in the intent data is told with, and so the words the model reads best, literally or not
("help", "ambulance", "stroke", "collapsed", "bleeding", "999"). Never a call told by
what is happening ("water's pouring through the ceiling onto the fuse box", "i don't know
where i am", "alert my carer"), which the model may not know at all."""


def stock_words_only(text: str) -> bool:
    """Whether ``text`` has plain safety words (:func:`is_safety_phrase`) and every phrase
    of them is a call's stock words (:data:`_STOCK_CALL`): "help, what's the time", "i
    used to work the emergency switchboard", "the batting order collapsed"; not
    "water's pouring through the ceiling onto the fuse box", nor "help, i've fallen". For
    the typed stock-words floor (device.safety_decision, step 2)."""
    phrases = _call_phrases(text)
    return bool(phrases) and all(_STOCK_CALL.match(" ".join(p)) for p in phrases)


def call_words_also_in(text: str, other: str) -> bool:
    """Whether ``text`` has plain safety words (:func:`is_safety_phrase`) and every phrase of
    them is said in ``other`` too, word for word: "help me i'm too the heating up" against
    "help me um turn the heating up". Where ``other`` holds no call, the two differ only in
    the words around the call's, which ``other`` read as no call (speech.spoken_intent:
    an alternative of an understood 1-best)."""
    phrases = _call_phrases(text)
    words = _norm(other).split()
    return bool(phrases) and all(_find_words(words, p) is not None for p in phrases)


_TAIL_START = re.compile(r"[.!?;,:\u2014]+\s+|\s+(?=(?:but|and|now|then|so|because|when|"
                         r"suddenly)\b)", re.IGNORECASE)
"""Where a later part of a turn may start: after a stop or a comma, or before a word that
joins on what happens next ("but", "and", "now", "then", "so", "because", "when",
"suddenly")."""


def turn_tails(text: str, min_words: int, min_tail_words: int = 5) -> list[str]:
    """The later parts of a long turn, each from a place where a new part may start to the
    end (:data:`_TAIL_START`), longest first, each at least ``min_tail_words`` words; empty
    for a turn under ``min_words`` words (or ``min_words`` 0). "I was just telling you about
    the roses, and then my legs went, and now I'm on the carpet and I can't get up" ->
    ["and then my legs went, and now ...", "my legs went, ...", ..., "and I can't get up"]:
    a call told at the end of a long story, which the model, taught on short turns, reads
    as the story (device.safety_decision, step 5)."""
    if min_words <= 0 or len(text.split()) < min_words:
        return []
    out: list[str] = []
    for m in _TAIL_START.finditer(text):
        tail = text[m.end():].strip()
        if len(tail.split()) >= min_tail_words and tail not in out:
            out.append(tail)
    return out


def is_mention(text: str) -> bool:
    """Whether ``text`` uses the words of a call only in a mention that calls for nobody (a
    request, a question, a passing ambulance, an emergency trade, a storey of a building, an
    illness being got over: "an ambulance went past with its siren going", "my flat is on
    the ground floor", "my friend is recovering from a stroke") and says no call plainly. The
    words net leaves such a sentence to the model; the safety decision asks about it rather
    than alert at once (device.safety_decision, step 4), since what makes the model sure
    may be those very words."""
    low = _norm(text)
    return bool(_NOT_A_CALL.search(low) or _MENTION.search(low)) and not is_safety_phrase(low)


_ANOTHERS_MEND = re.compile(r"\b(?:she|he|they)(?:'s| is|'re| are) on the mend\b")
"""Another on the mend ("she's on the mend now"): never the resident's symptom."""


def is_as_usual(text: str) -> bool:
    """Whether ``text`` tells a symptom as it always is, made light of, or eased ("my
    blood pressure's up again", "the chest pain has gone now"): no call, and out of the blue
    a symptom to answer as one (:data:`_AS_USUAL`); never another's ("my sister had a
    fall last month but she's on the mend now")."""
    low = _norm(text)
    return bool(_AS_USUAL.search(low)) and not (
        _SOMEONE_ELSE.search(low) or _NAMED_FALL.search(low) or _ANOTHERS_MEND.search(low))


_NOT_WANTED = re.compile(
    r"\b(?:don'?t|do not|no need to|there'?s no need to|you needn'?t|never mind)"
    r"(?: (?:you )?(?:go )?)?(?:ring|call|phone|text|message|bother|worry|tell|send|get)\b"
    r"[^,.!?;]*")
"""A request called off: "don't ring my daughter", "no need to call anyone"."""

_SMALL_WORDS = frozenset({"i", "me", "you", "yes", "no", "thank", "thanks", "ta", "please",
                          "love", "dear", "today", "now", "really", "just", "honestly"})


def words_beside_denial(text: str) -> list[str]:
    """The words of ``text`` (normalised) left when its denials, its denied or made-light-of
    calls, its symptoms as usual, a request called off ("don't ring my daughter") and small
    words ("thanks", "yes", "i") are taken out: "ring my son and tell him i haven't
    fallen" -> ring my son and tell him; "no, i don't need help" and "i haven't fallen
    today, thank you" -> none."""
    low = _norm(text)
    for rule in (_NOT_WANTED, _DENIAL, _NEGATED, _AS_USUAL):
        low = rule.sub(" ", low)
    return [w for w in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", low) if w not in _SMALL_WORDS]


_IF_EVER = re.compile(r"\b(?:if|should|whenever) (?:i|he|she|we|they|you) ever\b")
"""An instruction for a turn that may come some day ("if i ever have a fall, you're to ring
michael first, not the ambulance")."""


def is_for_some_day(text: str) -> bool:
    """Whether ``text`` tells what to do if a thing ever happens (:data:`_IF_EVER`): a
    request in it is for that day, not now (device.safety_decision, step 3)."""
    return bool(_IF_EVER.search(_norm(text)))


def is_negated_call(text: str) -> bool:
    """Whether ``text`` denies a fall or a call for help, uses their words only in a
    figure of speech, tells of someone else's fall in the past, of the resident's own fall
    long past or of a fall that might happen, and says nothing plainly ("i haven't fallen
    today", "no, i don't need any help", "i'm dying for a cup of tea", "my brother fell off
    his bike last week", "i tripped over in town a couple of years back", "what do i do if
    i fall"): such a sentence never alerts nor asks, whatever the model's label. Anything
    said plainly beside it ("i fell years ago and now i've fallen again", "... and i can't
    get up") is a call."""
    low = _norm(text)
    if is_safety_phrase(low):
        return False
    someone_elses_past = bool((_SOMEONE_ELSE.search(low) or _NAMED_FALL.search(low))
                              and (_PAST.search(low) or _SEEN_TO.search(low)))
    return bool(_NEGATED.search(low) or _AS_USUAL.search(low) or _IDIOM.search(low)
                or _NOT_NOW.search(low)) or \
        someone_elses_past or is_denial(low)


_FALL_WORDS = re.compile(r"\b(?:fell|fallen|fall|slipped|tripped|tumbled|floor|get up|stand up|"
                         r"a header|stuck at the bottom|"
                         r"too heavy (?:for me )?to (?:lift|shift|budge)|"
                         r"can'?t lift (?:him|her)(?= *$|[,.!?;]| "
                         r"(?:up|back|on my own|by myself|off|and|between us)\b)|"
                         r"keeled|toppled|went flying|legs|getting (?:myself )?up|in a heap|"
                         r"missed (?:the|a|my) (?:\w+ )?(?:step|stair|footing)|"
                         r"(?:bottom|foot) of the (?:\w+ )?(?:stairs|steps)|"
                         r"been down (?:here |there )?(?:since|for)|"
                         r"(?:gone|went) down (?:the|my|his|her) (?:\w+ )?(?:step|steps|stairs)|"
                         r"(?:tipped|toppled|turned) over with (?:me|him|her|mum|dad|us)|"
                         r"back like an? (?:beetle|tortoise|turtle)|"
                         r"right (?:myself|meself|himself|herself)|"
                         rf"on the (?:\w+ )?{_FLOOR_COVERING}|{_WEDGED}|"
                         + _RISE_MYSELF + r"|"
                         r"come a (?:right |real |proper |nasty |bad )?cropper|"
                         r"(?:gone|went) down (?:in|on|by|beside|next to|near|at) the|"
                         r"(?:come|came) off (?:the|a|his|her|my) (?:step ?ladder|ladder|"
                         r"steps|stool|roof|horse|bike)|(?:stuck|trapped) in (?:the|my|his|her) "
                         r"(?:bath|bathtub|tub)|get (?:myself |him |her )?out of (?:the|my) "
                         r"(?:bath|bathtub|tub)|(?:took|taken|had) an? (?:\w+ )?tumble|"
                         r"(?:gone|went) over (?:in|on) the|can'?t stand|on my back|"
                         r"been lying (?:here|there|on (?:them|it))|can'?t (?:shift|budge)|"
                         r"get (?:myself|him|her) (?:up )?off|(?:take|hold|bear) (?:my|his|her) "
                         r"weight|down like an? (?:sack|bag) of|flat out on the|"
                         r"(?:gone|went) (?:my|me) length|on the deck|"
                         r"lying on the (?:\w+ )?(?:ground|concrete|"
                         r"patio|path|pavement|drive|steps|grass|lawn)|base over apex|"
                         r"arse over|head over heels|heels over head|over tit|"
                         r"still down (?:there|here)|lying at the bottom|get back up|"
                         r"(?:wo ?n'?t|will not) let me (?:get )?up|"
                         r"i(?:'m| am|'ve gone| have gone|'ve ended up| have ended up) down "
                         r"(?:by|next to|beside|between|behind|in front of) (?:the|my))\b")


_FIRE_OR_GAS = re.compile(r"\b(?:smoke|fire|flames|gas)\b")
"""Smoke, fire or gas: an emergency whatever else is said ("smoke coming out from under the
kitchen floor" is no fall)."""


_ANOTHER_DOWN_AND_STILL = re.compile(_ANOTHER_DOWN_NOW + "|" + _OUT_COLD_NOW + "|"
                                     + _ANOTHER_LYING_STILL + "|" + _IN_THE_WATER_NOW)
"""Another fallen and not moving, not breathing or not answering ("the little one's fallen in
the pond and she's not breathing"), out cold and not coming round, lying on the pavement
and not moving, or in the water out of reach: someone else in danger, not the resident's
fall."""


def safety_intent(text: str) -> str:
    """The safety label that plain safety words in ``text`` point to: fall_report when
    they speak of a fall (and not of smoke, fire or gas, nor of another fallen and not
    moving or not breathing), emergency_help otherwise."""
    left = defuse(text)
    return "fall_report" if _FALL_WORDS.search(left) and not _FIRE_OR_GAS.search(left) \
        and not _ANOTHER_DOWN_AND_STILL.search(left) else "emergency_help"


def safety_label_of_words(text: str) -> str | None:
    """The safety label plain safety words in ``text`` point to, or None without them (the
    rule speech.spoken_intent applies to ASR alternatives)."""
    return safety_intent(text) if is_safety_phrase(text) else None


def only_a_leading_no(text: str) -> bool:
    """Whether ``text`` is a denial (:func:`is_denial`) by its first word alone ("no, ...")
    with nothing else in it that denies or says all is well ("no, i'm fine", "no, i haven't
    fallen" are denials in their own words)."""
    low = _norm(text)
    rest = _LEADING_NO.sub("", low, count=1)
    return bool(_LEADING_NO.match(low)) and not (_DENIAL.search(rest) or _NEGATED.search(low)
                                                  or _AS_USUAL.search(low))


def is_denial(text: str, answering: bool = True) -> bool:
    """Whether ``text`` is an explicit "no / I'm fine / I'm all right / I haven't fallen /
    I don't need any help" (never when it also says plainly that they fell or need help,
    or says "not fine"). ``answering``: said in answer to a question ("Do you need help?",
    "Is it getting worse?"), where a symptom as usual or eased is a no too ("it's settled
    now", "it's only a headache"); out of the blue it is not (:data:`_AS_USUAL`)."""
    low = _norm(text)
    return bool(_DENIAL.search(low) or _NEGATED.search(low)
                or (answering and _AS_USUAL.search(low))) and not _NOT_FINE.search(low) \
        and not is_safety_phrase(low)


def safety_reply(plan: CarePlan, intent: str, text: str, note: str = "",
                 extra: dict[str, object] | None = None) -> Reply:
    """``fall_report`` -> a spoken_fall alert (emergency when they cannot get up or are hurt,
    else urgent); ``emergency_help`` -> a help_request alert at emergency level. ``note`` is
    appended to the reason (e.g. "no answer within 20 s"); ``extra`` goes into the action."""
    if intent == "fall_report":
        level = "emergency" if _SERIOUS_FALL.search(text.lower()) else "urgent"
        kind, reason = "spoken_fall", f'Fall reported by {plan.resident}: "{text}"'
        say = f"I am sorry you fell, {plan.resident}. Try to stay still and keep warm."
    else:
        level, kind = "emergency", "help_request"
        reason = f'{plan.resident} asked for help: "{text}"'
        say = f"Stay where you are, {plan.resident}."
    if note:
        reason += f" ({note})"
    # what became of the alert is said by its outcome (device.executor), never here
    data: dict[str, object] = {"type": kind, "level": level, "reason": reason}
    data.update(extra or {})
    return Reply(say, intent, (Action("alert", data),))


def symptom_reply(plan: CarePlan, text: str) -> Reply:
    alert = Action("alert", {"type": "symptom", "level": "warning",
                             "reason": f'{plan.resident} feels unwell: "{text}"'})
    return Reply("I am sorry you feel unwell. "
                 "Is it getting worse, or is it hard to breathe?", "symptom_report", (alert,),
                 expects="symptom_worse")


def symptom_worse_reply(plan: CarePlan, intent: str, worse: bool, symptom: str) -> Reply:
    """The answer to "is it getting worse?": yes escalates to an urgent alert."""
    if not worse:
        return Reply("I am glad it is not worse. Please sit down and rest. "
                     "Tell me if it changes.", intent)
    alert = Action("alert", {"type": "symptom", "level": "urgent",
                             "reason": f'{plan.resident} feels worse: "{symptom}"'})
    return Reply("Please sit down and stay where you are.", intent,
                 (alert,))
