"""One colour (and, where it has one, one line style) per quantity, on every page and in every figure.

Figure 1 of Goodfellow et al. (2014) fixes three of them: p_data black
dotted, p_g green solid, D blue dashed. The others follow two rules, so that
a colour means the same thing wherever the class meets it:

* What belongs to a player wears that player's colour: G's loss and G's
  samples are green like p_g, D's loss is blue like D (the model diagram
  colours its loss nodes the same way).
* The value of the game is drawn in the colour of the discriminator it is
  taken at: V(D, G) in D's blue, C(G) = V(D*, G) in D*'s red dash-dot.

JSD, modes covered and the high-quality share get colours of their own.
Runs that race side by side are told apart by ``RUNS`` / ``RACE_RUNS`` (they
are runs, not quantities). Colours are CSS strings (``#rrggbb``, ``rgb(...)``,
``rgba(...)``, "black") as plotly.js reads them; ``rgba`` makes a translucent
shade of one, ``for_matplotlib`` turns one into what matplotlib reads.
"""

from __future__ import annotations

# The paper's Figure 1.
P_DATA = "black"
P_G = "#2ca02c"
D = "#1f77b4"
# Proposition 1's optimal discriminator D* = p_data / (p_data + p_g).
D_STAR = "#d62728"

JSD = "#9467bd"
VALUE = D  # V(D, G): the value at D
CRITERION = D_STAR  # C(G) = V(D*, G): the value at D*
D_LOSS = D
G_LOSS = P_G
MODES = "#8c564b"  # modes covered
HQ = "#ff7f0e"  # high-quality share: samples within 3 sigma of a mode

# Samples and what G does to them.
REAL = "#111111"  # real samples x ~ p_data: near-black points
FAKE = "#00a651"  # G's samples: a brighter green than p_g's line, so a point cloud reads as green
MANIFOLD = "rgba(90,90,90,0.55)"  # G's manifold: the z grid pushed through G
MAPPING = "#555555"  # Figure 1's arrows x = G(z)
GRADIENT = "#5b2c83"  # where G's gradient pushes a generated point (dark: it shows over the green points)
TRAIL_1D = P_G  # a tracked sample's trail on the x line: p_g's green
TRAIL_2D = "#004623"  # a tracked sample's trail in the plane: darker than the green points it ends at
Z_GRID = ("#1f6fb4", "#e0771a")  # the noise grid's lines along z's first axis, along its second
D_SCALE = "RdBu"  # D(x) as a heatmap: 0 red (fake) -> 1/2 white -> 1 blue (real)
SHARE_SCALE = "Viridis"  # the share of G's samples at each mode, 0 -> 1
NEAREST = (255, 200, 0)  # MNIST: the nearest training images' outline, yellow as in the paper (RGB bytes)
GUIDE = "gray"  # reference levels: log 2, -log 4, "all modes"

# Runs raced side by side: by position (mode collapse: the plain GAN first, then the remedy) and by name (theory).
RUNS = ("#d62728", "#1f77b4", "#2ca02c", "#9467bd")
RACE_RUNS = {"minimax": "#d62728", "nonsaturating": "#2ca02c", 1: "#ff7f0e", 5: "#9467bd"}

# One Gaussian fitted to p_data by each divergence (the Theory page): maximum likelihood's forward KL, reverse KL;
# the JSD's fit wears the JSD's colour.
FORWARD_KL = "#ff7f0e"
REVERSE_KL = "#17becf"
# The VAE beside the GAN: it maximises a bound on the likelihood, so it wears maximum likelihood's (forward KL's) colour.
VAE = FORWARD_KL

# Line styles (Plotly's ``line`` dicts; widths in pixels).
DATA_STYLE = dict(color=P_DATA, dash="dot", width=3)
G_STYLE = dict(color=P_G, width=3)
D_STYLE = dict(color=D, dash="dash", width=3)
D_STAR_STYLE = dict(color=D_STAR, dash="dashdot", width=2)
# Proposition 2: the same quantity by another method, in the same colour with long dashes (p_g of the MLP G, its C(G)).
PARAMETRIC_DASH = "longdash"


def rgba(colour: str, alpha: float) -> str:
    """``colour`` (``#rrggbb``, ``rgb(r,g,b)`` or "black") at opacity ``alpha``, as ``rgba(r,g,b,alpha)``."""
    return f"rgba({rgb_triplet(colour)},{alpha:g})"


def rgb_triplet(colour: str) -> str:
    """"r,g,b" (0-255) of ``colour``: ``#rrggbb``, ``rgb(r,g,b)`` or "black"."""
    colour = {"black": "#000000"}.get(colour, colour)
    if colour.startswith("rgb(") and colour.endswith(")"):
        return ",".join(part.strip() for part in colour[4:-1].split(","))
    hex_colour = colour.lstrip("#")
    if len(hex_colour) != 6:
        raise ValueError(f"not a #rrggbb, rgb(r,g,b) or 'black' colour: {colour!r}")
    return ",".join(str(int(hex_colour[i:i + 2], 16)) for i in (0, 2, 4))


def for_matplotlib(colour: str):
    """``colour`` as matplotlib reads it: ``rgb(...)``/``rgba(...)`` as a tuple of 0..1 floats, others unchanged."""
    if colour.startswith(("rgb(", "rgba(")) and colour.endswith(")"):
        parts = [float(part) for part in colour[colour.index("(") + 1:-1].split(",")]
        return tuple([v / 255 for v in parts[:3]] + parts[3:])
    return colour
