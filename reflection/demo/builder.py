"""The reflection demo in one call: the 2024 islands, phase plan 3 traced to their
attention points with progress updates on its efforts, and the next island.
"""

from reflection.demo import islands, plans, progress


def build() -> None:
    """Build (or bring back) the reflection demo. Idempotent."""
    points = islands.build_2024()
    progress.build(plans.build(points))
    islands.build_upcoming()
