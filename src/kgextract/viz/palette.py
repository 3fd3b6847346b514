"""One colour per node type, shared by the matplotlib figures and the HTML view.

Okabe-Ito colours, distinguishable with the common colour-vision deficiencies.

>>> TYPE_COLORS["Person"]
'#0072B2'
>>> type_color("Unknown")
'#999999'
"""

from __future__ import annotations

from kgextract.models import EntityType

__all__ = ["TYPE_COLORS", "type_color"]

#: Node type -> colour, in legend order: the entity types of :class:`~kgextract.models.EntityType`
#: (a new type without a colour fails ``tests/viz``), then the graph's own nodes.
TYPE_COLORS: dict[str, str] = {
    EntityType.PERSON.value: "#0072B2",
    EntityType.ORGANIZATION.value: "#E69F00",
    EntityType.ROLE.value: "#CC79A7",
    EntityType.EVENT.value: "#D55E00",
    EntityType.PLACE.value: "#009E73",
    "Document": "#56B4E9",
    "Date": "#7F7F7F",
}


def type_color(node_type: str | None) -> str:
    """The colour of a node type (grey for an unknown one)."""
    return TYPE_COLORS.get(node_type or "", "#999999")
