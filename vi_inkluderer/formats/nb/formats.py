# One date style everywhere (issue 13, item 5): "2. des. 2026", "2. des. 2026 kl. 14:30" and,
# without the year, "2. des.". Templates name these formats (|date, |date:"DATETIME_FORMAT",
# |date:"MONTH_DAY_FORMAT"); Python code uses django.utils.formats.date_format with them.
# "N" is the abbreviated month as Norwegian writes it: "jan.", "mai", "sept.", "des.".
DATE_FORMAT = "j. N Y"
DATETIME_FORMAT = r"j. N Y \k\l. H:i"
MONTH_DAY_FORMAT = "j. N"
