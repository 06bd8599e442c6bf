"""Every Dutch text the terminal UI shows, in one place.

Why one module: a translation can be added by swapping this file, and a
reviewer can read all UI language (plain Dutch, B1) in one go. Texts with
``{placeholders}`` are filled with ``str.format``; they are plain text,
never Rich markup, so user text put into them shows literally.

A text that counts something is a pair ``(one, many)``: the sentence for
exactly one and the one for any other number. ``core.wording.by_count``
picks one, so no text says "1 reflecties" or shows an ending in brackets.
"""

from __future__ import annotations

APP_TITLE = "reflect"
APP_SUBTITLE = "reflecteren op je eigen casus"

# -- key binding labels (Footer) ---------------------------------------------
KEY_NEW = "Nieuw"
KEY_RESUME = "Verder met concept"
KEY_OPEN = "Lezen"
KEY_DONE = "Gedaan"
KEY_HELP = "Hulp"
KEY_CLOSE_MENU = "Menu sluiten"
KEY_QUIT = "Stop"
KEY_NEXT = "Verder"
KEY_PREV = "Terug"
KEY_OTHER_PROMPT = "Andere vraag"
KEY_SAVE = "Bewaar"
KEY_HOME = "Start"
KEY_CLOSE = "Sluiten"
KEY_EXPORT = "Exporteren"
KEY_FINISH = "Afronden"
KEY_PALETTE = "Opdrachten"
KEY_LOWER = "Lager"
KEY_HIGHER = "Hoger"
KEY_BACK = "Terug"

# -- home screen --------------------------------------------------------------
HOME_HEADING = "Reflecteren op je eigen casus"
HOME_NEW_BUTTON = "Nieuwe reflectie (n)"
HOME_RESUME_BUTTON = "Verder met concept (r)"
HOME_DRAFT = "Je bent nog bezig met: {title} (laatst bewerkt {when})"
# While a new reflection waits for the journal (another program holds it).
JOURNAL_WAIT = "Even wachten: het dagboek is bezet, misschien door een ander programma…"
# Under the draft line when there are more drafts than the one r resumes.
HOME_MORE_DRAFTS = (
    "Je hebt nog 1 ander concept. Druk op c om al je concepten te zien.",
    "Je hebt nog {n} andere concepten. Druk op c om al je concepten te zien.",
)
HOME_DRAFTS_HEADING = "Je concepten (niet afgeronde reflecties)"
KEY_DRAFTS = "Concepten"
HOME_RECENT = "Eerdere reflecties"
HOME_RECENT_HINT = (
    "Kies een reflectie en druk op Enter om haar te lezen; j: zoeken in al je reflecties, "
    "i: inzichten."
)
HOME_STEPS = "Open vervolgstappen"
HOME_STEPS_HINT = "Druk op d om een stap af te vinken, of op Enter om de reflectie te lezen."
HOME_STEPS_MORE = (
    "En nog 1 open vervolgstap met een latere datum.",
    "En nog {n} open vervolgstappen met een latere datum.",
)
HOME_STEPS_NONE = "Geen open vervolgstappen."
HOME_STEP_DUE = "uiterlijk {due}"
HOME_STEP_OVERDUE = "te laat ({due})"
HOME_STEP_TODAY = "vandaag"
HOME_LEARNING = "Om verder te leren"
HOME_STEP_DONE = "Vervolgstap afgevinkt."
HOME_WELCOME_TITLE = "Welkom"
_HOME_WELCOME_BODY = (
    "Met reflect kijk je terug op een casus uit je werk: een bewonersavond, een klacht, "
    "een initiatief of een project. Zo leer je van je eigen praktijk.\n\n"
    "Je kijkt naar vijf vitale werkpraktijken: de situatie in kaart brengen, werken aan "
    "relaties, werken aan gedragen oplossingen, buiten op binnen aansluiten (en omgekeerd) "
    "en praktisch ondersteunen.\n\n"
    "Per praktijk stel je jezelf vragen in drie stappen: luisteren, samenvatten en "
    "doorvragen (LSD). Daarna geef je jezelf een cijfer voor vier werkprincipes, noem je "
    "wat binnen de organisatie hielp of hinderde, en schrijf je een inzicht en een "
    "volgende stap op. Aan het eind krijg je tips die bij jouw casus passen.\n\n"
)
HOME_WELCOME = (
    _HOME_WELCOME_BODY
    + "Alles wordt meteen bewaard, alleen op deze computer. Druk op n om te beginnen."
)
# ``reflect content preview``: the same app on a throwaway journal, so the
# welcome must not promise that anything is kept.
HOME_WELCOME_PREVIEW = (
    _HOME_WELCOME_BODY + "Dit is een voorbeeld: wat je schrijft, komt in een tijdelijk dagboek "
    "dat verdwijnt als je stopt. Druk op n om te beginnen."
)
UNTITLED = "(zonder titel)"
STATUS_DRAFT = "concept"
STATUS_COMPLETE = "afgerond"
RECENT_ROW = "{date}  {title}  ({status})"

# -- session ------------------------------------------------------------------
# The progress line names the phases, so it does not jump when practices
# are chosen; keys are the step kinds of core/session/flow.py (PHASES).
PHASE_NAMES = {
    "intake": "Casus",
    "practices": "Praktijken",
    "lsd": "LSD",
    "principles": "Principes",
    "organisation": "Binnen",
    "closing": "Afsluiten",
    "summary": "Overzicht",
}
PHASE_SEPARATOR = " · "
PHASE_NARROW = "{name} ({i} van {n})"
PROGRESS_LSD = "vraag {i} van {n}"
PROGRESS_PRACTICES = ("{k} gekozen, dus 1 LSD-vraag", "{k} gekozen, dus {n} LSD-vragen")
PROGRESS_DETAIL = "{label}  ·  {detail}"
STEP_INTAKE = "De casus"
STEP_PRACTICES = "Werkpraktijken kiezen"
STEP_LSD = "{practice}: {step}"
STEP_PRINCIPLES = "Werkprincipes"
STEP_ORGANISATION = "Binnen de organisatie"
STEP_CLOSING = "Afsluiten"
STEP_SUMMARY = "Overzicht"
NAV_HINT = "alt+→ volgende stap · alt+← vorige stap · Esc naar start"

INTAKE_INTRO = "Waar gaat je reflectie over? Vul in wat je weet; alles kan later nog."
INTAKE_TITLE = "Titel"
INTAKE_TITLE_PLACEHOLDER = "Bijvoorbeeld: bewonersavond speeltuin Parkwijk"
INTAKE_KIND = "Soort casus"
INTAKE_KIND_BLANK = "Kies een soort casus"
INTAKE_DATE = "Datum (bijvoorbeeld 15-12 of gisteren)"
INTAKE_WHO = "Wie waren erbij betrokken?"
INTAKE_WHAT = "Wat is er gebeurd?"
DATE_INVALID = "Dit is geen datum. Schrijf bijvoorbeeld {example}."

PRACTICES_INTRO = (
    "Op welke werkpraktijken wil je terugkijken? Wij stellen er een paar voor op grond "
    "van wat je schreef. Je mag de keuze aanpassen (spatie of klik)."
)
# "want" takes a main clause, as every practice reason is (core/coach/reasons.py).
PRACTICES_REASON = "voorgesteld, want {reasons}"
PRACTICES_NONE = "Kies minstens één werkpraktijk om de LSD-vragen te krijgen."
# Answers of an unticked practice stay in the draft (core/session/flow.py).
PRACTICES_ASIDE = (
    "Je antwoorden bij {names} zijn bewaard, maar staan apart. "
    "Vink de werkpraktijk weer aan en ze komen terug."
)

LSD_HINT = "Schrijf hier je antwoord. Leeg laten mag: dan sla je deze stap over."
LSD_OTHER = "F5: andere vraag"
LSD_NO_PROMPT = "Schrijf op wat je te binnen schiet."

PRINCIPLES_INTRO = (
    "Geef jezelf per werkprincipe een cijfer van 1 tot 5. Gebruik ← en → of de cijfers; "
    "de omschrijving laat zien wat een cijfer betekent."
)
# The first ← or → starts in the middle of the scale ({first}); said where it happens.
RATING_NONE = "Nog geen cijfer gekozen. Met ← of → begin je in het midden, bij {first}."
RATING_LABEL = "{value}: {anchor}"
PRINCIPLE_NOTE = "Toelichting (mag leeg)"

ORGANISATION_INTRO = "Wat hinderde en wat hielp je binnen je eigen organisatie?"
BARRIERS = "Wat hinderde"
HELPS = "Wat hielp"
BARRIER_NOTE = "Toelichting bij wat hinderde (mag leeg)"
HELP_NOTE = "Toelichting bij wat hielp (mag leeg)"

CLOSING_INTRO = "Rond af met wat je meeneemt en wat je nu gaat doen."
CLOSING_INSIGHT = "Je belangrijkste inzicht"
CLOSING_STEPS = "Volgende stappen (met datum waarop het klaar moet zijn)"
CLOSING_STEP_PLACEHOLDER = "Volgende stap {n}"
CLOSING_DUE_PLACEHOLDER = "datum"
CLOSING_INVOLVE = "Wie ga je erbij betrekken?"
# Labels are stored as tags: the journal's Label filter and the CLI's --tag find them.
CLOSING_TAGS = "Labels (scheid ze met komma's; om later op te zoeken en te filteren)"
CLOSING_TAGS_PLACEHOLDER = "bijv. bomen, lindelaan, subsidie"

SUMMARY_INTRO = "Eerst tips die bij je casus passen, daaronder je hele reflectie."
SUMMARY_REFLECTION = "Je reflectie"
SUMMARY_TIPS = "Tips voor jou"
SUMMARY_TIPS_NONE = "Geen tips gevonden die goed passen."
SUMMARY_TIP_WHY = "Waarom: {reasons}"
# "Bron", as `reflect coach` says it: an organisation's own tip has its own source.
SUMMARY_TIP_SOURCE = "Bron: {source}"
SUMMARY_TIP_GONE = "Deze tip staat niet meer in de inhoud; de redenen van toen staan hieronder."
SUMMARY_LEARNING = "Om verder te leren"
SUMMARY_EXPORT_BUTTON = "Exporteren naar Markdown (e)"
SUMMARY_FINISH_BUTTON = "Afronden (a)"
EXPORTED = "Opgeslagen als {path}"
EXPORT_FAILED = "Exporteren lukte niet: {error}"
EXPORT_PLAINTEXT = "Let op: het dagboek is versleuteld, maar deze export niet."
FINISHED = "Reflectie afgerond en bewaard."

# -- saving -------------------------------------------------------------------
SAVE_FAILED_TITLE = "Opslaan lukt niet"
BACKUP_FAILED = "De dagelijkse back-up is niet gemaakt: {error}. Je dagboek zelf is in orde."
SAVE_FAILED = (
    "Je tekst staat nog op het scherm; reflect probeert het vanzelf steeds opnieuw "
    "en meldt wanneer het gelukt is. Oorzaak: {error}"
)
SAVED_AGAIN_TITLE = "Weer bewaard"
SAVED_AGAIN = "Alles is alsnog bewaard, om {time}."
SAVED = "Bewaard."
QUIT_UNSAVED = (
    "Nog niet alles is bewaard. Druk nog een keer op ctrl+q om toch te stoppen, "
    "of probeer het zo opnieuw."
)
HOW_TO_QUIT_TITLE = "Wil je stoppen?"
HOW_TO_QUIT = "Druk op ctrl+q om te stoppen. Je werk wordt eerst bewaard."
ERROR_GENERIC = "Er ging iets mis: {error}"
# A damaged journal: the first time in a session the whole message (what to
# do, with counts), after that one short line instead of the same advice again.
JOURNAL_DAMAGED_TITLE = "Je dagboek is beschadigd"
JOURNAL_DAMAGED_AGAIN = (
    "Dat lukte niet: het dagboek is beschadigd. Stop de app en voer 'reflect doctor' uit."
)
# A listed reflection was deleted elsewhere (another window, reflect delete).
REFLECTION_GONE = "Deze reflectie bestaat niet meer; de lijst is bijgewerkt."
CRASHED = (
    "reflect is gestopt door een fout in het programma ({kind} in {place}).\n"
    "Wat al bewaard was, staat veilig in je dagboek.\n"
    "Een verslag (zonder je tekst) staat in {path}."
)
CRASHED_NO_REPORT = (
    "reflect is gestopt door een fout in het programma ({kind} in {place}).\n"
    "Wat al bewaard was, staat veilig in je dagboek. Een verslag kon niet worden geschreven."
)
NOTICE_TITLE = "Let op"
DRAFT_ELSEWHERE_TITLE = "Reflectie al open"
DRAFT_ELSEWHERE = (
    "Deze reflectie (concept of afgerond) wordt in een ander reflect-venster bewerkt. Hier "
    "kun je haar alleen lezen, zodat het ene venster het werk van het andere niet ongedaan "
    "maakt. Sluit haar daar (of ga daar terug naar het begin) en open haar dan hier opnieuw."
)
# Two windows at once: the reflection open here was erased elsewhere (core: ReflectionGone).
GONE_ELSEWHERE_TITLE = "Elders gewist"
GONE_ELSEWHERE = (
    "Deze reflectie is gewist, in een ander venster of met 'reflect delete'. Wat je hier "
    "typt, wordt daarom niet meer bewaard en de gewiste tekst komt niet terug.\n\n"
    "Wil je de tekst die nu op dit scherm staat toch houden? Dan wordt het een nieuwe "
    "reflectie, los van de gewiste. Anders sluit je dit scherm zonder iets te bewaren."
)
GONE_KEEP_AS_NEW = "Bewaar als nieuwe reflectie"
GONE_CLOSE = "Sluiten zonder bewaren"
GONE_KEPT_AS_NEW = "Bewaard als nieuwe reflectie. Je kunt gewoon verder schrijven."
GONE_NOT_FINISHED = "Niet afgerond: deze reflectie is elders gewist."
GONE_NO_EXPORT = "Niet geëxporteerd: deze reflectie is elders gewist."
# Two windows at once: the reflection open here was changed elsewhere meanwhile.
MERGED_TITLE = "Ook elders gewijzigd"
MERGED_KEPT = (
    "Deze reflectie is intussen ook in een ander venster of met 'reflect' gewijzigd (bijv. "
    "een stap afgevinkt). Die wijziging is bewaard naast die van jou."
)
MERGED_OVERRIDDEN = (
    "Deze reflectie is intussen ook elders gewijzigd, op dezelfde plek als hier. Jouw "
    "versie van dit scherm is bewaard; de andere wijziging daar is vervangen."
)
ALREADY_OPEN = (
    "reflect is al geopend in een ander venster. Een reflectie (concept of afgerond) die daar "
    "wordt bewerkt, kun je hier alleen lezen. Wat het ene venster afvinkt of wist, maakt het "
    "andere niet ongedaan."
)

# -- reading ------------------------------------------------------------------
READ_NO_RENDERER = "Deze reflectie kan nog niet als tekst worden getoond."

# -- help ---------------------------------------------------------------------
HELP_TITLE = "Hulp"
HELP_TEXT = """\
# Hulp

reflect helpt je terugkijken op een casus met vragen in drie stappen:
**luisteren**, **samenvatten** en **doorvragen**. Alles wordt vanzelf bewaard.

## Overal
- **F1** of **?**: deze hulp (Esc sluit haar)
- **ctrl+p**: opdrachten zoeken
- **ctrl+q**: stoppen; alles wordt eerst bewaard
- **Tab** en **shift+Tab**: naar het volgende of vorige veld

## Op het startscherm
- **n**: nieuwe reflectie
- **r**: verder met je concept; **c**: al je concepten (niet afgeronde reflecties)
- **Enter**: een eerdere reflectie lezen
- **d**: een vervolgstap afvinken; **u** maakt dat ongedaan
- **j**: je dagboek: zoeken, filteren, teruglezen, bewerken, wissen, exporteren
- **i**: inzichten: hoe je praktijk zich ontwikkelt
- **v**: al je vervolgstappen: afvinken, weer openzetten, datum veranderen, ongedaan maken

## In het dagboek (j)
- Typ om te zoeken; **↓** of **Enter** gaat naar de lijst, **/** terug naar het zoekveld
- **Enter** of **e**: de gekozen reflectie bewerken (tijdens een reflectie: alleen lezen)
- **f**: filters openen of sluiten; **+** op een filter: meer waarden tegelijk kiezen
- **del**: de gekozen reflectie wissen (eerst een vraag); **x**: wat je ziet exporteren
- **i**: naar de inzichten; **Esc**: terug

## In de inzichten (i)
- **Enter** op een getal of regel: de reflecties erachter in het dagboek
- **w**, **m**, **k**, **j**: de kalender over een week, maand, kwartaal of jaar
- Pijlen vergelijken welk deel van je reflecties iets had: de laatste 90 dagen tegenover daarvoor

## Tijdens een reflectie
- **alt+→** en **alt+←** (op een Mac: **⌥→** en **⌥←**): volgende en vorige stap;
  of de knoppen **Verder** en **Terug** onder elke stap (Tab en Enter, of klikken)
- Een datum mag ook in woorden: vandaag, morgen, vrijdag, volgende week dinsdag,
  over 2 weken, 15 dec
- **F5**: een andere vraag
- **Esc**: terug naar start; je concept blijft bewaard
- **ctrl+s**: nu bewaren
- **spatie**: een keuze aan- of uitzetten
- **← →** of **1** tot **5**: een cijfer kiezen; **0** wist het cijfer
- In het overzicht: **a** rondt af, **e** exporteert naar een Markdown-bestand,
  **Enter** op een tip laat hem helemaal zien
- Eerdere casussen die op deze lijken: **ctrl+p** → Vergelijkbare casussen (alleen lezen;
  **Esc** brengt je terug naar je reflectie)

## Intervisie (g op het startscherm)
- **spatie**: pauze; **+**: een minuut erbij
- **n** / **s** / **b**: volgende ronde, overslaan, vorige ronde
- **f**: beamerweergave; **v**: een vraag typen; **w**, **l**, **k**: een vraag waarderen
- Er wordt niets bewaard tenzij je aan het eind kiest voor exporteren (**e**) of bewaren (**r**)

Je kunt ook de muis gebruiken: klik op velden, keuzes, cijfers en op de toetsen onderaan.
"""

# -- command palette ----------------------------------------------------------
CMD_NEW = "Nieuwe reflectie"
CMD_NEW_HELP = "Begin een reflectie op een nieuwe casus"
CMD_RESUME = "Verder met concept"
CMD_RESUME_HELP = "Ga verder met de reflectie die nog niet af is"
CMD_HOME = "Naar start"
CMD_HOME_HELP = "Terug naar het startscherm; je concept blijft bewaard"
CMD_HELP = "Hulp"
CMD_HELP_HELP = "Toon de toetsen en uitleg"
CMD_SAVE = "Nu bewaren"
CMD_SAVE_HELP = "Bewaar je concept meteen"
CMD_QUIT = "Stoppen"
CMD_QUIT_HELP = "Bewaar alles en sluit reflect af"
CMD_THEME = "Kleuren"
CMD_THEME_HELP = "Kies een ander kleurenschema"
SCREENSHOT_DISABLED = "Schermafdrukken staan uit: ze zouden je dagboek onversleuteld opslaan."

# -- errors before the UI starts (stderr) -------------------------------------
LAUNCH_FAILED = "reflect: {error}"
NEEDS_TERMINAL = (
    "reflect zonder opdracht opent de app en heeft een terminal nodig voor invoer en uitvoer; "
    "gebruik in scripts 'reflect list', 'reflect export' en dergelijke."
)
PALETTE_PLACEHOLDER = "Zoek een opdracht…"


# -- trainer tools: preview and live reload --------------------------------------
# The preview's session still says "Bewaard." (into the throwaway journal),
# so these say where things go rather than that nothing is saved.
PREVIEW_BANNER = "VOORBEELD: tijdelijk dagboek, verdwijnt als je stopt"
PREVIEW_NOTICE = (
    "Je probeert inhoud uit. Wat je hier schrijft, komt in een tijdelijk dagboek "
    "dat verdwijnt als je stopt."
)
CONTENT_RELOADED = (
    "Inhoud opnieuw geladen (versie {version}); nieuwe vragen en tips gelden vanaf nu."
)
CONTENT_ERRORS_TITLE = "De inhoud heeft {count}; de app werkt door met de laatste goede versie:"
CONTENT_ERROR_COUNT = ("1 fout", "{n} fouten")
CONTENT_ERRORS_MORE = "… en nog {n}. Zie: reflect content check"
CONTENT_FIXED = "De inhoud is weer in orde."
PREVIEW_REFUSED = (
    "Voorbeeld niet gestart: los eerst de fout hierboven op. "
    "Tijdens het voorbeeld worden nieuwe fouten getoond zonder te stoppen.",
    "Voorbeeld niet gestart: los eerst de {n} fouten hierboven op. "
    "Tijdens het voorbeeld worden nieuwe fouten getoond zonder te stoppen.",
)

# -- intervision (reflect intervisie) ---------------------------------------------
KEY_INTERVISION = "Intervisie"
CMD_INTERVISION = "Intervisie begeleiden"
CMD_INTERVISION_HELP = "Begeleid een intervisiebijeenkomst ronde na ronde, met timer en vragen"
IV_SETUP_TITLE = "Intervisie voorbereiden"
IV_SETUP_INTRO = (
    "Kies een methode, verdeel de rollen en begin. Namen blijven alleen in dit venster: "
    "niets van de groep wordt bewaard, tenzij jullie aan het eind zelf kiezen om op te slaan."
)
IV_PREVIOUS_STEPS = "Open stappen van de vorige intervisie ({title})"
IV_METHOD = "Methode"
IV_METHOD_ROW = ("{name} · 1 ronde · {minutes} min", "{name} · {n} rondes · {minutes} min")
IV_SET = "Vragenset (optioneel)"
IV_SET_NONE = "Geen vragenset"
IV_CASE = "Casus in een paar woorden (optioneel)"
IV_CASE_PLACEHOLDER = "bijvoorbeeld: boze buurman op de inloopavond"
IV_ROLES = "Rollen: een voornaam of laat leeg voor het rolwoord"
IV_OBSERVERS_PLACEHOLDER = "namen, gescheiden door komma's"
IV_START = "Begin (Enter)"
IV_NO_METHODS = "De inhoud heeft geen intervisiemethodes. Zie docs/intervision.md."
IV_ROUND = "Ronde {n} van {count}"
IV_SPEAKER = "Aan het woord: {speaker}"
IV_RULE = "Spreekregel: {rule}"
IV_PURPOSE = "Doel: {purpose}"
IV_PROMPTS = "Vragen voor deze ronde"
IV_ROLES_LINE = "Rollen: {roles}"
IV_STATE_RUNNING = "loopt"
IV_STATE_WARNING = "NOG EEN MINUUT"
IV_STATE_OVER = "TIJD IS OM (+{over})"
IV_STATE_PAUSED = "PAUZE"
IV_WARNING_NOTICE = "Nog een minuut voor deze ronde."
IV_OVER_NOTICE = "De tijd van deze ronde is om. Verder (n) of verlengen (+)?"
IV_EXTENDED = "Een minuut erbij."
IV_QUESTIONS = "Vragen van de groep ({n})"
IV_QUESTIONS_HINT = (
    "Notulist: v opent het veld, typ dan vraag na vraag met Enter erna (Esc: klaar). "
    "Inbrenger: kies een vraag met Tab en de pijltjes, dan w (warm), l (lauw) of k (koud); "
    "+ en - mogen ook."
)
IV_QUESTION_PLACEHOLDER = "Typ een vraag van de groep"
# After Enter the field stays open: the next question is typed straight away.
IV_QUESTION_NEXT_PLACEHOLDER = "Typ meteen de volgende vraag (Esc: klaar)"
IV_NO_QUESTIONS = "Nog geen vragen."
IV_CLOSING_LESSON = "Leerpunt (Enter voegt toe)"
IV_CLOSING_STEP = "Volgende stap van de inbrenger (Enter voegt toe)"
IV_CLOSING_DUE = "Datum voor de stap (optioneel, bv. 15-12-2026)"
IV_CLOSING_RATING = "Cijfer voor de bijeenkomst, 1 tot 5"
IV_CLOSING_EVALUATION = "Korte evaluatie: wat ging goed, wat doen we anders?"
IV_LESSONS = "Leerpunten ({n})"
IV_STEPS = "Volgende stappen ({n})"
IV_BAD_RATING = "Een cijfer is 1, 2, 3, 4 of 5."
IV_BAD_RATING_KEPT = (
    "Het cijfer is 1, 2, 3, 4 of 5. Pas het aan of maak het veld leeg; "
    "de tekst blijft staan tot dan."
)
IV_DUE_WITHOUT_STEP = "Er staat een datum zonder stap. Vul de stap in of maak de datum leeg."
IV_CLOSING_MORE_PLACEHOLDER = "Nog een? Typ en Enter. Leeg en Enter: verder"
IV_BAD_DATE = "Die datum begrijp ik niet; gebruik bijvoorbeeld 15-12-2026."
IV_LEAVE_CONFIRM = "Nog eens Esc om te stoppen. Er wordt niets bewaard."
IV_KEY_PAUSE = "Pauze"
IV_KEY_EXTEND = "+1 min"
IV_KEY_NEXT = "Verder"
IV_KEY_SKIP = "Overslaan"
IV_KEY_BACK = "Terug"
IV_KEY_PROJECTOR = "Beamer"
IV_KEY_QUESTION = "Vraag typen"
IV_KEY_STOP = "Afbreken"
IV_REVIEW_TITLE = "Afronden: bewaren of exporteren"
IV_REVIEW_INTRO = (
    "Kies hieronder wat je wilt bewaren. De samenvatting voor de "
    "groep is standaard gepseudonimiseerd: namen, adressen en nummers zijn vervangen. "
    "Draait de bijeenkomst niet op de laptop van de inbrenger, kies dan voor het bestand (j)."
)
# The line above the intro: what this screen has written so far.
IV_REVIEW_NOTHING_YET = "Er is nog niets bewaard."
IV_REVIEW_SAVED = "Bewaard: {what}."
IV_REVIEW_SAVED_SUMMARY = "de samenvatting"
IV_REVIEW_SAVED_FILE = "de reflectie als bestand"
IV_REVIEW_SAVED_REFLECTION = "de reflectie in je dagboek"
# (one, many): the count says how many rows the list holds, all of them shown.
IV_REVIEW_FINDINGS: tuple[str, str] = (
    "1 persoonsgegeven gevonden (vink uit als het er geen is)",
    "{n} persoonsgegevens gevonden (vink uit wat geen persoonsgegeven is)",
)
IV_REVIEW_NO_FINDINGS = "Geen persoonsgegevens gevonden. Lees de samenvatting toch even na."
IV_REVIEW_FINDING = "{kind}: {text} → {replacement}"
IV_REVIEW_PSEUDONYMISE = "Samenvatting pseudonimiseren"
IV_REVIEW_PREVIEW = "Voorbeeld van de samenvatting"
IV_SAVE_SUMMARY = "Samenvatting exporteren (e)"
IV_SAVE_REFLECTION = "Reflectie in dit dagboek (r)"
IV_REFLECTION_FILE = "Reflectie als bestand voor de inbrenger (j)"
IV_REFLECTION_FILE_SAVED = (
    "Reflectie geschreven naar {path}. De inbrenger zet haar in het eigen dagboek met: "
    "reflect import BESTAND"
)
IV_DONE = "Klaar (Esc)"
IV_SUMMARY_SAVED = "Samenvatting geschreven naar {path}"
IV_REFLECTION_SAVED = "Reflectie bewaard in je eigen dagboek."
IV_REFLECTION_ALREADY_SAVED = "Deze reflectie staat al in je dagboek; er is niets dubbel bewaard."
IV_NOTHING_SAVED = "Intervisie gesloten. Er is niets bewaard."
IV_SAVE_FAILED = "Bewaren lukte niet: {error}"
IV_NO_EXPORT_DIR = "Exporteren kan hier niet: er is geen exportmap."

# -- looking back: journal screen ----------------------------------------------
KEY_JOURNAL = "Dagboek"
KEY_INSIGHTS = "Inzichten"
KEY_EDIT = "Bewerken"
KEY_DELETE = "Wissen"
KEY_FILTERS = "Filters"
KEY_SEARCH = "Zoeken"
CMD_JOURNAL = "Dagboek"
CMD_JOURNAL_HELP = "Zoek, filter en lees al je reflecties terug"
CMD_INSIGHTS = "Inzichten"
CMD_INSIGHTS_HELP = "Hoe je praktijk zich ontwikkelt: praktijken, principes, wat hindert en helpt"
CMD_STEPS = "Vervolgstappen"
KEY_STEPS = "Stappen"  # the home footer at 80 columns
CMD_STEPS_HELP = "Al je vervolgstappen: afvinken, terugdraaien, datum veranderen"
JOURNAL_TITLE = "Dagboek"
JOURNAL_SEARCH_PLACEHOLDER = "Zoek, bijv. boom of bewoners…"
# One row of about 38 columns at 80 wide; Del (wissen) and x (exporteren) are in the footer.
JOURNAL_FILTER_HINT = "Enter: bewerken · f: filters"
# While the search box has focus, letters are typed into it: f works in the list.
JOURNAL_SEARCH_HINT = "↓: naar de lijst, daar f: filters"
# Opened while a reflection is being written (e.g. its similar cases): reading only,
# since editing another one would close the one in progress.
# Before a draft's title in the journal list (after it, a long title cut it off).
JOURNAL_DRAFT_MARK = "concept · "
JOURNAL_FILTER_HINT_READING = "Enter: lezen · f: filters"
KEY_READ = "Lezen"
JOURNAL_FILTERS_ACTIVE = "Filters: {filters}"
# Between the values of one filter (names may hold commas); " · " between filters.
JOURNAL_FILTER_OR = " of "
# A filter select with several values picked (``+``) shows how many.
JOURNAL_FILTER_SEVERAL = "{label} ({n})"
JOURNAL_FILTER_ALL = "(alle)"
JOURNAL_FILTER_PRACTICE = "Praktijk"
JOURNAL_FILTER_KIND = "Soort casus"
JOURNAL_FILTER_BARRIER = "Wat hinderde"
JOURNAL_FILTER_HELP = "Wat hielp"
JOURNAL_FILTER_TAG = "Label"
JOURNAL_FILTER_STATUS = "Status"
JOURNAL_FILTER_SINCE = "Vanaf (dd-mm-jjjj)"
# Short enough for the filter field at 80 columns ("Tot en met (dd-mm-jjjj)" was cut).
JOURNAL_FILTER_UNTIL = "T/m (dd-mm-jjjj)"
JOURNAL_FILTER_IDS = "uit inzichten"
# A date filter that is no date: on the filter line (one row, ~38 columns at 80 wide).
JOURNAL_DATE_INVALID = "✗ {field}: “{text}” is geen datum (bijv. 15-12)"
JOURNAL_DATE_FIELDS = {"since": "Vanaf", "until": "T/m"}
JOURNAL_FILTER_RATED = "Zelf beoordeeld"
JOURNAL_FILTER_STEPS = "Volgende stap"
JOURNAL_STEP_STATES = {
    "done": "gedaan",
    "open": "open",
    "overdue": "over de datum",
    "undated": "zonder datum",
}
KEY_PICK_MANY = "Meer waarden"
JOURNAL_FILTER_MANY_HINT = "+ op een filter: meer waarden"
PICK_TITLE = "{kind}: kies er een of meer"
PICK_HINT = "Enter of spatie zet een vinkje; Ctrl+S past toe; Esc laat het filter zoals het was."
PICK_APPLY = "Toepassen"
PICK_CANCEL = "Annuleren"
JOURNAL_FILTER_DATE_BAD = "'{text}' is geen datum; schrijf bijvoorbeeld 1-3-2026."
JOURNAL_COUNT = ("1 reflectie", "{n} reflecties")
JOURNAL_COUNTING = "tellen…"
JOURNAL_EMPTY = "Nog geen reflecties. Druk op Esc en dan n om te beginnen."
JOURNAL_NONE_FOUND = "Niets gevonden. Probeer een ander woord of minder filters."
JOURNAL_DETAIL_EMPTY = "Kies een reflectie om haar hier te lezen."
JOURNAL_LOADING = "Laden…"
DELETE_CONFIRM_TITLE = "Reflectie wissen?"
DELETE_CONFIRM = (
    "'{title}' van {date} wordt definitief gewist, ook uit back-ups en exports "
    "van de app. Dit kan niet ongedaan worden gemaakt."
)
DELETE_CONFIRM_ELSEWHERE = (
    "\n\nLet op: reflect heeft ook kopieën buiten de gegevensmap gemaakt: {paths}. Daaruit "
    "kan reflect niets wissen; staat deze reflectie erin, verwijder of vervang die dan zelf."
)
DELETED_ELSEWHERE_LEFT = (
    "Niet gewist buiten de gegevensmap: {path}. Staat deze reflectie erin, verwijder of "
    "vervang die kopie dan zelf."
)
DELETE_YES = "Ja, wissen"
DELETE_NO = "Nee, bewaren"
DELETED = "Reflectie gewist."
DELETED_EXPORT_LEFT = "Let op: kon de export {path} niet wissen; wis die zelf."
EXPORT_CHOOSE_TITLE = ("Exporteer 1 reflectie", "Exporteer {n} reflecties")
EXPORT_CHOOSE_MD = "Markdown (om te lezen)"
EXPORT_CHOOSE_JSON = "JSON (om te importeren)"
EXPORT_CHOOSE_CANCEL = "Annuleren"
EXPORTED_SET = ("1 reflectie geëxporteerd naar {path}", "{n} reflecties geëxporteerd naar {path}")

# -- looking back: insights screen -----------------------------------------------
INSIGHTS_TITLE = "Inzichten"
INSIGHTS_LOADING = "Inzichten berekenen…"
INSIGHTS_EMPTY = (
    "Nog geen afgeronde reflecties. Na je eerste reflectie zie je hier je ontwikkeling."
)
# The arrows' note only shows when arrows can (reflections in both periods).
INSIGHTS_ARROWS_NOTE = (
    "Pijlen: in welk deel van je reflecties iets voorkwam, de laatste {days} dagen "
    "tegenover daarvoor (was). "
)
INSIGHTS_KEYS = (
    "Enter opent de reflecties achter een getal. "
    "PageDown/PageUp: een scherm verder/terug · Home/End: begin/eind · Tab: volgend onderdeel."
)
INSIGHTS_TOTALS = {
    "total": ("1 afgeronde reflectie", "{n} afgeronde reflecties"),
    "recent": ("{n} in de laatste {days} dagen", "{n} in de laatste {days} dagen"),
    "before": ("{n} daarvoor", "{n} daarvoor"),
}
INSIGHTS_PRACTICES = "Gekozen werkpraktijken"
INSIGHTS_KINDS = "Soort casus"
INSIGHTS_RATINGS = "Zelfbeoordeling per principe (per maand, 1-5)"
# Each column one month, empty months included (· = no rating that month).
INSIGHTS_RATINGS_SPAN = "Zelfbeoordeling (1-5) per maand, {first} t/m {last}; · = geen cijfer"
INSIGHTS_BARRIERS = "Wat hindert jou: jouw volgorde naast die van het essay"
INSIGHTS_HELPS = "Wat helpt jou: jouw volgorde naast die van het essay"
# Under the first of the two tables: what "het essay" is, in plain words.
INSIGHTS_ESSAY_NOTE = (
    "Het essay is de tekst waarop deze app is gebouwd. Een tabel daarin zet op een rij "
    "wat ambtenaren in groepsgesprekken het vaakst noemden als hinder en als hulp "
    "binnen de gemeente; essay: 1 is het vaakst genoemd."
)
INSIGHTS_CALENDAR = "Wanneer je reflecteerde ({window})"
INSIGHTS_CALENDAR_HINT = (
    "w: week · m: maand · k: kwartaal · j: jaar. Geen reeksen: elke reflectie telt."
)
INSIGHTS_SKIPS = (
    "Overgeslagen LSD-stappen (leeg gelaten bij een gekozen praktijk; laatste reflectie)",
    "Overgeslagen LSD-stappen (leeg gelaten bij een gekozen praktijk; laatste {n} reflecties)",
)
# Unlike the rest of the screen, next steps count in drafts too (``insights.steps_scope``).
INSIGHTS_STEPS = "Vervolgstappen (ook die in concepten)"
INSIGHTS_WINDOWS = {
    "week": "deze week",
    "month": "5 weken",
    "quarter": "13 weken",
    "year": "een jaar",
}
# A count's trend compares shares, so it shows them: "↓ 67% (was 100%)".
INSIGHTS_ARROWS = {"up": "↑", "down": "↓", "flat": "→"}
INSIGHTS_SHARE_TREND = "{arrow} {now}% (was {before}%)"
INSIGHTS_RATING_TREND = {"up": "↑ hoger", "down": "↓ lager", "flat": "→ gelijk", "": ""}
INSIGHTS_COUNT_ROW = "{name}  {n}×"
INSIGHTS_TABLE_ROW = "{rank} {name}  {n}×  (essay: {essay})"
INSIGHTS_TABLE_NEVER = "–"
# Beside each barrier or help: its place in the essay's table, or (an item an
# organisation layer added, which the essay does not name) whose it is.
INSIGHTS_ESSAY_RANK = "essay: {rank}"
INSIGHTS_OWN_ITEM = "van je organisatie"
INSIGHTS_RATING_ROW = "{name}  gem. {mean}"
INSIGHTS_SKIP_ROW = "{practice} · {step}: {skipped} van {chosen} ({share}%)"
INSIGHTS_STEPS_DONE = "Gedaan: {n}"
INSIGHTS_STEPS_OPEN = "Open: {n}"
INSIGHTS_STEPS_OVERDUE = "Te laat: {n}"
INSIGHTS_STEPS_UNDATED = "Zonder datum: {n}"
INSIGHTS_WEEK_ROW = "week van {monday}"
INSIGHTS_DRILL_TITLE = "Reflecties achter: {what}"
# Where "achter" with the row's own text reads awkwardly ("achter: Te laat: 4"),
# the journal opened from the row gets a sentence of its own.
INSIGHTS_DRILL_TITLES = {
    "total": "Al je afgeronde reflecties ({n})",
    "recent": "Afgeronde reflecties van de laatste {days} dagen ({n})",
    "before": "Afgeronde reflecties van vóór de laatste {days} dagen ({n})",
    "done": "Reflecties met een afgevinkte vervolgstap",
    "open": "Reflecties met een open vervolgstap",
    "overdue": "Reflecties met een vervolgstap die te laat is",
    "undated": "Reflecties met een vervolgstap zonder datum",
}
WEEKDAYS_SHORT = "ma di wo do vr za zo"

# -- looking back: next steps overview ---------------------------------------------
STEPS_TITLE = "Vervolgstappen"
STEPS_HINT = (
    "d: gedaan of weer open · t: datum veranderen · u: ongedaan maken · Enter: reflectie lezen"
)
STEPS_NONE = "Nog geen vervolgstappen. Je schrijft ze op aan het eind van een reflectie."
STEPS_MORE = ("Alleen de eerste stap wordt getoond.", "De eerste {n} stappen worden getoond.")
STEPS_DONE = "Afgevinkt. Druk op u om het ongedaan te maken."
STEPS_REOPENED = "Weer open gezet. Druk op u om het ongedaan te maken."
STEPS_DUE_SET = "Nieuwe datum bewaard. Druk op u om het ongedaan te maken."
STEPS_UNDONE = "Ongedaan gemaakt."
STEPS_NOTHING_TO_UNDO = "Er is niets om ongedaan te maken."
STEPS_DUE_TITLE = "Nieuwe datum voor: {step}"
STEPS_DUE_PLACEHOLDER = "bijv. 15-12-2026; leeg = geen datum"
KEY_TOGGLE_DONE = "Gedaan/open"
KEY_DUE = "Datum"
KEY_UNDO = "Ongedaan"

# -- looking back: earlier similar cases ---------------------------------------------
SIMILAR_TITLE = "Eerder vergelijkbaar"
SIMILAR_NOTICE = (
    "Je schreef eerder over vergelijkbare casussen:\n{cases}\n"
    "Ctrl+p → Vergelijkbare casussen om ze te lezen."
)
SIMILAR_CASE = "• {title} ({date}{draft}): {why}"
SIMILAR_MORE = " en meer"  # after the two names a similar case's reason shows
SIMILAR_DRAFT = ", concept"  # an earlier draft of the same subject is offered too
# (one, many): the verb agrees with what is named (several, or one plural name).
SIMILAR_REASONS = {
    "barriers": ("ook hinderde {items}", "ook hinderden {items}"),
    "practices": ("zelfde praktijk: {items}", "zelfde praktijken: {items}"),
    "helps": ("ook hielp {items}", "ook hielpen {items}"),
    "case_kind": ("zelfde soort casus", "zelfde soort casus"),
    "words": ("woord: {items}", "woorden: {items}"),
}
CMD_SIMILAR = "Vergelijkbare casussen"
CMD_SIMILAR_HELP = "Lees de eerdere reflecties die op deze casus lijken"
SIMILAR_HEADING = "vergelijkbare casussen"
# The active-filter line of the journal opened on them (not "uit inzichten").
SIMILAR_FILTER = "lijkt op je casus"

# -- issue 16: the guided session as a newcomer meets it ----------------------
# Command palette: Textual's own texts in Dutch (see tui/palette.py).
PALETTE_THEMES = "Zoek een kleurenschema…"
PALETTE_NO_MATCHES = "Niets gevonden"
PALETTE_CLOSE = "Sluiten"
PALETTE_NEXT = "Volgende opdracht"
PALETTE_PREV = "Vorige opdracht"
PALETTE_NEXT_PAGE = "Volgende bladzijde"
PALETTE_PREV_PAGE = "Vorige bladzijde"
PALETTE_FIRST = "Naar boven"
PALETTE_LAST = "Naar beneden"
CMD_EXPORT = "Exporteren naar Markdown"
CMD_EXPORT_HELP = "Bewaar deze reflectie als Markdown-bestand"

# Navigation buttons under every step, and keys in the Footer.
NAV_BACK_BUTTON = "← Terug"
NAV_NEXT_BUTTON = "Verder →"
NAV_KEYS = "alt+← / alt+→ (of Tab en Enter)"
KEY_TOGGLE = "Aan/uit"
KEY_UNDO = "Ongedaan"

# Dates: each next step's date is checked on its own row.
DATE_EXAMPLES = "15-12, 15 dec, vrijdag of over 2 weken"
# Under the field of the date dialog (``t`` on the next steps), always shown.
DATE_DIALOG_HINT = (
    "Schrijf bijvoorbeeld 15-12-2026, " + DATE_EXAMPLES + ". Leeg = geen datum. "
    "Enter: bewaren · Esc: terug zonder te veranderen."
)
DATE_ROW_INVALID = (
    "✗ Stap {n}: “{text}” is geen datum. Schrijf bijvoorbeeld {examples}, of maak het veld leeg."
)
DATE_FIELD_INVALID = "✗ “{text}” is geen datum. Schrijf bijvoorbeeld {examples}."
DATE_ROW_READ = "Stap {n}: {date}"
DATE_READ = "= {date}"
DATE_BLOCKED = "Verbeter eerst de datum met ✗, of maak het veld leeg."

# Home: undo for a ticked next step.
HOME_STEP_DONE_UNDO = "Vervolgstap afgevinkt. Druk op u om het ongedaan te maken."
HOME_STEP_UNDONE = "Vervolgstap staat weer open."

# Session: no practice chosen, finishing a nearly empty reflection.
NO_PRACTICES_NOTE = (
    "Je koos geen werkpraktijk, dus de LSD-vragen zijn overgeslagen. "
    "Ga terug naar Praktijken om er een te kiezen."
)
CONFIRM_EMPTY_TITLE = "Bijna lege reflectie afronden?"
CONFIRM_EMPTY = (
    "Je hebt nog weinig ingevuld. Aanvullen kan later nog, via het dagboek (j). Toch afronden?"
)
CONFIRM_YES = "Ja, afronden"
CONFIRM_ASIDE_TITLE = "Antwoorden weggooien?"
CONFIRM_ASIDE = (
    "Bij {names} staan nog antwoorden, maar je hebt die werkpraktijk uitgevinkt. "
    "Als je nu afrondt, gooit de app die antwoorden weg. Wil je ze houden? "
    "Ga dan terug naar Praktijken en vink de werkpraktijk weer aan."
)
CONFIRM_ASIDE_YES = "Weggooien en afronden"
CONFIRM_ASIDE_NO = "Terug, niets weggooien"
CONFIRM_NO = "Nee, verder schrijven"

# Summary: tips listed compactly; Enter opens one.
SUMMARY_TIP_HINT = "Kies een tip en druk op Enter om hem helemaal te lezen."
KEY_TIP_OPEN = "Open/dicht"
EXPORTED_TO = "Opgeslagen als:\n{path}"
HOME_STEP_FULL = "→ {step}  (uit: {title})"

# -- passphrase of an encrypted journal (issue 17) ---------------------------
PASSPHRASE_TITLE = "Dit dagboek is versleuteld"
PASSPHRASE_PROMPT = "Typ je wachtwoord en druk op Enter (Esc stopt)."
PASSPHRASE_PLACEHOLDER = "wachtwoord"
PASSPHRASE_WRONG = (
    "Het wachtwoord klopt niet. Nog 1 poging.",
    "Het wachtwoord klopt niet. Nog {n} pogingen.",
)
PASSPHRASE_CHECKING = "Even controleren..."
PASSPHRASE_GAVE_UP = "drie keer een verkeerd wachtwoord; het dagboek blijft dicht."
PASSPHRASE_CANCELLED = "gestopt zonder wachtwoord; het dagboek is niet geopend."
