"""One colour per node type, shared by the matplotlib figures and the HTML view.

Okabe-Ito colours, distinguishable with the common colour-vision deficiencies.

>>> TYPE_COLORS["Person"]
'#0072B2'
>>> type_color("Unknown")
'#999999'
"""

from __future__ import annotations

__all__ = ["TYPE_COLORS", "type_color"]

#: Node type -> colour, in legend order.
TYPE_COLORS: dict[str, str] = {
    "Person": "#0072B2",
    "Organization": "#E69F00",
    "Role": "#CC79A7",
    "Event": "#D55E00",
    "Place": "#009E73",
    "Document": "#56B4E9",
    "Date": "#7F7F7F",
}


def type_color(node_type: str | None) -> str:
    """The colour of a node type (grey for an unknown one)."""
    return TYPE_COLORS.get(node_type or "", "#999999")
