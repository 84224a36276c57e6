"""Imports flow one way (docs/architecture.md): an app imports only the apps below it, and
the apps that share a layer never import each other."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYERS = {
    "avk": 0,
    "partners": 1,
    "governance": 2,
    "reflection": 3,
    "movement": 4,
    "resources": 4,
    "library": 4,
    "monitoring": 5,
}
# The root URL conf wires every app's URLs into the portal: it knows them all by design.
WIRING = {Path("avk/urls.py")}


def _imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return {name.split(".")[0] for name in names} & LAYERS.keys()


@pytest.mark.parametrize("app", sorted(LAYERS))
def test_an_app_imports_only_the_apps_below_it(app):
    wrong = []
    for path in sorted((ROOT / app).rglob("*.py")):
        if path.relative_to(ROOT) in WIRING:
            continue
        for other in _imported_apps(path) - {app}:
            if LAYERS[other] >= LAYERS[app]:
                wrong.append(f"{path.relative_to(ROOT)} imports {other}")
    assert wrong == []
