"""SVG charts and maps: well-formed, escaped, deterministic, accessible, and right."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import random
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import markdown
import pytest

from generator.site.svg import Node, ego_network, geo, location_map, mentions_chart, network_map
from generator.site.svg.timeline import periods
from generator.site.svg.world import HEIGHT, WIDTH, map_window

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> & \'Tom\' "Jerry" </svg>'
D = dt.date


def node(i: int, group: str = "actor", label: str = "") -> Node:
    return Node(f"e{i:03d}", label or f"Entity {i}", f"../../actors/e{i:03d}/", group)


def news_network(n_nodes: int = 300, n_edges: int = 2000, seed: int = 5):
    """Entities in twelve stories plus a few everywhere, like co-occurrence in the news."""
    rng = random.Random(seed)
    nodes = [node(i, "location" if i % 3 == 0 else "actor") for i in range(n_nodes)]
    weights: dict[tuple[str, str], int] = {}
    while len(weights) < n_edges:
        story = min(int(rng.expovariate(0.3)), 11)
        pool = range(10 + story * 24, 10 + (story + 1) * 24)
        a = pool[min(int(rng.expovariate(0.15)), 23)]
        b = rng.randrange(10) if rng.random() < 0.2 else rng.randrange(n_nodes)
        if a != b:
            key = (nodes[min(a, b)].id, nodes[max(a, b)].id)
            weights[key] = weights.get(key, 0) + 1 + int(rng.expovariate(0.7))
    return nodes, [(a, b, w) for (a, b), w in sorted(weights.items())]


NETWORK = news_network()


@functools.cache
def network_svg() -> str:
    return network_map(*NETWORK)


CENTER = node(0, label="Antony Blinken")
PARTNERS = [(node(i + 1, "location" if i % 2 else "actor"), 20 - i) for i in range(20)]
DATES = [D(2024, 8, 21), D(2024, 8, 25), D(2024, 8, 30), D(2024, 10, 1), D(2025, 3, 1)]

CHARTS = {
    "timeline": lambda: mentions_chart(DATES, label="Hamas"),
    "timeline-years": lambda: mentions_chart([D(2010, 1, 1), D(2024, 5, 5)], label="UN"),
    "ego": lambda: ego_network(CENTER, PARTNERS[:5]),
    "ego-20": lambda: ego_network(CENTER, PARTNERS),
    "network": network_svg,
    "map": lambda: location_map(31.42, 34.35, label="Gaza Strip"),
    "map-corner": lambda: location_map(-89.9, 179.9, label="Edge"),
}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


# How each drawing is sized. None scales its text down: the timeline and the map fill their
# column with no viewBox of their own (one unit, one CSS px: text keeps 12 px); the networks
# are drawn at one unit a pixel, width and height those of their viewBox, and panned.
SIZING = {
    "timeline": "fluid",
    "timeline-years": "fluid",
    "map": "fluid",
    "map-corner": "fluid",
    "ego": "fixed",
    "ego-20": "fixed",
    "network": "fixed",
}


@pytest.mark.parametrize("name", CHARTS)
def test_well_formed_svg_never_scaled_down(name):
    root = parse(CHARTS[name]())
    assert root.tag == f"{NS}svg"
    if SIZING[name] == "fluid":
        assert root.get("width") == "100%"
        assert root.get("viewBox") is None
    else:
        size = re.fullmatch(r"0 0 (\d+) (\d+)", root.get("viewBox")).groups()
        assert (root.get("width"), root.get("height")) == size


@pytest.mark.parametrize("name", CHARTS)
def test_every_label_is_at_least_12_px(name):
    root = parse(CHARTS[name]())
    assert int(root.get("font-size")) >= 12
    for text in root.iter(f"{NS}text"):
        assert int(text.get("font-size", root.get("font-size"))) >= 12, text.text


@pytest.mark.parametrize("name", ["ego", "ego-20", "network"])
def test_every_link_has_a_target_of_24_px(name):
    """Each link holds an unpainted disc or box at least 24 units (= CSS px) across."""
    for link in parse(CHARTS[name]()).iter(f"{NS}a"):
        (hit,) = [e for e in link if "ea-hit" in e.get("class", "")]
        if hit.tag == f"{NS}circle":
            assert 2 * float(hit.get("r")) >= 24
        else:
            assert float(hit.get("width")) >= 24 and float(hit.get("height")) >= 24


@pytest.mark.parametrize("name", CHARTS)
def test_accessible_title_and_description(name):
    root = parse(CHARTS[name]())
    assert root.get("role") in ("img", "group")
    title_id, desc_id = root.get("aria-labelledby").split()
    first, second = list(root)[:2]
    assert (first.tag, first.get("id")) == (f"{NS}title", title_id)
    assert (second.tag, second.get("id")) == (f"{NS}desc", desc_id)
    assert first.text.strip() and second.text.strip()


@pytest.mark.parametrize(("name", "role"), [("timeline", "img"), ("map", "img"), ("ego", "group")])
def test_charts_with_links_are_groups_so_links_stay_reachable(name, role):
    root = parse(CHARTS[name]())
    assert root.get("role") == role
    assert bool(root.findall(f".//{NS}a")) == (role == "group")


@pytest.mark.parametrize("name", CHARTS)
def test_deterministic(name):
    assert CHARTS[name]() == CHARTS[name]()


@pytest.mark.parametrize("name", CHARTS)
def test_offline_and_scheme_aware(name):
    svg = CHARTS[name]()
    for banned in ("<script", "<image", "<foreignObject", "@import", "url(", "#fff", "white"):
        assert banned not in svg
    assert re.findall(r"https?://", svg) == ["http://"]  # the xmlns only
    assert "currentColor" in svg
    assert "\n\n" not in svg  # a blank line would end Markdown's raw HTML block


@pytest.mark.parametrize("name", ["timeline", "map", "network"])
def test_survives_python_markdown_inside_a_div(name):
    svg = CHARTS[name]()
    assert svg in markdown.markdown(f"Intro.\n\n<div>\n{svg}\n</div>\n\nMore.")


HOSTILE_CHARTS = {
    "timeline": lambda: mentions_chart(DATES, label=HOSTILE),
    "ego-center": lambda: ego_network(node(0, label=HOSTILE), PARTNERS[:3]),
    "ego-partner": lambda: ego_network(CENTER, [(node(9, label=HOSTILE), 2)]),
    "network": lambda: network_map(
        [node(1, label=HOSTILE), node(2)], [("e001", "e002", 3)], max_nodes=5
    ),
    "map": lambda: location_map(50.45, 30.52, label=HOSTILE),
}


@pytest.mark.parametrize("name", HOSTILE_CHARTS)
def test_hostile_labels_are_escaped(name):
    svg = HOSTILE_CHARTS[name]()
    root = parse(svg)
    assert "<script" not in svg and "</svg> " not in svg
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    texts = "".join("".join(e.itertext()) for e in root.iter() if e.tag != f"{NS}style")
    assert HOSTILE in texts or HOSTILE[:20] in texts


@pytest.mark.parametrize(
    "href", ['../../actors/a"b/', "../x/?q=<b>&r='1'", "https://example.org/a?b=1&c=2"]
)
def test_hrefs_are_escaped_and_kept(href):
    partner = Node("p", "Partner", href, "location")
    for svg in (
        ego_network(CENTER, [(partner, 1)]),
        network_map([CENTER, partner], [("e000", "p", 1)]),
    ):
        hrefs = {a.get("href") for a in parse(svg).iter(f"{NS}a")}
        assert href in hrefs


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", " JavaScript:x", "data:text/html,x", "a\nb"]
)
def test_unsafe_hrefs_are_refused(href):
    with pytest.raises(ValueError):
        Node("x", "X", href, "actor")


def test_unknown_group_is_refused():
    with pytest.raises(ValueError):
        Node("x", "X", "../x/", "person")


# --- timeline ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dates", "unit", "expected"),
    [
        ([D(2024, 8, 1)], "month", [("August 2024", 1)]),
        (
            [D(2024, 11, 30), D(2025, 2, 1), D(2025, 2, 28)],
            "month",
            [("November 2024", 1), ("December 2024", 0), ("January 2025", 0), ("February 2025", 2)],
        ),
        ([D(2021, 1, 1), D(2023, 12, 31)], "month", None),  # 36 months: still monthly
        (
            [D(2021, 1, 1), D(2024, 1, 1)],
            "year",
            [("2021", 1), ("2022", 0), ("2023", 0), ("2024", 1)],
        ),
        ([D(2001, 6, 1), D(2001, 6, 2), D(2024, 6, 1)], "year", None),
    ],
)
def test_bucketing(dates, unit, expected):
    got_unit, bars = periods(dates)
    assert got_unit == unit
    assert sum(p.count for p in bars) == len(dates)
    if expected is not None:
        assert [(p.label, p.count) for p in bars] == expected
    if unit == "month" and expected is None:
        assert len(bars) == 36


@pytest.mark.parametrize(
    ("dates", "tips"),
    [
        (DATES, ["August 2024: 3 articles", "October 2024: 1 article", "March 2025: 1 article"]),
        ([D(2010, 3, 3), D(2010, 4, 4), D(2024, 1, 1)], ["2010: 2 articles", "2024: 1 article"]),
    ],
)
def test_bar_tooltips(dates, tips):
    root = parse(mentions_chart(dates, label="X"))
    assert [t.text for t in root.iter(f"{NS}title")][1:] == tips


def test_bar_heights_follow_counts_and_axis_names_max():
    root = parse(mentions_chart(DATES, label="X"))
    heights = [float(r.get("height")) for r in root.iter(f"{NS}rect")]
    assert heights[0] == pytest.approx(3 * heights[1], abs=0.2)
    labels = [t.text for t in root.iter(f"{NS}text")]
    assert labels == ["3 articles", "Aug 2024", "Oct 2024", "Dec 2024", "Feb 2025"]


def tick_labels(svg: str) -> list[tuple[float, str]]:
    """The axis names under the bars: (left edge in % of the width, text)."""
    texts = [t for t in parse(svg).iter(f"{NS}text") if t.get("x", "").endswith("%")]
    return [(float(t.get("x")[:-1]), t.text) for t in texts]


@pytest.mark.parametrize(
    ("dates", "first", "some"),
    [
        ([D(2024, 8, 1)], "Aug 2024", 1),
        ([D(2024, 1, 5), D(2024, 12, 5)], "Jan 2024", 4),
        ([D(2023, 1, 5), D(2025, 12, 5)], "Jan 2023", 3),  # 36 months: one name a year
        ([D(2023, 7, 5), D(2026, 6, 5)], "Jul 2023", 3),
        ([D(1990, 1, 1), D(2024, 5, 5)], "1990", 4),  # by year
        ([D(2001, 1, 1), D(2002, 1, 1)], "Jan 2001", 3),
    ],
)
def test_axis_names_fit_side_by_side_at_the_least_width(dates, first, some):
    """At the narrowest chart, names start at their tick, run into no other and stay inside."""
    from generator.site.svg.timeline import GLYPH, MIN_WIDTH

    ticks = tick_labels(mentions_chart(dates, label="X"))
    assert ticks[0][1] == first and len(ticks) >= some
    ends = 0.0
    for left, text in ticks:
        start = left / 100 * MIN_WIDTH
        assert start >= ends, ticks
        ends = start + len(text) * GLYPH
        assert ends <= MIN_WIDTH, ticks


def test_table_gives_every_bar_in_words():
    from generator.site.svg import mentions_table

    html = mentions_table(DATES, label="Hamas <b>")
    rows = re.findall(r"<tr><td>([^<]+)</td><td>(\d+)</td></tr>", html)
    assert rows[0] == ("August 2024", "3") and rows[2] == ("October 2024", "1")
    assert len(rows) == 8 and sum(int(n) for _, n in rows) == len(DATES)
    assert "Hamas &lt;b&gt;" in html and "<b>" not in html
    assert mentions_table([], label="X") == ""


def test_timeline_ignores_input_order():
    assert mentions_chart(DATES, label="X") == mentions_chart(DATES[::-1], label="X")


def test_timeline_empty():
    assert mentions_chart([], label="X") == ""


# --- networks ------------------------------------------------------------------------


def links(svg: str) -> list[ET.Element]:
    """The tab stops: links not taken out of the tab order."""
    return [a for a in parse(svg).iter(f"{NS}a") if a.get("tabindex") != "-1"]


@pytest.mark.parametrize(("count", "shown"), [(0, 0), (1, 1), (5, 5), (12, 12), (20, 12)])
def test_ego_network_partner_counts(count, shown):
    svg = ego_network(CENTER, PARTNERS[:count])
    if not count:
        assert svg == ""
        return
    hrefs = [a.get("href") for a in links(svg)]
    assert hrefs == [n.href for n, _ in PARTNERS[:shown]]  # the strongest, strongest first
    assert CENTER.href not in hrefs
    desc = parse(svg).find(f"{NS}desc").text
    assert ("8 more" in desc) == (count == 20)


def test_ego_edge_width_grows_with_shared_articles():
    root = parse(ego_network(CENTER, [(node(1), 1), (node(2), 4)]))
    widths = {
        ln.find(f"{NS}title").text: float(ln.get("stroke-width")) for ln in root.iter(f"{NS}line")
    }
    assert (
        widths["Antony Blinken and Entity 2: 4 shared articles"]
        > widths["Antony Blinken and Entity 1: 1 shared article"]
    )


def test_ego_shapes_by_group():
    root = parse(ego_network(CENTER, [(node(1, "actor"), 1), (node(2, "location"), 1)]))
    actor, location = links(ET.tostring(root, encoding="unicode"))
    assert actor.find(f"{NS}circle") is not None and actor.find(f"{NS}path") is None
    assert "ea-l" in location.find(f"{NS}path").get("class")


def test_network_map_at_scale_stays_small_and_readable():
    nodes, edges = NETWORK
    assert (len(nodes), len(edges)) == (300, 2000)
    svg = network_svg()
    assert len(svg.encode()) < 60_000
    root = parse(svg)
    stops = links(svg)
    assert len(stops) == 150
    assert {a.get("href") for a in stops} <= {n.href for n in nodes}
    assert all(a.find(f"{NS}title").text for a in stops)
    segments = sum(p.get("d").count("M") for p in root.iter(f"{NS}path") if p.get("stroke-width"))
    assert 150 <= segments <= 3 * 150
    labels = [a for a in parse(svg).iter(f"{NS}a") if a.get("tabindex") == "-1"]
    assert 10 <= len(labels) <= 40


def test_network_map_names_the_hubs():
    named = {a.get("href") for a in parse(network_svg()).iter(f"{NS}a") if a.get("tabindex")}
    hubs = [a.get("href") for a in links(network_svg())[:10]]
    assert set(hubs) <= named


def test_network_map_positions_inside_the_view():
    root = parse(network_svg())
    width, height = map(float, root.get("viewBox").split()[2:])
    for circle in root.iter(f"{NS}circle"):
        assert 0 <= float(circle.get("cx")) <= width and 0 <= float(circle.get("cy")) <= height


def test_network_map_ignores_input_order_and_duplicates():
    nodes, edges = NETWORK
    mixed = random.Random(1)
    shuffled_nodes, shuffled_edges = list(nodes), [(b, a, w) for a, b, w in edges]
    mixed.shuffle(shuffled_nodes)
    mixed.shuffle(shuffled_edges)
    assert network_svg() == network_map(shuffled_nodes, edges + shuffled_edges)


def test_network_tooltips_count_partners():
    svg = network_map([node(1), node(2), node(3)], [("e001", "e002", 5), ("e001", "e003", 1)])
    tips = [a.find(f"{NS}title").text for a in links(svg)]
    assert tips == [
        "Entity 1: appears with 2 other entries",
        "Entity 2: appears with 1 other entry",
        "Entity 3: appears with 1 other entry",
    ]


DIGEST = """
import hashlib, sys
sys.path.insert(0, "tests")
import test_svg as t
print(hashlib.sha256("".join(make() for make in t.CHARTS.values()).encode()).hexdigest())
"""


def test_same_bytes_in_other_processes_whatever_the_hash_seed():
    """String hashing differs per process; set and dict order must never reach the output."""
    here = hashlib.sha256("".join(make() for make in CHARTS.values()).encode()).hexdigest()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", DIGEST],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert run.stdout.strip() == here


@pytest.mark.parametrize(
    ("edges", "kwargs", "kept"),
    [
        ([], {}, 0),
        ([("e001", "e002", 1)], {"min_weight": 2}, 0),
        ([("e001", "e001", 5), ("e001", "nobody", 5)], {}, 0),
        ([("e001", "e002", 2), ("e002", "e003", 1)], {"min_weight": 2}, 2),
        ([("e001", "e002", 2), ("e002", "e003", 1), ("e003", "e004", 1)], {"max_nodes": 2}, 2),
    ],
)
def test_network_map_filters(edges, kwargs, kept):
    svg = network_map([node(i) for i in range(1, 5)], edges, **kwargs)
    assert len(links(svg)) == kept if svg else kept == 0


# --- world map -----------------------------------------------------------------------

PLACES = [
    (31.42, 34.35, "Gaza Strip"),
    (25.29, 51.53, "Doha"),
    (38.9, -77.04, "Washington"),
    (-33.87, 151.21, "Sydney"),
    (64.15, -21.94, "Reykjavík"),
    (-18.14, 178.44, "Suva"),
    (89.9, -179.9, "North Pole"),
    (-90.0, 180.0, "South Pole"),
    (0.0, 0.0, "Null Island"),
]


def marker(root: ET.Element) -> tuple[float, float]:
    """The marker's centre in map units: it is placed in percent of the map's size."""
    (dot,) = [c for c in root.iter(f"{NS}circle") if "ea-marker" in c.get("class", "")]
    return float(dot.get("cx")[:-1]) * WIDTH / 100, float(dot.get("cy")[:-1]) * HEIGHT / 100


@pytest.mark.parametrize(("lat", "lon", "label"), PLACES)
def test_marker_maps_back_to_the_point(lat, lon, label):
    root = parse(location_map(lat, lon, label=label))
    (land,) = root.findall(f"{NS}svg")  # land and lines scale; labels and marker do not
    assert land.get("viewBox") == f"0 0 {WIDTH} {HEIGHT}"
    x, y = marker(root)
    assert 0 <= x <= WIDTH and 0 <= y <= HEIGHT
    window = map_window(lat, lon)
    got_lon, got_lat = window.unproject(x, y)
    assert got_lon == pytest.approx(lon, abs=0.2) and got_lat == pytest.approx(lat, abs=0.1)


@pytest.mark.parametrize(("lat", "lon", "label"), PLACES)
def test_window_inside_the_world_and_path_clipped(lat, lon, label):
    window = map_window(lat, lon)
    assert -180 <= window.west < window.east <= 180 and -90 <= window.south < window.north <= 90
    assert window.north - window.south == pytest.approx(25)
    svg = location_map(lat, lon, label=label)
    assert len(svg.encode()) < 150_000
    for path in parse(svg).iter(f"{NS}path"):
        numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", path.get("d"))]
        assert all(-0.05 <= v <= WIDTH + 0.05 for v in numbers)


def test_middle_east_window_shows_eastern_mediterranean_and_arabia():
    window = map_window(31.42, 34.35)
    assert window.west <= 25 and window.east >= 50  # Crete to the Gulf
    assert window.south <= 20 and window.north >= 40  # Mecca to Anatolia
    x, y = marker(parse(location_map(31.42, 34.35, label="Gaza")))
    assert (x, y) == pytest.approx((WIDTH / 2, HEIGHT / 2), abs=0.1)


@pytest.mark.parametrize(
    ("lat", "lon", "edge"),
    [(89, 10, "north"), (-89, 10, "south"), (0, 179, "east"), (0, -179, "west")],
)
def test_window_clamped_at_world_edges(lat, lon, edge):
    assert (
        getattr(map_window(lat, lon), edge)
        == {"north": 90, "south": -90, "east": 180, "west": -180}[edge]
    )


def test_map_draws_land_and_borders_only_near_the_point():
    gaza = location_map(31.42, 34.35, label="Gaza")
    ocean = location_map(-45.0, -130.0, label="South Pacific")
    assert len(gaza) > 3 * len(ocean)


@pytest.mark.parametrize(
    ("lat", "lon"), [(91, 0), (-91, 0), (0, 181), (0, -180.5), (float("nan"), 0)]
)
def test_map_refuses_impossible_coordinates(lat, lon):
    with pytest.raises(ValueError):
        location_map(lat, lon, label="X")


def test_outline_data_is_bundled_and_cached():
    world = geo.outline()
    assert world is geo.outline()
    assert len(world.land) > 100 and len(world.borders) > 100
    lons = [x for shape in world.land for x, _ in shape.points]
    assert min(lons) < -180 and max(lons) > 180  # rings across the antimeridian kept whole


def test_outline_format():
    world = geo.parse("# comment\nL 10,20 5,0 0,5\nB -1800,0 3600,0\n")
    assert world.land[0].points == ((1.0, 2.0), (1.5, 2.0), (1.5, 2.5))
    assert world.borders[0].bounds == (-180.0, 0.0, 180.0, 0.0)


@pytest.mark.parametrize(
    ("ring", "expected_area"),
    [
        (((-1, -1), (3, -1), (3, 3), (-1, 3)), 4.0),  # covers the window
        (((1, 1), (3, 1), (3, 3), (1, 3)), 1.0),  # a quarter inside
        (((5, 5), (6, 5), (6, 6)), 0.0),  # wholly outside
    ],
)
def test_clip_ring(ring, expected_area):
    clipped = geo.clip_ring(ring, (0, 0, 2, 2))
    area = (
        abs(
            sum(
                a[0] * b[1] - b[0] * a[1]
                for a, b in zip(clipped, clipped[1:] + clipped[:1], strict=False)
            )
        )
        / 2
    )
    assert area == pytest.approx(expected_area)
    assert all(0 <= x <= 2 and 0 <= y <= 2 for x, y in clipped)


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        (((-1, 1), (3, 1)), [[(0, 1), (2, 1)]]),
        (((1, 1), (1.5, 1.5)), [[(1, 1), (1.5, 1.5)]]),
        (((1, 1), (1, 3), (1.5, 3), (1.5, 1)), [[(1, 1), (1, 2)], [(1.5, 2), (1.5, 1)]]),
        (((3, 3), (4, 4)), []),
    ],
)
def test_clip_line(line, pieces):
    assert geo.clip_line(line, (0, 0, 2, 2)) == pieces


def test_antimeridian_copies():
    (shape,) = geo.parse("L 1790,0 20,0 0,10 -20,0\n").land  # 179°E to 181°E
    assert geo.copies(shape, (-180, -10, -170, 10))[0][0] == (-181.0, 0.0)
    assert len(geo.copies(shape, (170, -10, 180, 10))) == 1
    assert geo.copies(shape, (0, -10, 10, 10)) == []
