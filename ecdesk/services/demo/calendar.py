"""The demo shop's sales calendar: how busy each day of the year is, and at what hours.

A weekly rhythm, slow growth, the quiet weeks around the Spring Festival (couriers stop), and
the marketplace festivals: 618 (June 18), Double 11 (November 11) and Double 12. Pure functions
on calendar days of the shop's timezone, so the seasonality can be checked without a database.
"""

from __future__ import annotations

from datetime import date, timedelta

YEAR_DAYS = 365
# Monday first: weekends are busier, Fridays a little quiet.
WEEKDAY_FACTOR = (1.05, 1.0, 0.97, 0.97, 0.93, 1.12, 1.2)
GROWTH = 0.3  # the last day of the year sells 30 % more than the first, all else equal
# Chinese New Year's day (the lunar calendar cannot be computed simply; these years suffice).
SPRING_FESTIVAL = {
    2024: date(2024, 2, 10), 2025: date(2025, 1, 29), 2026: date(2026, 2, 17),
    2027: date(2027, 2, 6), 2028: date(2028, 1, 26), 2029: date(2029, 2, 13),
    2030: date(2030, 2, 3), 2031: date(2031, 1, 23), 2032: date(2032, 2, 11),
}
# (month, day) -> factor: the festivals and the days around them.
FESTIVAL_FACTOR = {
    **{(6, d): 1.25 for d in range(1, 16)}, (6, 16): 1.8, (6, 17): 2.2, (6, 18): 5.0,
    (6, 19): 1.4, (6, 20): 1.2,
    **{(10, d): 1.35 for d in range(24, 32)}, (11, 1): 2.2, (11, 2): 1.6, (11, 3): 1.4,
    **{(11, d): 1.25 for d in range(4, 10)}, (11, 10): 2.0, (11, 11): 7.0, (11, 12): 1.6,
    (11, 13): 1.2, (12, 12): 2.0,
}
# Share of a day's orders per local hour: evenings are busy, the small hours quiet.
HOUR_WEIGHTS = (3.0, 1.5, 0.8, 0.3, 0.2, 0.2, 0.4, 1.0, 2.0, 3.0, 4.0, 4.0,
                4.5, 4.0, 4.0, 4.0, 4.0, 3.5, 3.5, 4.5, 6.0, 7.0, 6.5, 4.5)
# On a festival day the midnight start and the 8 pm final-payment rush dominate.
FESTIVAL_HOUR_WEIGHTS = (30.0, 8.0, 2.0, 0.6, 0.3, 0.3, 0.5, 1.0, 2.0, 3.0, 4.0, 4.0,
                         4.5, 4.0, 4.0, 4.0, 4.0, 3.5, 3.5, 4.5, 12.0, 12.0, 8.0, 5.0)
PEAK_DAYS = ((6, 18), (11, 11))


def year_of_days(last_day: date) -> list[date]:
    """The 365 calendar days ending with `last_day`, oldest first."""
    return [last_day - timedelta(days=n) for n in range(YEAR_DAYS - 1, -1, -1)]


def day_weight(day: date, first_day: date) -> float:
    """How busy `day` is relative to an ordinary Tuesday at the start of the year."""
    growth = 1 + GROWTH * (day - first_day).days / YEAR_DAYS
    return (WEEKDAY_FACTOR[day.weekday()] * growth * FESTIVAL_FACTOR.get((day.month, day.day), 1)
            * _spring_festival_factor(day))


def _spring_festival_factor(day: date) -> float:
    new_year = SPRING_FESTIVAL.get(day.year)
    following = SPRING_FESTIVAL.get(day.year + 1)
    for festival in (new_year, following):
        if festival is None:
            continue
        offset = (day - festival).days
        if -10 <= offset <= -4:  # the last orders that can still arrive before the holiday
            return 0.7
        if -3 <= offset <= 7:  # couriers and warehouses stop
            return 0.35
    return 1.0


def is_festival(day: date) -> bool:
    """A festival's busiest days: discounts everywhere, parcels leave a day later."""
    return FESTIVAL_FACTOR.get((day.month, day.day), 1) >= 1.8


def hour_weights(day: date) -> tuple[float, ...]:
    return FESTIVAL_HOUR_WEIGHTS if (day.month, day.day) in PEAK_DAYS else HOUR_WEIGHTS


def elapsed_share(day: date, seconds_into_day: int) -> float:
    """The share of `day`'s orders placed before `seconds_into_day` (for today, so far)."""
    weights = hour_weights(day)
    hour, rest = divmod(max(0, min(seconds_into_day, 86_400)), 3600)
    done = sum(weights[:hour]) + (weights[hour] * rest / 3600 if hour < 24 else 0)
    return done / sum(weights)


def split_exactly(total: int, weights: list[float]) -> list[int]:
    """Whole numbers proportional to `weights` that add up to exactly `total` (largest
    remainders get the units left over)."""
    whole = sum(weights)
    if total <= 0 or whole <= 0:
        return [0] * len(weights)
    shares = [total * w / whole for w in weights]
    counts = [int(s) for s in shares]
    short = total - sum(counts)
    by_remainder = sorted(range(len(weights)), key=lambda i: (counts[i] - shares[i], i))
    for index in by_remainder[:short]:
        counts[index] += 1
    return counts
