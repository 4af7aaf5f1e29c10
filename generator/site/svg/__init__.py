"""Charts and maps as self-contained SVG strings, for embedding raw in generated pages.

Pure functions of plain data: the same input always gives the same bytes. Contributed
text and links are escaped; colours follow the page's light or dark scheme; nothing is
loaded from outside. Python-Markdown passes an ``<svg>`` through untouched only inside a
block-level element: wrap it in a ``<div>`` on lines of its own (not in a ``<figure>``,
which Material sizes to fit its content and so shrinks a ``width="100%"`` chart).
"""

from generator.site.svg.network import Node, ego_network, network_map
from generator.site.svg.timeline import mentions_chart, mentions_table
from generator.site.svg.world import location_map

__all__ = ["Node", "ego_network", "location_map", "mentions_chart", "mentions_table", "network_map"]
