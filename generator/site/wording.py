"""Words the pages and charts share: month names (locale-independent) and plurals."""

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def plural(count: int, word: str, many: str = "") -> str:
    """``1 article``, ``3 articles``; ``many`` for an irregular plural."""
    return f"{count} {word if count == 1 else many or word + 's'}"
