"""The model diagram: Algorithm 1 of Goodfellow et al. (2014) drawn as a graph, lit beat by beat.

Nodes: noise z ~ p_z → G → fake x = G(z), and real x ~ p_data; both go into D,
whose verdict D(x) feeds D's loss and G's loss. Straight arrows carry samples
forward; two curved arrows carry gradients back: from D's loss into D (a D
step), and from G's loss through D, held fixed, into G (the G step).

``beat_highlight(trainer)`` reads which phase the diagram should light off the
trainer itself ("d" after a slow-motion D step, "g" after the G step, "idle"
otherwise); ``diagram_figure(highlight, dim)`` draws it as a plain-dict Plotly
figure (shapes and annotations only): what the beat uses is bold and coloured,
everything else grey; "idle" draws all of it in its colours. On the 1D page the
nodes wear Figure 1's line styles (p_data black dotted, p_g green, D blue
dashed); on the 2D page the colours of its point clouds (``palette``); the losses in
their player's colour, as the loss charts draw them.
"""

from __future__ import annotations

from . import palette
from .palette import D_STYLE, DATA_STYLE, G_STYLE
from ..i18n import t

HIGHLIGHTS = ("idle", "d", "g")

# id: (centre x, centre y, width, height), on a canvas 100 wide and 46 high
NODES = {
    "z": (7, 30, 13, 10),
    "G": (23, 30, 9, 10),
    "fake": (41, 30, 16, 10),
    "real": (41, 10, 16, 10),
    "D": (58, 20, 9, 10),
    "Dx": (72, 20, 9, 10),
    "g_loss": (91, 30, 15, 10),
    "d_loss": (91, 10, 15, 10),
}
FORWARD = {  # samples flowing forward: id: (from node, to node)
    "z_G": ("z", "G"),
    "G_fake": ("G", "fake"),
    "fake_D": ("fake", "D"),
    "real_D": ("real", "D"),
    "D_Dx": ("D", "Dx"),
    "Dx_g_loss": ("Dx", "g_loss"),
    "Dx_d_loss": ("Dx", "d_loss"),
}
# Gradients flowing back, as SVG paths (each ends in an arrowhead: tail, head) and where their label sits.
GRADIENTS = {
    "grad_d": dict(paths=["M 83.5,7 C 72,0 58,1 58,11.5"], heads=[((58, 11.5), (58, 15))], label=(71, 3.2)),
    "grad_g": dict(paths=["M 83.5,33 C 72,41 60,38 60,28.5", "M 56,25 C 56,45 23,46 23,38.5"],
                   heads=[((60, 28.5), (60, 25)), ((23, 38.5), (23, 35))], label=(45, 41.8)),
}

# What each beat uses. A D step: G makes a fake batch (held fixed), D sees it and a real batch, D's loss's
# gradient updates D. The G step: fresh fakes go through D (held fixed) into G's loss, whose gradient flows
# back through D into G; real data and D's loss take no part (every loss in ganviz.core.losses scores G on fakes only).
LIT = {
    "d": {"z", "G", "fake", "real", "D", "Dx", "d_loss",
          "z_G", "G_fake", "fake_D", "real_D", "D_Dx", "Dx_d_loss", "grad_d"},
    "g": {"z", "G", "fake", "D", "Dx", "g_loss",
          "z_G", "G_fake", "fake_D", "D_Dx", "Dx_g_loss", "grad_g"},
}
UPDATED = {"d": "D", "g": "G"}  # the player whose weights the beat changes
FIXED = {"d": "G", "g": "D"}  # the player the beat uses but holds fixed

GREY, GREY_TEXT, GREY_FILL = "#cccccc", "#aaaaaa", "#fafafa"
INK = "#222222"
FONT = 15


def beat_highlight(trainer) -> str:
    """The phase the diagram lights, read off the trainer's own state: "d", "g" or "idle".

    "d" after a slow-motion D step (``last_beat == "d"``, with ``phase`` D steps
    done in the iteration), "g" after the G step that ended an iteration
    (``phase`` back to 0), "idle" when no beat has run since whole iterations
    (``train`` clears ``last_beat``) or the two disagree.
    """
    if trainer.last_beat == "d" and trainer.phase > 0:
        return "d"
    if trainer.last_beat == "g" and trainer.phase == 0:
        return "g"
    return "idle"


def lit_elements(highlight: str) -> set[str]:
    """The ids of the nodes and arrows that ``highlight`` lights (none for "idle")."""
    if highlight not in HIGHLIGHTS:
        raise ValueError(f"unknown highlight {highlight!r}; choose one of {', '.join(HIGHLIGHTS)}")
    return LIT.get(highlight, set())


def diagram_caption(highlight: str) -> str:
    """One line saying what the beat ``highlight`` does, in the current language."""
    lit_elements(highlight)  # refuses an unknown highlight
    return t(f"diagram.caption_{highlight}")


def node_styles(dim: int) -> dict[str, dict]:
    """Each node's line (colour, dash) on the page of dimension ``dim``: Figure 1's styles in 1D."""
    if dim == 1:
        real, fake, d = DATA_STYLE, G_STYLE, D_STYLE
    else:
        real, fake, d = dict(color=palette.REAL), dict(color=palette.FAKE), dict(color=palette.D)
    g, d_colour = dict(color=fake["color"]), dict(color=palette.D_LOSS)
    return {"z": dict(color=INK), "G": g, "fake": fake, "real": real, "D": d, "Dx": d,
            "g_loss": g, "d_loss": d_colour, "grad_g": g, "grad_d": d_colour}


def diagram_figure(highlight: str, dim: int = 1) -> dict:
    """The model diagram with ``highlight``'s nodes and arrows bold and coloured, the rest grey.

    A plain-dict Plotly figure of shapes and annotations, each named by its id
    (``NODES``, ``FORWARD``, ``GRADIENTS``); labels in the current language.
    """
    lit = lit_elements(highlight)
    styles = node_styles(dim)

    def state(element: str) -> str:
        return "normal" if highlight == "idle" else ("lit" if element in lit else "dim")

    shapes, notes = [], []
    for node in NODES:
        shape, note = _node(node, styles[node], state(node), _node_label(node, highlight))
        shapes.append(shape)
        notes.append(note)
    for edge, (a, b) in FORWARD.items():
        notes.append(_forward(edge, a, b, state(edge)))
    for grad, spec in GRADIENTS.items():
        grad_shapes, grad_notes = _gradient(grad, spec, styles[grad]["color"], state(grad))
        shapes += grad_shapes
        notes += grad_notes
    hidden = dict(visible=False, fixedrange=True)
    layout = dict(height=250, margin=dict(l=4, r=4, t=4, b=4), showlegend=False, hovermode=False,
                  plot_bgcolor="white", paper_bgcolor="white", xaxis=dict(range=[0, 100], **hidden),
                  yaxis=dict(range=[0, 46], **hidden), shapes=shapes, annotations=notes)
    return dict(data=[], layout=layout, config=dict(staticPlot=True))


def _node_label(node: str, highlight: str) -> str:
    """The node's text: its name, and for G and D what the beat does to them (updated or held fixed)."""
    label = t(f"diagram.{node}").replace("\n", "<br>")
    if UPDATED.get(highlight) == node:
        label += f"<br><span style='font-size:0.8em'>{t('diagram.updated')}</span>"
    elif FIXED.get(highlight) == node:
        label += f"<br><span style='font-size:0.8em'>{t('diagram.fixed')}</span>"
    return label


def _node(node: str, style: dict, state: str, label: str) -> tuple[dict, dict]:
    """A node's box and its label."""
    cx, cy, w, h = NODES[node]
    colour = style["color"]
    line = dict(color=colour if state != "dim" else GREY, width={"lit": 4, "normal": 2, "dim": 1.5}[state],
                dash=style.get("dash", "solid"))
    fill = _tint(colour) if state == "lit" else (GREY_FILL if state == "dim" else "white")
    shape = dict(type="rect", name=node, xref="x", yref="y", x0=cx - w / 2, x1=cx + w / 2, y0=cy - h / 2,
                 y1=cy + h / 2, line=line, fillcolor=fill, layer="below")
    text = f"<b>{label}</b>" if state == "lit" else label
    note = dict(name=node, x=cx, y=cy, xref="x", yref="y", text=text, showarrow=False,
                font=dict(size=FONT, color=GREY_TEXT if state == "dim" else INK))
    return shape, note


def _forward(edge: str, a: str, b: str, state: str) -> dict:
    """A straight arrow from node ``a``'s border to node ``b``'s (an annotation with an arrowhead)."""
    start, end = _border(a, NODES[b][:2]), _border(b, NODES[a][:2])
    colour = {"lit": INK, "normal": "#666666", "dim": GREY}[state]
    return dict(name=edge, x=end[0], y=end[1], ax=start[0], ay=start[1], xref="x", yref="y", axref="x", ayref="y",
                text="", showarrow=True, arrowhead=2, arrowsize=1.2 if state != "lit" else 1,
                arrowwidth={"lit": 3, "normal": 2, "dim": 1.5}[state], arrowcolor=colour, standoff=1)


def _gradient(grad: str, spec: dict, colour: str, state: str) -> tuple[list[dict], list[dict]]:
    """A gradient's curved path(s), the arrowhead at each end, and its label on the curve."""
    colour = colour if state != "dim" else GREY
    width = {"lit": 4, "normal": 2, "dim": 1.5}[state]
    shapes = [dict(type="path", name=grad, path=path, xref="x", yref="y", line=dict(color=colour, width=width))
              for path in spec["paths"]]
    notes = [dict(name=grad, x=head[0], y=head[1], ax=tail[0], ay=tail[1], xref="x", yref="y", axref="x",
                  ayref="y", text="", showarrow=True, arrowhead=2, arrowsize=1, arrowwidth=width, arrowcolor=colour)
             for tail, head in spec["heads"]]
    text = t(f"diagram.{grad}")
    notes.append(dict(name=grad, x=spec["label"][0], y=spec["label"][1], xref="x", yref="y", showarrow=False,
                      text=f"<b>{text}</b>" if state == "lit" else text, bgcolor="white",
                      font=dict(size=FONT - 1, color=GREY_TEXT if state == "dim" else colour)))
    return shapes, notes


def _border(node: str, toward: tuple[float, float]) -> tuple[float, float]:
    """Where the line from ``node``'s centre toward the point ``toward`` leaves its box."""
    cx, cy, w, h = NODES[node]
    dx, dy = toward[0] - cx, toward[1] - cy
    scale = min(w / 2 / abs(dx) if dx else float("inf"), h / 2 / abs(dy) if dy else float("inf"))
    return cx + dx * scale, cy + dy * scale


def _tint(colour: str) -> str:
    """A pale fill of ``colour`` (a #rrggbb or a named black) for a lit node; black ones stay nearly white."""
    alpha = 0.04 if max(map(int, palette.rgb_triplet(colour).split(","))) < 0x40 else 0.12
    return palette.rgba(colour, alpha)
