"""Follow the teacher: codes (form, randomness, expiry, refusal) and one run's frames fanned out per variant."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from ganviz.frames import follow
from ganviz.frames.follow import ALPHABET, CODE_LENGTH, fan_out, lookup, normal_code, publish, valid_code
from ganviz.frames.snapshot import take_snapshot
from ganviz.frames.worker import find_channel
from ganviz.i18n import language, set_language, t
from ganviz.core.trainer import Trainer
from ganviz.lessons.presets import FIGURE1

from .streams import read_events


def test_codes_are_short_random_unambiguous_and_never_reused():
    codes = [publish("figure1", replica="").code for _ in range(300)]
    assert len(set(codes)) == len(codes)
    assert all(len(code) == CODE_LENGTH and set(code) <= set(ALPHABET) and valid_code(code) for code in codes)
    assert not set("ILO01") & set(ALPHABET)
    letters = Counter("".join(codes))
    assert len(letters) == len(ALPHABET), "every letter is drawn"
    # Not sequential: consecutive codes share no more letters in place than chance (1/23 per place).
    same = sum(a == b for x, y in zip(codes, codes[1:]) for a, b in zip(x, y))
    assert same < 0.15 * CODE_LENGTH * (len(codes) - 1)
    for code in codes:
        follow.end(code, "stopped")


def test_a_replica_puts_its_digit_first_and_a_bad_replica_is_refused():
    broadcast = publish("two_d", replica="2")
    assert broadcast.code[0] == "2" and valid_code(broadcast.code)
    assert lookup(broadcast.code)[0] is broadcast
    with pytest.raises(ValueError):
        publish("two_d", replica="x")
    broadcast.end("stopped")


def test_a_code_as_typed_is_found_and_a_wrong_one_refused_with_the_reason():
    broadcast = publish("figure1", replica="")
    typed = broadcast.code.lower()[:3] + " - " + broadcast.code.lower()[3:]
    assert normal_code(typed) == broadcast.code
    assert lookup(typed) == (broadcast, "ok")
    assert lookup("") == (None, "malformed")
    assert lookup("KMQ") == (None, "malformed")
    assert lookup("IIIIII") == (None, "malformed")  # letters a code never has
    assert lookup("<img src=x>") == (None, "malformed")
    other = next(c for c in ("ABCDEF", "GHJKMN", "PQRSTU") if c != broadcast.code)
    assert lookup(other) == (None, "unknown")
    broadcast.end("stopped")
    assert lookup(broadcast.code) == (None, "stopped"), "an ended code says why until it would have expired"


def test_codes_expire_and_are_then_forgotten():
    broadcast = publish("figure1", hours=1, replica="", now=1000.0)
    assert lookup(broadcast.code, now=1000.0 + 3599)[1] == "ok"
    assert lookup(broadcast.code, now=1000.0 + 3600) == (None, "unknown"), "past its hours it is purged"
    assert broadcast.ended == "expired"

    kept = publish("figure1", hours=1, replica="", now=1000.0)
    assert not kept.live(now=1000.0 + 3601) and kept.ended == "expired"
    kept.end("stopped")
    assert kept.ended == "expired", "the first reason stays"


def test_followers_frames_are_rate_limited_while_playing_but_never_a_pause():
    broadcast = publish("figure1", replica="")
    assert broadcast.due(True, now=10.0)
    assert not broadcast.due(True, now=10.0 + 0.5 / follow.FOLLOW_FPS)
    assert broadcast.due(False, now=10.0 + 0.5 / follow.FOLLOW_FPS), "a paused state always goes out"
    assert broadcast.due(True, now=10.0 + 2.0 / follow.FOLLOW_FPS)
    broadcast.end("stopped")


def _render(snap, trainer, state, rate, message, stopped=None, cost=None) -> bytes:
    """A live page's render, small: the step, the JSD and translated text (the badge)."""
    return json.dumps({"step": trainer.step, "jsd": snap.metrics["jsd"], "state": state,
                       "badge": t("live.status_running")}, ensure_ascii=False).encode()


def test_one_run_fans_out_the_teachers_steps_to_each_language_built_once_per_frame():
    set_language("en")
    broadcast = publish("figure1", replica="")
    built = Counter()

    def renderer_for(projector):
        def render(*args, **kwargs):
            built[(language(), projector)] += 1
            return _render(*args, **kwargs)
        return render

    render = fan_out(broadcast, _render, renderer_for, teacher=("en", False))
    trainer = Trainer(FIGURE1)
    teacher_frames = []
    teacher_frames.append(render(take_snapshot(trainer), trainer, "paused", None, None))
    english = broadcast.join(("en", False))  # the teacher's own variant: the teacher's bytes, never built again
    korean = broadcast.join(("ko", False))  # another language: built at once from the teacher's last state
    assert english.channel.frame == teacher_frames[0]
    assert json.loads(korean.channel.frame)["step"] == 0
    assert find_channel(korean.channel.token) is korean.channel, "the SSE route finds a follower's channel"
    for _ in range(3):
        trainer.train(7)
        teacher_frames.append(render(take_snapshot(trainer), trainer, "paused", None, None))
    teacher = json.loads(teacher_frames[-1])
    ko = json.loads(korean.channel.frame)
    assert english.channel.frame == teacher_frames[-1]
    assert ko["step"] == teacher["step"] == 21 and ko["jsd"] == teacher["jsd"], "the same frame, step for step"
    set_language("ko")
    assert ko["badge"] == t("live.status_running")
    set_language("en")
    assert teacher["badge"] == t("live.status_running") != ko["badge"]
    assert language() == "en", "the teacher's language is set back"
    assert built == Counter({("ko", False): 4}), "the Korean frame is built once per teacher frame, English never"
    assert [step for step, _ in korean.recorder.frames] == [0, 7, 14, 21], "the followers' timeline"

    trainer.train(5)  # a new run (the teacher pressed Reset) starts the timeline again
    fresh = Trainer(FIGURE1)
    render(take_snapshot(fresh), fresh, "paused", None, None)
    assert [step for step, _ in korean.recorder.frames] == [0]

    broadcast.end("left")
    events = read_events(korean.channel, 2, closing=True)
    assert events[-1].startswith(b"event: closed"), "the followers are told the broadcast ended"
    assert broadcast.relays == {} and broadcast.redraw is None, "nothing of the teacher's run is kept"
    assert lookup(broadcast.code) == (None, "left")
    before = built[("ko", False)]
    render(take_snapshot(fresh), fresh, "paused", None, None)
    assert built[("ko", False)] == before, "an ended broadcast builds nothing"


def test_a_variant_nobody_reads_is_not_built():
    set_language("en")
    broadcast = publish("figure1", replica="")
    built = Counter()

    def renderer_for(projector):
        def render(*args, **kwargs):
            built[projector] += 1
            return _render(*args, **kwargs)
        return render

    render = fan_out(broadcast, _render, renderer_for, teacher=("en", False))
    trainer = Trainer(FIGURE1)
    render(take_snapshot(trainer), trainer, "paused", None, None)
    relay = broadcast.join(("en", True))
    assert built[True] == 1
    relay.channel._last_seen -= follow.WANTED_SECONDS + 1  # its follower left long ago
    render(take_snapshot(trainer), trainer, "paused", None, None)
    assert built[True] == 1 and broadcast.wanted() == []
    broadcast.end("stopped")


def test_while_followers_read_the_teachers_channel_counts_as_watched():
    from ganviz.frames.worker import open_channel

    set_language("en")
    broadcast = publish("figure1", replica="")
    own = open_channel()
    own._last_seen -= 100  # the teacher's own view has lagged for a while
    render = fan_out(broadcast, _render, lambda projector: _render, ("en", False), own)
    trainer = Trainer(FIGURE1)
    render(take_snapshot(trainer), trainer, "paused", None, None)
    assert own.idle_for() > 50, "no follower yet: nothing changes"
    broadcast.join(("en", False))
    render(take_snapshot(trainer), trainer, "paused", None, None)
    assert own.idle_for() < 1, "a follower reads: the run's worker is not stopped for want of a viewer"
    broadcast.end("stopped")


def test_a_race_feeds_each_variant_from_one_moment_built_in_its_language_and_layout():
    """The race's way (``ganviz.ui.follow.relay_race``): one moment's snapshots, a frame per wanted variant built
    from them in its language and layout; a follower joining later gets that moment, not the race as it is now."""
    from ganviz.frames.follow import feed

    set_language("en")
    broadcast = publish("mode_collapse", replica="")
    trainers = [Trainer(FIGURE1), Trainer(FIGURE1)]
    snapshots = Counter()
    built = Counter()

    def moment():
        snaps = [take_snapshot(trainer) for trainer in trainers]
        snapshots["taken"] += 1

        def build(variant):
            built[variant] += 1
            return json.dumps({"steps": [snap.step for snap in snaps], "projector": variant[1],
                               "badge": t("live.status_running")}, ensure_ascii=False).encode()
        return build

    def frame(playing=False):
        build = moment()
        teacher = build(("en", False))
        feed(broadcast, ("en", False), trainers[0].step, teacher, playing, build)
        return teacher

    frame()
    korean, projector = broadcast.join(("ko", False)), broadcast.join(("en", True))
    for _ in range(2):
        for trainer in trainers:
            trainer.train(5)
        teacher = frame()
    assert snapshots["taken"] == 3, "one moment's snapshots per frame, whoever reads it"
    assert built == Counter({("en", False): 3, ("ko", False): 3, ("en", True): 3}), \
        "the teacher's frame once, each follower's variant once per frame (joining drew the first at once)"
    ko, big = json.loads(korean.channel.frame), json.loads(projector.channel.frame)
    assert ko["steps"] == big["steps"] == json.loads(teacher)["steps"] == [10, 10]
    assert big["projector"] and not ko["projector"]
    set_language("ko")
    assert ko["badge"] == t("live.status_running")
    set_language("en")
    assert big["badge"] == t("live.status_running") != ko["badge"] and language() == "en"

    for trainer in trainers:  # the race trains on between two frames: a newcomer gets the last frame's moment
        trainer.train(5)
    late = broadcast.join(("ko", True))
    assert json.loads(late.channel.frame)["steps"] == [10, 10] and snapshots["taken"] == 3

    frame(playing=True)
    assert not broadcast.due(True), "while the race plays, the followers' frames are rate-limited"
    broadcast.end("stopped")
    before = sum(built.values())
    frame()
    assert sum(built.values()) == before + 1, "an ended broadcast builds only the teacher's frame"
