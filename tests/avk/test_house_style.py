"""The AVK's own colours: no Bootstrap blue left in the CSS, and every text colour readable.

A static check of our stylesheet against the vendored Bootstrap; the browser check of the
rendered pages is in tests/browser/test_look.py.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BOOTSTRAP_CSS = ROOT / "static" / "vendor" / "bootstrap" / "bootstrap.min.css"
PORTAL_CSS = ROOT / "static" / "css" / "portal.css"

# Bootstrap's primary blue and the tints and shades it derives from it.
BOOTSTRAP_BLUES = {
    "#0d6efd",
    "#0b5ed7",
    "#0a58ca",
    "#0a53be",
    "#3d8bfd",
    "#6ea8fe",
    "#86b7fe",
    "#9ec5fe",
    "#b6d4fe",
    "#cfe2ff",
    "#e7f1ff",
    "#052c65",
    "#031633",
    "#084298",
    "#c5d7f2",
    "#bacbe6",
    "#bfd1ec",
    "#a6b5cc",
    "13,110,253",
    "49,132,253",
    "10,88,202",
}
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def rules(css: str):
    """(selectors, property, value) for every declaration of the stylesheet."""
    css = re.sub(r"/\*.*?\*/|@charset[^;]*;", "", css, flags=re.S)
    for selector_text, body in RULE.findall(css):
        selectors = {s.strip() for s in selector_text.split(",")}
        for declaration in body.split(";"):
            name, _, value = declaration.partition(":")
            if value:
                yield selectors, name.strip(), value.strip()


def is_bootstrap_blue(value: str) -> bool:
    value = value.lower().replace(" ", "")
    value = re.sub(r"url\([^)]*\)", "", value)  # icons inside data URIs are not colours we see
    return any(blue in value for blue in BOOTSTRAP_BLUES)


def test_every_bootstrap_blue_is_overridden_by_our_stylesheet():
    ours = list(rules(PORTAL_CSS.read_text()))
    missing = []
    for selectors, name, value in rules(BOOTSTRAP_CSS.read_text()):
        if not is_bootstrap_blue(value):
            continue
        if any("data-bs-theme=dark" in s for s in selectors):
            continue  # we never switch to the dark theme
        if "focus" in name or any("focus" in s for s in selectors):
            continue  # focus rings have their own section and their own test
        overridden = any(
            name == our_name and our_selectors & selectors for our_selectors, our_name, _ in ours
        )
        if not overridden:
            missing.append(f"{', '.join(sorted(selectors))} {{ {name}: {value} }}")
    assert not missing, "Bootstrap blue not overridden in portal.css:\n" + "\n".join(missing)


def test_our_stylesheet_has_no_bootstrap_blue_of_its_own():
    assert not [
        (selectors, name, value)
        for selectors, name, value in rules(PORTAL_CSS.read_text())
        if is_bootstrap_blue(value)
    ]


def root_variables() -> dict[str, str]:
    variables = {}
    for selectors, name, value in rules(PORTAL_CSS.read_text()):
        if ":root" in selectors and name.startswith("--"):
            variables[name] = value
    return variables


def rgb(colour: str) -> tuple[float, float, float]:
    colour = colour.strip()
    if colour.startswith("#"):
        return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return tuple(float(part) for part in colour.split(","))


def luminance(colour: tuple[float, float, float]) -> float:
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground, background) -> float:
    lighter, darker = sorted([luminance(foreground), luminance(background)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def over(colour, alpha: float, background):
    """A translucent colour as it shows on `background`."""
    return tuple(alpha * c + (1 - alpha) * b for c, b in zip(colour, background, strict=True))


WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
LIGHT_GREY = rgb("#f8f9fa")  # Bootstrap's light background (cards' headers, tables)


# What is written in which colour on which background, for every text colour we set.
PAIRS = {
    "links on white": ("--bs-link-color", WHITE),
    "links on a light grey": ("--bs-link-color", LIGHT_GREY),
    "hovered links": ("--bs-link-hover-color", WHITE),
    "primary buttons, badges, active pills": (WHITE, "--bs-primary"),
    "hovered primary buttons": (WHITE, "--avk-blue-dark"),
    "outline buttons": ("--avk-blue", WHITE),
    "text on the light tint": ("--bs-primary-text-emphasis", "--bs-primary-bg-subtle"),
    "info alerts": ("--bs-info-text-emphasis", "--bs-info-bg-subtle"),
    "links in info alerts": ("--bs-link-color", "--bs-info-bg-subtle"),
    "info badges": (BLACK, "--bs-info-rgb"),
    "experience expert badge": (WHITE, "--avk-green"),
    "warm flag": ("--avk-warm", WHITE),
}


@pytest.mark.parametrize("what", PAIRS)
def test_text_colours_keep_aa_contrast(what):
    variables = root_variables()

    def resolve(colour):
        return rgb(variables[colour]) if isinstance(colour, str) else colour

    foreground, background = PAIRS[what]
    assert contrast(resolve(foreground), resolve(background)) >= 4.5


def test_navbar_links_keep_aa_contrast_on_the_avk_blue():
    variables = root_variables()
    navbar = next(
        value
        for selectors, name, value in rules(PORTAL_CSS.read_text())
        if ".navbar-avk" in selectors and name == "--bs-navbar-color"
    )
    red, green, blue, alpha = (
        float(part) for part in re.match(r"rgba\((.*)\)", navbar).group(1).split(",")
    )
    avk_blue = rgb(variables["--avk-blue"])
    assert contrast(over((red, green, blue), alpha, avk_blue), avk_blue) >= 4.5
