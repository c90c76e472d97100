"""SN2007 (Statistics Norway's standard industrial classification): from a detailed industry
code such as "41.200" to its top-level section letter A–U, through the two-digit division
ranges SSB publishes for each section."""

SECTION_BY_DIVISIONS = [
    (range(1, 4), "A"),
    (range(5, 10), "B"),
    (range(10, 34), "C"),
    (range(35, 36), "D"),
    (range(36, 40), "E"),
    (range(41, 44), "F"),
    (range(45, 48), "G"),
    (range(49, 54), "H"),
    (range(55, 57), "I"),
    (range(58, 64), "J"),
    (range(64, 67), "K"),
    (range(68, 69), "L"),
    (range(69, 76), "M"),
    (range(77, 83), "N"),
    (range(84, 85), "O"),
    (range(85, 86), "P"),
    (range(86, 89), "Q"),
    (range(90, 94), "R"),
    (range(94, 97), "S"),
    (range(97, 99), "T"),
    (range(99, 100), "U"),
]

SECTIONS = frozenset(section for _divisions, section in SECTION_BY_DIVISIONS)


def section_for(code: str) -> str | None:
    """ "41.200" → "F"; a section letter is returned as it is; None if it is neither."""
    code = (code or "").strip().upper()
    if code in SECTIONS:
        return code
    division = code[:2]
    if len(code) < 2 or not division.isdecimal():
        return None
    return next((s for divisions, s in SECTION_BY_DIVISIONS if int(division) in divisions), None)
