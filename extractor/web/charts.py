"""Pictures the desk draws on the server, as geometry for its SVG templates: quotes per
month as a bar chart, and an entity's neighbourhood in the graph laid out by a force
simulation (networkx's spring layout, seeded, so the same graph looks the same each
time). No script runs in the browser for either."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The drawing areas, in SVG user units (the SVGs scale to their box).
CHART_WIDTH, CHART_HEIGHT = 640, 200
CHART_MARGIN = {"top": 16, "right": 8, "bottom": 36, "left": 32}
GRAPH_WIDTH, GRAPH_HEIGHT = 640, 420
GRAPH_MARGIN = 90  # room for the labels of the nodes at the edges
MAX_BAR = 48
# Most neighbours drawn around an entity (the most strongly linked ones).
GRAPH_NODES = 30


@dataclass
class Bar:
    month: str  # YYYY-MM
    quotes: int
    x: float
    y: float
    width: float
    height: float
    label: bool  # whether the month is written under it


def _months(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (YYYY-MM), both included."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    out: list[str] = []
    while (year, month) <= end and len(out) < 1200:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def month_bars(per_month: list[dict[str, Any]]) -> dict[str, Any]:
    """The bar chart of quotes per month (``[{"month": "YYYY-MM", "quotes": n}]``),
    months without quotes between the first and the last included as empty bars."""
    counts: dict[str, int] = {}
    for row in per_month:
        month = str(row.get("month", ""))[:7]
        if len(month) == 7 and month[:4].isdigit() and month[5:].isdigit():
            counts[month] = counts.get(month, 0) + int(row.get("quotes", 0) or 0)
    if not counts:
        return {"bars": [], "ticks": [], "width": CHART_WIDTH, "height": CHART_HEIGHT}
    months = _months(min(counts), max(counts))
    top = max(counts.values()) or 1
    left, right = CHART_MARGIN["left"], CHART_MARGIN["right"]
    plot_w = CHART_WIDTH - left - right
    plot_h = CHART_HEIGHT - CHART_MARGIN["top"] - CHART_MARGIN["bottom"]
    step = plot_w / len(months)
    bar_w = min(max(step * 0.8, 1.0), MAX_BAR)
    every = max(1, round(len(months) / 8))  # about eight month labels at most
    bars = []
    for i, month in enumerate(months):
        n = counts.get(month, 0)
        height = plot_h * n / top
        bars.append(
            Bar(
                month=month,
                quotes=n,
                x=round(left + i * step + (step - bar_w) / 2, 2),
                y=round(CHART_MARGIN["top"] + plot_h - height, 2),
                width=round(bar_w, 2),
                height=round(height, 2),
                label=i % every == 0 or i == len(months) - 1,
            )
        )
    ticks = [
        {"value": v, "y": round(CHART_MARGIN["top"] + plot_h - plot_h * v / top, 2)}
        for v in sorted({0, top, top // 2} if top > 1 else {0, top})
    ]
    return {
        "bars": bars,
        "ticks": ticks,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "baseline": CHART_MARGIN["top"] + plot_h,
        "left": left,
        "right": CHART_WIDTH - right,
        "label_y": CHART_HEIGHT - CHART_MARGIN["bottom"] + 16,
        "total": sum(counts.values()),
    }


def graph_picture(hood: dict[str, Any], centre: int) -> dict[str, Any]:
    """The neighbourhood of ``centre`` (:meth:`Store.neighbourhood`'s nodes and edges)
    laid out in the drawing area: the centre and its most strongly linked neighbours,
    each node with x, y and its label, each edge with its two ends."""
    import networkx as nx

    nodes = {int(n["id"]): n for n in hood.get("nodes", []) if "id" in n}
    if centre not in nodes:
        return {"nodes": [], "edges": [], "width": GRAPH_WIDTH, "height": GRAPH_HEIGHT}
    strength: dict[int, int] = {}
    for e in hood.get("edges", []):
        a, b = int(e["source"]), int(e["target"])
        for mine, other in ((a, b), (b, a)):
            if mine == centre and other in nodes:
                strength[other] = strength.get(other, 0) + int(e.get("weight", 1))
    ranked = sorted(nodes, key=lambda i: (i != centre, -strength.get(i, 0), i))
    kept = set(ranked[: GRAPH_NODES + 1])
    graph = nx.Graph()
    graph.add_nodes_from(sorted(kept))
    edges = []
    for e in hood.get("edges", []):
        a, b = int(e["source"]), int(e["target"])
        if a in kept and b in kept and a != b:
            graph.add_edge(a, b, weight=float(e.get("weight", 1)))
            edges.append((a, b, str(e.get("type", "")), int(e.get("weight", 1))))
    if len(graph) == 1:
        positions = {centre: (0.0, 0.0)}
    else:
        layout = nx.spring_layout(graph, seed=7, iterations=100)
        positions = {int(k): (float(v[0]), float(v[1])) for k, v in layout.items()}
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0

    def place(i: int) -> tuple[float, float]:
        x, y = positions[i]
        if len(positions) == 1:
            return GRAPH_WIDTH / 2, GRAPH_HEIGHT / 2
        return (
            round(GRAPH_MARGIN + (x - min(xs)) / span_x * (GRAPH_WIDTH - 2 * GRAPH_MARGIN), 1),
            round(30 + (y - min(ys)) / span_y * (GRAPH_HEIGHT - 50), 1),
        )

    placed = {i: place(i) for i in positions}
    return {
        "width": GRAPH_WIDTH,
        "height": GRAPH_HEIGHT,
        "nodes": [
            {
                "id": i,
                "name": str(nodes[i].get("name", "")),
                "type": str(nodes[i].get("type", "")),
                "x": placed[i][0],
                "y": placed[i][1],
                "centre": i == centre,
            }
            for i in sorted(placed, key=lambda i: i == centre)  # the centre drawn last, on top
        ],
        "edges": [
            {
                "x1": placed[a][0],
                "y1": placed[a][1],
                "x2": placed[b][0],
                "y2": placed[b][1],
                "type": kind,
                "weight": weight,
                "width": min(1 + weight, 6),
            }
            for a, b, kind, weight in edges
        ],
    }
