"""Mode collapse: a plain GAN and a remedy, side by side, on the same target with the same seed; live, or the
measured 20,000-iteration race replayed from its recording."""

from dataclasses import replace

import streamlit as st

import ganviz.ui
from ganviz.files.races import shipped_recording
from ganviz.views.figure2d import figure2d
from ganviz.views.modes import mode_timeline_figure, modes_over_time_figure
from ganviz.i18n import t
from ganviz.lessons.published import measured_line, measured_table, method_label, published_table
from ganviz.lessons.presets import PRESETS, presets_for
from ganviz.lessons.race import Race, race_now, spread_ratio
from ganviz.remedies.methods import METHODS, config_for
from ganviz.frames.snapshot2d import take_snapshot_2d
from ganviz.frames.session import advance_race
from ganviz.ui.follow import share
from ganviz.ui.live import STREAM_INTERVAL, RaceRun
from ganviz.views.live_frame import LiveFrame, Panel
from ganviz.ui.stability import map_rates, stability_section

ganviz.ui.ensure_navigation()
KEY = "mc"
TARGETS = ["ring8", "grid25"]
REMEDIES = [name for name in METHODS if name != "gan"]
LIVE_PRESETS = presets_for("mode_collapse")  # the short races, trained live
BASES = {"ring8": PRESETS["ring8-race"], "grid25": PRESETS["grid25-collapse"]}  # the sidebar's start per target
REPLAYS = {"ring8": PRESETS["ring8-remedy"], "grid25": PRESETS["grid25-remedy"]}  # the measured 20,000-step races
presenting = ganviz.ui.presenting()
# Both panels, their numbers and the buttons fit a 1280x720 screen (tests/e2e/test_mode_collapse.py); on the
# projector the figure is drawn 1.25 times taller (``for_projector``) under the "leave presentation mode" button.
FIGURE_HEIGHT = {True: 300, False: 390}  # on the projector, at the desk
runs = RaceRun(f"{KEY}.race", take_snapshot_2d)  # the plain GAN and the remedy, in lockstep
OFF_PLOT = 0.05  # a panel says how much of G's mass is off its plot from this share on
REPLAY_SECONDS = 0.3  # a recorded frame's time on screen while a replay plays
MENU = f"{KEY}.menu"  # the presets and replays popover
REPLAY = f"{KEY}.replay"  # {"preset": name, "frame": i} while a recording is replayed, else None
st.session_state.setdefault(REPLAY, None)

# Nothing of the race dims while it plays (Streamlit fades an element until this run redraws it); a smaller title
# and top margin and compact numbers, so that the two panels and the buttons fit a 1280x720 screen.
NUMBERS = "2rem" if presenting else "1.5rem"
st.html("<style>.st-key-mc-race [data-stale='true'] { opacity: 1 !important; transition: none !important; }"
        ".st-key-mc-race [data-testid='stMetricValue'], .st-key-mc-race [data-testid='stMetricValue'] p "
        f"{{ font-size: {NUMBERS} !important; }} .st-key-mc-head h1 {{ font-size: 1.9rem !important; "
        "padding: 0 !important; }" + ("" if presenting else ".stMainBlockContainer { padding-top: 4.5rem !important; }")
        + "</style>")


def decay_note(config) -> str:
    if not config.decay_end:
        return ""
    return t("mode_collapse.decay", floor=f"{config.decay_floor:g}", start=f"{config.decay_start:,}",
             end=f"{config.decay_end:,}")


def load_preset(preset) -> None:
    """Set the sidebar to a live preset (its target, seed and remedy), back to step 0, and play."""
    runs.halt()
    st.session_state[MENU] = False  # close the menu: the race it started is under it
    dist = preset.config.dist
    st.session_state[f"{KEY}.dist"] = dist
    st.session_state[f"{KEY}.seed"] = preset.config.seed
    if preset.method:
        st.session_state[f"{KEY}.remedy.{dist}"] = preset.method
    st.session_state[REPLAY] = None
    runs.restart()


def load_replay(preset) -> None:
    """Replay the recording of a measured 20,000-step race from its first frame, playing."""
    runs.halt()
    st.session_state[MENU] = False
    st.session_state[REPLAY] = {"preset": preset.name, "frame": 0}
    runs.play(True)


def reset() -> None:
    runs.halt()
    st.session_state[REPLAY] = None
    runs.reset()


def replay_next(replay: dict) -> bool:
    """The replay ``replay`` one recorded frame on; False at the last (the loop then pauses)."""
    last = len(shipped_recording(replay["preset"])) - 1
    replay["frame"] = min(replay["frame"] + 1, last)
    return replay["frame"] < last


def step() -> None:
    runs.pause()  # (stops the race's worker first)
    if st.session_state[REPLAY]:
        replay_next(st.session_state[REPLAY])
    else:
        runs.step()


with st.sidebar:
    st.header(t("mode_collapse.experiment"))
    dist = st.selectbox(t("mode_collapse.target"), TARGETS, format_func=lambda name: t(f"target.{name}"),
                        key=f"{KEY}.dist", help=t("mode_collapse.target_help"))
    base_preset = BASES[dist]
    preset, best_method = base_preset.config, REPLAYS[dist].method
    st.session_state.setdefault(f"{KEY}.remedy.{dist}", best_method)  # widgets' first values (presets set them too)
    st.session_state.setdefault(f"{KEY}.seed", preset.seed)
    remedy = st.selectbox(t("mode_collapse.remedy"), REMEDIES, key=f"{KEY}.remedy.{dist}", format_func=method_label,
                          help=t("mode_collapse.remedy_help"))
    st.caption(t(f"mode_collapse.method.{remedy}.description") + f" ({METHODS[remedy].citation})")
    seed = int(st.number_input(t("controls.seed"), 0, 10_000, key=f"{KEY}.seed", help=t("mode_collapse.seed_help")))
    speed = st.slider(t("controls.speed"), 1, 200, 100, key=f"{KEY}.speed", help=t("mode_collapse.speed_help"))
    st.divider()
    st.caption(t("mode_collapse.preset_settings", dist=dist, loss=preset.loss, k=preset.k, optimizer=preset.optimizer,
                 lr_d=f"{preset.lr_d:g}", lr_g=f"{preset.lr_g:g}", batch=preset.batch, z_dim=preset.z_dim,
                 depth=preset.depth, width=preset.width, decay=decay_note(preset), steps=f"{base_preset.steps:,}"))

base = replace(preset, seed=seed, **map_rates(KEY, dist, runs))  # a cell of the stability map sets the rates
# The runs are named by method, not by label, so that switching the language does not restart them.
configs = {"gan": config_for("gan", base), remedy: config_for(remedy, base)}
race = runs.sync(lambda: Race(configs), lambda race: race.configs == configs)
replay = st.session_state[REPLAY]
recording = shipped_recording(replay["preset"]) if replay else None
n_modes = 8 if (recording.config.dist if recording else dist) == "ring8" else 25

# The title with the presets and the replays in a popover beside it (on the projector too), then the loop's buttons.
head, menu = st.container(key="mc-head").columns([3, 1.1], vertical_alignment="center")
head.title(t("mode_collapse.title"))
buttons = runs.buttons(KEY, reset, play_help=t("mode_collapse.play_help"), reset_help=t("mode_collapse.reset_help"),
                       step=step, step_help=t("mode_collapse.step_help"))
# The popover tracks its open state (on_change="rerun"), so that loading a preset or a replay can close it.
presets_menu = menu.popover(t("mode_collapse.presets"), icon=":material/science:", width="stretch", key=MENU,
                            on_change="rerun")
with presets_menu:
    st.markdown(t("mode_collapse.presets_intro"))
    for p in LIVE_PRESETS:
        st.button(t(p.title_key), key=f"{KEY}.preset.{p.name}", on_click=load_preset, args=(p,), width="stretch",
                  icon=":material/play_arrow:", help=t("mode_collapse.preset_help"))
        st.caption(t(p.caption_key))
    st.markdown(t("mode_collapse.replays_intro"))
    for name, p in REPLAYS.items():
        available = shipped_recording(p.name) is not None
        st.button(t(p.title_key), key=f"{KEY}.replay.{name}", on_click=load_replay, args=(p,), width="stretch",
                  icon=":material/replay:", disabled=not available, help=t("mode_collapse.replay_help"))
        st.caption(f"{t(p.caption_key)} {measured_line(name, p.method)}")
# Share the race with the class (?follow=CODE): the button in the menu, the code beside the loop's buttons.
share(runs, "mode_collapse", presets_menu, banner=buttons[-1])


# What the race's worker uses while it plays (it must not read st.session_state): the race, the replay's dict
# (its "frame" moves on in place) and the measured seconds per lockstep iteration, kept across frames.
iteration_s = st.session_state.setdefault(f"{KEY}.iteration_s", {})


def advance(budget_s: float | None) -> bool:
    """One frame on: the replay's next recorded frame, or ``speed`` iterations of every run (within ``budget_s``
    when streamed); False once nothing more moves (the recording's end, or every run stopped)."""
    if replay:
        return replay_next(replay)
    return advance_race(race, speed, budget_s, iteration_s)


def frames() -> tuple[dict, dict]:
    """This moment's snapshot and metrics history of each run: live, or the replay's frame."""
    if replay:
        i = replay["frame"]
        return ({name: recording.snapshot(name, i) for name in recording.runs},
                {name: recording.history(name, i) for name in recording.runs})
    snaps = {name: take_snapshot_2d(trainer, n_show=1000, grid_lines=9) for name, trainer in race.trainers.items()}
    for name, snap in snaps.items():
        race.trainers[name].record(snap.metrics)  # the history the charts show
    return snaps, {name: trainer.history for name, trainer in race.trainers.items()}


def moment():
    """This moment of the race, snapshotted once: ``draw(projector)`` says what it shows, in the current language,
    for the projector's layout or the desk's (the teacher's, and a following student's: ``ganviz.ui.follow``)."""
    snaps, histories = frames()
    failures = {} if replay else dict(race.failures)
    badge = bool(replay)

    def draw(projector: bool) -> LiveFrame:
        """Each run's numbers and figure side by side, a line on what each shows, and (off the projector) modes
        covered over time and where G's samples land, step by step."""
        labels = {name: method_label(name) for name in snaps}
        panels = []
        for name, snap in snaps.items():
            m = snap.metrics
            numbers = [(t("metric.step"), f"{m['step']:,}", t("metric.step_help")),
                       (t("mode_collapse.modes_covered"), f"{m['modes']} / {n_modes}",
                        t("mode_collapse.modes_covered_help")),
                       (t("mode_collapse.hq"), f"{100 * m['hq']:.1f}%", t("mode_collapse.hq_help"))]
            if m.get("outside", 0.0) >= OFF_PLOT:  # where G's samples went when the panel shows none
                numbers.append((t("two_d.outside"), f"{100 * m['outside']:.0f}%", t("two_d.outside_help")))
            panels.append(Panel(
                labels[name], numbers,
                figure2d(snap, show_manifold=True, height=FIGURE_HEIGHT[projector], short_legend=True),
                badge=t("mode_collapse.replaying") if badge else "",
                error=ganviz.ui.divergence_text(failures[name]) if name in failures else ""))
        now = race_now({name: snap.metrics for name, snap in snaps.items()}, n_modes,
                       {name: spread_ratio(snap.fake, snap.real) for name, snap in snaps.items()})
        step_now = next(iter(snaps.values())).metrics["step"]
        headline = (t("mode_collapse.now", step=f"{step_now:,}").replace("**", "") + " "
                    + " ".join(t(key, run=labels[name], **values) for name, key, values in now))
        if projector:  # the projector shows the two runs and their numbers; the charts below are for the desk
            return LiveFrame([], None, panels=panels, headline=headline)
        named = {labels[name]: rows for name, rows in histories.items()}
        return LiveFrame(
            [], None, panels=panels, headline=headline,
            history=lambda: modes_over_time_figure(named, n_modes),
            below=lambda: [mode_timeline_figure(rows, n_modes, title=name, height=260 if n_modes == 8 else 420)
                           for name, rows in named.items()],
            below_title=t("mode_collapse.timeline").replace("**", ""))

    return draw


def step_now() -> int:
    return recording.step(replay["frame"]) if replay else race.step


# Live training streams at up to 30 frames/s; a recording plays a frame every 0.3 s (51 frames in about 15 s).
runs.show(lambda: moment()(presenting), advance, step_now, interval=REPLAY_SECONDS if replay else STREAM_INTERVAL,
          replaying=bool(replay), moment=moment)

if not presenting:
    st.caption(t("mode_collapse.caption"))
    st.subheader(t("mode_collapse.tables"))
    st.caption(t("mode_collapse.tables_caption"))
    st.markdown(t("mode_collapse.published"))
    st.dataframe(published_table(), hide_index=True, width="stretch")
    st.markdown(t("mode_collapse.measured"))
    st.dataframe(measured_table(), hide_index=True, width="stretch")

with st.expander(t("explain.title")):
    st.markdown(t("mode_collapse.explain_figures"))
    st.markdown(t("mode_collapse.explain"))

stability_section(KEY, runs)  # the stability map (ganviz/ui/stability.py): a cell loads into the race above
