"""Identity numbers for demo, test and benchmark data.

They are valid H-numbers (month + 40, the scheme for help numbers), so they pass the same
validation as real fødselsnummer but can never be a real person's ordinary number."""

import datetime

from stdnum.no import fodselsnummer

from candidates.models import Gender

# Individual numbers 500–749 are used for births 1855–1899 and 2000–2039 only; 000–499 for
# 1900–1999. Demo people are born 1960–2006, so serials map into 000–499 (20th century) or
# 500–999 (21st century).


def synthetic_fnr(birth_date: datetime.date, serial: int, gender: str) -> str:
    """A valid identity number for this birth date and gender. `serial` picks one of the
    numbers available for the date; different serials give different numbers."""
    first = 0 if birth_date.year < 2000 else 500
    for offset in range(250):
        individual = first + (2 * (serial + offset)) % 500
        if gender == Gender.MALE:
            individual += 1  # the third individual digit is odd for men, even for women
        base = f"{birth_date:%d}{birth_date.month + 40:02d}{birth_date:%y}{individual:03d}"
        first_check = fodselsnummer.calc_check_digit1(base)
        if len(first_check) != 1:
            continue
        second_check = fodselsnummer.calc_check_digit2(base + first_check)
        if len(second_check) == 1:
            return base + first_check + second_check
    raise ValueError(f"No identity number left for {birth_date}")
