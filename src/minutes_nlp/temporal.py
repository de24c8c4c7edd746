"""Find Swedish time expressions in minutes and pin them to calendar dates.

``find_times(text, meeting_date)`` returns non-overlapping ``TimeExpression`` spans (longest match wins),
sorted by position. The vocabulary is data (``models/lang/sv/time.json`` and ``holidays.json``); this module
turns it into regexes once per process and resolves the matches.

Resolution rules (the ``_doc`` keys in time.json say the same next to the numbers):

* A written year always wins. Without one, nothing is inferred when ``meeting_date`` is None (the span is
  still returned, values None).
* Day-precise things (a day, a date range, an ISO week): the first occurrence that starts at most
  ``past_window_days`` (120) before the meeting. '18 mars' at a 2024-02-26 meeting = 2024-03-18,
  '15 januari' at a December meeting = next January.
* Vaguer periods (month, season, holiday, quarter): the one in progress or the next one, so 'i december' in
  February is the coming December.
* Both are overridden by clause tense: a past-tense clause ('gav i december', 'i våras', 'sedan mars') takes
  the last occurrence that had started by the meeting, a future cue ('ska', 'kommer', 'inför') the first one
  that has not ended.
* Prepositions in front of a period are part of its span. 'efter X' starts the day after X and is open
  (value_end None), so is 'från X'. Deadline cues ('senast', 'innan', 'före', 'till och med') make the kind
  'deadline' and keep the values of the period or date they govern.
* A clock time right after (or right before) a date-like expression is folded into it (``time`` field:
  'HH:MM', or 'HH:MM-HH:MM' for an interval); a lone clock time has kind 'time' and no date.
* Recurrences ('kvartalsvis', 'varannan vecka') and 'nästa gång' carry no date ('nästa gång' gets
  ``next_meeting`` when the caller knows it).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from .resources import load_json

__all__ = ["KINDS", "TimeExpression", "easter_sunday", "find_times"]

KINDS = (
    "date",
    "range",
    "week",
    "month",
    "season",
    "year",
    "holiday",
    "relative",
    "recurrence",
    "deadline",
    "time",
)

Span = tuple[dt.date, dt.date]
YearFn = Callable[[int], Span | None]

_DAY1 = dt.timedelta(days=1)
_WORDS = re.compile(r"\w+")
_Y4 = r"(?:19|20)\d\d"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_NUMSTART = r"(?<![\w.,:/-])"
_HH = r"(?:2[0-3]|[01]?\d)"
_MM = r"[0-5]\d"


@dataclass(frozen=True)
class TimeExpression:
    text: str  # as written
    start: int
    end: int
    kind: str  # one of KINDS
    value_start: dt.date | None
    value_end: dt.date | None  # == value_start for one day; None with a start = open-ended ('efter sommaren')
    time: str | None = None  # 'HH:MM' or 'HH:MM-HH:MM'


# --- calendar helpers --------------------------------------------------------------------------------------


def easter_sunday(year: int) -> dt.date:
    """Anonymous Gregorian computus (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _last_day(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _add_months(d: dt.date, n: int) -> tuple[int, int]:
    y, m = divmod(d.month - 1 + n, 12)
    return d.year + y, m + 1


def _iso_week(y: int, w: int) -> Span | None:
    try:
        return dt.date.fromisocalendar(y, w, 1), dt.date.fromisocalendar(y, w, 7)
    except ValueError:
        return None


def _mmdd(y: int, s: str) -> dt.date:
    m, d = s.split("-")
    return dt.date(y, int(m), int(d))


def _holiday_fn(rule: dict[str, Any]) -> YearFn:
    kind = rule["rule"]
    if kind != "fixed":
        lo, hi = dt.timedelta(days=rule.get("from", 0)), dt.timedelta(days=rule.get("to", 0))
    if kind == "easter":
        return lambda y: (easter_sunday(y) + lo, easter_sunday(y) + hi)
    if kind == "fixed":

        def fixed(y: int) -> Span:
            s, e = _mmdd(y, rule["from"]), _mmdd(y, rule["to"])
            return s, (e if e >= s else _mmdd(y + 1, rule["to"]))

        return fixed
    if kind == "weekday_between":

        def between(y: int) -> Span:
            d = _mmdd(y, rule["between"][0])
            d += dt.timedelta(days=(rule["weekday"] - d.isoweekday()) % 7)
            return d + lo, d + hi

        return between
    if kind == "iso_week":

        def week(y: int) -> Span | None:
            w = _iso_week(y, rule["week"])
            return (w[0] + lo, w[0] + hi) if w else None

        return week
    raise ValueError(f"holidays.json: unknown rule {kind!r}")


def _season_fn(first: int, last: int) -> YearFn:
    if last < first:  # over New Year: belongs to the year of its last month
        return lambda y: (dt.date(y - 1, first, 1), _last_day(y, last))
    return lambda y: (dt.date(y, first, 1), _last_day(y, last))


def _months_fn(first: int, last: int) -> YearFn:
    return lambda y: (dt.date(y, first, 1), _last_day(y + (last < first), last))


def _day_fn(day: int, month: int) -> YearFn:
    def f(y: int) -> Span | None:
        d = _safe_date(y, month, day)
        return (d, d) if d else None

    return f


# --- grammar (compiled once) ---------------------------------------------------------------------------------


def _key(s: str | None) -> str:
    return " ".join(s.lower().split()) if s else ""


def _alt(forms: Iterable[str]) -> str:
    """Alternation, longest first; a space in a form matches any whitespace run."""
    uniq = sorted({f.lower() for f in forms}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in f.split(" ")) for f in uniq)


Handler = Callable[[re.Match[str], "_Ctx"], "TimeExpression | None"]


@dataclass(frozen=True)
class _Ctx:
    text: str
    meeting: dt.date | None
    next_meeting: dt.date | None


class _Grammar:
    def __init__(self, d: dict[str, Any], hol: dict[str, Any]) -> None:
        self.d = d
        self.month: dict[str, int] = {}
        full: list[str] = []
        abbr: list[str] = []
        for mo in d["months"]:
            for n in mo["names"]:
                self.month[n] = mo["n"]
                full.append(n)
            for a in mo["abbr"]:
                self.month[a] = mo["n"]
                abbr.append(a)
        self.bare_ambiguous = set(d["bare_ambiguous_months"])
        self.weekday: dict[str, int] = {}
        self.weekday_plural: set[str] = set()
        self.weekday_past: dict[str, int] = {}
        for wd in d["weekdays"]:
            for n in wd["names"] + wd["abbr"]:
                self.weekday[n] = wd["n"]
            self.weekday_plural.update(wd["plural"])
            self.weekday_past[wd["past"]] = wd["n"]
        wd_names = [n for wd in d["weekdays"] for n in wd["names"]]
        self.season: dict[str, YearFn] = {}
        self.deictic: dict[str, YearFn] = {}
        self.homograph: set[str] = set()
        self.season_past: dict[str, YearFn] = {}
        self.term: dict[str, YearFn] = {}
        for se in d["seasons"]:
            fn = _season_fn(*se["months"])
            for f in se["forms"]:
                self.season[f] = fn
            if "deictic" in se:
                self.deictic[se["deictic"]] = fn
                if se.get("deictic_homograph"):
                    self.homograph.add(se["deictic"])
            if "past" in se:
                self.season_past[se["past"]] = fn
            if "abbr" in se:
                self.term[se["abbr"]] = fn
        self.holiday: dict[str, YearFn] = {}
        for h in hol["holidays"]:
            fn = _holiday_fn(h)
            for n in h["names"]:
                self.holiday[n] = fn
        self.parts: dict[str, str] = d["parts"]
        self.month_parts: dict[str, list[int]] = d["month_parts"]
        self.preps: dict[str, str | None] = d["prepositions"]
        self.relative: dict[str, dict[str, Any]] = {f: r for r in d["relative"] for f in r["forms"]}
        rc = d["relative_counted"]
        self.numbers: dict[str, int] = d["number_words"]
        self.ordinals: dict[str, int] = d["ordinal_words"]
        self.periods_of_year: dict[str, int] = d["periods_of_year"]
        self.followers = set(d["non_noun_followers"])
        yd = d["year"]
        self.year_min, self.year_max = yd["min"], yd["max"]
        self.year_blocked_before = set(yd["blocked_before"])
        self.exclusions = set(d["exclusions"])
        self.past_window = dt.timedelta(days=d["year_inference"]["past_window_days"])
        self.recent_past = dt.timedelta(days=d["year_inference"]["recent_past_days"])
        self.parts_narrow = bool(d.get("parts_narrow", False))
        self.tense_reach = d["year_inference"]["tense_reach_days"]
        t = d["tense"]
        self.tense = t
        self.past_words, self.future_words = set(t["past_words"]), set(t["future_words"])
        self.weak_future = set(t["weak_future_words"])
        self.past_suffix = re.compile(r"\w{2,}(?:" + "|".join(t["past_suffixes"]) + ")")
        self.verbish = re.compile(r"\w{2,}(?:" + "|".join(t["past_suffixes"] + t["passive_suffixes"]) + ")")
        self.clause_break = re.compile(r"[.!?;:]\s|\n\s*\n|[•▪●■►➢*]")

        i = re.IGNORECASE
        mon_full = _alt(full)
        mon_all = rf"(?:{mon_full}|(?:{_alt(abbr)})\.?)"
        wd_all = _alt(self.weekday)
        # A year glued to a date or period only has to look like a whole number on its own.
        year_guard = r"(?![\w]|[-/.,:]\d|\s\d)"
        opt_year = rf"(?:,?\s+(?P<y>{_Y4}){year_guard})?"
        prefix = rf"(?:(?P<prep>{_alt(self.preps)})\s+)?(?:(?P<part>{_alt(self.parts)})\s+(?:av|på)\s+)?"
        conn = rf"(?:\s*[-–—]\s*|\s+(?:{_alt(d['range_connectors'])}|och)\s+)"
        conn_short = r"(?:\s*[-–—]\s*|\s+(?:till|och)\s+)"

        def atom(s: str) -> str:
            return (
                rf"(?:(?P<wd_{s}>{wd_all})\.?,?\s+)?(?:den\s+)?(?:"
                rf"(?P<iso_{s}>{_Y4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?!\d)"
                rf"|(?P<d_{s}>{_DAY})(?::[ae])?\s*(?P<m_{s}>{mon_all})(?!\w)"
                rf"(?:,?\s+(?P<y_{s}>{_Y4}){year_guard})?"
                rf"|(?P<nd_{s}>{_DAY})/(?P<nm_{s}>1[0-2]|0?[1-9])(?:-(?P<ny_{s}>{_Y4})|/(?P<yy_{s}>{_Y4}|\d\d))?"
                rf"(?![\d/]|[.,]\d))"
            )

        rc_units = _alt(rc["units"])
        numw = _alt(self.numbers)
        rec = d["recurrence"]
        units = _alt(rec["units"] + wd_names)
        ords = _alt(self.ordinals)
        self.rc = rc
        free_rel = [f for f, r in self.relative.items() if not r.get("part_only")]
        tm = rf"(?P<h1>{_HH})(?:[.:](?P<m1>{_MM}))?"
        tm2 = rf"(?P<h2>{_HH})(?:[.:](?P<m2>{_MM}))?"
        b = r"(?<!\w)"
        rules: list[tuple[str, Handler, int]] = [
            (
                rf"{_NUMSTART}(?:(?P<btw>mellan)\s+)?(?:{atom('a')}|(?:(?P<wd_z>{wd_all})\.?,?\s+)?(?:den\s+)?"
                rf"(?P<d_z>{_DAY})(?::[ae])?){conn}{atom('b')}",
                self._range,
                i,
            ),
            (rf"{_NUMSTART}{atom('a')}", self._date, i),
            (
                rf"{b}{prefix}(?:vecka\s+nr\.?|veckorna|vecka|v\.\s*nr\.?|v\.|v)\s*(?P<w1>5[0-3]|[1-4]\d|0?[1-9])"
                rf"(?:{conn_short}(?:(?:vecka|v\.?)\s*)?(?P<w2>5[0-3]|[1-4]\d|0?[1-9]))?"
                rf"(?:,?\s+(?:år\s+)?(?P<y>{_Y4}){year_guard})?(?![\w]|[.,:]\d|\s*[-–]\s*\d)",
                self._week,
                i,
            ),
            (
                rf"{b}{prefix}(?P<m1>{mon_full})(?!\w)(?:{conn_short}(?P<m2>{mon_full})(?!\w))?{opt_year}",
                self._month,
                i,
            ),
            (rf"{b}{prefix}(?P<s>{_alt(self.season)})(?!\w){opt_year}", self._season, i),
            (rf"{b}(?P<i>i)\s+(?P<s>{_alt(self.deictic)})(?!\w)", self._deictic, i),
            (rf"{b}i\s+(?P<s>{_alt(self.season_past)})(?!\w)", self._season_past, i),
            (rf"{b}(?P<t>{'|'.join(self.term)})\s*-?\s*(?P<y>{_Y4}|\d\d)(?!\w)", self._term, 0),
            (rf"{b}{prefix}(?P<h>{_alt(self.holiday)})(?!\w){opt_year}", self._holiday, i),
            (
                rf"{b}{prefix}(?:(?P<cue>{_alt(yd['cues'])})\s+)?(?<![\w.,:/-])(?<!\d\s)(?P<y1>\d{{4}})"
                rf"(?:(?P<dec>-talet|-tal)|(?:\s*[-–—]\s*|\s+till\s+)(?P<y2>\d{{4}}))?(?![\w]|[.,:/-]\d)",
                self._year,
                i,
            ),
            (
                rf"{b}{prefix}(?:(?P<o>{ords})\s+(?P<u>{_alt(self.periods_of_year)})|(?:q|kv\.?|kvartal)\s*(?P<qn>[1-4]))"
                rf"(?!\w)(?:,?\s+(?P<y>{_Y4}){year_guard}|\s*[-–]\s*(?P<yy>\d\d)(?!\w))?",
                self._quarter,
                i,
            ),
            (rf"{b}(?:(?P<prep>{_alt(self.preps)})\s+)?(?P<rel>{_alt(free_rel)})(?!\w)", self._relative, i),
            (
                rf"{b}(?:(?P<prep>{_alt(self.preps)})\s+)?(?P<part>{_alt(self.parts)})\s+(?:av|på)\s+"
                rf"(?P<rel>{_alt(self.relative)})(?!\w)",
                self._relative,
                i,
            ),
            (
                rf"{b}(?P<dir>{_alt(rc['directions'])})\s+(?P<n>\d{{1,2}}|{numw})\s+(?P<u>{rc_units})(?!\w)"
                r"(?:\s+(?P<after>sedan))?",
                self._counted,
                i,
            ),
            (
                rf"{b}(?P<wr>{_alt(d['weekday_relative'])})\s+(?P<wd>{_alt(wd_names)})(?!\w)",
                self._weekday_rel,
                i,
            ),
            (rf"{b}i\s+(?P<wp>{_alt(self.weekday_past)})(?!\w)", self._weekday_past, i),
            (rf"{b}(?:{_alt(rec['adverbs'])})(?!\w)", self._recurrence, i),
            (
                rf"{b}(?:var\s+(?:\d{{1,2}}:e|{ords})|{_alt(rec['quantifiers'])})\s+(?:{units})(?!\w)",
                self._recurrence,
                i,
            ),
            (
                rf"{b}(?:\d{{1,2}}|{numw})\s+(?:{_alt(rec['times'])})\.?(?:\s+(?:{_alt(rec['per'])})\s+|\s*/\s*)"
                rf"(?:{_alt(rec['units_definite'] + rec['units'])})(?!\w)",
                self._recurrence,
                i,
            ),
            (rf"{b}(?:(?:på|alla|under)\s+)?(?:{_alt(self.weekday_plural)})(?!\w)", self._recurrence, i),
            (
                rf"{b}(?:{_alt(d['time']['clock_cues'])})\s*{tm}(?:(?:\s*[-–—]\s*|\s+till\s+)(?:kl\.?\s*)?{tm2})?"
                r"(?![\d]|[.:]\d)",
                self._time,
                i,
            ),
            (
                rf"{_NUMSTART}(?P<h1>{_HH}):(?P<m1>{_MM})(?:\s*[-–—]\s*(?P<h2>{_HH})[:.](?P<m2>{_MM}))?"
                r"(?![\d]|[.:]\d)",
                self._time,
                0,
            ),
            (
                rf"{_NUMSTART}(?P<h1>{_HH})\.(?P<m1>{_MM})\s*[-–—]\s*(?P<h2>{_HH})\.(?P<m2>{_MM})(?![\d]|[.:]\d)",
                self._time,
                0,
            ),
        ]
        self.rules = [(re.compile(p, f), h) for p, h, f in rules]
        cues = [p for p, eff in self.preps.items() if eff in ("deadline", "before", "from", "after")]
        # 'senast 15 mars', 'Sista anmälningsdag är 15 april'
        self.cue_before = re.compile(rf"(?<!\w)(?P<cue>{_alt(cues)})(?:\s+(?:är|blir))?\s+$", i)

    # --- resolution ---------------------------------------------------------------------------------------

    def tense_of(self, ctx: _Ctx, start: int, end: int) -> str | None:
        t = self.tense
        left = ctx.text[max(0, start - t["window_chars_before"]) : start]
        cuts = list(self.clause_break.finditer(left))
        if cuts:
            left = left[cuts[-1].end() :]
        right = ctx.text[end : end + t["window_chars_after"]]
        cut = self.clause_break.search(right)
        if cut:
            right = right[: cut.start()]
        words = (
            _WORDS.findall(left.lower())[-t["words_before"] :]
            + _WORDS.findall(right.lower())[: t["words_after"]]
        )
        strong = any(w in self.future_words and w not in self.weak_future for w in words)
        if strong:
            return "future"
        past = any(
            w in self.past_words or (self.past_suffix.fullmatch(w) and not w.endswith("nde")) for w in words
        )
        if past:
            return "past"
        return None  # 'välkommen', 'inbjudan' alone: the default for the kind of expression decides

    def resolve(
        self,
        fn: YearFn,
        year: int | None,
        ctx: _Ctx,
        *,
        precise: bool,
        tense: str | None,
        ok: Callable[[Span], bool] | None = None,
    ) -> Span | None:
        if year is not None:
            return fn(year)
        if ctx.meeting is None:
            return None
        m = ctx.meeting
        cands = [p for y in range(m.year - 2, m.year + 3) if (p := fn(y))]
        if ok and any(ok(p) for p in cands):
            cands = [p for p in cands if ok(p)]
            near = [p for p in cands if abs((p[0] - m).days) <= 366]
            if len(near) == 1:
                return near[0]  # 'lördag 28 september': the weekday says which year, whatever the tense
        mode = tense or ("window" if precise else "next")
        if mode == "next" and not any(p[0] <= m <= p[1] for p in cands):
            # 'Arbetslösheten i september' at an October meeting: a month or season that has just ended is
            # the one meant when nothing says it is ahead
            recent = [p for p in cands if m - self.recent_past <= p[1] < m]
            if recent:
                return max(recent)
        if mode == "past":
            pool = [p for p in cands if p[0] <= m]
            chosen = max(pool) if pool else None
        else:
            lo = m - self.past_window
            pool = [p for p in cands if (p[0] >= lo if mode == "window" else p[1] >= m)]
            chosen = min(pool) if pool else None
        if precise and tense == "past" and chosen and (m - chosen[0]).days > self.tense_reach:
            # Past tense is read from a few nearby words and can be wrong ("Kom igång … hålls 14 maj"); minutes
            # that mean a day most of a year back write its year, so a day without one is the nearby one.
            chosen = min(cands, key=lambda p: abs((p[0] - m).days))
        return chosen

    def part_of(self, span: Span, part: str, whole_month: bool) -> Span:
        s, e = span
        if whole_month:
            lo, hi = self.month_parts[part]
            return s.replace(day=min(lo, e.day)), s.replace(day=min(hi, e.day))
        n = (e - s).days + 1
        a, b = n // 3, 2 * n // 3
        cut = {"start": (0, a - 1), "mid": (a, b - 1), "end": (b, n - 1)}[part]
        return s + dt.timedelta(days=cut[0]), s + dt.timedelta(days=cut[1])

    def period(
        self,
        m: re.Match[str],
        ctx: _Ctx,
        kind: str,
        fn: YearFn,
        year: int | None,
        *,
        precise: bool = False,
        whole_month: bool = False,
        tense: str | None = None,
    ) -> TimeExpression:
        gd = m.groupdict()
        effect = self.preps.get(_key(gd.get("prep")))
        part = self.parts.get(_key(gd.get("part")))
        if effect == "past":
            tense = "past"
        elif effect == "ahead":
            tense = "future"
        tense = (
            tense
            or self.tense_of(ctx, m.start(), m.end())
            or ("future" if effect in ("deadline", "before") else None)
        )
        span = self.resolve(fn, year, ctx, precise=precise, tense=tense)
        return self.finish(m, ctx, kind, span, effect, part, whole_month)

    def finish(
        self,
        m: re.Match[str],
        ctx: _Ctx,
        kind: str,
        span: Span | None,
        effect: str | None,
        part: str | None,
        whole_month: bool = False,
    ) -> TimeExpression:
        vs: dt.date | None = None
        ve: dt.date | None = None
        if span:
            if part and self.parts_narrow:
                span = self.part_of(span, part, whole_month)
            vs, ve = span
            if effect == "after":
                vs, ve = span[1] + _DAY1, None
            elif effect == "from":
                ve = None
            elif effect == "before":
                vs, ve = _before(span, kind)
        return _expr(
            ctx, m.start(), m.end(), "deadline" if effect in ("deadline", "before") else kind, vs, ve
        )

    # --- handlers -----------------------------------------------------------------------------------------

    def _atom(self, m: re.Match[str], s: str) -> tuple[int, int, int | None, int | None] | None:
        g = m.groupdict()
        wd = self.weekday.get(_key(g.get(f"wd_{s}")))
        if g.get(f"iso_{s}"):
            y, mo, d = map(int, g[f"iso_{s}"].split("-"))
            return d, mo, y, wd
        if g.get(f"d_{s}"):
            y = g.get(f"y_{s}")
            return int(g[f"d_{s}"]), self.month[_key(g[f"m_{s}"]).rstrip(".")], int(y) if y else None, wd
        if g.get(f"nd_{s}"):
            y, yy = g.get(f"ny_{s}"), g.get(f"yy_{s}")
            lead = m.string[m.start() : m.start(f"nd_{s}")]
            dated = wd or re.search(r"den\s+$", lead, re.IGNORECASE)
            if not (y or yy or dated) and f"{int(g[f'nd_{s}'])}/{int(g[f'nm_{s}'])}" in self.exclusions:
                return None
            year = int(y) if y else (int(yy) + (2000 if len(yy) == 2 else 0) if yy else None)
            return int(g[f"nd_{s}"]), int(g[f"nm_{s}"]), year, wd
        return None

    def _date(self, m: re.Match[str], ctx: _Ctx) -> TimeExpression | None:
        a = self._atom(m, "a")
        if not a:
            return None
        d, mo, y, wd = a
        if _safe_date(2024, mo, d) is None:  # 2024 is a leap year: only impossible days fail
            return None
        ok = (lambda p: p[0].isoweekday() == wd) if wd else None
        span = self.resolve(
            _day_fn(d, mo), y, ctx, precise=True, tense=self.tense_of(ctx, m.start(), m.end()), ok=ok
        )
        return _expr(ctx, m.start(), m.end(), "date", *(span or (None, None)))

    def _range(self, m: re.Match[str], ctx: _Ctx) -> TimeExpression | None:
        b = self._atom(m, "b")
        if not b:
            return None
        if m.group("d_z"):
            a: tuple[int, int, int | None, int | None] | None = (int(m.group("d_z")), b[1], b[2], None)
        else:
            a = self._atom(m, "a")
        if not a:
            return None
        joint = m.group(0)[len(m.group("btw") or "") :]
        if re.search(r"\soch\s", joint) and not m.group("btw"):
            return None
        (d1, m1, y1, wd1), (d2, m2, y2, _) = a, b
        if _safe_date(2024, m1, d1) is None or _safe_date(2024, m2, d2) is None:
            return None
        span: Span | None = None
        if y1 is not None or y2 is not None:
            if y1 is None:
                y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1  # type: ignore[operator]
            if y2 is None:
                y2 = y1 if (m2, d2) >= (m1, d1) else y1 + 1
            s, e = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
            span = (s, e) if s and e else None
        else:
            ok = (lambda p: p[0].isoweekday() == wd1) if wd1 else None
            first = self.resolve(
                _day_fn(d1, m1), None, ctx, precise=True, tense=self.tense_of(ctx, m.start(), m.end()), ok=ok
            )
            if first:
                s = first[0]
                e = _safe_date(s.year, m2, d2) or _safe_date(s.year + 1, m2, d2)
                if e and e < s:
                    e = _safe_date(s.year + 1, m2, d2)
                span = (s, e) if e else None
        if span and span[1] < span[0]:
            return None
        return _expr(ctx, m.start(), m.end(), "range", *(span or (None, None)))

    def _week(self, m: re.Match[str], ctx: _Ctx) -> TimeExpression | None:
        w1 = int(m.group("w1"))
        w2 = int(m.group("w2")) if m.group("w2") else w1
        if w2 < w1:
            return None

        def fn(y: int) -> Span | None:
            a, b = _iso_week(y, w1), _iso_week(y, w2)
            return (a[0], b[1]) if a and b else None

        y = m.group("y")
        gd = m.groupdict()
        effect = self.preps.get(_key(gd.get("prep")))
        tense = "past" if effect == "past" else self.tense_of(ctx, m.start(), m.end())
        span = self.resolve(fn, int(y) if y else None, ctx, precise=True, tense=tense)
        return self.finish(m, ctx, "week", span, effect, self.parts.get(_key(gd.get("part"))))

    def _month(self, m: re.Match[str], ctx: _Ctx) -> TimeExpression | None:
        name = _key(m.group("m1"))
        y = m.group("y")
        plain = not (m.group("prep") or m.group("part") or y or m.group("m2"))
        if name in self.bare_ambiguous and (plain or (m.group("m1")[0].isupper() and not y)):
            return None
        m1 = self.month[name]
        m2 = self.month[_key(m.group("m2"))] if m.group("m2") else m1
        return self.period(m, ctx, "month", _months_fn(m1, m2), int(y) if y else None, whole_month=m1 == m2)

    def _season(self, m: re.Match[str], ctx: _Ctx) -> TimeExpression | None:
        y = m.group("y")
        return self.period(m, ctx, "season", self.season[_key(m.group("s"))], int(y) if y else None)

    def _deictic(self, m: re.Match[str], ctx: _Ctx) -> TimeExpression | None:
        word = _key(m.group("s"))
        if word in self.homograph and self._noun_follows(ctx.text, m.end(), present_verbs=True):
            return None  # 'i vår region' = in our region
        # 'i höst', 'i vår' name the season in progress or the next, whatever the clause's tense ('i höstas' is past)
        return self.period(m, ctx, "season", self.deictic[word], None, tense="future")

    def _season_past(self, m: re.Match[str], ctx: _Ctx) -> TimeExpression | None:
        return self.period(m, ctx, "season", self.season_past[_key(m.group("s"))], None, tense="past")

    def _term(self, m: re.Match[str], ctx: _Ctx) -> TimeExpression | None:
        y = m.group("y")
        return self.period(m, ctx, "season", self.term[m.group("t")], int(y) + (2000 if len(y) == 2 else 0))

    def _holiday(self, m: re.Match[str], ctx: _Ctx) -> TimeExpression | None:
        y = m.group("y")
        return self.period(m, ctx, "holiday", self.holiday[_key(m.group("h"))], int(y) if y else None)

    def _year(self, m: re.Match[str], ctx: _Ctx) -> TimeExpression | None:
        y1 = int(m.group("y1"))
        y2 = int(m.group("y2")) if m.group("y2") else y1
        if m.group("dec"):  # '1990-talet' = the decade
            if y1 % 10:
                return None
            y2 = y1 + 9
        if not (self.year_min <= y1 <= y2 <= self.year_max):
            return None
        if not m.group("cue"):
            if self._noun_follows(ctx.text, m.end(), verbs=True):
                return None
            if not m.group("prep") and not m.group("part"):
                before = re.search(r"(\S+)\s*$", ctx.text[max(0, m.start() - 20) : m.start()])
                if before and before.group(1).lower().rstrip(".:") in self.year_blocked_before:
                    return None
        return self.period(m, ctx, "year", lambda y: (dt.date(y, 1, 1), dt.date(y + y2 - y1, 12, 31)), y1)

    def _quarter(self, m: re.Match[str], ctx: _Ctx) -> TimeExpression | None:
        if m.group("qn"):
            n, k = int(m.group("qn")), 4
        else:
            k = self.periods_of_year[_key(m.group("u"))]
            n = self.ordinals[_key(m.group("o"))]
            n = k if n == -1 else n
            if n > k:
                return None
        size = 12 // k
        first = (n - 1) * size + 1
        y = int(m.group("y")) if m.group("y") else (2000 + int(m.group("yy")) if m.group("yy") else None)
        return self.period(m, ctx, "range", _months_fn(first, first + size - 1), y)

    def _relative(self, m: re.Match[str], ctx: _Ctx) -> TimeExpression | None:
        rel = self.relative[_key(m.group("rel"))]
        part = self.parts.get(_key(m.groupdict().get("part")))
        effect = self.preps.get(_key(m.group("prep")))
        span = _relative_span(rel["unit"], rel["offset"], ctx)
        if part and rel["unit"] in ("day", "meeting"):
            return None
        return self.finish(m, ctx, "relative", span, effect, part, whole_month=rel["unit"] == "month")

    def _counted(self, m: re.Match[str], ctx: _Ctx) -> TimeExpression | None:
        direction = _key(m.group("dir"))
        need = self.rc["after_required"].get(direction)
        if bool(need) != bool(m.group("after")):
            return None
        raw = _key(m.group("n"))
        n = int(raw) if raw.isdigit() else self.numbers[raw]
        n *= self.rc["directions"][direction]
        unit = self.rc["units"][_key(m.group("u"))]
        day = None
        if ctx.meeting:
            md = ctx.meeting
            if unit in ("day", "week"):
                day = md + dt.timedelta(days=n * (7 if unit == "week" else 1))
            else:
                y, mo = _add_months(md, n * (12 if unit == "year" else 1))
                day = dt.date(y, mo, min(md.day, _last_day(y, mo).day))
        kind = "deadline" if direction == "inom" else "relative"
        return _expr(ctx, m.start(), m.end(), kind, day, day)

    def _weekday_rel(self, m: re.Match[str], ctx: _Ctx) -> TimeExpression | None:
        wd = self.weekday[_key(m.group("wd"))]
        how = self.d["weekday_relative"][_key(m.group("wr"))]
        day = _weekday_from(ctx.meeting, wd, how) if ctx.meeting else None
        return _expr(ctx, m.start(), m.end(), "relative", day, day)

    def _weekday_past(self, m: re.Match[str], ctx: _Ctx) -> TimeExpression | None:
        wd = self.weekday_past[_key(m.group("wp"))]
        day = _weekday_from(ctx.meeting, wd, -1) if ctx.meeting else None
        return _expr(ctx, m.start(), m.end(), "relative", day, day)

    def _recurrence(self, m: re.Match[str], ctx: _Ctx) -> TimeExpression | None:
        return _expr(ctx, m.start(), m.end(), "recurrence", None, None)

    def _time(self, m: re.Match[str], ctx: _Ctx) -> TimeExpression | None:
        t = f"{int(m.group('h1')):02d}:{m.group('m1') or '00'}"
        if m.group("h2"):
            t += f"-{int(m.group('h2')):02d}:{m.group('m2') or '00'}"
        return _expr(ctx, m.start(), m.end(), "time", None, None, t)

    def _noun_follows(self, text: str, end: int, *, verbs: bool = False, present_verbs: bool = False) -> bool:
        nxt = re.match(r"\s+([a-zåäöéü]\w*)", text[end : end + 40])
        if not nxt:
            return False
        w = nxt.group(1)
        if w in self.followers:
            return False
        if verbs and self.verbish.fullmatch(w):
            return False
        return not (present_verbs and len(w) >= 4 and w.endswith(("ar", "er", "ir", "år", "är", "ör")))


def _weekday_from(meeting: dt.date, wd: int, how: int) -> dt.date:
    if how < 0:
        return meeting - dt.timedelta(days=(meeting.isoweekday() - wd) % 7 or 7)
    if how == 0:
        return meeting + dt.timedelta(days=(wd - meeting.isoweekday()) % 7 or 7)
    monday = meeting - dt.timedelta(days=meeting.isoweekday() - 1) + dt.timedelta(days=7 * how)
    return monday + dt.timedelta(days=wd - 1)


def _relative_span(unit: str, offset: int, ctx: _Ctx) -> Span | None:
    md = ctx.meeting
    if unit == "meeting":
        return (ctx.next_meeting, ctx.next_meeting) if offset == 1 and ctx.next_meeting else None
    if md is None:
        return None
    if unit == "day":
        d = md + dt.timedelta(days=offset)
        return d, d
    if unit == "week":
        monday = md - dt.timedelta(days=md.isoweekday() - 1) + dt.timedelta(days=7 * offset)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        y, mo = _add_months(md, offset)
        return dt.date(y, mo, 1), _last_day(y, mo)
    return dt.date(md.year + offset, 1, 1), dt.date(md.year + offset, 12, 31)


def _expr(
    ctx: _Ctx,
    start: int,
    end: int,
    kind: str,
    vs: dt.date | None,
    ve: dt.date | None,
    time: str | None = None,
) -> TimeExpression:
    return TimeExpression(ctx.text[start:end], start, end, kind, vs, ve, time)


@cache
def _grammar() -> _Grammar:
    return _Grammar(load_json("lang", "sv", "time.json"), load_json("lang", "sv", "holidays.json"))


# --- selection and merging -----------------------------------------------------------------------------------

_DATED = frozenset({"date", "range", "deadline", "holiday", "relative", "recurrence"})
_GAP_BEFORE_TIME = re.compile(r"[\s,]*(?:(?:med\s+start|start|från|mellan)\s*)?", re.IGNORECASE)
_GAP_AFTER_TIME = re.compile(r"[\s,]*")


def _select(cands: list[TimeExpression]) -> list[TimeExpression]:
    """Longest first, then leftmost; a candidate overlapping one already taken is dropped.

    Taken spans never overlap, so sorted by start they are also sorted by end: only the two
    neighbours of a candidate's position can overlap it (no quadratic scan on long minutes).
    """
    starts: list[int] = []
    taken: list[TimeExpression] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        i = bisect_left(starts, c.start)
        if i > 0 and taken[i - 1].end > c.start:
            continue
        if i < len(taken) and taken[i].start < c.end:
            continue
        starts.insert(i, c.start)
        taken.insert(i, c)
    return taken


def _before(span: Span, kind: str) -> Span:
    """'före jul', 'före 15 mars': by that day; 'före sommaren', 'innan maj': by the day before it begins."""
    day = span[0] if kind in ("date", "holiday", "relative", "deadline") else span[0] - _DAY1
    return day, day


def _lead_cues(g: _Grammar, ctx: _Ctx, exprs: list[TimeExpression]) -> list[TimeExpression]:
    """'senast 29 februari', 'innan nästa möte' (deadline); 'från och med 1 april', 'efter 15 mars' (open)."""
    out: list[TimeExpression] = []
    for e in exprs:
        if e.kind not in ("time", "recurrence", "deadline"):
            floor = out[-1].end if out else 0
            cue = g.cue_before.search(ctx.text[max(floor, e.start - 25) : e.start])
            effect = g.preps.get(_key(cue.group("cue"))) if cue else None
            if cue and (effect in ("deadline", "before") or (effect and e.kind == "date")):
                start = e.start - (len(cue.string) - cue.start())
                vs, ve, kind = e.value_start, e.value_end, e.kind
                if effect == "before" and vs and ve:
                    (vs, ve), kind = _before((vs, ve), kind), "deadline"
                elif effect in ("deadline", "before"):
                    kind = "deadline"
                elif effect == "after" and ve:
                    vs, ve = ve + _DAY1, None
                else:
                    ve = None
                e = _expr(ctx, start, e.end, kind, vs, ve, e.time)
        out.append(e)
    return out


def _attach_times(ctx: _Ctx, exprs: list[TimeExpression]) -> list[TimeExpression]:
    out: list[TimeExpression] = []
    for e in exprs:
        prev = out[-1] if out else None
        if prev and prev.time is None and e.time is not None:
            gap = ctx.text[prev.end : e.start]
            if e.kind == "time" and prev.kind in _DATED and _GAP_BEFORE_TIME.fullmatch(gap):
                out[-1] = _expr(ctx, prev.start, e.end, prev.kind, prev.value_start, prev.value_end, e.time)
                continue
        if (
            prev
            and prev.kind == "time"
            and e.kind in _DATED
            and e.time is None
            and _GAP_AFTER_TIME.fullmatch(ctx.text[prev.end : e.start])
        ):
            out[-1] = _expr(ctx, prev.start, e.end, e.kind, e.value_start, e.value_end, prev.time)
            continue
        out.append(e)
    return out


def find_times(
    text: str, meeting_date: dt.date | None, *, next_meeting: dt.date | None = None
) -> list[TimeExpression]:
    """All time expressions in ``text``, resolved against ``meeting_date`` (see the module doc for the rules)."""
    # Several stages read the times of the same document: the scan is made once.
    return list(_find_times(text, meeting_date, next_meeting))


@lru_cache(maxsize=64)
def _find_times(
    text: str, meeting_date: dt.date | None, next_meeting: dt.date | None
) -> tuple[TimeExpression, ...]:
    g = _grammar()
    ctx = _Ctx(text, meeting_date, next_meeting)
    cands = [e for rx, handler in g.rules for m in rx.finditer(text) if (e := handler(m, ctx))]
    exprs = _attach_times(ctx, _lead_cues(g, ctx, _select(cands)))
    return tuple(e for i, e in enumerate(exprs) if not _named_by_next(g, ctx, e, exprs[i + 1 : i + 2]))


def _named_by_next(g: _Grammar, ctx: _Ctx, e: TimeExpression, following: list[TimeExpression]) -> bool:
    """'nästa gång 20 oktober', 'Nästa träff 25 mars': the day written right after says when; the words
    before it are no second expression (and need not be the minutes' own next meeting)."""
    rel = g.relative.get(_key(e.text))
    if e.kind != "relative" or rel is None or rel.get("unit") != "meeting" or not following:
        return False
    nxt = following[0]
    return (
        nxt.kind in ("date", "range") and re.fullmatch(r"[ ,:]{1,3}", ctx.text[e.end : nxt.start]) is not None
    )
