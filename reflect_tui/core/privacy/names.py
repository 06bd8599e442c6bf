"""Word lists the name detector leans on: first names, surnames, particles, roles.

Why hand-made lists: the detector must run offline and fast, and a Dutch
case text names residents, colleagues and aldermen whose names are mostly
common Dutch (or Turkish, Moroccan, Surinamese) first names and surnames.
A capitalised word that is not a Dutch word catches the rest. All entries
are lowercase; the detector lowercases before it looks.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


FIRST_NAMES = _words(
    """
    aad aafke aart abdel abdelkader abdul abdullah adam adrie adriaan ahmed aicha aisha ali
    alex alexander alida amal amber amina amira amy andre andrea angela angelique anita ank
    anke anna anne anneke annemarie annemieke annette anouk anton ard arie arjan arjen arend
    arnold aron ayoub ayse aysel bart bas bastiaan beatrix bea ben benjamin bernard bert
    bianca bilal bob boris bouke bram brenda brian bregje carla carlo carolien caroline cas
    casper cees charlotte chantal chris christiaan cindy claire claudia coen cor corine
    corinne daan daniel daniëlle danny dave david debora demi dennis diana dick dirk dominique
    donna dorien edith eddy edwin eefje eline elif elise ellen els elsbeth emma emre erik
    ernst esra esther eva evelien evert fatima fatma fenna femke fleur floor floris frank
    frans freek frits gerard gerben gerda gerrit gert gijs gerrie guido hamza hanneke hanna
    hannah hans harm harrie hasan hatice hein hendrik henk henny herman hilde hugo huib ibrahim
    ilse inge ingrid irene iris ivo jaap jacob jacqueline jamal jan janneke jannie jasper jeroen
    jesse joke joost jorien joris jos jose josé joyce judith julia julian justin karel karin
    kees kelly kevin khadija kim klaas koen kirsten lars laura leo leonie lieke lies lisa lisanne
    liam lotte lucas luuk maaike maarten mahmoud manon marco marcel mare margreet maria marian
    marieke marijke marit marjolein mark marleen marloes martijn martin marty maryam mats
    max mehmet meike melanie merel michel michiel mila mirjam mohamed mohammed monique mustafa
    naima nadia natasha niels nicole nienke nina noah noor nora olga omar patrick paul pauline
    peter petra pieter piet pim priya rachid ralph ramon rashida remco rene renee rick rik rianne
    rini rob robert robin roel roelof romy ronald rosa ruben ruud ryan said saida samira sander
    sandra sanne sara sarah saskia sem sevda sietse silvia simone sjaak sjoerd sofie sophie
    soufiane stefan stephanie suzanne sven tamara teun theo thijs thomas tim tineke tom ton tonny
    vera vincent wendy wesley wilco wilma willem willemijn wim wouter yara yasmina yusuf yvonne
    zeynep zoë
    """
)

SURNAMES = _words(
    """
    aydin akkermans bakker bakkers bekker bennink bos bosch bosman bouzid bouwman brouwer claassen
    dekker demir dijkstra driessen evers gerritsen groen haan hendriks hermans hoekstra hofman
    huisman jacobs jansen janssen jonker kaya koster kramer kuiper kuipers maas martens meijer
    mulder peeters peters postma prins sahin schipper scholten schouten sluiter smeets smit smits
    timmermans veenstra verbeek verhoeven vermeulen vink visser vos willems willemsen wolters yilmaz
    çelik celik öztürk ozturk amrani haddou bakkali benali ouali wijnands zwart
    jong groot boer wit graaf bruin bruijn koning ruiter kok berg dijk leeuwen heuvel
    brink linden veen wal laan bergh molen beek horst vliet ven broek
    veldhuis kamphuis nijhuis nijenhuis oosterhuis westerhuis brinkhuis wolthuis stegehuis
    morshuis hofhuis kleinhuis oudkerk
    """
)

# The last part of a compound that names an organisation or a building, not a
# person ("Rijkswaterstaat", "Stadsschouwburg", "Montessorischool", "Rabobank").
# Only compounds count (the bare word may be a surname) and only with four letters
# or more in front ("Nijhuis" is a person); surnames ending in one are listed above.
PLACE_HEADS: tuple[str, ...] = (
    "waterstaat",
    "schouwburg",
    "school",
    "huis",
    "centrum",
    "gemeente",
    "kerk",
    "moskee",
    "synagoge",
    "museum",
    "theater",
    "bibliotheek",
    "ziekenhuis",
    "kliniek",
    "stadion",
    "sporthal",
    "stichting",
    "vereniging",
    "corporatie",
    "college",
    "academie",
    "universiteit",
    "bank",
    "station",
    "kantoor",
    "fabriek",
    "gebouw",
    "paleis",
    "kasteel",
    "waterschap",
    "provincie",
    "ministerie",
    "inspectie",
    "politie",
    "brandweer",
    "omroep",
    "courant",
    "apotheek",
)

# Words that join the parts of a Dutch surname ("Piet de Vries", "Van der Meer").
PARTICLES = frozenset(
    {"van", "de", "der", "den", "het", "ter", "ten", "te", "'t", "el", "la", "le", "op"}
)

# Roles that usually have one holder: the name is replaced by the role itself ("de wethouder").
OFFICES = frozenset(
    {
        "wethouder",
        "burgemeester",
        "directeur",
        "voorzitter",
        "wijkagent",
        "leidinggevende",
        "teamleider",
        "gedeputeerde",
        "griffier",
        "secretaris",
    }
)

# Roles shared by many people: the name becomes the role plus a letter ("bewoner A").
ROLE_WORDS = frozenset(
    {
        "bewoner",
        "bewoonster",
        "buurman",
        "buurvrouw",
        "collega",
        "ondernemer",
        "initiatiefnemer",
        "aanvrager",
        "ambtenaar",
        "opbouwwerker",
        "jongerenwerker",
        "raadslid",
        "mantelzorger",
        "familie",
        "mevrouw",
        "meneer",
        "heer",
        "dhr",
        "mw",
    }
)

# Capitalised words that are neither Dutch dictionary words nor people: places, bodies.
NOT_NAMES = _words(
    """
    nederland amsterdam rotterdam utrecht groningen haarlem zwolle ede enschede schagen eindhoven
    tilburg breda nijmegen arnhem apeldoorn leiden delft dordrecht zoetermeer almere amersfoort
    maastricht venlo leeuwarden assen emmen deventer alkmaar hilversum gouda haag lelystad
    friesland brabant limburg zeeland drenthe gelderland overijssel holland flevoland
    wmo ggd uwv cjg wijkteam jeugdwet participatiewet omgevingswet postbus vng rijk europa
    whatsapp teams zoom outlook excel word google facebook instagram linkedin
    """
)

# Words that often follow a person at the start of a sentence ("Kowalski belde", "Kowalski
# en"): an unknown, unlisted capitalised word in front of one of these is taken for a name.
PERSON_VERBS = _words(
    """
    belde belt mailde mailt zei zegt vroeg vraagt vertelde vertelt woont woonde kwam komt wil
    wilde vindt vond heeft had stuurde stuurt schreef schrijft gaf geeft liet laat meldde meldt
    en reageerde reageert klaagde klaagt dreigde dreigt wist weet werkt werkte sprak spreekt
    """
)
