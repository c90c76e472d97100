"""Norwegian word matching that behaves the same on every PostgreSQL.

PostgreSQL's `norwegian` snowball stemmer keeps "sveiser" and "sveising", "truckførere" and
"truckfører" apart, and the embedded PostgreSQL has no pg_trgm or unaccent. So words are
normalised here, in Python, for documents and queries alike, and PostgreSQL only stores and
compares the result (the `simple` configuration: lower case, no stemming of its own).

The rule, applied to each word:
1. lower case; é/è/ê → e, ü → u, ö → ø, ä → æ, á/à → a (accents people type or paste);
2. split on everything that is not a letter or digit ("IT-brukerstøtte" → "it", "brukerstøtte");
3. strip the longest inflection or derivation ending from ENDINGS that leaves at least
   MIN_STEM letters, then once more ("lageret" → "lager" → "lag"): -ingene, -ingen, -inger,
   -ing, -erne, -eren, -ere, -er, -ene, -ane, -en, -et, -ar, -a, -e, …
   ("sveiser", "sveising", "sveisere" → "sveis"; "helsefagarbeidere" → "helsefagarbeid").
Queries then match a stem exactly, or as a prefix when it has at least PREFIX_MIN letters,
which finds Norwegian compounds by their first part ("truck" finds "truckfører",
"barnehage" finds "barnehageassistent") but never a different word ("sveis" does not match
"svensk"). Compounds are not found by their last part ("arbeider" does not find
"helsefagarbeider"): occupations are matched by STYRK-08 code instead.
"""

import re
import unicodedata
from dataclasses import dataclass

MIN_STEM = 3
PREFIX_MIN = 4
MIN_QUERY_WORD = 2

# Longest first, so "-ingene" wins over "-ene" and "-e".
ENDINGS = sorted(
    [
        # Verbal nouns: sveising, sveisingen, sveisinger, sveisingene
        "ingene",
        "ingens",
        "ingen",
        "inger",
        "ing",
        # Agent nouns and plurals: sveiser, sveiseren, sveisere, sveiserne
        "ernes",
        "erens",
        "erne",
        "eren",
        "ere",
        "ers",
        "er",
        # Nynorsk: sveisar, sveisaren, sveisarar, sveisarane
        "arane",
        "arar",
        "aren",
        "ane",
        "ar",
        # Definite forms and genitives: kokken, kokkene, lageret, kassa, kokkens
        "hetene",
        "heten",
        "het",
        "ene",
        "ens",
        "ets",
        "en",
        "et",
        "a",
        "e",
        # Adjectives and participles: ansvarlige, erfarne, utdannede
        "ende",
        "ede",
        "ig",
        "ige",
        "lig",
        "lige",
    ],
    key=len,
    reverse=True,
)

ACCENTS = str.maketrans(
    {"é": "e", "è": "e", "ê": "e", "ü": "u", "ö": "ø", "ä": "æ", "á": "a", "à": "a"}
)
WORD = re.compile(r"[^\W_]+")

# Words that say nothing about a candidate; left out of queries so that "erfaring med truck"
# asks for "truck" only.
_STOP_WORDS = (
    "og i på med for til av fra som er det en et ei å at har kan må skal vil om eller "
    "ikke også den de du vi seg sin sitt sine være vært blir ble per inn ut opp "
    "over under etter før ved mot hos bør gjerne minst samt både enten "
    # Words every requirement text uses
    "erfaring erfaringer krav kunne jobbe jobb arbeid god gode godt bra stor store "
    "ønskelig ønsket ønsker viktig noe noen mye alle hele deg din ditt dine oss vår "
    "stilling stillingen søker person personer evne evner gang fått få lang"
)
STOP_WORDS = frozenset(_STOP_WORDS.split())

# Words in an opening's requirements that describe conditions of the job (language, hours,
# shifts, contract, personal qualities) rather than what the candidate can do. Matching them
# made a cleaner score for a cook opening because both texts say "norsk" (a new user's test
# of the search): they are left out of the terms taken from the opening's text. A person who
# types them into the search box gets them.
CONDITION_PREFIXES = (
    "norsk",
    "engelsk",
    "svensk",
    "dansk",
    "språk",
    "snakk",
    "muntlig",
    "skriftlig",
    "flytende",
    "kveld",
    "natt",
    "helg",
    "skift",
    "turnus",
    "dagtid",
    "døgn",
    "deltid",
    "heltid",
    "vikar",
    "fast",
    "midlertid",
    "sesong",
    "ekstrahjelp",
    "punktlig",
    "pålitelig",
    "selvstendig",
    "fleksib",
    "serviceinn",
    "positiv",
    "blid",
    "motivert",
    "samarbeid",
)


def is_condition(word: str) -> bool:
    return word.startswith(CONDITION_PREFIXES)


@dataclass(frozen=True)
class Term:
    """One query word: as typed (folded), its stem, and the tsquery lexemes that find it."""

    word: str
    stem: str
    # The known document stems that start with the prefix (see matching.vocabulary); None
    # when not looked up, and the tsquery then matches the prefix itself.
    completions: tuple[str, ...] | None = None

    @property
    def prefixes(self) -> tuple[str, ...]:
        """Document stems starting with one of these match. A stem shorter than PREFIX_MIN
        must match exactly, but the whole word still finds compounds ("lager" finds
        "lagermedarbeider", whose stem "lag" alone would be too short to use as a prefix)."""
        found = []
        if len(self.stem) >= PREFIX_MIN:
            found.append(self.stem)
        elif len(self.word) >= PREFIX_MIN:
            found.append(self.word)
        return tuple(found)

    def matches(self, document_stems) -> bool:
        """The same rule as `tsquery`, applied in Python to explain a result."""
        if self.stem in document_stems:
            return True
        return any(s.startswith(p) for p in self.prefixes for s in document_stems)

    @property
    def tsquery(self) -> str:
        """Exact lexemes when the completions are known: a GIN index answers those without
        the slow partial-match scan a prefix (':*') needs. Terms hold only letters and
        digits, so quoting them is safe."""
        if self.completions is not None:
            return " | ".join(
                f"'{lexeme}'" for lexeme in dict.fromkeys((self.stem, *self.completions))
            )
        lexemes = [f"'{prefix}':*" for prefix in self.prefixes]
        if self.stem not in self.prefixes:
            lexemes.insert(0, f"'{self.stem}'")
        return " | ".join(lexemes)


def fold(text: str) -> str:
    """Lower case with common accents folded; æ, ø and å are kept as letters of their own."""
    return unicodedata.normalize("NFC", text).lower().translate(ACCENTS)


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def _strip_ending(word: str) -> str:
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def stem(word: str) -> str:
    """The word without its longest Norwegian ending that leaves MIN_STEM letters, twice:
    a definite ending can hide a plural or agent ending ("lageret" → "lager" → "lag")."""
    if not word.isalpha():
        return word
    return _strip_ending(_strip_ending(word))


def normalise(text: str) -> list[str]:
    """Every word of a text as a stem, in order: the document side."""
    return [stem(word) for word in words(text)]


def query_terms(text: str, limit: int = 20, *, skip_conditions: bool = False) -> list[Term]:
    """The distinct words a query asks for, without stop words (and, for an opening's own
    text, without words about the job's conditions), in the order typed."""
    terms: dict[str, Term] = {}
    for word in words(text):
        if len(word) < MIN_QUERY_WORD or word in STOP_WORDS:
            continue
        if skip_conditions and is_condition(word):
            continue
        term = Term(word=word, stem=stem(word))
        terms.setdefault(term.stem, term)
    return list(terms.values())[:limit]
