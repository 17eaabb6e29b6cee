"""Danish number and text formatting: 76,5 %, 8.940, 800.000 kr."""

from __future__ import annotations


def number(value: float | int | None, decimals: int | None = None) -> str:
    """Format a number the Danish way: thousands with '.', decimals with ','.

    Whole numbers get no decimals unless ``decimals`` is given; others get one.
    """
    if value is None:
        return "–"
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "§").replace(".", ",").replace("§", ".")


def percent(value: float | None, decimals: int | None = None) -> str:
    """76.5 -> '76,5 %', 80 -> '80 %'."""
    return "–" if value is None else f"{number(value, decimals)} %"


def points(value: float | None, decimals: int = 1, signed: bool = True) -> str:
    """Percentage points: 1.2 -> '+1,2 procentpoint'."""
    if value is None:
        return "–"
    sign = "+" if signed and value > 0 else ""
    return f"{sign}{number(value, decimals)} procentpoint"


def kroner(value: float | None) -> str:
    """800000 -> '800.000 kr.'."""
    return "–" if value is None else f"{number(value, 0)} kr."


def with_unit(value: float | None, unit: str | None, decimals: int | None = None) -> str:
    """Format a value by unit: pct -> '76,5 %', antal -> '8.940'."""
    if unit == "pct":
        return percent(value, decimals)
    if unit == "procentpoint":
        return points(value, signed=False)
    if value is not None and unit == "antal":
        return number(value, 0 if float(value).is_integer() else 1)
    return number(value)


def figure(value: float, unit: str | None) -> str:
    """A figure stated in a plan with its unit: '6 måneder', '200 praktikpladser'; a year
    without a thousands separator, its unit first ('startår 2017', not '2.017 startår')."""
    if (unit or "").endswith("år") and float(value).is_integer() and 1900 <= value <= 2100:
        return f"{unit} {int(value)}"
    return f"{number(value)} {unit or ''}".strip()


def join_list(items: list[str], conjunction: str = "og") -> str:
    """['a', 'b', 'c'] -> 'a, b og c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def bullet_list(items: list[str]) -> str:
    """Lines starting with '- '."""
    return "\n".join(f"- {item}" for item in items)


def genitive(name: str) -> str:
    """Danish genitive: 'Morsø' -> 'Morsøs', 'Norddjurs' -> 'Norddjurs''."""
    return f"{name}'" if name.endswith(("s", "x", "z")) else f"{name}s"
