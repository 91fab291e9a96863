"""MNIST: sample a pretrained generator; the paper's Figures 2 and 3, training progress and Table 1."""

import numpy as np
import streamlit as st

import ganviz.ui
from ganviz.mnist import IdxError, WeightsError, data_dir, has_data
from ganviz.mnist.idx import ENV_VAR, to_unit
from ganviz.mnist.render import grid
from ganviz.ui import mnist as cache

ganviz.ui.ensure_navigation()
KEY = "mnist"
GRID_COLS = {16: 8, 32: 16, 64: 16, 100: 20, 144: 24}  # number of samples -> columns
ROWS, PER_ROW = 5, 6  # Figure 2: rows of samples, then the nearest training image to the last one
# Measured with ganviz.mnist.nearest over the first 200 test images: 10th, 50th, 90th percentiles 2.0, 4.3, 5.5.
REAL_NN = "typically 2 to 5.5 (median 4.3)"

st.title("MNIST: a pretrained generator")
st.caption("A GAN trained on the 50,000 MNIST training digits ships with ganviz. Everything below is drawn by "
           "it on this machine's CPU, from a noise vector z ~ N(0, I) of 100 numbers per digit.")

try:
    gen = cache.generator()
except WeightsError as err:
    st.error(f"The pretrained generator could not be loaded: {err}")
    st.stop()
folder = data_dir()
card = cache.card()


def d_labels(images) -> list[str] | None:
    scores = gen.score(images)
    return None if scores is None else [f"D={s:.2f}" for s in scores]


# ----- samples ---------------------------------------------------------------------------------
st.subheader("Samples")
if f"{KEY}.seed" not in st.session_state:
    st.session_state[f"{KEY}.seed"] = 0


def reroll(key: str) -> None:
    """A fresh random seed in the number box ``key``."""
    st.session_state[key] = int(np.random.default_rng().integers(0, 1_000_000))


cols = st.columns([1, 1.3, 2, 3], vertical_alignment="bottom")
seed = cols[0].number_input("Seed", min_value=0, max_value=2**31 - 1, step=1, key=f"{KEY}.seed",
                            help="The same seed always draws the same digits.")
cols[1].button("New samples", key=f"{KEY}.new", on_click=reroll, args=(f"{KEY}.seed",), icon=":material/casino:")
n = cols[2].select_slider("Number of samples", list(GRID_COLS), value=64, key=f"{KEY}.n")
show_d = cols[3].toggle("Show D(x) under each sample", value=gen.discriminator is not None, key=f"{KEY}.show_d",
                        disabled=gen.discriminator is None,
                        help="The shipped discriminator's probability that the digit is real (1) rather than "
                             "generated (0).")
samples = gen.sample(n, int(seed))
st.image(grid(samples, cols=GRID_COLS[n], scale=2, labels=d_labels(samples) if show_d else None), width="content")
if gen.discriminator is not None:
    real = cache.real_scores(folder) if has_data(folder) else None
    st.caption(f"Mean D(x) over these samples: {gen.score(samples).mean():.2f}"
               + (f"; over {len(real)} real test digits: {real.mean():.2f}" if real is not None else "")
               + ". D is the discriminator of the last training step, G the running average of the generator's "
               "weights: D(x) says how real D finds each digit, 1 = surely real, 0 = surely generated.")

# ----- Figure 2 --------------------------------------------------------------------------------
st.subheader("Has it memorised the training set? (the paper's Figure 2)")
st.caption(f"Each row: {PER_ROW} samples, then, outlined in yellow, the training image nearest to the sample "
           "beside it (Euclidean distance in pixel space, searched over all 60,000 training images). If the "
           "generator had memorised its data, the two would be the same digit, pixel for pixel.")
rows = gen.sample(ROWS * PER_ROW, int(seed)).reshape(ROWS, PER_ROW, 28, 28)
if has_data(folder):
    try:
        found, index, distance = cache.nearest_training(rows[:, -1], folder)
    except IdxError as err:
        st.error(str(err))
    else:
        layout = np.concatenate([rows, to_unit(found)[:, None]], axis=1).reshape(-1, 28, 28)
        labels = [f"#{index[i // (PER_ROW + 1)]:,}" if (i + 1) % (PER_ROW + 1) == 0 else ""
                  for i in range(len(layout))]
        st.image(grid(layout, cols=PER_ROW + 1, outline={r * (PER_ROW + 1) + PER_ROW for r in range(ROWS)},
                      labels=labels), width="content")
        st.caption("Distances from each row's last sample to its nearest training image: "
                   + ", ".join(f"{d:.1f}" for d in distance)
                   + f". For comparison, a real test digit lies {REAL_NN} from its nearest training image: a copy "
                   "would be at about 0.")
else:
    st.info(f"The nearest-neighbour column needs the MNIST training images, and there are none in `{folder}`. "
            f"Get them with `python -m ganviz mnist download` (about 11 MB), or point the `{ENV_VAR}` "
            "environment variable at a folder that holds the four IDX files, then reload.")
    st.image(grid(rows.reshape(-1, 28, 28), cols=PER_ROW), width="content")

# ----- Figure 3 --------------------------------------------------------------------------------
st.subheader("Walking through z (the paper's Figure 3)")
st.caption("Digits generated from z = (1 − t)·z_left + t·z_right for t from 0 to 1: a smooth path in noise space "
           "gives a smooth morph between digits, another sign that G has learned a space, not a list.")
for side, default in (("left", 0), ("right", 1)):  # a 7 that morphs into an 8 with the shipped weights
    if f"{KEY}.{side}" not in st.session_state:
        st.session_state[f"{KEY}.{side}"] = default


c = st.columns([1, 1.1, 1, 1.1, 2.5], vertical_alignment="bottom")
left = c[0].number_input("Left end: seed", min_value=0, max_value=2**31 - 1, step=1, key=f"{KEY}.left")
c[1].button("Reroll left", key=f"{KEY}.reroll_left", on_click=reroll, args=(f"{KEY}.left",), icon=":material/casino:")
right = c[2].number_input("Right end: seed", min_value=0, max_value=2**31 - 1, step=1, key=f"{KEY}.right")
c[3].button("Reroll right", key=f"{KEY}.reroll_right", on_click=reroll, args=(f"{KEY}.right",), icon=":material/casino:")
steps = c[4].slider("Steps", 5, 16, 10, key=f"{KEY}.steps")
z_left, z_right = gen.latents(1, int(left))[0], gen.latents(1, int(right))[0]
t = np.linspace(0, 1, steps, dtype=np.float32)[:, None]
strip = gen.generate((1 - t) * z_left + t * z_right)
st.image(grid(strip, cols=steps, labels=[f"t={v:.2f}" for v in t[:, 0]]), width="content")

# ----- training progress -----------------------------------------------------------------------
st.subheader("How the samples improved during training")
try:
    frames, frame_steps = cache.progress()
except WeightsError as err:
    st.warning(f"No training-progress frames: {err}")
else:
    batch = card.get("config", {}).get("batch", 64)
    train_images = card.get("config", {}).get("train_images", 50_000)
    chosen = st.select_slider("Training step", options=[int(s) for s in frame_steps], value=int(frame_steps[-1]),
                              key=f"{KEY}.frame",
                              format_func=lambda s: f"{s:,} (epoch {s * batch / train_images:.1f})")
    k = int(np.flatnonzero(frame_steps == chosen)[0])
    st.image(grid(frames[k], cols=16), width="content")
    st.caption("The same 64 noise vectors, pushed through the generator as it was at each step of the shipped run "
               "(step 0: the untrained network).")

# ----- Table 1 -------------------------------------------------------------------------------
st.subheader("How good is it? (the paper's Table 1, and better)")
evaluation = card.get("evaluation", {})
parzen, quality = evaluation.get("parzen"), evaluation.get("quality")
if parzen:
    s, r = parzen["samples"], parzen.get("real_images")
    table = [{"model": "adversarial nets (paper, Table 1)", "Parzen log-likelihood": "225 ± 2", "sigma": "—"},
             {"model": "this generator, 10,000 samples", "Parzen log-likelihood": f"{s['mean']:.0f} ± {s['se']:.0f}",
              "sigma": f"{s['sigma']:.3f}"}]
    if r:
        table.append({"model": "10,000 real training images", "Parzen log-likelihood": f"{r['mean']:.0f} ± {r['se']:.0f}",
                      "sigma": f"{r['sigma']:.3f}"})
    st.table(table)
    st.caption("The paper's protocol (goodfeli/adversarial, parzen_ll.py): a Gaussian kernel on each of 10,000 "
               "samples, its width chosen among 10 values from 0.1 to 1 on 1,000 held-out training images, then "
               "the mean log-likelihood of the 10,000 test images ± its standard error. Higher is better, but in 784 "
               "dimensions the estimate is far from the true likelihood and a poor guide to sample quality (Theis, "
               "van den Oord and Bethge, 2016); the real images show what a perfect generator would score.")
if quality:
    q, r = quality["samples"], quality.get("real_images")
    table = [{"images": "this generator, 10,000 samples", "confident (p > 0.9)": f"{q['confident']:.1%}",
              "KL(classes ‖ uniform)": f"{q['kl_uniform']:.3f}", "Fréchet distance": f"{q['frechet']:.1f}"}]
    if r:
        table.append({"images": "10,000 real training images", "confident (p > 0.9)": f"{r['confident']:.1%}",
                      "KL(classes ‖ uniform)": f"{r['kl_uniform']:.3f}", "Fréchet distance": f"{r['frechet']:.1f}"})
    st.table(table)
    st.caption("A small MNIST classifier shipped with ganviz judges the samples: a blurry digit is not classified "
               "confidently, a generator that drops digits shows a class histogram far from uniform (KL 0 is "
               "perfectly balanced, log 10 ≈ 2.30 is one digit only), and the Fréchet distance compares the "
               "classifier's features of the samples with those of the test set (lower is better).")
if not evaluation:
    st.info("The model card has no evaluation yet: run `python -m ganviz mnist eval`.")

with st.expander("How this generator was made"):
    fields = ["generator", "discriminator", "data", "recipe", "steps", "epochs", "seed", "training_seconds", "machine"]
    st.markdown("\n".join(f"- **{f.replace('_', ' ')}**: {card[f]}" for f in fields if f in card))
    st.markdown("Retrain it with `python -m ganviz mnist train --data DIR --out DIR` (resumable), sample it with "
                "`python -m ganviz mnist sample --n 1000 --seed 0 --out samples.npy`, or from Python: "
                "`ganviz.mnist.load_generator().sample(n, seed)`.")
