"""``python -m ganviz mnist ...``: train, sample, evaluate and download for the MNIST page.

Subcommands: ``train`` (Algorithm 1 on MNIST, resumable), ``sample`` (uint8 samples to
a .npy file), ``parzen`` (the paper's Table-1 figure), ``classifier`` (train the
classifier behind the quality figures), ``quality`` (its figures), ``eval`` (both,
written into the model card) and ``download``. Every error is one line naming the
file at fault, with exit status 2 for bad arguments and 1 for bad files.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np

from ganviz.core.device import resolve_device

from .download import MIRRORS, MIRRORS_VAR, DownloadError, download, mirrors
from .idx import ENV_VAR, IdxError, data_dir, load_split
from .weights import CARD_FILE, CLASSIFIER_FILE, WEIGHTS_DIR, WeightsError, load_generator, read_network, write_network

DATA_HELP = f"folder of the four MNIST IDX files (default: ${ENV_VAR}, else ~/.cache/ganviz/mnist)"
WEIGHTS_HELP = "folder of generator.safetensors (and discriminator, classifier, card.json) (default: the shipped one)"


def add_mnist_command(commands, parser_class) -> None:
    """Add ``mnist`` and its subcommands to the top-level subparsers ``commands``."""
    from .train import MnistTrainConfig

    mnist = commands.add_parser("mnist", help="the pretrained MNIST generator: train, sample, evaluate, download",
                                description="Train, sample and evaluate the MNIST generator the app ships. Errors are "
                                            "one line naming the file at fault: exit status 2 for bad arguments, "
                                            "1 for missing or bad files.")
    sub = mnist.add_subparsers(dest="mnist_command", required=True, parser_class=parser_class)
    d = MnistTrainConfig()

    train = sub.add_parser("train", help="train the MNIST GAN (resumes from --out's checkpoint)",
                           description="Algorithm 1 on MNIST train[0:--train-images]: an MLP (or, with --arch conv, a small DCGAN) GAN with Adam, writing "
                                       "checkpoint.safetensors every --checkpoint-every steps and the shippable "
                                       "generator, discriminator, progress frames and card.json into --out. Run it "
                                       "again with the same --out (and the same flags; --steps may grow) to resume.")
    train.add_argument("--data", help=DATA_HELP)
    train.add_argument("--out", required=True, help="folder for the checkpoint and the weights")
    train.add_argument("--steps", type=int, default=d.steps, help="Algorithm-1 iterations in all (default: %(default)s)")
    train.add_argument("--batch", type=int, default=d.batch, help="minibatch size (default: %(default)s)")
    train.add_argument("--lr", type=float, default=d.lr, help="Adam learning rate of both nets (default: %(default)s)")
    train.add_argument("--ema", type=float, default=d.ema, help="decay of G's weight average (default: %(default)s)")
    train.add_argument("--seed", type=int, default=d.seed, help="random seed (default: %(default)s)")
    train.add_argument("--train-images", type=int, default=d.train_images,
                       help="train on train[0:N] (default: %(default)s, the paper's split)")
    train.add_argument("--g-widths", type=widths, default=d.g_widths, metavar="W,W,...",
                       help=f"G's hidden layer widths (default: {','.join(map(str, d.g_widths))})")
    train.add_argument("--d-widths", type=widths, default=d.d_widths, metavar="W,W,...",
                       help=f"D's hidden layer widths (default: {','.join(map(str, d.d_widths))})")
    train.add_argument("--arch", choices=("mlp", "conv"), default=d.arch,
                       help="mlp: the paper's kind of nets (--g-widths, --d-widths); conv: the small DCGAN pair the "
                            "page's 'Train from scratch' uses (--channels, --z-dim) (default: %(default)s)")
    train.add_argument("--channels", type=int, default=d.channels,
                       help="--arch conv: channels of G's last and D's first convolution (default: %(default)s)")
    train.add_argument("--z-dim", type=int, default=d.conv_z_dim,
                       help="--arch conv: the dimension of z (default: %(default)s; the MLP's is 100)")
    train.add_argument("--checkpoint-every", type=int, default=500, help="steps between checkpoints (default: %(default)s)")
    train.add_argument("--device", default="auto", help="auto (CUDA, then MPS, then CPU), cpu, cuda or mps (default: %(default)s)")
    train.set_defaults(run=train_command, parser=train)

    sample = sub.add_parser("sample", help="write generated digits to a .npy file",
                            description="Write n samples as a uint8 array (n, 28, 28), 0 = background, 255 = ink.")
    sample.add_argument("--n", type=int, default=64, help="number of samples (default: %(default)s)")
    sample.add_argument("--seed", type=int, default=0, help="noise seed; same seed, same samples (default: %(default)s)")
    sample.add_argument("--out", required=True, metavar="FILE.npy", help="output file")
    sample.add_argument("--weights", help=WEIGHTS_HELP)
    sample.set_defaults(run=sample_command, parser=sample)

    for name, helptext in (("parzen", "the paper's Parzen-window log-likelihood (Table 1)"),
                           ("quality", "the classifier's figures: confident fraction, KL from uniform, Fréchet distance"),
                           ("eval", "both, written into the model card")):
        cmd = sub.add_parser(name, help=helptext,
                             description=f"{helptext[0].upper() + helptext[1:]}, on --n samples (seed --seed) and, "
                                         "unless --no-real, on as many real training images (train[0:n]) for "
                                         "reference. Parzen: sigma chosen from logspace(-1, 0, 10) on "
                                         "train[50000:51000], mean and standard error over the 10,000 test images.")
        cmd.add_argument("--data", help=DATA_HELP)
        cmd.add_argument("--weights", help=WEIGHTS_HELP)
        cmd.add_argument("--n", type=int, default=10_000, help="generated samples (default: %(default)s)")
        cmd.add_argument("--seed", type=int, default=0, help="noise seed (default: %(default)s)")
        cmd.add_argument("--no-real", action="store_true", help="skip the real-image reference")
        cmd.add_argument("--json", action="store_true", help="print the figures as one JSON object")
        cmd.set_defaults(run=evaluate_command, parser=cmd)

    classifier = sub.add_parser("classifier", help="train the MNIST classifier behind the quality figures",
                                description="Train the classifier (MLP 784-256-128-10) on the 60,000 training images "
                                            "and write classifier.safetensors into --out; prints its test accuracy.")
    classifier.add_argument("--data", help=DATA_HELP)
    classifier.add_argument("--out", required=True, help="folder for classifier.safetensors")
    classifier.add_argument("--epochs", type=int, default=4, help="passes over the training set (default: %(default)s)")
    classifier.add_argument("--seed", type=int, default=0, help="random seed (default: %(default)s)")
    classifier.set_defaults(run=classifier_command, parser=classifier)

    get = sub.add_parser("download", help="fetch the four MNIST files, verifying their SHA-256",
                         description="Fetch the four MNIST files from the first mirror that serves each "
                                     f"({', '.join(MIRRORS)}; ${MIRRORS_VAR}, comma-separated URLs, replaces them), "
                                     "keeping a file only if the SHA-256 of its content is the original's. Files "
                                     "already present and correct are not fetched again.")
    get.add_argument("--data", help=DATA_HELP)
    get.add_argument("--mirror", action="append", help="a mirror URL to use instead of the defaults (repeatable)")
    get.set_defaults(run=download_command, parser=get)


def widths(text: str) -> tuple[int, ...]:
    """ "256,512,1024" -> (256, 512, 1024): hidden layer widths (``MnistTrainConfig.validate`` checks each is >= 1)."""
    try:
        return tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected widths like 256,512 (got {text!r})") from None


def _fail(message: str) -> int:
    print(f"python -m ganviz mnist: {message}", file=sys.stderr)
    return 1


def train_command(args, parser) -> int:
    from .train import MnistTrainConfig, MnistTrainer, RecipeError

    if args.checkpoint_every < 1:
        parser.error(f"--checkpoint-every must be >= 1 (got {args.checkpoint_every})")
    try:
        config = MnistTrainConfig(steps=args.steps, batch=args.batch, lr=args.lr, ema=args.ema, seed=args.seed,
                                  train_images=args.train_images, g_widths=args.g_widths,
                                  d_widths=args.d_widths, arch=args.arch, channels=args.channels,
                                  conv_z_dim=args.z_dim).validate()
        resolve_device(args.device)
    except ValueError as err:
        parser.error(str(err))
    try:
        trainer = MnistTrainer(config, args.data, args.device)
        print(f"training on {len(trainer.data)} MNIST images, device {trainer.device}, into {args.out}", file=sys.stderr)
        card = trainer.run(args.out, args.checkpoint_every)
    except (IdxError, WeightsError, RecipeError) as err:
        return _fail(str(err))
    print(f"done: {card['steps']} steps ({card['epochs']} epochs) in {card['training_seconds']:.0f} s; "
          f"weights in {args.out}")
    return 0


def sample_command(args, parser) -> int:
    if args.n < 1:
        parser.error(f"--n must be >= 1 (got {args.n})")
    folder = os.path.dirname(os.path.abspath(args.out))
    if not os.path.isdir(folder):
        parser.error(f"--out: the folder {folder} does not exist")
    try:
        generator = load_generator(args.weights, with_discriminator=False)
    except WeightsError as err:
        return _fail(str(err))
    images = np.rint(generator.sample(args.n, args.seed) * 255).astype(np.uint8)
    with open(args.out, "wb") as file:  # a file object: np.save adds no ".npy" to the name
        np.save(file, images)
    print(f"wrote {args.n} samples (uint8, shape {images.shape}) to {args.out}")
    return 0


def evaluate_command(args, parser) -> int:
    from .evaluate import parzen_figures, quality_figures

    if args.n < 2:
        parser.error(f"--n must be >= 2 (got {args.n})")
    try:
        generator = load_generator(args.weights, with_discriminator=False)
        figures = {}
        if args.mnist_command in ("parzen", "eval"):
            figures["parzen"] = parzen_figures(generator, args.data, args.n, args.seed, real=not args.no_real)
        if args.mnist_command in ("quality", "eval"):
            classifier, about = read_network(os.path.join(args.weights or WEIGHTS_DIR, CLASSIFIER_FILE), "classifier")
            figures["quality"] = quality_figures(generator, classifier, args.data, args.n, args.seed,
                                                 real=not args.no_real)
            figures["quality"]["classifier"] = {k: about[k] for k in ("widths", "epochs", "seed", "test_accuracy")
                                                if k in about}
    except (IdxError, WeightsError) as err:
        return _fail(str(err))
    if args.mnist_command == "eval":
        card_path = os.path.join(args.weights or WEIGHTS_DIR, CARD_FILE)
        card = json.load(open(card_path, encoding="utf-8")) if os.path.exists(card_path) else {}
        card["evaluation"] = figures
        with open(card_path, "w", encoding="utf-8") as file:
            json.dump(card, file, indent=2)
            file.write("\n")
    if args.json:
        print(json.dumps(figures))
    else:
        print(describe(figures))
    return 0


def describe(figures: dict) -> str:
    """The figures as a few readable lines."""
    lines = []
    if "parzen" in figures:
        p = figures["parzen"]
        lines.append("Parzen log-likelihood of the MNIST test set (10,000 images, pixels in [0, 1]):")
        lines.append(f"  {p['n_samples']} samples (seed {p['seed']}): {p['samples']['mean']:.1f} ± {p['samples']['se']:.1f}"
                     f"  (sigma {p['samples']['sigma']:.4f})")
        if "real_images" in p:
            r = p["real_images"]
            lines.append(f"  {r['n_kernels']} real training images: {r['mean']:.1f} ± {r['se']:.1f}  (sigma {r['sigma']:.4f})")
        lines.append(f"  paper (adversarial nets, Table 1): {p['paper']['mean']:.0f} ± {p['paper']['se']:.0f}")
    if "quality" in figures:
        q = figures["quality"]
        for label, key in (("samples", "samples"), ("real images", "real_images")):
            if key in q:
                s = q[key]
                lines.append(f"{label}: confident (p > 0.9) {s['confident']:.3f}, KL(classes || uniform) "
                             f"{s['kl_uniform']:.4f} nats, Fréchet distance {s['frechet']:.2f}")
    return "\n".join(lines)


def classifier_command(args, parser) -> int:
    from .classifier import accuracy, train_classifier

    if args.epochs < 1:
        parser.error(f"--epochs must be >= 1 (got {args.epochs})")
    try:
        train, test = load_split("train", args.data), load_split("test", args.data)
    except IdxError as err:
        return _fail(str(err))
    model = train_classifier(train.images, train.labels, args.epochs, seed=args.seed)
    acc = accuracy(model, test.images, test.labels)
    os.makedirs(args.out, exist_ok=True)
    write_network(os.path.join(args.out, CLASSIFIER_FILE), model, test_accuracy=acc, epochs=args.epochs, seed=args.seed)
    print(f"test accuracy {acc:.4f}; wrote {os.path.join(args.out, CLASSIFIER_FILE)}")
    return 0


def download_command(args, parser) -> int:
    try:
        download(args.data, tuple(args.mirror) if args.mirror else mirrors())
    except DownloadError as err:
        return _fail(str(err))
    print(f"MNIST is in {data_dir(args.data)}")
    return 0
