#!/usr/bin/env python3
"""Evaluates the event-log import (issue 11) on real exports against an independent fold.

For each dataset the script imports the file with the product's own CLI into a fresh SQLite store,
folds the same file itself (this file, standard library only, sharing no code with the product) and
compares the two: one ticket per case, the lifecycle times, last team and assignee, reopen and
reassignment counts, the stored status / team / assignee events, and the quarantine.

    python3 tests/Evaluation/eventlog_eval.py [--data DIR] [--dataset helpdesk|vinst|xes] ...

Exit codes: 0 every check passed, or the real-data folder is missing (the one line then says
"skipped"); 1 a check failed; 2 the evaluation could not run (build or import failed, bad arguments,
unreadable mapping). See tests/Evaluation/README.md.
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2

REPO = Path(__file__).resolve().parents[2]
DATA_ENV = "EVENTLOG_EVAL_DATA"

# The three real exports and the mapping files that the import is documented with (docs/examples).
DATASETS = {
    "helpdesk": ("helpdesk.csv", "docs/examples/helpdesk-eventlog.json"),
    "vinst": ("VINST-new.csv", "docs/examples/vinst-eventlog.json"),
    "xes": ("bpi_challenge_2013_incidents.xes.gz", "docs/examples/vinst-xes.json"),
}

# Stored event kinds, as spelled by Analytics/Tickets/CanonicalNames.cs.
STATUS, ASSIGNMENT, TEAM_ASSIGNMENT = "status", "assignment", "team_assignment"
EVENT_KINDS = (STATUS, TEAM_ASSIGNMENT, ASSIGNMENT)

# Ticket fields the fold derives from the events; compared for every ticket.
FOLDED_FIELDS = ("opened_at", "resolved_at", "closed_at", "team", "assignee",
                 "reopen_count", "reassignment_count", "updated_at")
# Case-level `columns` the script can check as plain text (last non-missing value of the case).
TEXT_COLUMNS = {"title", "category", "subcategory", "priority", "resolved_by", "problem_id", "caused_by_change"}

MISSING = {"", "?", "-", "null", "n/a"}


def clean(value: str | None) -> str | None:
    """Trimmed value, or None for the spellings exports use for 'no value'."""
    if value is None:
        return None
    value = value.strip()
    return None if value.lower() in MISSING else value


# ---------------------------------------------------------------------------------------------
# The mapping file: JSON with // comments, trailing commas and case-insensitive property names.
# ---------------------------------------------------------------------------------------------

def load_lenient_json(text: str):
    """Drops comments and trailing commas outside strings, then parses as JSON."""
    out, i, n, in_string = [], 0, len(text), False
    while i < n:
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
            out.append(c)
        elif text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
            continue
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        elif c == ",":
            j = i + 1
            while j < n and text[j] in " \t\r\n":
                j += 1
            if j < n and text[j] in "}]":
                i += 1
                continue
            out.append(c)
        else:
            out.append(c)
        i += 1
    return json.loads("".join(out))


class Patterns:
    """A list of activity values from the mapping: case-insensitive after trimming, 'x*' is a prefix."""

    def __init__(self, values):
        values = [] if values is None else [values] if isinstance(values, str) else values
        self.given = bool(values)
        self.exact = {v.strip().lower() for v in values if not v.strip().endswith("*")}
        self.prefixes = tuple(v.strip()[:-1].lower() for v in values if v.strip().endswith("*"))

    def match(self, activity: str | None) -> bool:
        if activity is None:
            return False
        a = activity.lower()
        return a in self.exact or (bool(self.prefixes) and a.startswith(self.prefixes))


@dataclass
class Mapping:
    path: Path
    source: str
    time_zone: str | None
    date_format: str | None
    delimiter: str | None
    columns: dict            # canonical field -> column (or attribute key)
    case: str
    timestamp: str
    activity: list           # one or more columns, joined with "-"
    opened: Patterns
    resolved: Patterns
    closed: Patterns
    reopened: Patterns
    team: str | None
    assignee: str | None

    @staticmethod
    def load(path: Path) -> "Mapping":
        raw = load_lenient_json(path.read_text(encoding="utf-8-sig"))
        top = {k.lower(): v for k, v in raw.items()}
        log = {k.lower(): v for k, v in (top.get("eventlog") or {}).items()}
        if not log:
            raise ValueError(f"{path}: no eventLog section")
        activity = log.get("activity")
        return Mapping(
            path=path,
            source=top.get("source") or "generic",
            time_zone=top.get("timezone"),
            date_format=top.get("dateformat"),
            delimiter=top.get("delimiter"),
            columns={k.lower(): v for k, v in (top.get("columns") or {}).items()},
            case=log["case"],
            timestamp=log["timestamp"],
            activity=[activity] if isinstance(activity, str) else list(activity or []),
            opened=Patterns(log.get("opened")),
            resolved=Patterns(log.get("resolved")),
            closed=Patterns(log.get("closed")),
            reopened=Patterns(log.get("reopened")),
            team=log.get("team"),
            assignee=log.get("assignee"),
        )


# ---------------------------------------------------------------------------------------------
# Times: every instant is held as whole seconds since the epoch (UTC); fractions are truncated.
# ---------------------------------------------------------------------------------------------

ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
                 r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?$", re.IGNORECASE)
YEAR_FIRST_SLASH = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?$")

DOTNET_TOKENS = [  # .NET custom date format tokens -> regex groups (longest first)
    ("yyyy", r"(?P<y>\d{4})"), ("MM", r"(?P<mo>\d{2})"), ("M", r"(?P<mo>\d{1,2})"),
    ("dd", r"(?P<d>\d{2})"), ("d", r"(?P<d>\d{1,2})"), ("HH", r"(?P<h>\d{2})"), ("H", r"(?P<h>\d{1,2})"),
    ("hh", r"(?P<h12>\d{2})"), ("h", r"(?P<h12>\d{1,2})"), ("mm", r"(?P<mi>\d{2})"), ("m", r"(?P<mi>\d{1,2})"),
    ("ss", r"(?P<s>\d{2})"), ("s", r"(?P<s>\d{1,2})"), ("tt", r"(?P<tt>[AaPp][Mm])"),
]
NAMED_LAYOUTS = {"d/m/yyyy": "d/M/yyyy", "dd-mm-yyyy": "dd-MM-yyyy", "m/d/yyyy": "M/d/yyyy"}


def dotnet_format_regex(fmt: str):
    """A regex for a .NET custom date format such as 'dd.MM.yyyy HH:mm' (fractions 'f...' are skipped)."""
    named = NAMED_LAYOUTS.get(fmt.lower())
    out, i = [], 0
    fmt = named or fmt
    while i < len(fmt):
        if fmt[i] == "f" or fmt[i] == "F":
            while i < len(fmt) and fmt[i] in "fF":
                i += 1
            out.append(r"\d*")
            continue
        for token, rx in DOTNET_TOKENS:
            if fmt.startswith(token, i):
                out.append(rx)
                i += len(token)
                break
        else:
            out.append(re.escape(fmt[i]))
            i += 1
    tail = r"(?:\s+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?\s*(?P<tt>[AaPp][Mm])?)?" if named else ""
    return re.compile("^" + "".join(out) + tail + "$")


class Clock:
    """Reads the timestamps of one file: offsets are honoured, zone-less times are in the mapping's zone."""

    def __init__(self, zone: str | None, date_format: str | None):
        # Without a zone the product reads wall-clock times in the default zone (README: Europe/Amsterdam).
        self.zone = ZoneInfo(zone or "Europe/Amsterdam")
        self.custom = dotnet_format_regex(date_format) if date_format and date_format.lower() != "iso" else None

    def instant(self, text: str | None) -> int | None:
        if text is None:
            return None
        text = text.strip()
        if self.custom and (m := self.custom.match(text)):
            g = m.groupdict()
            hour = int(g.get("h") or 0)
            if g.get("h12"):
                hour = int(g["h12"]) % 12 + (12 if (g.get("tt") or "").lower() == "pm" else 0)
            elif g.get("tt") and g["tt"].lower() == "pm" and hour < 12:
                hour += 12
            return self._local(int(g["y"]), int(g["mo"]), int(g["d"]), hour, int(g.get("mi") or 0), int(g.get("s") or 0))
        if m := ISO.match(text):
            y, mo, d, h, mi, s, off = m.groups()
            parts = (int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
            if off is None:
                return self._local(*parts)
            try:
                base = int(datetime(*parts, tzinfo=timezone.utc).timestamp())
            except ValueError:
                return None
            if off.upper() == "Z":
                return base
            sign = -1 if off[0] == "-" else 1
            digits = off[1:].replace(":", "")
            minutes = int(digits[:2]) * 60 + (int(digits[2:]) if len(digits) > 2 else 0)
            return base - sign * minutes * 60
        if m := YEAR_FIRST_SLASH.match(text):
            return self._local(*(int(x or 0) for x in m.groups()))
        return None

    def _local(self, y, mo, d, h, mi, s) -> int | None:
        # fold=0: a time in the spring-forward gap is read with the offset before the gap (02:30 -> 01:30Z
        # in Rome, the same instant as "03:30 summer time"), and a time in the autumn overlap as its first,
        # summer-time instant. That is the rule the product documents for wall-clock times.
        try:
            return int(datetime(y, mo, d, h, mi, s, tzinfo=self.zone).timestamp())
        except ValueError:
            return None


def iso(instant: int | None) -> str | None:
    return None if instant is None else datetime.fromtimestamp(instant, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def stored_instant(text: str | None) -> str | None:
    """A stored time in the script's spelling (whole seconds, Z) so spelling differences do not count;
    a stored fraction or an unreadable value is kept as it is and so shows as a mismatch."""
    if text is None:
        return None
    m = re.match(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.0*)?(Z|\+00:00|\+0000)?$", text.strip())
    return f"{m.group(1)}T{m.group(2)}Z" if m else text


# ---------------------------------------------------------------------------------------------
# Reading the files into events. An event keeps its position in the file for tie-breaking.
# ---------------------------------------------------------------------------------------------

@dataclass
class Event:
    case: str
    t: int
    order: int          # row order in the file (CSV) or document order of events (XES)
    line: int           # physical line (CSV) or event number (XES), for messages
    activity: str | None
    team: str | None
    assignee: str | None
    columns: dict


@dataclass
class ReadResult:
    rows: int = 0
    events: dict = field(default_factory=lambda: collections.defaultdict(list))   # case -> [Event]
    unreadable: list = field(default_factory=list)                                # (line, field, raw, why)


def read_csv(path: Path, mapping: Mapping, clock: Clock) -> ReadResult:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")          # the other encoding the product detects
    first_line = text.split("\n", 1)[0]
    delimiter = mapping.delimiter
    if not delimiter:
        delimiter = max([",", ";", "\t", "|"], key=first_line.count)
    elif delimiter.lower() == "tab":
        delimiter = "\t"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in next(reader)]

    def column(name: str | None) -> int | None:
        # A header may repeat a name (helpdesk.csv has "Variant" twice): the first one is taken.
        if name is None:
            return None
        for exact in (True, False):
            for i, h in enumerate(header):
                if (h == name.strip()) if exact else (h.lower() == name.strip().lower()):
                    return i
        raise ValueError(f"{path.name}: the mapping names column '{name}', which the header lacks")

    ci, ti = column(mapping.case), column(mapping.timestamp)
    ai = [column(a) for a in mapping.activity]
    team_i, assignee_i = column(mapping.team), column(mapping.assignee)
    col_i = {f: column(c) for f, c in mapping.columns.items()}

    result = ReadResult()
    for order, row in enumerate(reader):
        line = reader.line_num
        if not row:
            continue
        result.rows += 1

        def get(i):
            return clean(row[i]) if i is not None and i < len(row) else None

        add_event(result, mapping, clock, order, line, get(ci), row[ti] if ti < len(row) else None,
                  [get(i) for i in ai], get(team_i), get(assignee_i), {f: get(i) for f, i in col_i.items()})
    return result


def add_event(result: ReadResult, mapping: Mapping, clock: Clock, order, line, case, raw_time, activity_parts,
              team, assignee, columns):
    if case is None:
        result.unreadable.append((line, mapping.case, None, "no case id"))
        return
    t = clock.instant(clean(raw_time))
    if t is None:
        result.unreadable.append((line, mapping.timestamp, raw_time, "no readable timestamp"))
        return
    # A list of activity columns is joined with "-"; a missing part is left out (the files here have none).
    parts = [p for p in activity_parts if p is not None]
    activity = "-".join(parts) if parts else None
    result.events[case].append(Event(case, t, order, line, activity, team, assignee, columns))


def read_xes(path: Path, mapping: Mapping, clock: Clock) -> ReadResult:
    """Streams the XES log: trace attributes are 'trace:'+key, event attributes are their key.
    Attributes nested inside attributes are ignored; <global> defaults are not applied (every event of
    the BPI 2013 log carries its attributes itself)."""
    with open(path, "rb") as probe:
        gz = probe.read(2) == b"\x1f\x8b"           # gzip by content, as the issue asks of the product
    stream = gzip.open(path, "rb") if gz else open(path, "rb")

    result = ReadResult()
    stack: list[str] = []
    trace_attrs: dict | None = None
    trace_events: list[dict] = []
    current_event: dict | None = None
    event_number = 0
    with stream:
        for kind, el in ET.iterparse(stream, events=("start", "end")):
            tag = el.tag.rsplit("}", 1)[-1]
            if kind == "start":
                stack.append(tag)
                if tag == "trace":
                    trace_attrs, trace_events = {}, []
                elif tag == "event" and trace_attrs is not None:
                    current_event = {}
                continue
            stack.pop()
            parent = stack[-1] if stack else None
            if tag == "event" and current_event is not None:
                event_number += 1
                trace_events.append((event_number, current_event))
                current_event = None
                el.clear()
            elif tag == "trace" and trace_attrs is not None:
                # Trace attributes may follow the events in the document, so events are read at </trace>.
                for number, attrs in trace_events:
                    merged = dict(attrs)
                    merged.update({"trace:" + k: v for k, v in trace_attrs.items()})
                    result.rows += 1

                    def get(name):
                        return clean(merged.get(name)) if name is not None else None

                    add_event(result, mapping, clock, number, number, get(mapping.case),
                              merged.get(mapping.timestamp), [get(a) for a in mapping.activity],
                              get(mapping.team), get(mapping.assignee),
                              {f: get(c) for f, c in mapping.columns.items()})
                trace_attrs, trace_events = None, []
                el.clear()
            elif parent == "event" and current_event is not None and el.get("key") is not None:
                current_event[el.get("key")] = el.get("value")
            elif parent == "trace" and trace_attrs is not None and el.get("key") is not None:
                trace_attrs[el.get("key")] = el.get("value")
    return result


# ---------------------------------------------------------------------------------------------
# The fold: the rules of the brief, written out plainly, one case at a time.
# ---------------------------------------------------------------------------------------------

@dataclass
class Folded:
    case: str
    rows: int
    fields: dict                  # canonical field -> expected value (times as ISO text)
    columns: dict                 # case-level canonical text fields
    events: dict                  # kind -> [(occurred_at, from, to)]
    sorted_events: list           # the case's events in fold order (for --show-case)


def handovers(events: list[Event], attr: str) -> list:
    """Each non-missing value that differs from the current one is a hand-over (from = current)."""
    out, current = [], None
    for e in events:
        value = getattr(e, attr)
        if value is not None and value != current:
            out.append((iso(e.t), current, value))
            current = value
    return out


def fold_case(case: str, events: list[Event], mapping: Mapping) -> Folded:
    events = sorted(events, key=lambda e: (e.t, e.order))   # time as an instant, then file order

    opened = None
    if mapping.opened.given:
        opened = next((e.t for e in events if mapping.opened.match(e.activity)), None)
    if opened is None:
        opened = events[0].t

    resolved = closed = None
    reopens = 0
    for e in events:
        # The order of the three tests matters: a reopening activity only reopens a finished case.
        if mapping.reopened.match(e.activity) and (resolved is not None or closed is not None):
            reopens += 1
            resolved = closed = None
        elif mapping.closed.match(e.activity):
            closed = closed if closed is not None else e.t
            resolved = resolved if resolved is not None else e.t
        elif mapping.resolved.match(e.activity):
            resolved = resolved if resolved is not None else e.t

    team_events = handovers(events, "team")
    assignee_events = handovers(events, "assignee")
    status_events, previous = [], None
    for e in events:
        status_events.append((iso(e.t), previous, e.activity))
        previous = e.activity

    def last(values):
        return next((v for v in reversed(values) if v is not None), None)

    fields = {
        "opened_at": iso(opened),
        "resolved_at": iso(resolved),
        "closed_at": iso(closed),
        "team": last([e.team for e in events]),
        "assignee": last([e.assignee for e in events]),
        "reopen_count": reopens,
        # Team hand-overs only: the first team of a case is an assignment, not a re-assignment.
        "reassignment_count": sum(1 for _, frm, _ in team_events if frm is not None),
        "updated_at": iso(events[-1].t),
    }
    columns = {f: last([e.columns.get(f) for e in events]) for f in mapping.columns if f in TEXT_COLUMNS}
    return Folded(case, len(events), fields, columns,
                  {STATUS: status_events, TEAM_ASSIGNMENT: team_events, ASSIGNMENT: assignee_events}, events)


def fold_file(path: Path, mapping: Mapping):
    clock = Clock(mapping.time_zone, mapping.date_format)
    read = read_xes(path, mapping, clock) if sniff_xml(path) else read_csv(path, mapping, clock)
    folded = {case: fold_case(case, evs, mapping) for case, evs in read.events.items()}
    return read, folded


def sniff_xml(path: Path) -> bool:
    """XES or CSV, and gzip or not, by the file's content rather than its name."""
    with open(path, "rb") as f:
        head = f.read(2)
    if head == b"\x1f\x8b":
        with gzip.open(path, "rb") as g:
            head = g.read(64)
    else:
        with open(path, "rb") as f:
            head = f.read(64)
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


# ---------------------------------------------------------------------------------------------
# Running the product's import and reading its store.
# ---------------------------------------------------------------------------------------------

def build(repo: Path) -> None:
    print(f"building {repo / 'Worker'} ...", flush=True)
    done = subprocess.run(["dotnet", "build", str(repo / "Worker"), "-v", "q", "--nologo"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.stdout.write(done.stdout[-4000:] + done.stderr[-4000:])
        raise RuntimeError("dotnet build failed")


def startup_seconds(repo: Path) -> float:
    """Wall time of the CLI doing nothing ('import --help'): dotnet run's and the host's start-up, which
    the import's wall time includes and which dominates it on small files."""
    started = time.monotonic()
    subprocess.run(["dotnet", "run", "--no-build", "--project", str(repo / "Worker"), "--", "import", "--help"],
                   capture_output=True, text=True)
    return time.monotonic() - started


def run_import(repo: Path, data_file: Path, mapping: Path, db: Path):
    env = dict(os.environ, Store__ConnectionString=f"Data Source={db}")
    command = ["dotnet", "run", "--no-build", "--project", str(repo / "Worker"), "--",
               "import", str(data_file), "--profile", "generic", "--mapping", str(mapping)]
    started = time.monotonic()
    # The working directory is the store's temp folder, so nothing the worker writes lands in the repo.
    done = subprocess.run(command, env=env, cwd=db.parent, capture_output=True, text=True)
    return time.monotonic() - started, done


@dataclass
class Stored:
    tickets: dict                 # ticket_id -> row dict
    other_sources: dict           # source -> count of tickets not under the mapping's source
    events: dict                  # (ticket_id, kind) -> [(occurred_at, from, to)] in stored order
    event_kinds: collections.Counter
    has_seq: bool
    quarantine: list              # row dicts
    import_runs: list
    staged_left: int              # rows left in the import's staging table (it empties it when done)


def read_store(db: Path, source: str) -> Stored:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        tickets = {r["ticket_id"]: dict(r) for r in con.execute("SELECT * FROM tickets WHERE source = ?", (source,))}
        other = dict(con.execute("SELECT source, COUNT(*) FROM tickets WHERE source <> ? GROUP BY source", (source,)).fetchall())
        columns = {r["name"] for r in con.execute("PRAGMA table_info(ticket_events)")}
        has_seq = "seq" in columns
        # Within one instant the stored order is the event's sequence number (file order, if the import
        # numbers them so); without one, insertion order.
        order = "occurred_at, seq" if has_seq else "occurred_at, rowid"
        events = collections.defaultdict(list)
        kinds = collections.Counter()
        for r in con.execute(f"SELECT ticket_id, occurred_at, kind, from_value, to_value FROM ticket_events "
                             f"WHERE source = ? ORDER BY ticket_id, {order}", (source,)):
            kinds[r["kind"]] += 1
            events[(r["ticket_id"], r["kind"])].append((stored_instant(r["occurred_at"]), r["from_value"], r["to_value"]))
        quarantine = [dict(r) for r in con.execute("SELECT * FROM quarantine ORDER BY line, field")]
        runs = [dict(r) for r in con.execute("SELECT * FROM import_runs ORDER BY id")]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        staged = con.execute("SELECT COUNT(*) FROM event_stage").fetchone()[0] if "event_stage" in tables else 0
    finally:
        con.close()
    return Stored(tickets, other, events, kinds, has_seq, quarantine, runs, staged)


# ---------------------------------------------------------------------------------------------
# Comparing, and printing the figures.
# ---------------------------------------------------------------------------------------------

class Report:
    """Collects the figures and failed checks of one dataset."""

    def __init__(self, name: str, examples: int):
        self.name, self.examples = name, examples
        self.failures: list[str] = []

    def fail(self, what: str):
        self.failures.append(what)


def num(x) -> str:
    return f"{x:,}" if isinstance(x, int) else str(x)


def stored_value(row: dict, name: str):
    value = row.get(name)
    if name.endswith("_at"):
        return stored_instant(value)
    if name.endswith("_count"):
        return value if value is None else int(value)
    return value


def compare(report: Report, read: ReadResult, folded: dict, stored: Stored, mapping: Mapping):
    ex = report.examples
    cases, ids = set(folded), set(stored.tickets)
    missing, extra = sorted(cases - ids), sorted(ids - cases)
    rows_read = stored.import_runs[-1].get("rows_read") if stored.import_runs else None
    quarantined = len({q["line"] for q in stored.quarantine})

    print(f"  {'':30}{'expected':>12}{'stored':>12}")
    print(f"  {'rows read':30}{num(read.rows):>12}{num(rows_read) if rows_read is not None else '-':>12}")
    print(f"  {'cases / tickets':30}{num(len(cases)):>12}{num(len(ids)):>12}")
    expected_events = {k: sum(len(f.events[k]) for f in folded.values()) for k in EVENT_KINDS}
    for kind in EVENT_KINDS:
        print(f"  {kind + ' events':30}{num(expected_events[kind]):>12}{num(stored.event_kinds.get(kind, 0)):>12}")
    for kind, count in stored.event_kinds.items():
        if kind not in EVENT_KINDS:
            print(f"  {kind + ' events (unknown kind)':30}{'-':>12}{num(count):>12}")
    print(f"  {'quarantined rows':30}{num(len(read.unreadable)):>12}{num(quarantined):>12}")

    if rows_read is not None and rows_read != read.rows:
        report.fail(f"rows read {rows_read:,} != {read.rows:,}")
    if missing or extra:
        report.fail(f"tickets: {len(missing)} cases without a ticket, {len(extra)} tickets that are no case")
        if missing:
            print(f"  cases without a ticket: {len(missing):,}, e.g. {', '.join(missing[:ex])}")
        if extra:
            print(f"  tickets that are no case: {len(extra):,}, e.g. {', '.join(extra[:ex])}")
    if stored.other_sources:
        print(f"  note: tickets under other sources than '{mapping.source}': {stored.other_sources}")

    # Ticket fields, then case-level columns.
    both = sorted(cases & ids)
    checked = list(FOLDED_FIELDS) + sorted({f for f in mapping.columns if f in TEXT_COLUMNS})
    not_checked = sorted(f for f in mapping.columns if f not in TEXT_COLUMNS)
    print(f"  field mismatches ({len(both):,} tickets compared):")
    for name in checked:
        bad = []
        for case in both:
            f = folded[case]
            expected = f.fields[name] if name in f.fields else f.columns.get(name)
            actual = stored_value(stored.tickets[case], name)
            if expected != actual:
                bad.append((case, expected, actual))
        line = f"    {name:26}{len(bad):>8,}"
        if name == "reassignment_count" and bad:
            # Says at once whether the difference is "assignee changes counted too".
            both_kinds = sum(1 for c, _, a in bad if a == folded[c].fields["reassignment_count"]
                             + sum(1 for _, frm, _ in folded[c].events[ASSIGNMENT] if frm is not None))
            line += f"   ({both_kinds:,} of them equal team + assignee hand-overs)"
        print(line)
        for case, expected, actual in bad[:ex]:
            print(f"        {case}: expected {expected!r}, stored {actual!r}")
        if bad:
            report.fail(f"{name}: {len(bad):,} tickets differ")
    if not_checked:
        print(f"    (columns not checked by the script: {', '.join(not_checked)})")

    # Events per ticket and kind: the count, then the sequence (time, from, to).
    print("  events per ticket (tickets whose stored events differ from the fold's):")
    for kind in EVENT_KINDS:
        count_bad, sequence_bad = [], []
        for case in both:
            expected = folded[case].events[kind]
            actual = stored.events.get((case, kind), [])
            if len(expected) != len(actual):
                count_bad.append((case, len(expected), len(actual)))
            elif expected != actual:
                i = next(i for i, (a, b) in enumerate(zip(expected, actual)) if a != b)
                same_set = sorted(expected, key=repr) == sorted(actual, key=repr)
                sequence_bad.append((case, i, expected[i], actual[i], same_set))
        order_only = sum(1 for *_, same in sequence_bad if same)
        print(f"    {kind:26}{len(count_bad):>8,} by count,{len(sequence_bad):>7,} by content"
              + (f" ({order_only:,} only in order within one second)" if order_only else ""))
        for case, e, a in count_bad[:ex]:
            print(f"        {case}: expected {e} events, stored {a}")
        for case, i, e, a, _ in sequence_bad[:ex]:
            print(f"        {case} event #{i + 1}: expected {e}, stored {a}")
        if count_bad or sequence_bad:
            report.fail(f"{kind} events: {len(count_bad):,} tickets by count, {len(sequence_bad):,} by content")

    # The quarantine: nothing may be a "duplicate"; everything else is reported by reason.
    by_reason = collections.Counter(q["reason"] for q in stored.quarantine)
    duplicates = sum(n for r, n in by_reason.items() if "duplicate" in r.lower())
    if duplicates:
        report.fail(f"{duplicates:,} quarantine rows give 'duplicate' as the reason")
    if by_reason:
        print("  quarantine by reason:")
        for reason, n in by_reason.most_common():
            print(f"    {n:>8,}  {reason}")
            for q in [q for q in stored.quarantine if q["reason"] == reason][:min(ex, 3)]:
                print(f"              line {q['line']}, {q['field']}: {q.get('raw_value')!r}")
    unreadable_lines = {line for line, *_ in read.unreadable}
    stored_lines = {q["line"] for q in stored.quarantine}
    if read.unreadable:
        print("  rows the fold could not read:")
        for line, column, raw, why in read.unreadable[:ex]:
            print(f"    line {line}, {column}: {raw!r} ({why})")
    if unreadable_lines and stored_lines and unreadable_lines != stored_lines:
        print(f"  note: quarantined lines and lines the fold could not read differ "
              f"({len(stored_lines - unreadable_lines):,} only quarantined, {len(unreadable_lines - stored_lines):,} only unreadable)")


def cross_check(report: Report, csv_name: str, csv_store: Stored, xes_store: Stored, csv_fold: dict, xes_fold: dict):
    """The XES log and the VINST CSV are the same incidents: their tickets must agree."""
    ex = report.examples
    a, b = csv_store.tickets, xes_store.tickets
    print(f"\n== cross-check: tickets from the XES log against those from {csv_name}")
    only_csv, only_xes = sorted(set(a) - set(b)), sorted(set(b) - set(a))
    print(f"  ticket ids: {len(a):,} from CSV, {len(b):,} from XES, {len(only_csv):,} only in CSV, {len(only_xes):,} only in XES")
    if only_csv or only_xes:
        report.fail(f"ids differ: {len(only_csv)} only in CSV, {len(only_xes)} only in XES")
        print(f"    e.g. only CSV {only_csv[:ex]}, only XES {only_xes[:ex]}")
    common = sorted(set(a) & set(b))
    for name in ("opened_at", "resolved_at", "closed_at", "updated_at", "team", "reopen_count", "reassignment_count", "assignee"):
        bad = [(c, stored_value(a[c], name), stored_value(b[c], name)) for c in common
               if stored_value(a[c], name) != stored_value(b[c], name)]
        # The CSV carries mojibake in Owner First Name that the XES does not: assignees may differ by right.
        informational = name == "assignee"
        fold_bad = sum(1 for c in common if c in csv_fold and c in xes_fold
                       and csv_fold[c].fields[name] != xes_fold[c].fields[name])
        print(f"    {name:26}{len(bad):>8,} differ" + (" (information only)" if informational else "")
              + f"   [the two folds differ in {fold_bad:,}]")
        for c, x, y in bad[:ex]:
            print(f"        {c}: CSV {x!r}, XES {y!r}")
        if bad and not informational:
            report.fail(f"CSV and XES tickets differ in {name} for {len(bad):,} tickets")


def fold_cross_check(csv_fold: dict, xes_fold: dict, examples: int):
    """Without imports: do the script's two readers agree on the same incidents? (A check of the script.)"""
    print("\n== cross-check of the folds: VINST CSV against the XES log")
    print(f"  cases: {len(csv_fold):,} in CSV, {len(xes_fold):,} in XES, {len(set(csv_fold) ^ set(xes_fold)):,} in one only")
    common = sorted(set(csv_fold) & set(xes_fold))
    for name in FOLDED_FIELDS:
        bad = [(c, csv_fold[c].fields[name], xes_fold[c].fields[name]) for c in common
               if csv_fold[c].fields[name] != xes_fold[c].fields[name]]
        print(f"    {name:26}{len(bad):>8,} differ")
        for c, x, y in bad[:examples]:
            print(f"        {c}: CSV {x!r}, XES {y!r}")


def show_case(case: str, folded: dict, stored: Stored | None):
    """Everything about one case: its rows as the fold read them, the fold's result, and the store's."""
    print(f"\n-- case {case}")
    f = folded.get(case)
    if f is None:
        print("   not a case of this file")
        return
    print("   rows in fold order (line: time | activity | team | assignee):")
    for e in f.sorted_events:
        print(f"     {e.line:>7}: {iso(e.t)} | {e.activity} | {e.team} | {e.assignee}")
    t = stored.tickets.get(case) if stored else None
    for name in FOLDED_FIELDS:
        print(f"   {name:20} fold {f.fields[name]!r:28}" + (f" store {stored_value(t, name)!r}" if t else ""))
    for kind in EVENT_KINDS:
        print(f"   {kind} events: fold {f.events[kind]}")
        if stored:
            print(f"   {' ' * len(kind)}         store {stored.events.get((case, kind), [])}")


# ---------------------------------------------------------------------------------------------

def resolve_data_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    return (REPO / ".." / "shared" / "real-data").resolve()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help=f"folder with the real exports (default: ${DATA_ENV}, else <repo>/../shared/real-data)")
    parser.add_argument("--dataset", action="append", choices=sorted(DATASETS),
                        help="dataset to evaluate; repeat for several (default: all three)")
    parser.add_argument("--file", type=Path, help="evaluate this file instead (with --mapping), e.g. a synthetic one")
    parser.add_argument("--mapping", type=Path, help="mapping file for --file")
    parser.add_argument("--repo", type=Path, default=REPO, help="repository root (default: this script's)")
    parser.add_argument("--no-build", action="store_true", help="skip 'dotnet build' (the Worker is already built)")
    parser.add_argument("--fold-only", action="store_true", help="only fold the file(s) and print the figures; no import")
    parser.add_argument("--examples", type=int, default=5, help="examples shown per mismatch (default 5)")
    parser.add_argument("--show-case", action="append", default=[], metavar="ID", help="print one case in full (repeatable)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary stores and print where they are")
    args = parser.parse_args(argv)

    if args.file:
        if not args.mapping:
            parser.error("--file needs --mapping")
        jobs = [(args.file.name, args.file, args.mapping)]
    else:
        data = resolve_data_dir(args.data)
        if not data.is_dir():
            print(f"eventlog_eval: skipped: no real-data folder at {data} (give --data DIR or ${DATA_ENV})")
            return EXIT_OK
        names = args.dataset or list(DATASETS)
        jobs = [(n, data / DATASETS[n][0], args.repo / DATASETS[n][1]) for n in dict.fromkeys(names)]
        absent = [str(p) for _, p, _ in jobs if not p.is_file()]
        if absent:
            print(f"eventlog_eval: skipped: {', '.join(absent)} not found")
            return EXIT_OK

    if not args.fold_only and not args.no_build:
        try:
            build(args.repo)
        except (RuntimeError, OSError) as ex:
            print(f"eventlog_eval: {ex}")
            return EXIT_ERROR

    startup = 0.0 if args.fold_only else startup_seconds(args.repo)
    reports, results = [], {}
    workdir = Path(tempfile.mkdtemp(prefix="eventlog-eval-"))
    try:
        for name, data_file, mapping_path in jobs:
            report = Report(name, args.examples)
            reports.append(report)
            try:
                mapping = Mapping.load(mapping_path)
            except (OSError, ValueError, KeyError) as ex:
                print(f"eventlog_eval: mapping {mapping_path}: {ex}")
                return EXIT_ERROR
            print(f"\n== {name}: {data_file.name}, mapping {mapping_path.name}, source '{mapping.source}'")
            started = time.monotonic()
            read, folded = fold_file(data_file, mapping)
            print(f"  fold: {read.rows:,} rows, {len(folded):,} cases in {time.monotonic() - started:.1f} s")

            stored = None
            if not args.fold_only:
                folder = workdir / name
                folder.mkdir()
                db = folder / "eval.db"
                wall, done = run_import(args.repo, data_file.resolve(), mapping_path.resolve(), db)
                net = wall - startup
                print(f"  import: exit {done.returncode}, {wall:.1f} s wall, {read.rows / wall:,.0f} events/s; "
                      f"without the {startup:.1f} s start-up {net:.1f} s, "
                      + (f"{read.rows / net:,.0f} events/s" if net > 0.05 else "too short to tell"))
                for said in done.stdout.splitlines():
                    if said.startswith("Event log:"):          # the importer's own count of events
                        print(f"  importer: {said}")
                if done.returncode != 0:
                    tail = (done.stdout + done.stderr).strip().splitlines()[-8:]
                    print("  import failed:\n    " + "\n    ".join(tail))
                    report.fail(f"import exited with {done.returncode}")
                if not db.exists():
                    continue
                # Even after a failed import the store says what happened (its quarantine, reasons and all).
                stored = read_store(db, mapping.source)
                if stored.import_runs:
                    run = stored.import_runs[-1]
                    extra = {k: v for k, v in run.items()
                             if k not in ("id", "file_name", "file_fingerprint", "profile", "started_at", "finished_at")}
                    print("  import_runs: " + ", ".join(f"{k} {num(v)}" for k, v in extra.items()))
                if stored.staged_left:
                    print(f"  note: {stored.staged_left:,} rows left in event_stage after the import")
                if not stored.has_seq:
                    print("  note: ticket_events has no seq column; events of one instant are compared in insertion order")
                compare(report, read, folded, stored, mapping)
            else:
                events = {k: sum(len(f.events[k]) for f in folded.values()) for k in EVENT_KINDS}
                print(f"  expected: {len(folded):,} tickets, events " + ", ".join(f"{k} {v:,}" for k, v in events.items())
                      + f", {len(read.unreadable):,} unreadable rows")
                resolved = sum(1 for f in folded.values() if f.fields["resolved_at"])
                closed = sum(1 for f in folded.values() if f.fields["closed_at"])
                reopened = sum(1 for f in folded.values() if f.fields["reopen_count"])
                print(f"  {resolved:,} resolved, {closed:,} closed, {reopened:,} reopened at least once")
            for case in args.show_case:
                show_case(case, folded, stored)
            results[name] = (folded, stored)

        if "vinst" in results and "xes" in results and args.fold_only:
            fold_cross_check(results["vinst"][0], results["xes"][0], args.examples)
        if "vinst" in results and "xes" in results and results["vinst"][1] and results["xes"][1]:
            report = Report("vinst vs xes", args.examples)
            reports.append(report)
            cross_check(report, DATASETS["vinst"][0], results["vinst"][1], results["xes"][1],
                        results["vinst"][0], results["xes"][0])
    finally:
        if args.keep:
            print(f"\nstores kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    print("\n== summary")
    for r in reports:
        verdict = "fold only" if args.fold_only else ("ok" if not r.failures else f"FAILED ({len(r.failures)})")
        print(f"  {r.name:14} {verdict}")
        for what in r.failures:
            print(f"      - {what}")
    return EXIT_FAILED if any(r.failures for r in reports) else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
