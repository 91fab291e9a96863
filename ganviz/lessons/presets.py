"""Named, seeded starting points for a lesson: each sets a page's controls and says what the class will see.

One ``Preset`` type serves every page; a page asks ``presets_for(page)``. A
preset is a ``TrainConfig`` (with its seed: the same preset gives the same run
on the same machine), what the page does once it is loaded (``then``: play, or
train D alone with G frozen), how many iterations run before the class sees it
(``warmup``, so a lesson does not wait for the boring part), and the metric that
shows the point (``shows``), which ``tests/lessons/test_presets.py`` and
``tests/lessons/test_race.py`` check on real runs.

A preset of two runs side by side (a race, ``ganviz.lessons.race``) names how
its runs differ: the theory page's races vary one field of ``config`` over
``values`` (the runs' names); the mode-collapse page's races pair the plain GAN
of ``config`` with a remedy (``method``, a key of ``ganviz.remedies.methods.METHODS``;
empty for a preset that keeps the page's chosen remedy).

Titles and captions are in the language catalogues, under ``Preset.title_key``
and ``Preset.caption_key`` (the page's own key stem, see ``KEY_STEMS``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..core.config import TrainConfig
from ..remedies.methods import config_for
from .race import Race

# Where each page's preset texts live in the catalogues (ganviz/i18n/*.py): <stem>.<name>.title / .caption.
KEY_STEMS = {"figure1": "preset", "two_d": "preset", "mode_collapse": "mode_collapse.preset",
             "theory": "theory.race_preset"}


@dataclass(frozen=True)
class Preset:
    name: str  # unique over all pages; the catalogue keys are <KEY_STEMS[page]>.<name>.title / .caption
    page: str  # "figure1", "two_d", "mode_collapse" or "theory": the page whose controls it sets
    config: TrainConfig  # the run's config; for a race, the base its runs share
    then: str = "play"  # after loading: "play", or "fit_d" (train D alone, G frozen, until it stops improving)
    warmup: int = 0  # Algorithm-1 iterations trained before the class sees the run
    shows: str = ""  # the metric that demonstrates it, as the tests check it
    field: str = ""  # a race of one field: the TrainConfig field its runs differ in ...
    values: tuple = ()  # ... and the field's value in each run (the runs' names)
    method: str = ""  # a race against the plain GAN: the remedy it loads ("" keeps the page's choice)
    steps: int = 0  # a long measurement behind ``shows``: its Algorithm-1 iterations (``compare --preset``)
    hold: tuple = ()  # (start, end): iterations in which D is held fixed and G alone trains (``Trainer.hold_d``)
    listed: bool = True  # False: the page's default run, runnable from the command line but not one of its buttons

    @property
    def title_key(self) -> str:
        return f"{KEY_STEMS[self.page]}.{self.name}.title"

    @property
    def caption_key(self) -> str:
        return f"{KEY_STEMS[self.page]}.{self.name}.caption"

    def configs(self) -> dict:
        """The runs it starts, name -> TrainConfig: one run, the field's values, or the plain GAN and the remedy."""
        if self.field:
            return {value: replace(self.config, **{self.field: value}) for value in self.values}
        if self.page == "mode_collapse":
            return {name: config_for(name, self.config) for name in dict.fromkeys(["gan", self.method or "gan"])}
        return {self.name: self.config}

    def prepare(self, trainer) -> None:
        """Give a fresh run of this preset its lesson schedule (a hold of D, if it has one); the page and
        ``ganviz train --preset`` call it before the warm-up."""
        if self.hold:
            trainer.hold_d(*self.hold)

    @property
    def cli_steps(self) -> int:
        """The iterations ``ganviz train --preset`` runs by default: the measured ones, else enough to see the point."""
        return self.steps or max(3000, self.hold[1] + 1000 if self.hold else 0)

    def race(self) -> Race:
        """Its runs in lockstep (a race of one field can take new live settings: ``Race.apply``)."""
        if self.field:
            return Race.varying(self.config, self.field, list(self.values))
        return Race(self.configs())


# The paper's setting for Figure 1: a 1D Gaussian, SGD with momentum, the uniform prior; the base of the Figure 1
# page's demos. p_g reaches p_data within ~1,500 iterations but keeps wandering (JSD 0.03-0.19): it does not hold
# panel (d) (results/figure1_panel_d.md).
FIGURE1 = TrainConfig(dist="gaussian", loss="nonsaturating", optimizer="sgd", lr_d=0.05, lr_g=0.05, momentum=0.5,
                      batch=128, prior="uniform", width=32, seed=0, device="auto")
# Figure 1 taken to panel (d) and held there (results/figure1_panel_d.md, sixth attempt): the paper's own minimax
# loss; Adam with D ten times faster than G and k = 3; every minibatch of 1,024 stratified (one draw from each slice
# of p_data and of p_z, so D sees the tails at every step) and D's input standardised; both rates decay to 5 % over
# steps 1,500-3,500, so that p_g settles. On seeds 0-4 the JSD stays at most 0.01 from step 3,000 to 6,000 and D ends
# within 0.05 of 1/2 over p_data's central 95 %. The Figure 1 page's default run; one iteration costs about 7 of
# the paper's setting (FIGURE1).
FIGURE1_HELD = replace(FIGURE1, loss="minimax", optimizer="adam", lr_d=5e-3, lr_g=5e-4, k=3, batch=1024, width=64,
                       decay_start=1500, decay_end=3500, decay_floor=0.05, sampling="stratified",
                       d_input="standardised")
# The 2D page's default: ring8 learned by a small GAN with 2-d noise.
RING8 = TrainConfig(dist="ring8", loss="nonsaturating", optimizer="adam", lr_d=1e-3, lr_g=1e-3, batch=256,
                    prior="uniform", z_dim=2, width=64, depth=2, seed=0, device="auto")
# The mode-collapse page's bases, in which the plain GAN collapses, measured with `python -m ganviz compare` over
# 10 (ring8) and 5 (grid25) seeds of 20,000 iterations (see results/ for the tables, runs and history). ring8: G
# learns 50x faster than D, the mode-hopping setting of Metz et al. (2017) pushed further, so G squeezes its samples
# into one clump D is too slow to pin down; both learning rates decay linearly to 5% over the second half, so that
# G's samples settle instead of jittering. grid25: the same with D a little faster (a slower D hardly resolves 25
# modes). Each preset's seed is a typical seed of its table (plain collapsed, remedy fine).
COLLAPSE_RING8 = TrainConfig(dist="ring8", loss="nonsaturating", k=1, lr_d=2e-5, lr_g=1e-3, batch=128,
                             optimizer="adam", prior="uniform", z_dim=2, width=128, depth=2, seed=2,
                             decay_start=10_000, decay_end=20_000, decay_floor=0.05)
COLLAPSE_GRID25 = replace(COLLAPSE_RING8, dist="grid25", lr_d=5e-5, seed=1)
# The ring8 race for a lecture: the same networks with both learning rates doubled or more (lr_D 1e-4, lr_G 2e-3)
# and the decay pulled in to steps 1,500-4,000, so that the story of the 20,000-step preset is told in 4,000
# iterations (under a minute at the page's pace on an idle 2-core machine): the plain GAN stays in one clump,
# PacGAN reaches all 8 modes and its samples tighten onto them as the rates fall (seed 2; results/ has the numbers).
SHORT_RING8 = replace(COLLAPSE_RING8, lr_d=1e-4, lr_g=2e-3, decay_start=1500, decay_end=4000)
# The theory page's 1D GAN: one Gaussian N(2, 0.5^2), SGD with momentum as in the paper, the uniform prior; G starts
# shifted to the left of the data (g_offset), where D rejects its samples at once.
THEORY_RACE = TrainConfig(dist="gaussian", optimizer="sgd", momentum=0.5, lr_d=0.05, lr_g=0.05, batch=128,
                          prior="uniform", width=32, depth=2)

PRESETS = {p.name: p for p in [
    Preset("figure1_abcd", "figure1", FIGURE1_HELD, steps=6000,
           shows="JSD at most 0.01 at every check from step 3,000 to 6,000, and D within 1/2 +- 0.05 over p_data's "
                 "central 95 % at the end"),
    Preset("figure1_paper", "figure1", FIGURE1,
           shows="JSD falls from its start to below 0.1 within 1,500 iterations"),
    Preset("d_star", "figure1", FIGURE1, then="fit_d", warmup=200,
           shows="with G frozen, D trains until mean |D - D*| under the mixture is below 0.05 (0.08 at worst)"),
    Preset("saturating", "figure1", replace(FIGURE1, loss="minimax", k=3, g_offset=-2.5, seed=1),
           shows="JSD stays at log 2 = 0.693 (G's gradient vanishes) for 600 iterations"),
    Preset("nonsaturating", "figure1", replace(FIGURE1, loss="nonsaturating", k=3, g_offset=-2.5, seed=1),
           shows="the same start with the non-saturating loss: JSD falls below 0.3 within 600 iterations"),
    Preset("diverge", "figure1", replace(FIGURE1, loss="lsgan", lr_d=1.0, lr_g=1.0),
           shows="training diverges (NaN) within 20 iterations; the run is rolled back and explained"),
    # G against a frozen D: from step 1,200 to 1,799 D is held and G alone trains, squeezing its z onto D's peak;
    # then Algorithm 1 goes on and p_g spreads back (seed 0: 5% of z within 0.05 of the median x at step 1,200,
    # about 88% at 1,800, under 10% again by 2,400; see tests/lessons/test_presets.py).
    Preset("d_out_of_sync", "figure1", FIGURE1, warmup=1000, hold=(1200, 1800),
           shows="with D held from step 1,200 to 1,800, the share of z that G maps within 0.05 of one x rises above "
                 "0.6; once D trains again it falls below 0.3 by step 2,400"),
    Preset("figure1", "figure1", FIGURE1_HELD, listed=False, steps=6000,
           shows="the Figure 1 page's default run: the preset figure1_abcd's setting"),
    Preset("ring8_learns", "two_d", RING8,
           shows="G covers at least 6 of ring8's 8 modes by iteration 3,000"),
    Preset("ring8_collapses", "two_d",  # the mode-collapse page's preset, without its late learning-rate decay
           replace(COLLAPSE_RING8, device="auto", decay_start=0, decay_end=0),
           shows="the plain GAN of the mode-collapse preset covers at most 2 of 8 modes at iteration 3,000"),
    Preset("curve", "two_d", replace(RING8, z_dim=1),
           shows="with 1-d noise G draws a curve: its samples leave the modes (HQ below 0.8) at iteration 3,000"),
    Preset("ring8-race", "mode_collapse", SHORT_RING8, method="pacgan", steps=4000,
           shows="at step 4,000 (seed 2): the plain GAN on at most 1 of 8 modes, PacGAN on 8 of 8 with HQ >= 0.3"),
    # The measured 20,000-iteration races (``compare --preset``): the page replays their recordings
    # (``ganviz.files.races``, made by tools/record_races.py) instead of training them live.
    Preset("ring8-collapse", "mode_collapse", COLLAPSE_RING8, steps=20_000, listed=False,
           shows="plain GAN 1.0 of 8 modes on average over seeds 0-9 (seed 2: 0 of 8)"),
    Preset("ring8-remedy", "mode_collapse", COLLAPSE_RING8, method="pacgan", steps=20_000, listed=False,
           shows="PacGAN 8 of 8 modes with HQ >= 0.8 on 10 of 10 seeds"),
    Preset("grid25-collapse", "mode_collapse", COLLAPSE_GRID25, steps=20_000, listed=False,
           shows="plain GAN 10.2 of 25 modes on average over seeds 0-4"),
    Preset("grid25-remedy", "mode_collapse", COLLAPSE_GRID25, method="mbstd", steps=20_000, listed=False,
           shows="minibatch std 22.0 of 25 modes on average over seeds 0-4, more than the plain GAN on every seed"),
    Preset("loss", "theory", replace(THEORY_RACE, k=3, g_offset=-2.5, seed=1),
           field="loss", values=("minimax", "nonsaturating"),
           shows="minimax stays at JSD = log 2 with D(G(z)) < 0.01 after 600 steps; non-saturating is below 0.3"),
    # Measured on the CPU, seeds 0-4 (minimax loss, G 2 to the left): k = 1 falls to JSD 0.11-0.44 by step 1,000,
    # k = 5 stays at log 2 on all five; seed 2 shows it most clearly (see tests/lessons/test_race.py).
    Preset("k", "theory", replace(THEORY_RACE, loss="minimax", g_offset=-2.0, seed=2), field="k", values=(1, 5),
           shows="minimax, same seed: k = 1 falls below JSD 0.21 by step 100 (0.163 at 1,000); "
                 "k = 5 stays at log 2 = 0.693 (D(G(z)) < 0.001) through step 1,000"),
]}


def presets_for(page: str) -> list[Preset]:
    """The presets of ``page``, in the order the page shows them (its buttons: the listed ones)."""
    return [p for p in PRESETS.values() if p.page == page and p.listed]
