"""Train the MNIST VAE shipped in ganviz/lessons/weights/vae_mnist.safetensors (the Theory page's VAE vs GAN).

Usage (from the repo root):  nice -n 19 .venv/bin/python tools/make_vae.py [--epochs 10] [--minutes 20] [--data DIR]

An MLP VAE (784 -> 400 -> 20, Bernoulli decoder; ``ganviz.lessons.vae``) trained by Adam on the 60,000
training images with one torch thread, on the CPU, seed 0; it stops after --epochs or --minutes. The file's
metadata holds the card: settings, the training ELBO per epoch, the test ELBO, the seconds it took.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ganviz.lessons.vae import MNIST_FILE, WEIGHTS_DIR, save_mnist_vae, train_mnist_vae  # noqa: E402
from ganviz.mnist.download import find_data  # noqa: E402
from ganviz.mnist.idx import load_split  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--minutes", type=float, default=20.0)
    parser.add_argument("--data", help="the MNIST folder (default: where the app finds it)")
    parser.add_argument("--out", default=os.path.join(WEIGHTS_DIR, MNIST_FILE))
    args = parser.parse_args()
    torch.set_num_threads(1)
    root = Path(__file__).resolve().parent.parent
    folder = args.data or find_data(str(root.parent / "shared" / "data" / "mnist"),
                                    str(root.parent.parent / "shared" / "data" / "mnist"))
    if folder is None:
        sys.exit("MNIST not found: give --data DIR or run `ganviz mnist download`")
    train, test = load_split("train", folder), load_split("test", folder)
    model, card = train_mnist_vae(train.images, test.images, epochs=args.epochs, seconds=60 * args.minutes)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    save_mnist_vae(model, card, args.out)
    print(f"wrote {args.out}: {os.path.getsize(args.out):,} bytes; test ELBO {card['test_elbo']:.2f} nats per image "
          f"after {card['epochs']} epochs ({card['seconds']} s)")


if __name__ == "__main__":
    main()
