"""What X charges for a day of Jun's traffic (pay-per-use, issue 17).

Plays the scenario day, and a day with a #EndesaMeEstresa spike five times the usual one,
against the sandbox — which bills like X: per resource returned, once per UTC day — and
prints, for the desk as it polls now (cost-minimal) and as it polled before (authors,
referenced tweets and media expanded on every page; DM pages of 100), what X billed
against the minimum (each mention, DM event and unknown author read once), the desk's own
meter, and the requests used. Then what a month costs at the default prices.

``--streams`` (issue 27): the day polled live with the scenario's staff accounts and
watched searches added at its start (each resolved or tried on X first, as a supervisor
adds them), against the minimum where each resource — a post, a DM event, a user — is read
once in the UTC day; and each stream's line of the desk's meter.

    python bench/x_costs.py [--live-seconds 40] [--replies 120 --dms 40] [--streams]
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jun_desk.config import DEFAULT_POLL_SECONDS
from jun_desk.domain.costs import DEFAULT_PRICES_MICRO, Kind, PriceTable, money
from jun_desk.domain.items import Stream, XUser
from jun_desk.resources import resource_path
from jun_desk.services.desk import Desk
from jun_desk.x.client import XClient
from jun_desk.x.sandbox.scenario import build_scenario
from jun_desk.x.sandbox.search import Context as SearchContext
from jun_desk.x.sandbox.search import compile_query
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sandbox.staff_day import SEARCH_QUERIES, STAFF
from jun_desk.x.sandbox.world import Scenario
from jun_desk.x.sync import SyncEngine
from jun_desk.x.watch import resolve_handle, try_search

PRICES = PriceTable.load(resource_path("x_prices.toml"))


def minimum(sandbox: Sandbox, known: bool = False) -> int:
    """Each mention (each version X lists), each DM event and each author the desk must
    learn (mention authors and DM senders it does not know yet, and the account itself)
    read once."""
    desk = sandbox.scenario.desk
    mentions = [t for t in sandbox.state.visible_tweets()
                if t.mentions(desk.username) and t.author_id != desk.id]
    mentions = sorted(mentions, key=lambda t: t.id, reverse=True)[:800]  # X's reach
    dms = sandbox.state.visible_dms()
    authors = {t.author_id for t in mentions} | {d.sender_id for d in dms} | {desk.id}
    if known:
        authors -= {u.x_id for u in town(sandbox.scenario)}
    return (len(mentions) * PRICES.price(Kind.POST) + len(dms) * PRICES.price(Kind.DM_EVENT)
            + len(authors) * PRICES.price(Kind.USER))


def _desk(folder: Path, name: str) -> Desk:
    desk = Desk.open(f"sqlite:///{folder / f'{name}.db'}")
    desk.ctx.prices = PRICES
    return desk


def _metered(desk: Desk) -> int:
    return sum(desk.costs.per_day(None, date(2000, 1, 1), date(2100, 1, 1)).values())


def _client(sandbox: Sandbox, before: bool) -> XClient:
    return XClient(sandbox.credentials, api_base=sandbox.base_url, expand_authors=before)


def _engine(desk: Desk, client: XClient, before: bool) -> SyncEngine:
    engine = SyncEngine(desk, client)
    if before:
        engine.dm_probe = engine.page_size  # as it was: every DM walk starts with 100
    return engine


def town(scenario: Scenario, citizens: int = 90) -> list[XUser]:
    """The town's usual writers (the scenario's first ``citizens``; a spike's extra
    people come from outside and are new to the desk)."""
    people = [u for u in scenario.users.values() if u.id != scenario.desk.id]
    return [XUser(u.id, u.username, u.name) for u in people[:citizens]]


def _know_everyone(desk: Desk, scenario: Scenario) -> None:
    """An ordinary day: the town's usual writers are citizens the desk already has."""
    desk.ingest.ingest_page(scenario.desk.username, Stream.MENTIONS, [], town(scenario), None)


def instant(scenario: Scenario, folder: Path, name: str, before: bool,
            known: bool = False) -> dict:
    """The whole day at once (a desk started at the end of the day)."""
    with Sandbox(scenario, speed=math.inf) as sandbox:
        desk = _desk(folder, name)
        if known:
            _know_everyone(desk, scenario)
        client = _client(sandbox, before)
        _engine(desk, client, before).sync_once()
        out = {"billed": sandbox.bill.total, "minimum": minimum(sandbox, known),
               "metered": _metered(desk), "requests": sandbox.state.stats.requests,
               "units": _units(sandbox)}
        client.close()
        desk.close()
    return out


def live(scenario_of, seconds: float, folder: Path, name: str, before: bool,
         known: bool = False) -> dict:
    """The day compressed into ``seconds``, polled at the desk's 15 s interval scaled alike
    (X's rate windows too), then one last poll at its end."""
    factor = seconds / (15 * 3600)
    scenario = scenario_of()
    with Sandbox(scenario, speed=1 / factor, window_seconds=max(1.0, 900 * factor)) as sandbox:
        desk = _desk(folder, name)
        if known:
            _know_everyone(desk, scenario)
        client = _client(sandbox, before)
        engine = _engine(desk, client, before)
        end = time.monotonic() + seconds + 1
        polls = 0
        while time.monotonic() < end:
            engine.sync_once()
            polls += 1
            time.sleep(engine.next_delay(DEFAULT_POLL_SECONDS * factor))
        engine.sync_once()
        out = {"billed": sandbox.bill.total, "minimum": minimum(sandbox, known),
               "metered": _metered(desk), "requests": sandbox.state.stats.requests,
               "polls": polls + 1, "units": _units(sandbox)}
        client.close()
        desk.close()
    return out


def _units(sandbox: Sandbox) -> dict[str, int]:
    units: dict[str, int] = {}
    for (_day, kind), n in sandbox.bill.units.items():
        units[kind.value] = units.get(kind.value, 0) + n
    return units


def line(label: str, r: dict) -> str:
    ratio = r["billed"] / r["minimum"] if r["minimum"] else float("nan")
    polls = f", {r['polls']} polls" if "polls" in r else ""
    units = ", ".join(f"{k} {v}" for k, v in sorted(r["units"].items()))
    return (f"  {label:<34} X billed {money(r['billed'], 'en'):>7} vs minimum "
            f"{money(r['minimum'], 'en'):>7} = {ratio:.3f}×; meter {money(r['metered'], 'en')}"
            f"{' (= bill)' if r['metered'] == r['billed'] else ' (≠ bill!)'}; "
            f"{r['requests']} requests{polls}  [{units}]")


def streams_minimum(sandbox: Sandbox) -> int:
    """Each post any stream must read (the town's mentions, the staff accounts' mentions
    and posts, the searches' results), each DM event and each user the desk must learn
    (authors of incoming posts and DMs, the account, the staff accounts) read once."""
    state, desk = sandbox.state, sandbox.scenario.desk
    tweets = state.visible_tweets()
    staff = {s.id: s.handle for s in STAFF}
    town = sorted((t for t in tweets if t.mentions(desk.username) and t.author_id != desk.id),
                  key=lambda t: t.id, reverse=True)[:800]
    posts = {t.id for t in town}
    incoming = {t.id: t for t in town}
    for user_id, handle in staff.items():
        mentions = [t for t in tweets if t.mentions(handle) and t.author_id != user_id]
        posts |= {t.id for t in mentions} | {t.id for t in tweets if t.author_id == user_id}
        incoming.update({t.id: t for t in mentions})
    users = sandbox.scenario.users
    context = SearchContext(lambda a: users[a].username if a in users else "",
                            lambda t: any(k == "retweeted" for k, _ in t.references))
    for query in SEARCH_QUERIES:
        match = compile_query(query)
        found = [t for t in tweets if match(t, context)]
        posts |= {t.id for t in found}
        incoming.update({t.id: t for t in found})
    dms = state.visible_dms()
    authors = ({t.author_id for t in incoming.values()} | {d.sender_id for d in dms} | {desk.id}
               | set(staff))
    return (len(posts) * PRICES.price(Kind.POST) + len(dms) * PRICES.price(Kind.DM_EVENT)
            + len(authors) * PRICES.price(Kind.USER))


def live_streams(seconds: float, folder: Path) -> dict:
    """The scenario day polled live with its staff accounts and searches watched."""
    factor = seconds / (15 * 3600)
    scenario = build_scenario()
    with Sandbox(scenario, speed=1 / factor, window_seconds=max(1.0, 900 * factor)) as sandbox:
        desk = _desk(folder, "streams")
        desk.operators.add("ana", "supervisor")
        ana = desk.operators.actor("ana")
        client = _client(sandbox, False)
        for staff in STAFF:
            desk.streams.add_staff(ana, resolve_handle(client, staff.handle), staff.department,
                                   staff.role)
        for query in SEARCH_QUERIES:
            desk.streams.add_search(ana, try_search(client, query).query)
        engine = _engine(desk, client, False)
        end = time.monotonic() + seconds + 1
        polls = 0
        while time.monotonic() < end:
            engine.sync_once()
            polls += 1
            time.sleep(engine.next_delay(DEFAULT_POLL_SECONDS * factor))
        engine.sync_once()
        lines: dict[str, int] = {}
        for r in desk.costs.rows(None, date(2000, 1, 1), date(2100, 1, 1)):
            lines[r.stream] = lines.get(r.stream, 0) + r.micro
        out = {"billed": sandbox.bill.total, "minimum": streams_minimum(sandbox),
               "metered": _metered(desk), "requests": sandbox.state.stats.requests,
               "polls": polls + 1, "units": _units(sandbox), "lines": lines}
        client.close()
        desk.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--live-seconds", type=float, default=40.0)
    parser.add_argument("--spike", type=int, default=5)
    parser.add_argument("--replies", type=int, default=120,
                        help="replies a day assumed for the month's figure (default 120)")
    parser.add_argument("--dms", type=int, default=40,
                        help="DMs sent a day assumed for the month's figure (default 40)")
    parser.add_argument("--links", type=float, default=0.05,
                        help="share of replies carrying a link (billed $0.200; default 0.05)")
    parser.add_argument("--streams", action="store_true",
                        help="only the day with the staff accounts and searches (issue 27)")
    args = parser.parse_args()
    print(f"Prices of {PRICES.as_of} ({PRICES.source}): "
          + ", ".join(f"{k.value} {v / 1e6:g} $" for k, v in PRICES.micro.items()))
    if args.streams:
        with tempfile.TemporaryDirectory() as tmp:
            r = live_streams(args.live_seconds, Path(tmp))
        print(f"scenario day with {len(STAFF)} staff accounts and {len(SEARCH_QUERIES)} "
              f"searches ({', '.join(SEARCH_QUERIES)})")
        print(line("now (cost-minimal), polled live", r))
        for stream, micro in sorted(r["lines"].items()):
            print(f"    {stream:<36} {money(micro, 'en'):>8}")
        return
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        days = (("scenario day, every writer new to the desk", lambda: build_scenario(), False),
                ("scenario day, the town's writers known", lambda: build_scenario(), True),
                (f"#EndesaMeEstresa spike ×{args.spike}, writers known",
                 lambda: build_scenario(spike=args.spike), True))
        for n, (day_name, make, known) in enumerate(days):
            print(day_name)
            for mode, before in (("now (cost-minimal)", False), ("before (expanded)", True)):
                key = f"{n}/{mode}"
                r = instant(make(), folder, f"i{len(results)}", before, known)
                results[key + "/instant"] = r
                print(line(f"{mode}, day at once", r))
                r = live(make, args.live_seconds, folder, f"l{len(results)}", before, known)
                results[key + "/live"] = r
                print(line(f"{mode}, polled live", r))
    ordinary = results["1/now (cost-minimal)/live"]["billed"]
    spike = results["2/now (cost-minimal)/live"]["billed"]
    links = round(args.replies * args.links)
    writes = ((args.replies - links) * DEFAULT_PRICES_MICRO[Kind.WRITE_POST]
              + links * DEFAULT_PRICES_MICRO[Kind.WRITE_POST_URL]
              + args.dms * DEFAULT_PRICES_MICRO[Kind.WRITE_DM])
    month_reads = 28 * ordinary + 2 * spike
    print(f"A month (30 days: 28 ordinary with the writers known, 2 with a spike "
          f"×{args.spike}), reads: "
          f"{money(month_reads, 'en')}; writes ({args.replies} replies, {links} with a link, "
          f"{args.dms} DMs a day): {money(30 * writes, 'en')}; total "
          f"{money(month_reads + 30 * writes, 'en')}")


if __name__ == "__main__":
    main()
