"""Plotly figures for the theory page: Proposition 1, Theorem 1, the saturating loss.

Same styles as Figure 1 (``palette``): p_data black dotted, p_g green solid,
D blue dashed, D* red dash-dot; V(D, G) in D's colour and C(G) = V(D*, G) in
D*'s. Each function takes arrays already computed by ``ganviz.measure.theory``
(or a trainer's history) and only draws. Words are in the current language
(``ganviz.i18n``); the notation stays as it is.
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from . import palette
from .figure1 import D_STAR_MIN_DENSITY
from .palette import D_STAR_STYLE, D_STYLE, DATA_STYLE, G_STYLE
from .plot import rounded
from ..i18n import t

LOG4 = math.log(4.0)
LOG2 = math.log(2.0)
FAINT = "rgba(120,120,120,0.6)"


def _layout(fig: go.Figure, height: int, **kw) -> go.Figure:
    fig.update_layout(height=height, margin=dict(l=60, r=10, t=30, b=40), template="plotly_white",
                      legend=dict(orientation="h", yanchor="bottom", y=1.04, x=0, traceorder="normal"), **kw)
    # Margins that grow to hold the tick labels and titles; short outside ticks keep an x axis's first label off
    # the y axis's lowest one at the corner; labels of lines on a white ground, so no curve hides a character.
    fig.update_xaxes(automargin=True, ticks="outside", ticklen=4, tickcolor="#ccc")
    fig.update_yaxes(automargin=True, ticks="outside", ticklen=4, tickcolor="#ccc")
    fig.update_annotations(bgcolor="rgba(255,255,255,0.8)")
    return fig


def _masked(d_star, p_data, p_g) -> list:
    """D* where p_data + p_g is not negligible, None (a gap in the line) elsewhere."""
    has_mass = np.asarray(p_data) + np.asarray(p_g) > D_STAR_MIN_DENSITY
    return [v if m else None for v, m in zip(rounded(d_star), has_mass)]


def proposition1_figure(x, p_data, p_g, d_star, d, d_label: str, height: int = 560) -> go.Figure:
    """Top: the densities, D* and a candidate D. Bottom: V's integrand for D* and for D.

    The shaded band between the two integrands is what D loses against D* at
    each x; it is never negative, which is Proposition 1's proof.
    """
    from ..measure.theory import pointwise_value, pointwise_value_at_optimum

    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.6, 0.4], vertical_spacing=0.1,
                        subplot_titles=("", t("theory.fig_integrand_title")))
    xs = rounded(x)
    fig.add_trace(go.Scatter(x=xs, y=rounded(p_data), name="p_data", line=DATA_STYLE), 1, 1)
    fig.add_trace(go.Scatter(x=xs, y=rounded(p_g), name="p_g", line=G_STYLE), 1, 1)
    fig.add_trace(go.Scatter(x=xs, y=_masked(d_star, p_data, p_g), name="D* = p_data/(p_data+p_g)",
                             line=D_STAR_STYLE), 1, 1)
    fig.add_trace(go.Scatter(x=xs, y=rounded(d), name=d_label, line=D_STYLE), 1, 1)
    f_star, f_d = pointwise_value_at_optimum(p_data, p_g), pointwise_value(p_data, p_g, d)
    floor = float(np.percentile(f_star, 0.5)) * 1.6 - 0.05  # keep the axis on D*'s scale: a bad D can go to -inf
    f_d_shown = np.maximum(f_d, floor)
    fig.add_trace(go.Scatter(x=xs, y=rounded(f_star), name=t("theory.fig_with_d_star"),
                             line=dict(color=D_STAR_STYLE["color"], width=2), showlegend=False), 2, 1)
    fig.add_trace(go.Scatter(x=xs, y=rounded(f_d_shown), name=t("theory.fig_with_d"), fill="tonexty",
                             fillcolor=palette.rgba(palette.D, 0.25),
                             line=dict(color=D_STYLE["color"], width=2, dash="dash"), showlegend=False), 2, 1)
    top = max(1.1, 1.2 * float(max(np.max(p_data), np.max(p_g))))
    fig.update_yaxes(range=[0, top], title_text=t("fig.density_axis"), row=1, col=1)
    fig.update_yaxes(range=[floor, 0.02], title_text=t("theory.fig_integrand"), row=2, col=1)
    fig.update_xaxes(title_text="x", row=2, col=1)
    return _layout(fig, height)


def sweep_figure(params, values, v_star: float, current: float, current_value: float, param_label: str,
                 height: int = 300) -> go.Figure:
    """V(D, G) as the candidate's parameter sweeps, under the ceiling V(D*, G)."""
    fig = go.Figure()
    shown = np.where(np.isfinite(values), values, np.nan)
    fig.add_trace(go.Scatter(x=rounded(params), y=rounded(shown, 5), name=t("theory.v_candidate"),
                             line=dict(color=palette.VALUE, width=3)))
    fig.add_hline(y=v_star, line=dict(color=palette.CRITERION, dash="dashdot", width=2),
                  annotation_text=f"V(D*, G) = {v_star:.4f}", annotation_position="top left")
    fig.add_trace(go.Scatter(x=[current], y=[current_value], mode="markers", name=t("theory.fig_now"),
                             marker=dict(size=13, color=palette.VALUE, line=dict(color="white", width=2))))
    # Show down to a little below the candidate (or 1 nat below D*), not the whole -inf tail of the sweep.
    low = v_star - 1.0 if not np.isfinite(current_value) else min(v_star - 0.3, current_value - 0.3 * abs(v_star - current_value) - 0.05)
    fig.update_yaxes(range=[low, v_star + 0.08 * (v_star - low)], title_text="V(D, G)")
    fig.update_xaxes(title_text=param_label)
    return _layout(fig, height)


def gap_figure(history: list[dict], height: int = 280) -> go.Figure:
    """mean |D − D*| over D's training steps (the network learning Proposition 1)."""
    steps = [r["steps"] for r in history]
    fig = go.Figure(go.Scatter(x=steps, y=[r["gap"] for r in history], mode="lines+markers",
                               line=dict(color=D_STYLE["color"], width=3), name=t("theory.gap")))
    fig.update_yaxes(title_text=t("theory.gap"), rangemode="tozero")
    fig.update_xaxes(title_text=t("theory.d_steps"))
    return _layout(fig, height, showlegend=False)


def criterion_curve_figure(g_means, c_values, current_mean: float, current_c: float, data_mean: float,
                           height: int = 340) -> go.Figure:
    """C(G) as p_g's mean slides across p_data's, with Theorem 1's floor −log 4."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=rounded(g_means), y=rounded(c_values, 6), name="C(G) = V(D*, G)",
                             line=dict(color=palette.CRITERION, width=3)))
    fig.add_hline(y=-LOG4, line=dict(color=palette.GUIDE, dash="dot"), annotation_text="−log 4 ≈ −1.386 (p_g = p_data)",
                  annotation_position="bottom right")
    fig.add_hline(y=0.0, line=dict(color=FAINT, dash="dot"), annotation_text=t("theory.fig_disjoint"),
                  annotation_position="top right")
    fig.add_vline(x=data_mean, line=dict(color=FAINT, dash="dash"), annotation_text=t("theory.fig_data_mean"),
                  annotation_position="left", annotation_xshift=-3)  # mid-height: clear of the two levels
    fig.add_trace(go.Scatter(x=[current_mean], y=[current_c], mode="markers", name=t("theory.fig_pg_now"),
                             marker=dict(size=13, color=G_STYLE["color"], line=dict(color="white", width=2))))
    fig.update_yaxes(title_text="C(G)", range=[-LOG4 - 0.08, 0.08])
    fig.update_xaxes(title_text=t("theory.fig_g_mean"))
    return _layout(fig, height)


def densities_figure(x, p_data, p_g, d_star, height: int = 300) -> go.Figure:
    """p_data, p_g and D* alone (Theorem 1's picture: D* = 1/2 where p_g = p_data)."""
    xs = rounded(x)
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=xs, y=rounded(p_data), name="p_data", line=DATA_STYLE))
    fig.add_trace(go.Scatter(x=xs, y=rounded(p_g), name="p_g", line=G_STYLE))
    fig.add_trace(go.Scatter(x=xs, y=_masked(d_star, p_data, p_g), name="D*", line=D_STAR_STYLE))
    fig.add_hline(y=0.5, line=dict(color=FAINT, dash="dot"))
    fig.update_yaxes(range=[0, max(1.1, 1.2 * float(max(np.max(p_data), np.max(p_g))))])
    return _layout(fig, height)


def objectives_figure(points: list[dict] | None = None, height: int = 380) -> go.Figure:
    """G's two objectives against D(G(z)), and the sizes of their gradients w.r.t. D's logit.

    ``points`` are the runs of a race, each a dict with ``label``, ``loss`` (the
    run's loss), ``d_fake`` (its current mean D(G(z))) and ``colour``, drawn as
    a marker on that loss's gradient curve.
    """
    from ..measure.theory import generator_objectives

    d = np.linspace(0.001, 0.999, 500)
    f = generator_objectives(d)
    fig = make_subplots(rows=1, cols=2, horizontal_spacing=0.1)
    sat, ns = palette.RACE_RUNS["minimax"], palette.RACE_RUNS["nonsaturating"]
    fig.add_trace(go.Scatter(x=rounded(d), y=rounded(f["saturating"]), name=t("theory.fig_obj_minimax"),
                             line=dict(color=sat, width=3), legendgroup="sat"), 1, 1)
    fig.add_trace(go.Scatter(x=rounded(d), y=rounded(f["nonsaturating"]),
                             name=t("theory.fig_obj_nonsaturating"), line=dict(color=ns, width=3), legendgroup="ns"),
                  1, 1)
    fig.add_trace(go.Scatter(x=rounded(d), y=rounded(f["grad_saturating"]), name="|∂/∂s log(1 − σ(s))| = D",
                             line=dict(color=sat, width=3, dash="dash"), legendgroup="sat", showlegend=False), 1, 2)
    fig.add_trace(go.Scatter(x=rounded(d), y=rounded(f["grad_nonsaturating"]), name="|∂/∂s (−log σ(s))| = 1 − D",
                             line=dict(color=ns, width=3, dash="dash"), legendgroup="ns", showlegend=False), 1, 2)
    for col in (1, 2):
        fig.add_vrect(x0=0, x1=0.1, fillcolor=palette.rgba(sat, 0.10), line_width=0, row=1, col=col)
    fig.add_annotation(x=0.11, y=-3.6, xref="x", yref="y", text=t("theory.fig_early"),
                       showarrow=False, font=dict(size=12), xanchor="left", align="left")
    for i, point in enumerate(points or []):
        dg = point["d_fake"]
        if dg is None or not np.isfinite(dg):
            continue
        grad = dg if point["loss"] == "minimax" else 1.0 - dg
        if i == 0:
            where = "top right" if dg < 0.35 else "top left"
        else:
            where = "bottom right" if dg < 0.65 else "bottom left"
        fig.add_trace(go.Scatter(x=[dg], y=[grad], mode="markers+text",
                                 text=[t("theory.fig_run_now", run=point["label"])], textposition=where, showlegend=False,
                                 marker=dict(size=13, color=point.get("colour", "gray"),
                                             line=dict(color="black", width=1.5))), 1, 2)
    fig.update_xaxes(title_text="D(G(z))", range=[0, 1])
    fig.update_yaxes(range=[-5, 5], title_text=t("theory.fig_objective_axis"), row=1, col=1)
    fig.update_yaxes(range=[0, 1.05], title_text=t("theory.fig_gradient_axis"), row=1, col=2)
    return _layout(fig, height)


def race_jsd_figure(runs: list[tuple[str, str, list[dict]]], height: int = 320) -> go.Figure:
    """JSD(p_data ‖ p_g) over steps for each run of a race, on one chart: ``runs`` are (label, colour, history)."""
    fig = go.Figure()
    for label, colour, rows in runs:
        fig.add_trace(go.Scatter(x=[r["step"] for r in rows], y=[round(r["jsd"], 5) for r in rows], name=label,
                                 line=dict(color=colour, width=3)))
    fig.add_hline(y=LOG2, line=dict(color=FAINT, dash="dot"), annotation_text=t("theory.fig_nothing_learned"),
                  annotation_position="bottom right")
    fig.update_yaxes(title_text=t("theory.fig_jsd_axis"), range=[0, LOG2 * 1.08])
    fig.update_xaxes(title_text=t("fig.step"))
    return _layout(fig, height)


# ----- Proposition 2 ---------------------------------------------------------------------------
def proposition2_figure(x, p_data, p_g_function, p_g_parametric, height: int = 380) -> go.Figure:
    """p_data and the two p_g of Proposition 2's runs: descended in p_g's own space, and through an MLP's weights."""
    fig = go.Figure()
    xs = rounded(x)
    fig.add_trace(go.Scatter(x=xs, y=rounded(p_data), name="p_data", line=DATA_STYLE))
    fig.add_trace(go.Scatter(x=xs, y=rounded(p_g_function), name=t("theory.p2_function_pg"), line=G_STYLE))
    fig.add_trace(go.Scatter(x=xs, y=rounded(p_g_parametric), name=t("theory.p2_parametric_pg"),
                             line=dict(G_STYLE, dash=palette.PARAMETRIC_DASH, width=2.5)))
    # p_data's scale: a collapsed p_g (a fresh MLP's is a narrow spike) runs off the top rather than flattening p_data
    top = 2.0 * float(np.max(p_data))
    fig.update_yaxes(range=[0, top], title_text=t("theory.density"))
    fig.update_xaxes(title_text="x")
    return _layout(fig, height)


def proposition2_criterion_figure(steps, c_function, c_parametric, height: int = 380) -> go.Figure:
    """C(G) over the steps of both runs, falling towards its minimum -log 4 (Theorem 1)."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=list(steps), y=rounded(c_function, 5), name=t("theory.p2_function_c"),
                             line=dict(color=palette.CRITERION, width=3)))
    fig.add_trace(go.Scatter(x=list(steps), y=rounded(c_parametric, 5), name=t("theory.p2_parametric_c"),
                             line=dict(color=palette.CRITERION, width=2.5, dash=palette.PARAMETRIC_DASH)))
    fig.add_hline(y=-math.log(4), line=dict(color=palette.GUIDE, dash="dot", width=1.5),
                  annotation_text="−log 4", annotation_position="bottom right")
    fig.update_yaxes(title_text="C(G)")
    fig.update_xaxes(title_text=t("fig.step"))
    return _layout(fig, height)


# ----- Which divergence: one Gaussian fitted to p_data ---------------------------------------------
FIT_COLOURS = {"forward_kl": palette.FORWARD_KL, "reverse_kl": palette.REVERSE_KL, "jsd": palette.JSD}


def gaussian_fits_figure(x, p_data, fits: dict, height: int = 400) -> go.Figure:
    """p_data and the single Gaussian that each divergence prefers (``ganviz.measure.gaussian_fits``)."""
    fig = go.Figure()
    xs = rounded(x)
    fig.add_trace(go.Scatter(x=xs, y=rounded(p_data), name="p_data", line=DATA_STYLE))
    for name in ("forward_kl", "jsd", "reverse_kl"):  # reverse KL dashed and last: where it and the JSD agree, both show
        fig.add_trace(go.Scatter(x=xs, y=rounded(fits[name].pdf(x)), name=t(f"theory.fit_{name}"),
                                 line=dict(color=FIT_COLOURS[name], width=3, dash="dash" if name == "reverse_kl" else None)))
    top = 1.2 * float(max(np.max(p_data), *(np.max(fit.pdf(x)) for fit in fits.values())))
    fig.update_yaxes(range=[0, top], title_text=t("theory.density"))
    fig.update_xaxes(title_text="x")
    return _layout(fig, height)


# ----- VAE vs GAN: an explicit and an implicit model of the same target ----------------------------
VAE_STYLE = dict(color=palette.VAE, width=3, dash="dash")


def vae_density_figure(x, p_data, p_g, p_vae, height: int = 400) -> go.Figure:
    """p_data, the GAN's p_g and the VAE's p_θ(x) on one 1D grid (``ganviz.lessons.vae.compare_1d``)."""
    fig = go.Figure()
    xs = rounded(x)
    fig.add_trace(go.Scatter(x=xs, y=rounded(p_data), name="p_data", line=DATA_STYLE))
    fig.add_trace(go.Scatter(x=xs, y=rounded(p_g), name=t("theory.vae_gan_pg"), line=G_STYLE))
    fig.add_trace(go.Scatter(x=xs, y=rounded(p_vae), name=t("theory.vae_p_theta"), line=VAE_STYLE))
    fig.update_yaxes(range=[0, 1.6 * float(np.max(p_data))], title_text=t("theory.density"))
    fig.update_xaxes(title_text="x")
    return _layout(fig, height)


def vae_samples_figure(gan_samples, vae_samples, centres, bounds, height: int = 420) -> go.Figure:
    """The GAN's samples and the VAE's, side by side on the same axes, the target's mode centres marked."""
    fig = make_subplots(rows=1, cols=2, subplot_titles=(t("theory.vae_gan_samples"), t("theory.vae_vae_samples")),
                        horizontal_spacing=0.06)
    centres = np.asarray(centres)
    for col, (samples, colour) in enumerate(((gan_samples, palette.FAKE), (vae_samples, palette.VAE)), start=1):
        samples = np.asarray(samples)
        fig.add_trace(go.Scattergl(x=rounded(samples[:, 0]), y=rounded(samples[:, 1]), mode="markers",
                                   marker=dict(size=3, color=palette.rgba(colour, 0.5)), showlegend=False), 1, col)
        fig.add_trace(go.Scatter(x=rounded(centres[:, 0]), y=rounded(centres[:, 1]), mode="markers",
                                 marker=dict(size=9, color="rgba(0,0,0,0)", line=dict(color=palette.REAL, width=1.5)),
                                 name=t("theory.vae_modes"), showlegend=col == 1), 1, col)
        fig.update_xaxes(range=list(bounds[0]), row=1, col=col)
        fig.update_yaxes(range=list(bounds[1]), row=1, col=col, scaleanchor=f"x{'' if col == 1 else col}")
    _layout(fig, height)
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.08, x=0))  # under the plots, clear of their titles
    return fig


def elbo_figure(steps, elbo, log_likelihood=None, height: int = 300) -> go.Figure:
    """The VAE's ELBO over its training steps; where it is known, the exact log-likelihood it bounds from below."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=list(steps), y=rounded(elbo, 4), name="ELBO", line=dict(color=palette.VAE, width=3)))
    if log_likelihood is not None:
        fig.add_hline(y=log_likelihood, line=dict(color=palette.GUIDE, dash="dot", width=1.5),
                      annotation_text=t("theory.vae_log_likelihood_line"), annotation_position="bottom right")
    fig.update_yaxes(title_text=t("theory.vae_elbo_axis"))
    fig.update_xaxes(title_text=t("fig.step"))
    return _layout(fig, height)
